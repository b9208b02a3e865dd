/**
 * What a YouTube channel page (or the ytInitialData / innertube JSON it embeds) says: the channel id, or
 * why there is none: a consent or bot-check interstitial (could not tell) or an error alert (gone).
 */

const ID = 'UC[\\w-]{22}';

/** The channel's own id, most specific source first; featured channels elsewhere on the page are ignored. */
const ID_SOURCES: readonly RegExp[] = [
  new RegExp(`"externalId"\\s*:\\s*"(${ID})"`),
  new RegExp(`<meta[^>]+itemprop=["'](?:channelId|identifier)["'][^>]+content=["'](${ID})["']`),
  new RegExp(`feeds/videos\\.xml\\?channel_id=(${ID})`),
  new RegExp(`<link[^>]+rel=["']canonical["'][^>]+/channel/(${ID})`),
  new RegExp(`"browseId"\\s*:\\s*"(${ID})"`),
];

export function extractChannelId(page: string): string | null {
  for (const source of ID_SOURCES) {
    const m = source.exec(page);
    if (m) return m[1]!;
  }
  return null;
}

/** A channel id written in the URL itself: /channel/UC... */
export function channelIdFromUrl(url: URL): string | null {
  return new RegExp(`^/channel/(${ID})(/|$)`).exec(url.pathname)?.[1] ?? null;
}

export type PageProblem =
  | { kind: 'blocked'; evidence: string; reason: string }
  | { kind: 'unreachable'; reason: string };

const INTERSTITIALS: ReadonlyArray<{ id: string; host?: RegExp; text?: RegExp; says: string }> = [
  {
    id: 'youtube-consent',
    host: /^consent\.(youtube|google)\.com$/i,
    says: 'YouTube redirected to its cookie-consent page',
  },
  { id: 'youtube-consent', text: /Before you continue to YouTube/i, says: 'YouTube showed its cookie-consent page' },
  {
    id: 'youtube-bot-check',
    text: /Sign in to confirm you(’|'|&#39;)re not a bot/i,
    says: 'YouTube asked to sign in to confirm this is not a bot',
  },
  {
    id: 'google-sorry',
    host: /^(www\.)?google\.com$/i,
    text: /unusual traffic/i,
    says: 'Google\'s "unusual traffic" check',
  },
];

/** An interstitial (blocked) or an error alert (unreachable), or null when the page looks like a channel. */
export function channelPageProblem(page: string, finalUrl: string): PageProblem | null {
  const host = new URL(finalUrl).hostname;
  for (const i of INTERSTITIALS) {
    const hostOk = !i.host || i.host.test(host);
    const textOk = !i.text || i.text.test(page);
    if (hostOk && textOk) return { kind: 'blocked', evidence: `${i.id}: ${finalUrl}`, reason: i.says };
  }
  const alert =
    /"alertRenderer"\s*:\s*\{\s*"type"\s*:\s*"ERROR"[\s\S]{0,200}?"(?:simpleText|text)"\s*:\s*"([^"]{1,300})"/.exec(
      page,
    );
  if (alert) return { kind: 'unreachable', reason: `YouTube says: ${alert[1]}` };
  return null;
}
