/**
 * The third hostile-input pass (issue 30), its output items: renderers, saved reports and the CLI's
 * own output. One describe per item, named after it; each test was seen failing before its fix.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { History, Report } from '../src/model/index.js';
import { renderHistoryHtml } from '../src/render/history-html.js';
import { renderHistoryJson, renderHistoryMarkdown, renderHistoryText } from '../src/render/history.js';
import { comparisonLines, MARKDOWN_STYLE, PLAIN_STYLE } from '../src/render/comparison.js';
import { RENDERERS } from '../src/render/index.js';
import { profileLine, summaryLine } from '../src/render/ndjson.js';
import { buildHistory } from '../src/report/history.js';
import { BIN, cli, cliProcess, DEMO } from './helpers/cli.js';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'ca-hostile-3-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ENV = { ...process.env, CI: '1', NO_COLOR: '1' };

const golden = () => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8')) as Report;
const save = (name: string, value: unknown) => {
  const file = join(tmp, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const OPTIONS = { colorLevel: 0, width: null, failOn: 'warning' } as const;

/** Bidi controls, zero-width characters and terminal controls (OSC 52, OSC 8, C1 CSI/OSC, BEL), as one string. */
const HOSTILE = [
  '\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c', // bidi
  '\u200b\u200c\u200d\u2060\ufeff', // zero-width
  '\u001b]52;c;cGF5bG9hZA==\u0007', // OSC 52: set the clipboard
  '\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\', // OSC 8: a hidden link
  '\u009b2J\u009d0;title\u009c\u0085', // C1: CSI, OSC, ST, NEL
].join('x');
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** The first forbidden character with a little context, or null: a short failure message, even for megabytes of output. */
function forbidden(text: string): string | null {
  const at = text.replace(/[\r\n\t]/g, ' ').search(FORBIDDEN);
  return at < 0 ? null : JSON.stringify(text.slice(Math.max(0, at - 20), at + 20));
}

/** The longest run of one letter in the text. */
const longestRun = (text: string, letter: string): number =>
  Math.max(0, ...(text.match(new RegExp(`${letter}+`, 'g')) ?? []).map((run) => run.length));

/** Keys whose values renderers read as enums, dates or patterns: the hostile text goes everywhere else. */
const TYPED = new Set([
  'status',
  'failOn',
  'severity',
  'verdict',
  'platform',
  'source',
  'basis',
  'change',
  'kind',
  'method',
  'unit',
  'grade',
  'code',
  'from',
  'to',
  'asOf',
  'generatedAt',
  'createdAt',
  'firstSeenAt',
  'lastSeenAt',
  'firstPostAt',
  'lastPostAt',
  'accentColor',
  'logo',
  'rule',
  'id',
  'profileId',
  'by',
]);

/** The report with HOSTILE appended to every free-text string, and a 200 kB name and handle. */
function hostileReport(): Report {
  const report = golden();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (typeof v === 'string') value[i] = `${v}${HOSTILE}`;
        else visit(v);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && !TYPED.has(k)) (value as Record<string, unknown>)[k] = `${v}${HOSTILE}`;
        else if (k !== 'settings') visit(v);
      }
    }
  };
  visit(report);
  // the actions' profile ids are references: they stay as they were, with their text made hostile
  report.actions = golden().actions.map((a) => ({ ...a, text: `${a.text}${HOSTILE}` }));
  report.branding = { preparedBy: `Agency${HOSTILE}`, intro: `Intro${HOSTILE}`, accentColor: null, logo: null };
  report.company = `C${'C'.repeat(200_000)}${HOSTILE}`;
  report.profiles[0]!.name = `N${'N'.repeat(200_000)}`;
  report.profiles[0]!.account.displayName = `D${'D'.repeat(200_000)}`;
  report.profiles[0]!.account.handle = `H${'H'.repeat(200_000)}`;
  // a baseline, so the comparison sections are rendered too
  report.baseline = {
    asOf: report.asOf,
    generatedAt: report.generatedAt,
    findings: { new: 1, unchanged: 0, resolved: 1 },
    resolved: [{ ...report.profiles[1]!.findings[0]!, message: `gone${HOSTILE}` }],
    statusChanges: [{ profileId: report.profiles[0]!.id, from: 'active', to: 'stale', worse: true }],
    metricChanges: [],
    addedProfiles: [report.profiles[0]!.id],
    removedProfiles: [`old${HOSTILE}`],
  };
  return report;
}

