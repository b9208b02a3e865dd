/** A starter inventory from what a company's website links to: YAML text, with where each link was found. */
import { isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import { LINK_SOURCE, plural } from '../model/index.js';
import type { SiteScan } from './read-site.js';

/** Text from the site is untrusted: one line, no control characters. */
const oneLine = (text: string) => text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();

/** A YAML scalar on one line, quoted where YAML needs it. */
const scalar = (value: string) => stringify(oneLine(value), { lineWidth: 0 }).trimEnd();
const comment = oneLine;

/** `file`: the name the inventory is written to, as a shell word, for the header's commands. */
export function inventoryFromSite(scan: SiteScan, command: string, file = 'THIS-FILE'): string {
  const lines = [
    `# Written by \`${comment(command)}\` from the profiles linked on ${plural(scan.pages.filter((p) => p.error === null).length, 'page')} of the site.`,
    "# Check that each profile is the company's own, add the ones the site does not link to, then run:",
    `#   channel-audit validate ${comment(file)} && channel-audit audit ${comment(file)}`,
    `company: ${scalar(scan.siteName ?? new URL(scan.url).hostname)}`,
    `website: ${scalar(scan.url)}`,
  ];
  if (scan.profiles.length === 0) {
    lines.push('profiles: []  # the site links to no profile on a known platform');
    return `${lines.join('\n')}\n`;
  }
  lines.push('profiles:');
  for (const p of scan.profiles) {
    lines.push(`  # ${p.platform}: ${LINK_SOURCE[p.source]} on ${comment(p.page)}`);
    lines.push(`  - url: ${scalar(p.url)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The inventory's `profiles:` is not a list, so nothing can be appended to it. */
export class AppendError extends Error {
  override name = 'AppendError';
}

const FOUND_NOTE = "found by channel-audit discover: check it is the company's own";

/**
 * The inventory's text with profiles added at the end of its `profiles:` list. Only the list's end
 * changes: every other line keeps its bytes (flow lists such as `[error, 90]`, comments, quoting).
 */
export function appendProfileUrls(text: string, urls: readonly string[]): string {
  if (urls.length === 0) return text;
  const out = appendText(text, urls);
  // the result must read back as the same list with the new profiles at its end
  const before = parseDocument(text).toJS()?.profiles as unknown[];
  const after = parseDocument(out).toJS()?.profiles as Array<{ url?: unknown }> | undefined;
  const added = after?.slice(before.length).map((p) => p.url);
  if (after?.length !== before.length + urls.length || JSON.stringify(added) !== JSON.stringify(urls))
    throw new AppendError('cannot append: the profiles list is written in a way this edit does not handle');
  return out;
}

function appendText(text: string, urls: readonly string[]): string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const list = doc.get('profiles', true);
  if (!isSeq(list) || !list.range) throw new AppendError('cannot append: "profiles" is not a list');
  const [start, end] = list.range;
  if (list.flow) {
    // `profiles: []` (or a flow list) becomes a block list under the key, the line's comment kept
    const entries = list.items.length > 0 ? text.slice(start + 1, end - 1).trim() : '';
    if (entries !== '')
      return `${text.slice(0, end - 1)}, ${urls.map((u) => `{ url: ${scalar(u)} }`).join(', ')}${text.slice(end - 1)}`;
    const lineEnd = text.indexOf('\n', end);
    const rest = lineEnd === -1 ? '' : text.slice(lineEnd + 1);
    const line = `${text.slice(0, start).trimEnd()}${text.slice(end, lineEnd === -1 ? text.length : lineEnd)}`;
    return `${line}\n${block(urls, '  ')}${rest}`;
  }
  const indent = ' '.repeat(lineCounter.linePos(start).col - 1);
  const before = text.slice(0, end);
  return `${before}${before.endsWith('\n') ? '' : '\n'}${block(urls, indent)}${text.slice(end)}`;
}

function block(urls: readonly string[], indent: string): string {
  return urls.map((url) => `${indent}# ${FOUND_NOTE}\n${indent}- url: ${scalar(url)}\n`).join('');
}
