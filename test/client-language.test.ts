/**
 * The client formats speak to the client (issue 36, item 1): the HTML and Markdown renderings of the
 * demo report carry no setting name, finding code, source mode or file syntax outside their technical
 * appendix, durations read in minutes, hours or days, and a rate per 1,000 replies stands only on 100
 * replies or more.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSERTIONS, profileName } from '../src/model/index.js';
import { companyActions } from '../src/scoring/actions.js';
import { FINDING_CODES } from '../src/scoring/findings/index.js';
import { type Report, renderReport } from '../src/index.js';
import { renderHistoryMarkdown } from '../src/render/history.js';
import { renderHistoryHtml } from '../src/render/history-html.js';
import { buildHistory } from '../src/report/history.js';

const demo = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));

/** Every key of the report's settings (nested ones too); the camelCase ones are what a consultant writes in the inventory. */
function settingNames(value: unknown, into = new Set<string>()): Set<string> {
  if (value && typeof value === 'object' && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      settingNames(v, into);
    }
  return into;
}

// the inventory's assertion keys, and the key that scopes them to platforms
const ASSERTION_NAMES = [...ASSERTIONS, 'assertFor'];

function forbidden(report: Report): Array<[string, RegExp]> {
  const words = [...settingNames(report.settings), ...ASSERTION_NAMES].filter((w) => /[a-z][A-Z]/.test(w));
  return [
    ['inventory', /\binventor(y|ies)\b/i],
    ['assert', /\bassert/i],
    ...words.map((w): [string, RegExp] => [w, new RegExp(`\\b${w}\\b`)]),
    ...FINDING_CODES.map((c): [string, RegExp] => [c, new RegExp(`(?<![\\w-])${c}(?![\\w-])`)]),
    ['source mode', /\b(replay|live|import)\b|(^|[\s·(])api\b|\bsource: archive\b/],
    ['file syntax', /\b(archive|posts|platform|assert):(?!\/)/],
    ['backtick', /`/],
    ['raw decimal duration', /\d+\.\d{2,} ?(minutes|min|d|days|hours)\b/],
    ['minutes past two hours', /\b(\d{3,}|1[2-9]\d) (minutes|min)\b/],
    ['a date with its age as a unit letter', /\d{4}-\d{2}-\d{2} \(\d+d\)/],
  ];
}

/** Visible text before the technical appendix: no tags, styles or the embedded JSON. */
function htmlBody(html: string): string {
  const visible = html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<head>[\s\S]*?<\/head>/, '');
  const cut = visible.indexOf('id="technical-appendix"');
  expect(cut, 'the HTML report has a technical appendix').toBeGreaterThan(0);
  return visible
    .slice(0, cut)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function markdownBody(md: string): string {
  const cut = md.indexOf('\n## Technical appendix');
  expect(cut, 'the Markdown report has a technical appendix').toBeGreaterThan(0);
  // markdown escapes (\`, \_) and link targets are not what the client reads
  return md
    .slice(0, cut)
    .replace(/\]\(<[^>]*>\)/g, ']')
    .replace(/\\(.)/g, '$1');
}

function offences(text: string, report: Report): string[] {
  const found: string[] = [];
  const lines = text.split('\n');
  for (const [name, pattern] of forbidden(report))
    for (const line of lines) {
      const m = pattern.exec(line);
      if (m) {
        found.push(`${name}: …${line.slice(Math.max(0, m.index - 60), m.index + 60).trim()}…`);
        break;
      }
    }
  return found;
}

describe('client language', () => {
  it('the HTML report keeps settings, codes, source modes and file syntax to its technical appendix', () => {
    const report = demo();
    expect(offences(htmlBody(renderReport(report, 'html')), report).join('\n')).toBe('');
  });

  it('the Markdown report keeps settings, codes, source modes and file syntax to its technical appendix', () => {
    const report = demo();
    expect(offences(markdownBody(renderReport(report, 'markdown')), report).join('\n')).toBe('');
  });

  it('the appendix names what the body leaves out: source modes, finding codes and the targets that fired', () => {
    const md = renderReport(demo(), 'markdown');
    const appendix = md.slice(md.indexOf('\n## Technical appendix'));
    expect(appendix).toMatch(/replay/);
    expect(appendix).toMatch(/assert-max-median-response-minutes/);
    expect(appendix).toMatch(/maxMedianResponseMinutes/);
  });

  it('a rate per 1,000 replies only over 100 replies or more; else the counts', () => {
    const md = markdownBody(renderReport(demo(), 'markdown'));
    for (const m of md.matchAll(/of (\d[\d,]*) repl(?:y|ies)[^\n]*?per 1,000 replies/g))
      expect(Number(m[1]!.replace(/,/g, '')), m[0]).toBeGreaterThanOrEqual(100);
    expect(md).not.toMatch(/\d+\.\d+ per 1,000/);
  });

  it('the last post reads as a date and an age in words, in the overview and on the card', () => {
    const report = demo();
    const p = report.profiles.find((q) => q.metrics?.daysSinceLastPost === 50)!;
    expect(p.metrics!.lastPostAt!.slice(0, 10)).toBe('2026-09-11');
    const html = htmlBody(renderReport(report, 'html'));
    const md = markdownBody(renderReport(report, 'markdown'));
    // the overview and the card in HTML, the overview in Markdown; past 60 days the age is in months
    expect(html.split('11 Sep 2026, 50 days ago').length - 1).toBe(2);
    expect(md).toContain('11 Sep 2026, 50 days ago');
    expect(md).toContain('28 Aug 2026, 2 months ago');
    for (const text of [html, md]) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2} \(\d+d\)/);
  });

  it('the history page and its Markdown name a profile without a name as every other format does, never by its id', () => {
    const report = demo();
    const p = report.profiles.find((q) => q.id === 'social.northwind.example-northwind-help')!;
    const nameless: Report = { ...report, profiles: report.profiles.map((q) => (q === p ? { ...q, name: null } : q)) };
    const history = buildHistory([{ file: 'night.json', report: nameless }], 7);
    const name = profileName({ ...p, name: null });
    // Markdown's escapes (\_) are not what the reader sees
    for (const text of [renderHistoryMarkdown(history).replace(/\\(.)/g, '$1'), renderHistoryHtml(history)]) {
      expect(text).toContain(name);
      expect(text).not.toMatch(new RegExp(`(?<![\\w./-])${p.id}(?![\\w-])`));
    }
  });

  it('one wording for an incomplete sample', () => {
    const both = `${markdownBody(renderReport(demo(), 'markdown'))}${htmlBody(renderReport(demo(), 'html'))}`;
    expect(both).not.toMatch(/\(partial\)/);
  });

  it('a profile without a name is named one way in the overview, its card, the findings and the actions', () => {
    const report = demo();
    const p = report.profiles.find((q) => q.id === 'social.northwind.example-northwind-help')!;
    const nameless = { ...p, name: null };
    const profiles = report.profiles.map((q) => (q === p ? nameless : q));
    const company = report.findings;
    const changed: Report = { ...report, profiles, actions: companyActions(profiles, company) };
    const name = profileName(nameless);
    expect(name).toBe(p.url.replace(/^https:\/\//, '').replace(/\/$/, ''));
    const html = htmlBody(renderReport(changed, 'html'));
    const md = markdownBody(renderReport(changed, 'markdown'));
    for (const text of [html, md]) {
      expect(text).toContain(name);
      // never its id, never its full address as a name
      expect(text).not.toMatch(new RegExp(`(?<![\\w./-])${p.id}(?![\\w-])`));
    }
    expect(changed.actions.map((a) => a.text).join('\n')).toContain(name);
  });
});
