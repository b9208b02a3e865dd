/**
 * The HTML report's "What's working" (strengths with their figures) and "Better since the last audit"
 * (given a baseline) sections: effort credited as plainly as problems are named, ahead of them.
 */
import type { Report } from '../model/index.js';
import { escapeHtml as h } from './escape.js';
import { improvements } from './improvements.js';
import { workingGroups } from './working.js';

export function workingSection(report: Report): string {
  const groups = workingGroups(report);
  if (groups.length === 0) return '';
  const lists = groups
    .map(
      (g) =>
        `<h3>${h(g.title)}</h3><ul class="working">${g.items
          .map((i) => `<li><a href="#profile-${h(i.profileId)}">${h(i.name)}</a>: ${h(i.text)}</li>`)
          .join('')}</ul>`,
    )
    .join('');
  return `<section class="working"><h2>What's working</h2>${lists}</section>`;
}

export function betterSection(report: Report): string {
  const lines = improvements(report);
  if (lines.length === 0) return '';
  return `<section class="better"><h2>Better since the last audit</h2><ul>${lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul></section>`;
}