/** Every string a JSON output holds, decoded (an escaped \u001b is an ESC once read back). */
const jsonStrings = (text: string): string[] => {
  const strings = (value: unknown): string[] =>
    (JSON.stringify(value).match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((s) => JSON.parse(s) as string);
  if (text.trimStart().startsWith('{\n')) return strings(JSON.parse(text));
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => strings(JSON.parse(l)));
};

describe('item 1 (must-see 8): every text format strips bidi, zero-width and terminal controls, caps names, escapes every field', () => {
  const report = hostileReport();
  const history: History = buildHistory(
    [
      { file: 'a.json', report: golden() },
      { file: 'b.json', report },
    ].map((s) => ({ ...s, report: { ...s.report, company: report.company, baseline: null } })),
    7,
  );
  const outputs: Array<[string, string]> = [
    ...Object.entries(RENDERERS).map(([format, render]) => [format, render(report, OPTIONS)] as [string, string]),
    ['ndjson profile line', profileLine(report.profiles[0]!)],
    ['ndjson summary line', summaryLine(report)],
    ['comparison (text)', comparisonLines(report, PLAIN_STYLE).join('\n')],
    ['comparison (markdown)', comparisonLines(report, MARKDOWN_STYLE).join('\n')],
    ['history text', renderHistoryText(history)],
    ['history markdown', renderHistoryMarkdown(history)],
    ['history json', renderHistoryJson(history)],
    ['history html', renderHistoryHtml(history)],
  ];

  it.each(outputs)('%s: no bidi, zero-width or control character, in the text or in any JSON string', (format, out) => {
    expect(out.length).toBeGreaterThan(0);
    expect(forbidden(out)).toBeNull();
    if (/json/.test(format)) for (const s of jsonStrings(out)) expect(forbidden(s)).toBeNull();
  });

  it.each(outputs)(
    '%s: a 200 kB company name, name, display name or handle is shown as at most 200 characters',
    (_, out) => {
      for (const letter of ['C', 'N', 'D', 'H']) expect(longestRun(out, letter)).toBeLessThanOrEqual(200);
    },
  );

  it('the name is cut with an ellipsis, the same in JSON and NDJSON', () => {
    const json = JSON.parse(RENDERERS.json(report, OPTIONS)) as Report;
    const line = JSON.parse(profileLine(report.profiles[0]!)) as Report['profiles'][number];
    expect([...json.profiles[0]!.name!]).toHaveLength(200);
    expect(json.profiles[0]!.name!.endsWith('…')).toBe(true);
    expect(line.name).toBe(json.profiles[0]!.name);
    expect(line.account.handle).toBe(json.profiles[0]!.account.handle);
  });

  it('a report read back: every field is escaped, the Markdown footer (tool name and version) included', async () => {
    const forged = golden();
    forged.tool = { name: '<img src=x onerror=alert(1)>[x](https://evil.example/)', version: '**1**|`x`' };
    forged.company = `Evil${HOSTILE}Co`;
    forged.branding = {
      preparedBy: `<b>${HOSTILE}</b>`,
      intro: '![i](https://evil.example/i.png)',
      accentColor: null,
      logo: null,
    };
    const file = save('tool.json', forged);
    const markdown = await cli(['report', file, '-f', 'markdown', '--fail-on', 'never']);
    expect(markdown.code).toBe(0);
    expect(/<img|<b>/.test(markdown.stdout)).toBe(false);
    expect(/(?<!\\)\[x\]\(https:/.test(markdown.stdout)).toBe(false);
    expect(/(?<!\\)!\[i\]/.test(markdown.stdout)).toBe(false);
    expect(/(?<!\\)\*\*1\*\*/.test(markdown.stdout)).toBe(false);
    expect(markdown.stdout).toContain('Generated by &lt;img');
    for (const format of ['table', 'csv', 'junit', 'html', 'ndjson', 'json']) {
      const out = await cli(['report', file, '-f', format, '--fail-on', 'never']);
      expect(out.code).toBe(0);
      expect(forbidden(out.stdout)).toBeNull();
    }
  });

  it('CSV sent to a terminal carries no OSC 52, OSC 8 or C1 sequence', async () => {
    const file = save('csv-terminal.json', { ...report, website: golden().website });
    const { code, stdout, stderr } = await cli(['report', file, '-f', 'csv', '--fail-on', 'never']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.includes('\u001b')).toBe(false);
    expect(/[\u0080-\u009f]/.test(stdout)).toBe(false);
    expect(stdout.includes('\u0007')).toBe(false);
  });

  it('settings a renderer prints are typed: a forged windowDays is refused, not printed', async () => {
    const forged = golden();
    (forged.settings as unknown as Record<string, unknown>).windowDays = '<img src=x onerror=alert(1)>';
    const { code, stdout, stderr } = await cli(['report', save('settings.json', forged), '-f', 'html']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/settings\/windowDays/);
    expect(stdout).toBe('');
  });
});

describe('item 2 (major): CSV cells are no formula in `;`, `,` or tab separated readings', () => {
  const report = golden();
  report.profiles[0]!.name = "Help;=cmd|' /C calc'!A0";
  report.profiles[1]!.name = 'a,=1+1';
  report.profiles[2]!.name = 'b\t@SUM(A1:A9)';
  report.profiles[3]!.name = 'c; -2+3;"=HYPERLINK(""https://evil.example"")';
  report.profiles[4]!.name = "d,' +1";
  const csv = RENDERERS.csv(report, OPTIONS);
  const FORMULA = /^[=+\-@]/;

  it.each([',', ';', '\t'])('read with the separator %j, no cell starts a formula', (delimiter) => {
    const rows: string[][] = parseCsv(csv, { delimiter, relax_quotes: true, relax_column_count: true });
    expect(rows.flat().filter((c) => FORMULA.test(c.trimStart()))).toEqual([]);
  });

  it('a naive reader splitting every line on any of them, quotes and spaces trimmed, sees no formula either', () => {
    const cells = csv.split(/\r\n|\n|\r/).flatMap((line) => line.split(/[,;\t]/));
    expect(cells.map((c) => c.replace(/^[ "]+/, '')).filter((c) => FORMULA.test(c))).toEqual([]);
  });

  it('the text itself is kept: a quote marks each place a cell could start', () => {
    const rows: string[][] = parseCsv(csv);
    const name = rows[0]!.indexOf('name');
    expect(rows[1]![name]).toBe("Help;'=cmd|' /C calc'!A0");
    expect(rows[2]![name]).toBe("a,'=1+1");
  });
});

describe('item 3 (minor): forged-but-schema-valid reports are refused before any upgrade or render', () => {
  const forgeries: Array<[string, (r: Report) => void, RegExp]> = [
    [
      'a profile finding for a profile that does not exist',
      (r) => {
        r.profiles.find((p) => p.findings.length > 0)!.findings[0]!.profileId = 'ghost';
      },
      /profiles\/\d+\/findings\/0\/profileId: not the id of its profile/,
    ],
    [
      'a company finding for a profile that does not exist',
      (r) => {
        r.findings.push({ ...r.profiles.find((p) => p.findings.length > 0)!.findings[0]!, profileId: 'ghost' });
      },
      /findings\/\d+\/profileId: no profile has this id/,
    ],
    [
      'two profiles with one id',
      (r) => {
        r.profiles[1]!.id = r.profiles[0]!.id;
        for (const f of r.profiles[1]!.findings) f.profileId = r.profiles[0]!.id;
      },
      /profiles\/1\/id: the same id as profiles\/0/,
    ],
    [
      'metrics: {} (read by the upgrade of older reports)',
      (r) => {
        r.profiles[0]!.metrics = {} as never;
      },
      /profiles\/0\/metrics: must have required property/,
    ],
    [
      'an older report whose metrics lack their sample',
      (r) => {
        const m = r.profiles[0]!.metrics as unknown as Record<string, unknown>;
        delete m.sample;
        delete m.weeklyPosts;
      },
      /profiles\/0\/metrics: must have required property 'sample'/,
    ],
    [
      'an action for a profile that does not exist',
      (r) => {
        r.actions[0]!.profileIds = ['ghost'];
      },
      /actions\/0\/profileIds\/0: no profile has this id/,
    ],
    [
      'settings nested 100,000 levels deep',
      (r) => {
        let deep: unknown = 1;
        for (let i = 0; i < 100_000; i++) deep = { d: deep };
        (r.settings as unknown as Record<string, unknown>).hosts = deep;
      },
      /nested deeper than 32 levels/,
    ],
  ];

  it.each(forgeries)(
    '%s: report, diff, merge, history and --baseline exit 2 naming the field, no stack',
    async (_, forge, message) => {
      const forged = golden();
      forge(forged);
      // JSON.stringify of 100,000 levels overflows: the deep one is written by hand
      const text = JSON.stringify(forged, (k, v) =>
        k === 'hosts' && typeof v === 'object' && v !== null ? '@DEEP@' : v,
      ).replace('"@DEEP@"', `${'{"d":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
      const file = save('forged.json', /nested/.test(message.source) ? text : JSON.stringify(forged));
      const clean = save('clean.json', golden());
      for (const args of [
        ['report', file],
        ['diff', clean, file],
        ['merge', file],
        ['history', clean, file],
        [...DEMO, '--baseline', file, '--fail-on', 'never'],
      ]) {
        const { code, stdout, stderr } = await cli(args);
        expect({ args: args[0], code }).toEqual({ args: args[0], code: 2 });
        expect(stderr).toMatch(message);
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(stdout).toBe('');
      }
    },
  );

  // A spread of an array as arguments (Math.max(...xs), push(...xs)) overflows the stack past about 125,000
  // elements on the main thread's default stack. Run in a vitest worker (a 4 MB stack) even 200,000 findings
  // do not overflow, so the test could not fail: it runs the built binary as a user does, on a stack an eighth
  // of the default (--stack-size=120, in KB), where 25,000 arguments overflow and 30,000 findings are enough
  const SMALL_STACK = ['--stack-size=120'];
  const FINDINGS = 30_000;

  it('the small stack is small enough: a spread of the findings count overflows it, a normal run does not', async () => {
    const spread = `Math.max(...new Array(${FINDINGS}).fill(1))`;
    await expect(run('node', [...SMALL_STACK, '-e', spread])).rejects.toThrow(/Maximum call stack size exceeded/);
    const normal = await cliProcess(
      ['report', 'test/golden/demo-report.json', '-f', 'html', '--fail-on', 'never'],
      {},
      SMALL_STACK,
    );
    expect(normal).toMatchObject({ code: 0, stderr: '' });
  });

  it(`${FINDINGS.toLocaleString('en-US')} findings of one profile render in every format on that stack (no Math.max(...) or push(...) of them)`, async () => {
    const big = golden();
    const p = big.profiles.find((q) => q.findings.length > 0)!;
    const f = p.findings[0]!;
    // short findings: the count is what matters (a stack of arguments), not the file's size
    p.findings = Array.from({ length: FINDINGS }, () => ({
      ...f,
      title: 't',
      message: 'm',
      recommendation: 'r',
      evidence: {},
    }));
    big.summary.findingsBySeverity[f.severity] += FINDINGS - 1;
    const file = save('big.json', big);
    const binary = (args: string[]) => cliProcess(args, {}, SMALL_STACK);
    for (const format of Object.keys(RENDERERS)) {
      const out = join(tmp, `big-${format}.out`);
      const result = await binary(['report', file, '-f', format, '--fail-on', 'never', '-o', out]);
      expect({ format, code: result.code, stderr: result.stderr.slice(0, 300) }).toMatchObject({ format, code: 0 });
    }
    const empty = save('empty-baseline.json', {
      ...golden(),
      profiles: [],
      findings: [],
      actions: [],
      strengths: [],
      website: null,
    });
    for (const args of [
      ['diff', empty, file],
      ['history', empty, file, '-o', join(tmp, 'big-history.html')],
    ]) {
      const result = await binary(args);
      expect({ args: args[0], code: result.code, stderr: result.stderr.slice(0, 300) }).toMatchObject({ code: 0 });
    }
  }, 120_000);

  it('no Math.max(...)/Math.min(...)/push(...) spread over an array in src/render, src/report, src/cli', () => {
    const files = ['src/render', 'src/report', 'src/cli'].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)),
    );
    const spreads = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(?:\/\/|\*)/.test(line))
        // a spread that is itself an argument (not one inside an array literal argument)
        .filter((line) => /\b(?:push|unshift|max|min|fromCharCode)\((?:[^()[\]]*,\s*)?\.\.\./.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(spreads).toEqual([]);
  });
});

describe('item 4 (minor): stderr, repeated -o, and what reaches stderr', () => {
  it.each([
    [['report', 'test/golden/demo-report.json', '--fail-on', 'never', '-o', 'REPORT.md']],
    [[...DEMO, '--fail-on', 'never', '-o', 'REPORT.json']],
    [['history', 'test/golden/demo-report.json', '-o', 'REPORT.md']],
  ])('%j 2>/dev/full: a failed note on stderr does not change the exit code', async (args) => {
    const out = join(tmp, `full-${args[0]}.${args.at(-1)!.split('.')[1]}`);
    const quoted = [BIN, ...args.map((a) => (a.startsWith('REPORT') ? out : a))].map((a) => `'${a}'`).join(' ');
    const result = await run('sh', ['-c', `node ${quoted} 2>/dev/full`], { env: ENV }).then(
      () => ({ code: 0 }),
      (e: { code: number }) => ({ code: e.code }),
    );
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('stdout to /dev/full is still exit 3', async () => {
    const result = await run('sh', ['-c', `node ${BIN} report test/golden/demo-report.json > /dev/full`], {
      env: ENV,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error: cannot write to stdout: ENOSPC/);
  });

  it('history -o a.html -o b.md writes both, each in the format of its extension (as audit does)', async () => {
    const html = join(tmp, 'h.html');
    const md = join(tmp, 'h.md');
    const { code, stderr } = await cli(['history', 'test/golden/demo-report.json', '-o', html, '-o', md]);
    expect(code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Audit history: /);
    expect(stderr).toContain('wrote html history');
    expect(stderr).toContain('wrote markdown history');
  });

  it('history refuses, like audit, a format that contradicts an extension, an unknown extension and a file given twice', async () => {
    const report = 'test/golden/demo-report.json';
    const cases: Array<[string[], RegExp]> = [
      [
        ['-f', 'json', '-o', join(tmp, 'x.json'), '-o', join(tmp, 'x.md')],
        /the format json does not match the extension \.md/,
      ],
      [['-o', join(tmp, 'x.md'), '-o', join(tmp, 'x.pdf')], /cannot tell the format from the extension/],
      [['-o', join(tmp, 'same.md'), '-o', join(tmp, 'same.md')], /the same file is given twice/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await cli(['history', report, ...args]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(existsSync(join(tmp, 'x.json'))).toBe(false);
  });

  it('a forged company name, profile id or server text reaches stderr without control, bidi or zero-width characters', async () => {
    const forged = golden();
    forged.company = `Evil${HOSTILE}Co`;
    const other = save('other-company.json', forged);
    const history = await cli(['history', 'test/golden/demo-report.json', other]);
    expect(history.code).toBe(2);
    expect(history.stderr).toMatch(/is a report of/);
    expect(forbidden(history.stderr)).toBeNull();

    const shard = golden() as Report & { shard: unknown };
    shard.shard = { index: 1, count: 1, inventory: [...shard.profiles.map((p) => p.id), `lost${HOSTILE}`] };
    const merge = await cli(['merge', save('shard.json', shard)]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/no shard holds/);
    expect(forbidden(merge.stderr)).toBeNull();
  });

  it('validate shows an inventory company name without control, bidi or zero-width characters', async () => {
    const inventory = save(
      'inventory.yaml',
      `company: "Evil\\e]52;c;cGF5bG9hZA==\\a\\x9b2J\\u202e\\u200bCo"\nprofiles:\n  - url: https://example.com/\n`,
    );
    const { code, stdout, stderr } = await cli(['validate', inventory]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid — Evil.*Co, 1 profile/);
    expect(forbidden(`${stdout}${stderr}`)).toBeNull();
  });
});
