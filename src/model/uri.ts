/** Percent-decoding of text from outside (pages, servers, inventories), which may be malformed. */

/** decodeURIComponent, or null where the text has a malformed escape (`20%off`, `%E0%A4%A`): never throws. */
export function tryDecodeURIComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
