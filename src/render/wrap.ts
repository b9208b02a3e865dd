/** Word wrap for the terminal: text to lines of at most `width` columns, continuation lines indented. */

// SGR colour sequences take no columns on screen
const SGR = /\u001b\[[0-9;]*m/g;

function visibleLength(text: string): number {
  return [...text.replace(SGR, '')].length;
}

/**
 * `first` prefixes the first line and `rest` every other one. A word longer than a line (a URL) is
 * kept whole on a line of its own rather than broken, so it can still be copied. Null width: one line.
 */
export function wrap(text: string, width: number | null, first: string, rest: string): string[] {
  if (width === null) return [`${first}${text}`];
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/ +/)) {
    if (word === '') continue;
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && visibleLength(candidate) > width) {
      lines.push(line);
      line = `${rest}${word}`;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines;
}
