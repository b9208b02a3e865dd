/**
 * A link → the social profile it names, in one canonical form, or null when it names none (a share
 * button, a single post, a help page). Canonical: https (a self-hosted server keeps the link's scheme
 * and port), lower-case host with `www.`/`m.`/`mobile.`
 * folded (twitter.com → x.com, threads.com → threads.net), no query (tracking parameters), no fragment,
 * no trailing slash, and the handle lower-cased where the platform ignores case; so every way a site
 * writes a link to one profile gives the same URL.
 */
import type { PlatformId } from '../model/index.js';
import { tryDecodeURIComponent } from '../model/uri.js';
import { HANDLE } from '../platforms/kit/canonical.js';
import { PLATFORM_DEFINITIONS, type PlatformDefinition } from '../platforms/index.js';
import { acctFromUrl, platformOfUrl } from '../platforms/urls.js';

export interface ProfileRef {
  platform: PlatformId;
  /** The canonical profile URL. */
  url: string;
  /** The account as the platform names it (without a leading @). */
  handle: string;
}

const DEFINITIONS: readonly PlatformDefinition[] = PLATFORM_DEFINITIONS;

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
  // the platform whose hosts these are, by the rule its folder declares (src/platforms/<id>/canonical.ts)
  const known = DEFINITIONS.find((d) => d.canonical?.hosts.test(host));
  if (!known?.canonical) return blogRef(host, segments) ?? mastodonRef(url);
  const found = known.canonical.profile(segments, url);
  return found ? ref(known.id, known.canonical.host, found.path, found.handle) : null;
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
  // a self-hosted server is where the link says: its scheme and port are kept (http://host:8080/@x)
  const name = acct.toLowerCase();
  return { platform: 'mastodon', url: `${url.protocol}//${url.host}/@${name}`, handle: `${name}@${url.hostname}` };
}
