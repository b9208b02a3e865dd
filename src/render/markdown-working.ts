/** The Markdown report's "What's working": each kind of strength with the profiles and their figures. */
import type { Report } from '../model/index.js';
import { escapeMarkdown as md } from './escape.js';
import { workingGroups } from './working.js';

export function workingLines(report: Report): string[] {
  const groups = workingGroups(report);
  if (groups.length === 0) return [];
  const lines = ["## What's working"];
  for (const g of groups) {
    lines.push('', `**${g.title}**`, '');
    for (const i of g.items) lines.push(`- ${md(i.name)}: ${md(i.text)}`);
  }
  return lines;
}
