/**
 * Does this machine resolve host names? Asked once per run, and only when a profile's own domain does
 * not resolve (issue 31, item 6): that domain is gone only if other names resolve from here; without
 * DNS at all, every name fails and nothing can be told about any of them.
 */
import { lookup } from 'node:dns/promises';

/** True when the name resolves from this machine. */
export type NameLookup = (name: string) => Promise<boolean>;

/** Names that always exist: the platforms' own hosts (not an inventory's, which may be the dead ones). */
export const PROBE_NAMES = ['mastodon.social', 'bsky.app', 'www.youtube.com', 'www.reddit.com', 'example.com'];
const PROBE_TIMEOUT_MS = 5_000;

export const systemLookup: NameLookup = async (name) => {
  try {
    await lookup(name);
    return true;
  } catch {
    return false;
  }
};

/** A once-per-run check: resolves true as soon as one probe name resolves, false when none does in time. */
export function namesResolve(probe: NameLookup = systemLookup, names = PROBE_NAMES): () => Promise<boolean> {
  let answer: Promise<boolean> | null = null;
  return () => {
    answer ??= new Promise<boolean>((resolve) => {
      let left = names.length;
      const timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      const done = (ok: boolean) => {
        if (ok || --left === 0) {
          clearTimeout(timer);
          resolve(ok);
        }
      };
      if (left === 0) done(false);
      for (const name of names) probe(name).then(done, () => done(false));
    });
    return answer;
  };
}
