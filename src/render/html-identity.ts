/** The HTML report's identity section: every profile's name, handle, bio and bio link side by side. */
import type { Report } from '../model/index.js';
import { escapeHtml as h, safeHref } from './escape.js';
import { IDENTITY_NOTE, type IdentityCell, identityRows, identitySummary } from './identity.js';

const HEADS = ['profile', 'display name', 'handle', 'bio', 'bio link'] as const;

/** A cell; `wrap` names a span around the text (the bio's, which the print layout clamps to two lines: a td itself cannot be). */
function td(label: string, c: IdentityCell, asLink = false, wrap?: string): string {
  const href = asLink && c.text !== null ? safeHref(c.text) : null;
  const body =
    c.text === null
      ? `<span class="muted">${h(c.note ?? '')}</span>`
      : href
        ? `<a href="${h(href)}" rel="noopener noreferrer nofollow">${h(c.text)}</a>`
        : wrap
          ? `<span class="${wrap}">${h(c.text)}</span>`
          : h(c.text);
  return `<td data-label="${label}">${body}</td>`;
}

export function identitySection(report: Report): string {
  const rows = identityRows(report);
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td data-label="profile">${h(r.label)} <span class="muted">${h(r.platform)}</span>${r.problems
          .map((m) => `<br><em>${h(m)}</em>`)
          .join(
            '',
          )}</td>${td('display name', r.displayName)}${td('handle', r.handle)}${td('bio', r.bio, false, 'bio')}${td('bio link', r.bioLink, true)}</tr>`,
    )
    .join('');
  return `<section class="identity"><h2>Identity</h2><p>${h(identitySummary(report, rows))} (profiles to close are not judged).</p><table><thead><tr>${HEADS.map((t) => `<th>${t}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table><p class="muted">${h(IDENTITY_NOTE)}</p></section>`;
}
