/**
 * Fetched text is untrusted: before it reaches a terminal, C0/C1 control characters (escape sequences
 * that could move the cursor, recolour or retitle the terminal) and bidi overrides are removed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One line of terminal-safe text: controls removed, newlines and tabs become spaces. */
export function terminalSafe(text: string): string {
  return text.replace(/[\n\t\r]+/g, ' ').replace(CONTROL, '');
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : text;
}
