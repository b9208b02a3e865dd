/** The Markdown report's identity section: every profile's name, handle, bio and bio link side by side. */
import type { Report } from '../model/index.js';
import { escapeMarkdown as md } from './escape.js';
import { IDENTITY_NOTE, type IdentityCell, identityRows, identitySummary } from './identity.js';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const text = (c: IdentityCell) => (c.text === null ? `_${md(c.note ?? '')}_` : md(c.text));

export function identityLines(report: Report): string[] {
  const rows = identityRows(report);
  if (rows.length === 0) return [];
  return [
    '## Identity',
    '',
    `${md(identitySummary(report, rows))} (profiles to close are not judged).`,
    '',
    row(['profile', 'display name', 'handle', 'bio', 'bio link', 'differs']),
    row(['---', '---', '---', '---', '---', '---']),
    ...rows.map((r) =>
      row([
        `${md(r.label)} (${md(r.platform)})`,
        text(r.displayName),
        text(r.handle),
        text(r.bio),
        text(r.bioLink),
        r.problems.length === 0 ? '' : r.problems.map(md).join('; '),
      ]),
    ),
    '',
    `_${md(IDENTITY_NOTE)}_`,
  ];
}
