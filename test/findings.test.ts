/**
 * A finding is one definition (src/scoring/findings/): every list of findings is derived from the
 * definitions, so these check the derivations both ways and that each derived list is really used.
 * The type-level half is checked by `npm run typecheck` (tsc over test/): each `@ts-expect-error`
 * fails the build the day the mistake under it starts to compile.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProfileResult, Report } from '../src/model/index.js';
import { companyActions } from '../src/scoring/actions.js';
import { makeFinding } from '../src/scoring/evaluate.js';
import type { AssertionFindingDefinition, ProfileFindingDefinition } from '../src/scoring/findings/define.js';
import {
  ACTION_GROUPS,
  FINDING_ACTIONS,
  FINDING_CODES,
  FINDING_FAMILIES,
  FINDINGS,
  type FindingAction,
  type FindingCode,
  findingDefinition,
  MOOT_WHEN_CLOSING,
  PROFILE_RULES,
  sameAs,
} from '../src/scoring/findings/index.js';
import { reconcileFindings } from '../src/scoring/reconcile.js';
import { WEBSITE_CODES } from '../src/scoring/website.js';
import { END, FINDINGS_PAGE, findingsMarkdown, START, withFindingsTable } from '../scripts/findings-table.js';

const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));

describe('finding definitions', () => {
  it('define each code once: no family redefines another family’s code', () => {
    const all = FINDING_FAMILIES.flatMap((family) => Object.keys(family));
    expect(new Set(all).size).toBe(all.length);
    expect([...FINDING_CODES]).toEqual(all);
  });

  it('give every code a title, a message and a recommendation, even over missing evidence', () => {
    for (const code of FINDING_CODES) {
      const d = FINDINGS[code];
      expect(d.title, code).toMatch(/^[A-Z]/);
      const f = makeFinding(code, d.severity, null, {});
      expect(typeof f.message, code).toBe('string');
      expect(f.recommendation.length, code).toBeGreaterThan(10);
    }
  });

  it('define every code the demo report holds (a code without a definition fails here)', () => {
    const r = golden();
    const codes = new Set([...r.findings, ...r.profiles.flatMap((p) => p.findings)].map((f) => f.code));
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) expect(findingDefinition(code), code).toBeDefined();
    expect(findingDefinition('no-such-finding')).toBeUndefined();
    expect(findingDefinition('constructor')).toBeUndefined();
  });
});

describe('lists derived from the definitions', () => {
  it('run every profile rule, in the order of the definitions', () => {
    const profile = FINDING_CODES.filter((code) => FINDINGS[code].group === 'profile');
    expect(PROFILE_RULES.map((r) => r.code)).toEqual(profile);
    expect(profile.length).toBeGreaterThan(10);
  });

  it('group each finding under the action its definition names, and only there', () => {
    for (const action of FINDING_ACTIONS)
      expect([...ACTION_GROUPS[action]].sort(), action).toEqual(
        FINDING_CODES.filter((code) => FINDINGS[code].action === action).sort(),
      );
  });

  it('hold the website codes, the moot advice and the assertions’ twins as the definitions say', () => {
    expect([...WEBSITE_CODES]).toEqual(FINDING_CODES.filter((code) => FINDINGS[code].group === 'website'));
    expect([...MOOT_WHEN_CLOSING]).toEqual(FINDING_CODES.filter((code) => FINDINGS[code].mootWhenClosing));
    for (const code of FINDING_CODES) {
      const d = FINDINGS[code];
      if (d.group !== 'assertion') continue;
      expect(sameAs(code)).toEqual(d.sameAs);
      for (const twin of d.sameAs) expect(FINDINGS[twin].group, `${code} → ${twin}`).toBe('profile');
    }
  });
});

describe('"What to do first" follows the definitions', () => {
  // a live profile to fix, with one finding: the summary must reach the action its definition names
  const base = golden().profiles.find((p) => p.status === 'active')!;
  const withOnly = (code: FindingCode): ProfileResult => ({
    ...base,
    verdict: 'fix',
    findings: [makeFinding(code, 'warning', base.id, {})],
  });

  it.each(FINDING_CODES.map((code) => [code, FINDINGS[code].action] as const))('%s goes to %s', (code, action) => {
    const kinds = companyActions([withOnly(code)], []).map((a) => a.kind);
    expect(kinds).toEqual(action === null ? [] : [action]);
  });

  it('drops advice on talking for a profile to close, as the definitions say', () => {
    for (const code of FINDING_CODES) {
      const kept = reconcileFindings([makeFinding(code, 'info', 'p', {})], 'abandoned');
      expect(kept.length, code).toBe(FINDINGS[code].mootWhenClosing ? 0 : 1);
    }
  });
});

describe('the compiler keeps the definitions whole', () => {
  it('derives the codes and the action groups as types', () => {
    expectTypeOf<'abandoned-profile'>().toExtend<FindingCode>();
    expectTypeOf<'no-such-finding'>().not.toExtend<FindingCode>();
    expectTypeOf<keyof typeof ACTION_GROUPS>().toEqualTypeOf<FindingAction>();
  });

  it('refuses a definition that does not say where it goes in "What to do first"', () => {
    // @ts-expect-error `action` is required (null: the summary reaches the profile another way)
    const noAction: ProfileFindingDefinition = {
      group: 'profile',
      title: 'Repost heavy',
      severity: 'warning',
      evaluate: () => null,
      message: () => '',
      recommendation: '',
      mootWhenClosing: true,
    };
    // @ts-expect-error an assertion's twin must be a defined finding
    const badTwin: AssertionFindingDefinition<FindingCode> = { ...FINDINGS['assert-min-score'], sameAs: ['no-such'] };
    // @ts-expect-error a finding is made only from a defined code
    const unknown = () => makeFinding('no-such-finding', 'info', null, {});
    expect([noAction, badTwin, unknown].length).toBe(3);
  });
});

describe('the docs table of findings', () => {
  it('has one row per definition, in report order, and replaces only what is between its markers', () => {
    const rows = findingsMarkdown().split('\n').slice(2);
    expect(rows.map((r) => r.split('`')[1])).toEqual([...FINDING_CODES]);
    expect(rows.find((r) => r.includes('`repost-heavy`'))).toBe(
      '| `repost-heavy` | warning | profile rule | Mostly reposts | `talk-with-people` |',
    );
    const page = `before\n${START}\nold\n${END}\nafter`;
    expect(withFindingsTable(page)).toBe(`before\n${START}\n${findingsMarkdown()}\n${END}\nafter`);
    expect(() => withFindingsTable('no markers')).toThrow(/markers/);
    // the manual's table is the definitions' (run `npm run generate` after changing one)
    const doc = readFileSync(FINDINGS_PAGE, 'utf8');
    expect(withFindingsTable(doc)).toBe(doc);
  });
});
