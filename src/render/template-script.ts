/**
 * A canned template shown as its script (issue 34 item 4): the skeleton with its slots marked, how many
 * replies follow it, who signed them, and a real reply as the example. Shared by the HTML and Markdown
 * reports; the slots are marked after the text is escaped, so only the skeleton's own slots are marked.
 */
import { plural, type Template } from '../model/index.js';
import { escapeHtml as h, escapeMarkdown as md } from './escape.js';
import { pct } from './format.js';

const SLOT = /\{(?:name|initials|link|…)\}/gu;
/** Signatures named per template; the profile's line lists them all. */
const SIGNERS_SHOWN = 5;

/** "85 replies follow it (22%), 2026-07-12 to 2026-10-31; signed by ^AB, ^CD and 3 others" */
export function scriptUse(t: Template): string {
  const span = t.firstSeenAt && t.lastSeenAt ? `, ${t.firstSeenAt.slice(0, 10)} to ${t.lastSeenAt.slice(0, 10)}` : '';
  const follow = `${plural(t.count, 'reply')} ${t.count === 1 ? 'follows' : 'follow'} it (${pct(t.share)})${span}`;
  const signers = t.signedBy ?? [];
  if (signers.length === 0) return follow;
  const more = signers.length - SIGNERS_SHOWN;
  const named = signers.slice(0, SIGNERS_SHOWN).join(', ');
  return `${follow}; signed by ${named}${more > 0 ? ` and ${plural(more, 'other')}` : ''}`;
}

/** The example, where the script has slots (a script with none is its example word for word). */
const example = (t: Template): string | null => (t.skeleton === t.text ? null : t.text);

/** A blockquote of the script and one muted paragraph under it (html-print.ts hides the later pairs). */
export function templateHtml(t: Template): string {
  const script = h(t.skeleton).replace(SLOT, (s) => `<mark class="slot">${s}</mark>`);
  const e = example(t);
  return `<blockquote class="script">${script}</blockquote><p class="muted">${h(scriptUse(t))}${e === null ? '' : `<br>e.g. <q>${h(e)}</q>`}</p>`;
}

export function templateMarkdown(t: Template): string[] {
  const e = example(t);
  return [
    `> ${md(t.skeleton).replace(SLOT, (s) => `*${s}*`)}`,
    '>',
    `> — ${md(scriptUse(t))}`,
    ...(e === null ? [] : ['>', `> e.g. “${md(e)}”`]),
    '',
  ];
}

/** A slot reads as a blank the agent fills in, not as the brand's words. */
export const SLOT_STYLE =
  'mark.slot { background: var(--card); color: var(--accent); font-style: italic; padding: 0 2px; border-radius: 3px; }';
