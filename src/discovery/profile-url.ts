/**
 * A link → the social profile it names, in one canonical form, or null when it names none (a share
 * button, a single post, a help page). Canonical: https, lower-case host with `www.`/`m.`/`mobile.`
 * folded (twitter.com → x.com, threads.com → threads.net), no query (tracking parameters), no fragment,
 * no trailing slash, and the handle lower-cased where the platform ignores case; so every way a site
 * writes a link to one profile gives the same URL.
 */
import type { PlatformId } from '../model/index.js';
import { tryDecodeURIComponent } from '../model/uri.js';
import { acctFromUrl, handleFromUrl, platformOfUrl } from '../platforms/urls.js';

export interface ProfileRef {
  platform: PlatformId;
  /** The canonical profile URL. */
  url: string;
  /** The account as the platform names it (without a leading @). */
  handle: string;
}

/** First path segments that are the platform's own pages, never an account. */
const RESERVED: Partial<Record<PlatformId, RegExp>> = {
  x: /^(i|intent|share|home|search|hashtag|explore|settings|login|signup|tos|privacy|messages|notifications|compose|download)$/i,
  facebook:
    /^(sharer|sharer\.php|share|share\.php|dialog|plugins|login|login\.php|help|policies|privacy|groups|events|watch|hashtag|photo|photo\.php|story\.php|permalink\.php|marketplace|gaming|business|ads)$/i,
  instagram: /^(p|reel|reels|explore|accounts|stories|direct|about|legal|developer|tv)$/i,
  tiktok: /^(tag|music|discover|search|legal|about|login|upload|foryou|following|live)$/i,
};

const HANDLE = /^[A-Za-z0-9_.-]{1,64}$/;

/** Hosts per platform, before folding (the host's `www.`/`m.`/`mobile.` prefix is removed first). */
const HOSTS: Array<[RegExp, PlatformId, string]> = [
  [/^(x|twitter)\.com$/, 'x', 'x.com'],
  [/^(facebook|fb)\.com$/, 'facebook', 'www.facebook.com'],
  [/^instagram\.com$/, 'instagram', 'www.instagram.com'],
  [/^linkedin\.com$/, 'linkedin', 'www.linkedin.com'],
  [/^tiktok\.com$/, 'tiktok', 'www.tiktok.com'],
  [/^youtube\.com$/, 'youtube', 'www.youtube.com'],
  [/^threads\.(net|com)$/, 'threads', 'www.threads.net'],
  [/^bsky\.app$/, 'bluesky', 'bsky.app'],
  [/^reddit\.com$/, 'reddit', 'www.reddit.com'],
];

function ref(platform: PlatformId, host: string, path: string, handle: string): ProfileRef {
  return { platform, url: `https://${host}${path}`, handle };
}

/** The profile a link names, canonical; null for anything else. */
export function profileRef(link: string | URL): ProfileRef | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile|mbasic|old|new|np)\./, '');
  // a malformed escape (`/promo/20%off`) stays as written: outside text never throws
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => tryDecodeURIComponent(s) ?? s);
  const known = HOSTS.find(([pattern]) => pattern.test(host));
  if (!known) return blogRef(host, segments) ?? mastodonRef(url);
  const [, platform, canonicalHost] = known;
  const [first = '', second = ''] = segments;
  if (RESERVED[platform]?.test(first)) return null;
  switch (platform) {
    case 'x':
    case 'instagram':
      // one segment only: /name/status/123 is a post, not a profile
      return segments.length === 1 && HANDLE.test(first)
        ? ref(platform, canonicalHost, `/${first.toLowerCase()}`, first.toLowerCase())
        : null;
    case 'facebook': {
      if (first === 'profile.php') {
        const id = url.searchParams.get('id');
        return id && /^\d+$/.test(id) ? ref(platform, canonicalHost, `/profile.php?id=${id}`, id) : null;
      }
      const name = first === 'pages' ? (segments.at(-1) ?? '') : segments.length === 1 ? first : '';
      return HANDLE.test(name)
        ? ref(
            platform,
            canonicalHost,
            first === 'pages' ? `/${segments.map(encodeURIComponent).join('/')}` : `/${name.toLowerCase()}`,
            name.toLowerCase(),
          )
        : null;
    }
    case 'linkedin':
      return /^(company|in|school|showcase)$/.test(first) && HANDLE.test(second) && segments.length === 2
        ? ref(platform, canonicalHost, `/${first}/${second.toLowerCase()}`, second.toLowerCase())
        : null;
    case 'tiktok':
    case 'threads':
      return segments.length === 1 && /^@[\w.]{1,30}$/.test(first)
        ? ref(platform, canonicalHost, `/${first.toLowerCase()}`, first.slice(1).toLowerCase())
        : null;
    case 'youtube':
      if (segments.length === 1 && /^@[\w.-]{1,100}$/.test(first))
        return ref(platform, canonicalHost, `/${first.toLowerCase()}`, first.slice(1).toLowerCase());
      if (/^(channel|c|user)$/.test(first) && HANDLE.test(second) && segments.length <= 3) {
        // channel ids are case-sensitive; /c/ and /user/ names are not
        const name = first === 'channel' ? second : second.toLowerCase();
        return ref(platform, canonicalHost, `/${first}/${name}`, name);
      }
      return null;
    case 'bluesky': {
      const handle = handleFromUrl(new URL(`https://bsky.app/${segments.slice(0, 2).join('/')}`));
      return handle && segments.length === 2
        ? ref(platform, canonicalHost, `/profile/${handle.toLowerCase()}`, handle.toLowerCase())
        : null;
    }
    case 'reddit':
      return /^(user|u)$/.test(first) && HANDLE.test(second) && segments.length === 2
        ? ref(platform, canonicalHost, `/user/${second.toLowerCase()}`, second.toLowerCase())
        : /^r$/.test(first) && HANDLE.test(second) && segments.length === 2
          ? ref(platform, canonicalHost, `/r/${second.toLowerCase()}`, second.toLowerCase())
          : null;
    default:
      return null;
  }
}

/** A blog on a blogging platform: medium.com/@name, name.substack.com. */
function blogRef(host: string, segments: string[]): ProfileRef | null {
  if (host === 'medium.com' && segments.length === 1 && /^@[\w.-]{1,64}$/.test(segments[0]!)) {
    return ref('feed', 'medium.com', `/${segments[0]!.toLowerCase()}`, segments[0]!.slice(1).toLowerCase());
  }
  const substack = /^([a-z0-9-]+)\.substack\.com$/.exec(host);
  if (substack && substack[1] !== 'www' && segments.length === 0) return ref('feed', host, '', substack[1]!);
  return null;
}

/** A Mastodon (or other fediverse) profile on any host: https://host/@name. */
function mastodonRef(url: URL): ProfileRef | null {
  // only the /@name shape: /users/name is too common on ordinary sites to mean Mastodon
  if (platformOfUrl(url) !== 'mastodon' || !/^\/@[^/@]+\/?$/.test(url.pathname)) return null;
  const acct = acctFromUrl(url);
  if (!acct || !HANDLE.test(acct)) return null;
  const host = url.hostname.toLowerCase();
  return ref('mastodon', host, `/@${acct.toLowerCase()}`, `${acct.toLowerCase()}@${host}`);
}
