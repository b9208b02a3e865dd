/** What the identity rules and section need to know about the platforms' account facts. */

/**
 * Platforms whose source shows the bio's text but not its link field: a bio without a link there is no
 * missing link (YouTube's channel links sit in its header, which the Data API does not give).
 */
export const LINK_FIELD_UNSHOWN: ReadonlySet<string> = new Set(['youtube']);

/**
 * What opening the bio's link showed (docs/measuring.md "Identity"): `ok` (it answered 2xx, after its
 * redirects), `dead` (404 or 410, or its domain no longer exists while this machine resolves others),
 * or `unknown` with the reason (a timeout, 403/429 or a login wall, refused by robots.txt, 5xx, not
 * recorded in a replay). Could not tell is never dead.
 */
export interface BioLinkStatus {
  result: 'ok' | 'dead' | 'unknown';
  /** The last response's HTTP status; null when none came. */
  httpStatus: number | null;
  /** Where its redirects ended; null when no response came. */
  finalUrl: string | null;
  /** Why it is dead or unknown, in words; null when ok. */
  reason: string | null;
}

/** A link's site for comparing links: its host, lower-cased, without `www.` or a trailing dot; null when no URL. */
export const siteHost = (url: string): string | null =>
  URL.canParse(url)
    ? new URL(url).hostname
        .toLowerCase()
        .replace(/^www\./, '')
        .replace(/\.$/, '')
    : null;
