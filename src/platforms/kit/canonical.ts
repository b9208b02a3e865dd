/** How a platform names its profiles in canonical URLs: the rule each platform's folder declares. */

/** A handle as platforms write them in profile URLs. */
export const HANDLE = /^[A-Za-z0-9_.-]{1,64}$/;

export interface CanonicalRule {
  /** The platform's hosts, after a `www.`, `m.` or `mobile.` prefix is folded away. */
  hosts: RegExp;
  /** The host its canonical profile URLs use. */
  host: string;
  /**
   * The profile a link's path names (segments percent-decoded), as its canonical path and handle;
   * null for a single post, a share button, or the platform's own pages.
   */
  profile(segments: readonly string[], url: URL): { path: string; handle: string } | null;
}

/** One segment, `/name`, lower-cased: X, Instagram. */
export const singleName = (segments: readonly string[], reserved: RegExp): { path: string; handle: string } | null => {
  const [first = ''] = segments;
  if (reserved.test(first) || segments.length !== 1 || !HANDLE.test(first)) return null;
  return { path: `/${first.toLowerCase()}`, handle: first.toLowerCase() };
};

/** One segment, `/@name`, lower-cased: TikTok, Threads. */
export const atName = (
  segments: readonly string[],
  reserved: RegExp | null = null,
): { path: string; handle: string } | null => {
  const [first = ''] = segments;
  if (reserved?.test(first) || segments.length !== 1 || !/^@[\w.]{1,30}$/.test(first)) return null;
  return { path: `/${first.toLowerCase()}`, handle: first.slice(1).toLowerCase() };
};
