/** The renderers, on the golden demo report: snapshots per format, and the terminal view's fitting. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { formatForFile, RENDERERS, type Format } from '../src/render/index.js';
import { sparkline } from '../src/render/sparkline.js';
import { fitColumns, renderTable } from '../src/render/table.js';

const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));

describe('every format on the golden report', () => {
  // the golden JSON is test/golden/demo-report.json; each format's rendering of it is a file next to it
  const EXT: Record<Format, string> = {
    table: 'txt',
    json: 'json',
    ndjson: 'ndjson',
    markdown: 'md',
    csv: 'csv',
    html: 'html',
    junit: 'xml',
  };
  it.each(Object.keys(RENDERERS) as Format[])('%s', async (format) => {
    const out = RENDERERS[format](golden(), { colorLevel: 0, width: null, failOn: 'warning' });
    if (format === 'json') expect(JSON.parse(out)).toEqual(golden());
    else await expect(out).toMatchFileSnapshot(`golden/demo-report.${EXT[format]}`);
    expect(formatForFile(`report.${EXT[format]}`)).toBe(format === 'table' ? 'table' : format);
  });

  it('CSV has one row per profile with RFC 4180 line endings', () => {
    const out = RENDERERS.csv(golden(), { colorLevel: 0, width: null, failOn: 'warning' });
    expect(out.split('\r\n').filter(Boolean)).toHaveLength(30);
  });

  it('JUnit fails exactly the cases with findings at or above --fail-on', () => {
    const xml = (failOn: 'critical' | 'never') => RENDERERS.junit(golden(), { colorLevel: 0, width: null, failOn });
    const critical = golden().profiles.filter((p) => p.findings.some((f) => f.severity === 'critical')).length + 1; // + the company case
    expect(xml('critical')).toContain(`tests="30" failures="${critical}"`);
    expect(xml('never')).toContain('tests="30" failures="0"');
  });
});

describe('unanswered audience questions (untrusted text from strangers)', () => {
  const hostile = (): Report => {
    const r = golden();
    const p = r.profiles.find((x) => (x.metrics?.unanswered?.length ?? 0) > 0)!;
    p.metrics!.unanswered = [
      {
        text: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) | pipe',
        createdAt: '2026-10-01T00:00:00.000Z',
        ageDays: 31,
        url: 'javascript:alert(1)',
        rule: 'mark "?"',
      },
    ];
    return r;
  };
  it('are listed in HTML and Markdown with their age, escaped, and never as a script link', () => {
    const html = RENDERERS.html(hostile(), { colorLevel: 0, width: null, failOn: 'warning' });
    expect(html).toContain('<h4>Unanswered questions</h4>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toMatch(/31 days unanswered/);
    const md = RENDERERS.markdown(hostile(), { colorLevel: 0, width: null, failOn: 'warning' });
    expect(md).toContain('Oldest unanswered questions:');
    expect(md).not.toMatch(/(^|[^\\])\]\(<?javascript:/im); // an escaped \] is text, not a link
    expect(md).toContain('\\[click\\](javascript:alert(1))');
    expect(md).not.toContain('<img');
  });
});

describe('sparkline', () => {
  it.each([
    { weeks: [0, 1, 2, 4, 8], want: '·▁▂▄█' },
    { weeks: [null, null, 3, 0], want: '  █·' },
    { weeks: [0, 0, 0], want: '···' },
    { weeks: [1, 1000], want: '▁█' }, // a week with posts never looks empty
  ])('$weeks → "$want"', ({ weeks, want }) => {
    expect(sparkline(weeks)).toBe(want);
  });
});

describe('terminal table', () => {
  const lines = (width: number | null) =>
    renderTable(golden(), { colorLevel: 0, width, failOn: 'warning' }).split('\n');

  it.each([60, 80, 100, 120, 160])('fits a %i-column terminal', (width) => {
    const table = lines(width).filter((l) => /^[┌│└]/.test(l));
    expect(table.length).toBeGreaterThan(27);
    for (const l of table) expect([...l].length).toBeLessThanOrEqual(Math.max(width, 78)); // 78: the narrowest table it can make (a 4-digit day count)
  });

  it('gives up platform and posts/wk before the activity sparkline, then conversation, and truncates names with an ellipsis', () => {
    const head = (width: number) => lines(width).find((l) => l.startsWith('│ profile'))!;
    expect(head(160)).toMatch(/platform.*last 26 weeks.*posts\/wk/);
    expect(head(120)).toMatch(/last 26 weeks/);
    expect(head(120)).not.toMatch(/platform/);
    expect(head(80)).not.toMatch(/last 26 weeks|conv\./);
    expect(head(80)).toMatch(/profile.*status.*verdict.*last post.*canned.*score/);
    expect(lines(80).join('\n')).toContain('Trail Days mi…');
  });

  it('keeps every column when the width is unknown (a file or a pipe)', () => {
    expect(lines(null).find((l) => l.startsWith('│ profile'))).toMatch(/platform.*last 26 weeks.*posts\/wk/);
    expect(lines(null).join('\n')).toContain('Trail Days microsite (2024 campaign)');
  });

  it('fitColumns drops nothing when everything fits', () => {
    expect(fitColumns(['name', 'a'], [['x', 'y']], 100)).toEqual({ nameWidth: 40, columns: [0, 1] });
  });
});
