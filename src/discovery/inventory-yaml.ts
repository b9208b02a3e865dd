/** A starter inventory from what a company's website links to: YAML text, with where each link was found. */
import { stringify } from 'yaml';
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
