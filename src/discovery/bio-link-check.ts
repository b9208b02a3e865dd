/**
 * Opening a profile's bio link, once per distinct URL in a run, through the run's own HTTP client (its
 * politeness per host, robots.txt, timeouts, body and redirect caps, recording and replay): whether
 * the page is there (`ok`), gone (`dead`: 404/410, or a domain that no longer exists while this
 * machine resolves other names), or could not be told (`unknown`, with why). Could not tell is never
 * dead. A link on the platform's own site is not opened: it is another profile or page of the same
 * platform, which the audit reads (or not) as such.
 */
import { FetchError, NO_SUCH_HOST, type HttpClient } from '../http/types.js';
import { redactUrl, siteHost, type BioLinkStatus, type PlatformId } from '../model/index.js';
import { platformDefinition } from '../platforms/index.js';

const GONE = new Set([404, 410]);

/** The link is on the profile's own host (a subdomain either way), or on one of its platform's hosts. */
export function onPlatformSite(link: string, profileUrl: string, platform: PlatformId | null): boolean {
  const a = siteHost(link);
  const b = siteHost(profileUrl);
  if (a === null) return true; // nothing to open
  if (b !== null && (a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`))) return true;
  if (platform === null) return false;
  return platformDefinition(platform).hosts?.test(new URL(link).hostname) === true;
}

/** A response, or the failure in its place, as the link's status. `namesResolve`: whether this machine resolves other names. */
export async function judgeBioLink(
  url: string,
  answer: { status: number; finalUrl: string } | unknown,
  namesResolve: () => Promise<boolean>,
): Promise<BioLinkStatus> {
  if (answer !== null && typeof answer === 'object' && 'status' in answer && 'finalUrl' in answer) {
    const { status, finalUrl } = answer as { status: number; finalUrl: string };
    const where = redactUrl(finalUrl);
    if (status >= 200 && status < 300) return { result: 'ok', httpStatus: status, finalUrl: where, reason: null };
    if (GONE.has(status))
      return { result: 'dead', httpStatus: status, finalUrl: where, reason: `HTTP ${status} from ${where}` };
    return {
      result: 'unknown',
      httpStatus: status,
      finalUrl: where,
      reason: `HTTP ${status} from ${where}: the site did not show the page, which does not say it is gone`,
    };
  }
  const unknown = (reason: string): BioLinkStatus => ({ result: 'unknown', httpStatus: null, finalUrl: null, reason });
  if (!(answer instanceof FetchError)) return unknown(`could not be opened: ${messageOf(answer)}`);
  if (answer.code === 'not-recorded') return unknown('not checked: this replay has no recorded response for it');
  if (answer.code === 'robots') return unknown("not opened: the site's robots.txt does not allow it");
  if (answer.code === 'dns' && answer.message.endsWith(NO_SUCH_HOST)) {
    const host = new URL(url).hostname;
    // the resolver's "no such host" means gone only while this machine resolves other names
    if (await namesResolve())
      return { result: 'dead', httpStatus: null, finalUrl: null, reason: `the domain ${host} no longer exists` };
  }
  return unknown(answer.message);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One run's bio links: each distinct URL opened once, however many profiles link to it. */
export class BioLinkChecker {
  private readonly seen = new Map<string, Promise<BioLinkStatus>>();

  constructor(
    private readonly http: HttpClient,
    private readonly namesResolve: () => Promise<boolean>,
  ) {}

  /**
   * The link's status, or null where it is not opened (on the platform's own site). `from`: the page or
   * API answer that named it (a link into a private address from a public one is refused).
   */
  check(link: string, profileUrl: string, platform: PlatformId | null, from?: string): Promise<BioLinkStatus | null> {
    if (onPlatformSite(link, profileUrl, platform)) return Promise.resolve(null);
    let status = this.seen.get(link);
    if (!status) {
      status = this.http
        .get(link, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', kind: 'page', retries: 0, from })
        .then(
          (res) => judgeBioLink(link, res, this.namesResolve),
          (error: unknown) => judgeBioLink(link, error, this.namesResolve),
        )
        // whatever went wrong in judging it, the profile's result never fails for its bio link
        .catch((error: unknown) => ({
          result: 'unknown' as const,
          httpStatus: null,
          finalUrl: null,
          reason: `could not be opened: ${messageOf(error)}`,
        }));
      this.seen.set(link, status);
    }
    return status;
  }
}
