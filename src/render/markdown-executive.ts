/**
 * The Markdown report's executive page (issue 36, item 3), under the title: the paragraph in plain
 * words, the verdict counts, one row per platform and who does what where the profiles have owners.
 */
import { type Report, VERDICTS } from '../model/index.js';
import { escapeMarkdown as md } from './escape.js';
import { executiveData } from './executive-data.js';
import { pct, perWeek } from './format.js';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** The paragraph and the verdict counts, under the title line. */
export function executiveLead(report: Report): string[] {
  const data = executiveData(report);
  return [
    md(data.paragraph),
    '',
    row([...VERDICTS]),
    row(VERDICTS.map(() => '--:')),
    row(VERDICTS.map((v) => String(data.verdicts[v]))),
  ];
}

/** One row per platform, and who does what, after what to do first. */
export function executiveTables(report: Report): string[] {
  const data = executiveData(report);
  const lines = [
    '## By platform',
    '',
    row(['platform', 'profiles', 'active', 'posts a week (median)', 'answered', 'canned replies']),
    row(['---', '--:', '--:', '--:', '--:', '--:']),
    ...data.platforms.map((r) =>
      row([
        md(r.label),
        String(r.profiles),
        String(r.active),
        perWeek(r.medianPostsPerWeek),
        pct(r.answeredRate),
        pct(r.cannedShare),
      ]),
    ),
    '',
    '— where no profile of the platform shows the figure.',
  ];
  if (data.owners.length > 0)
    lines.push(
      '',
      '## Who does what',
      '',
      ...data.owners.map(
        (g) =>
          `- **${g.owner === null ? 'No owner named' : md(g.owner)}**: ${g.actions.map((a) => `(${a.rank}) ${md(a.label)}: ${a.profiles.map(md).join(', ')}`).join('; ')}`,
      ),
    );
  return lines;
}
