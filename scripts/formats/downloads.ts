/**
 * What the data downloads of several platforms share, for their builders in test/platforms/<id>/download-format.ts
 * (Facebook, Instagram, TikTok; the layouts src/platforms/<id>/download.ts read, sources in docs/owner-downloads.md):
 * Meta's escaped JSON, Unix seconds, a post and a comment. For the demo and the tests: generated content, never
 * anyone's real data.
 */

/** Meta's JSON: every non-ASCII character written as one \u00XX escape per UTF-8 byte (the mojibake the reader repairs). */
export function metaJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[^\x00-\x7f]/gu, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((b) => `\\u00${b.toString(16).padStart(2, '0')}`).join(''),
  );
}

export const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export interface DownloadPost {
  at: string;
  text: string;
}
export interface DownloadComment extends DownloadPost {
  /** Whose post or comment it answered; null for one under the account's own post. */
  to: string | null;
}
