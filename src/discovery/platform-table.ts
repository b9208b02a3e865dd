/**
 * How to tell whether a handle exists on each platform, as data: the URL to check, the markers of a
 * profile that exists and of one that does not, and a known-existing and a known-missing sample handle
 * for `discover --self-check`. A response that shows neither marker (a login wall, a challenge page, a
 * rate limit) is `unknown`: never `found`, never `not-found`. Walls are recognised by the audit's own
 * markers (walled/walls.ts, YouTube's consent page, Threads' login page) before either marker is tried.
 */
import type { PlatformId } from '../model/index.js';

/** What a response must show, all of it, to count as a marker. */
export interface Marker {
  /** One of these HTTP statuses. */
  status: readonly number[];
  /** The body matches this (built from the handle, escaped), when given. */
  body?: (handle: string) => RegExp;
  /** How the evidence names the marker. */
  says: string;
}

export interface DiscoveryPlatform {
  id: PlatformId;
  name: string;
  /** Handles the platform allows; any other cannot exist there and is not asked for. */
  handle: RegExp;
  /** The public profile URL of a handle: what an inventory would list. */
  profileUrl: (handle: string) => string;
  /** Where the check goes: `base` (overridable with --endpoint) + path; an API or a page (robots.txt applies). */
  check: { base: string; path: (handle: string) => string; kind: 'api' | 'page' };
  found: Marker;
  missing: Marker;
  samples: {
    exists: string;
    missing: string;
    /** What the self-check expects for `exists` (default found) and `missing` (default not-found): a walled platform answers unknown. */
    expect?: { exists: 'found' | 'unknown'; missing: 'not-found' | 'unknown' };
  };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const quoted = (field: string) => (h: string) => new RegExp(`"${field}"\\s*:\\s*"${esc(h)}"`, 'i');
const UNKNOWN_BOTH = { exists: 'unknown', missing: 'unknown' } as const;
const WORD = /^[A-Za-z0-9_]{1,30}$/;
const DOTTED = /^[A-Za-z0-9_.]{1,30}$/;

export const DISCOVERY_PLATFORMS: readonly DiscoveryPlatform[] = [
  {
    id: 'mastodon',
    name: 'Mastodon (mastodon.social)',
    handle: WORD,
    profileUrl: (h) => `https://mastodon.social/@${h}`,
    check: { base: 'https://mastodon.social', path: (h) => `/api/v1/accounts/lookup?acct=${encodeURIComponent(h)}`, kind: 'api' },
    found: { status: [200], body: quoted('acct'), says: 'the account lookup returned the account' },
    missing: { status: [404], body: () => /Record not found/i, says: 'the account lookup answered 404 "Record not found"' },
    samples: { exists: 'Gargron', missing: 'channel_audit_nobody_7q3' },
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    handle: /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/,
    // a bare name is looked for as NAME.bsky.social; a name with a dot is a full handle (a domain)
    profileUrl: (h) => `https://bsky.app/profile/${bskyHandle(h)}`,
    check: { base: 'https://public.api.bsky.app', path: (h) => `/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(bskyHandle(h))}`, kind: 'api' },
    found: { status: [200], body: (h) => quoted('handle')(bskyHandle(h)), says: 'the AppView returned the profile' },
    missing: { status: [400], body: () => /Profile not found|Unable to resolve handle|could not find/i, says: 'the AppView answered "Profile not found"' },
    samples: { exists: 'bsky.app', missing: 'channel-audit-nobody-7q3' },
  },
  {
    id: 'youtube',
    name: 'YouTube',
    handle: /^[A-Za-z0-9_.-]{3,30}$/,
    profileUrl: (h) => `https://www.youtube.com/@${h}`,
    check: { base: 'https://www.youtube.com', path: (h) => `/@${encodeURIComponent(h)}`, kind: 'page' },
    found: { status: [200], body: () => /"(channelId|externalId)"\s*:\s*"UC[\w-]{22}"|<link rel="canonical" href="https:\/\/www\.youtube\.com\/channel\/UC/, says: 'the page names the channel id' },
    missing: { status: [404], says: 'YouTube answered 404' },
    samples: { exists: 'YouTube', missing: 'channelauditnobody7q3' },
  },
  {
    id: 'reddit',
    name: 'Reddit (user)',
    handle: /^[A-Za-z0-9_-]{3,20}$/,
    profileUrl: (h) => `https://www.reddit.com/user/${h}`,
    check: { base: 'https://www.reddit.com', path: (h) => `/user/${encodeURIComponent(h)}/about.json`, kind: 'api' },
    found: { status: [200], body: quoted('name'), says: 'about.json returned the account' },
    missing: { status: [404], body: () => /"error"\s*:\s*404/, says: 'about.json answered 404' },
    samples: { exists: 'spez', missing: 'channel_audit_nobody7' },
  },
  {
    id: 'threads',
    name: 'Threads',
    handle: DOTTED,
    profileUrl: (h) => `https://www.threads.net/@${h.toLowerCase()}`,
    check: { base: 'https://www.threads.net', path: (h) => `/@${encodeURIComponent(h.toLowerCase())}`, kind: 'page' },
    found: { status: [200], body: (h) => new RegExp(`<title>[^<]*\\(@${esc(h)}\\)[^<]*Threads`, 'i'), says: 'the page title names the account' },
    missing: { status: [404], says: 'Threads answered 404' },
    samples: { exists: 'zuck', missing: 'channel.audit.nobody7q3' },
  },
  {
    id: 'x',
    name: 'X/Twitter',
    handle: /^[A-Za-z0-9_]{1,15}$/,
    profileUrl: (h) => `https://x.com/${h}`,
    check: { base: 'https://x.com', path: (h) => `/${encodeURIComponent(h)}`, kind: 'page' },
    // logged out, X serves the same JavaScript shell for every name: only a plain 404 says anything
    found: { status: [200], body: (h) => new RegExp(`"screen_name"\\s*:\\s*"${esc(h)}"`, 'i'), says: 'the page carries the account' },
    missing: { status: [404], says: 'X answered 404' },
    samples: { exists: 'X', missing: 'cha_nobody_7q3', expect: UNKNOWN_BOTH },
  },
  {
    id: 'instagram',
    name: 'Instagram',
    handle: DOTTED,
    profileUrl: (h) => `https://www.instagram.com/${h.toLowerCase()}/`,
    check: { base: 'https://www.instagram.com', path: (h) => `/${encodeURIComponent(h.toLowerCase())}/`, kind: 'page' },
    found: { status: [200], body: (h) => new RegExp(`<meta property="og:title" content="[^"]*\\(@${esc(h)}\\)`, 'i'), says: 'og:title names the account' },
    missing: { status: [404], says: 'Instagram answered 404' },
    samples: { exists: 'instagram', missing: 'channel.audit.nobody7q3', expect: UNKNOWN_BOTH },
  },
  {
    id: 'facebook',
    name: 'Facebook',
    handle: /^[A-Za-z0-9.]{5,50}$/,
    profileUrl: (h) => `https://www.facebook.com/${h.toLowerCase()}`,
    check: { base: 'https://www.facebook.com', path: (h) => `/${encodeURIComponent(h.toLowerCase())}`, kind: 'page' },
    found: { status: [200], body: (h) => new RegExp(`<meta property="og:url" content="https://www\\.facebook\\.com/${esc(h)}/?"`, 'i'), says: 'og:url is the page' },
    missing: { status: [404], says: 'Facebook answered 404' },
    samples: { exists: 'facebook', missing: 'channel.audit.nobody7q3', expect: UNKNOWN_BOTH },
  },
  {
    id: 'linkedin',
    name: 'LinkedIn (company)',
    handle: /^[A-Za-z0-9-]{2,100}$/,
    profileUrl: (h) => `https://www.linkedin.com/company/${h.toLowerCase()}`,
    check: { base: 'https://www.linkedin.com', path: (h) => `/company/${encodeURIComponent(h.toLowerCase())}`, kind: 'page' },
    found: { status: [200], body: (h) => new RegExp(`<link rel="canonical" href="https://[a-z]+\\.linkedin\\.com/company/${esc(h)}/?"`, 'i'), says: 'the canonical link is the company page' },
    missing: { status: [404], says: 'LinkedIn answered 404' },
    samples: { exists: 'linkedin', missing: 'channel-audit-nobody-7q3', expect: UNKNOWN_BOTH },
  },
  {
    id: 'tiktok',
    name: 'TikTok',
    handle: /^[A-Za-z0-9_.]{2,24}$/,
    profileUrl: (h) => `https://www.tiktok.com/@${h.toLowerCase()}`,
    check: { base: 'https://www.tiktok.com', path: (h) => `/@${encodeURIComponent(h.toLowerCase())}`, kind: 'page' },
    found: { status: [200], body: quoted('uniqueId'), says: 'the page data names the account' },
    missing: { status: [404], says: 'TikTok answered 404' },
    samples: { exists: 'tiktok', missing: 'channel.audit.nobody7q3', expect: UNKNOWN_BOTH },
  },
];

function bskyHandle(h: string): string {
  return (h.includes('.') ? h : `${h}.bsky.social`).toLowerCase();
}
