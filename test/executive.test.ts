/**
 * The executive page's figures (issue 36, item 3): the plain paragraph, the verdict counts, one row
 * per platform (null where no profile shows a figure) and the actions grouped by owner.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { executiveData, ownerGroups, platformRows } from '../src/render/executive-data.js';
import { RENDERERS } from '../src/render/index.js';

const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
const OPTIONS = { colorLevel: 0, width: null, failOn: 'warning' } as const;

describe('executiveData on the demo', () => {
  const report = golden();
  const data = executiveData(report);

  it('counts the verdicts, all four, adding up to the profiles', () => {
    expect(data.verdicts).toEqual({ keep: 4, fix: 16, close: 7, check: 2 });
    expect(Object.values(data.verdicts).reduce((a, b) => a + b)).toBe(report.profiles.length);
  });

  it('says it in plain words: the counts, how many posted lately, answers and templates, the first action', () => {
    expect(data.paragraph).toContain(
      'We looked at 29 profiles of Northwind Outfitters: 4 to keep as they are, 16 to fix',
    );
    expect(data.paragraph).toContain('15 of them posted in the last 30 days.');
    expect(data.paragraph).toContain('The first thing to do: answer the people who reply.');
    // no setting names, finding codes or score arithmetic
    expect(data.paragraph).not.toMatch(/scored|average|[a-z][A-Z]|-profile|inventory/);
  });

  it('has one row per platform, the most profiles first, with — where no profile shows a figure', () => {
    expect(data.platforms.map((r) => r.profiles).reduce((a, b) => a + b)).toBe(29);
    expect(data.platforms[0]).toMatchObject({ platform: 'mastodon', label: 'Mastodon', profiles: 8, active: 4 });
    const linkedin = data.platforms.find((r) => r.platform === 'linkedin')!;
    expect(linkedin).toMatchObject({ profiles: 1, medianPostsPerWeek: null, answeredRate: null, cannedShare: null });
  });

  it('groups the actions by owner, each naming only that owner’s profiles, the profiles without owner last', () => {
    expect(data.owners.at(-1)!.owner).toBeNull();
    const care = data.owners.find((g) => g.owner === 'customer care')!;
    const inPerson = care.actions.find((a) => a.rank === 3)!;
    expect(inPerson.label).toBe('Answer in person, not with pasted templates');
    for (const name of inPerson.profiles)
      expect(report.profiles.find((p) => (p.name ?? p.url) === name)!.owner).toBe('customer care');
    // every profile an action names appears under exactly one owner group
    for (const action of report.actions) {
      const named = data.owners.flatMap((g) =>
        g.actions.filter((a) => a.rank === action.rank).flatMap((a) => a.profiles),
      );
      expect(named).toHaveLength(action.profileIds.length);
    }
  });
});

describe('executiveData at the edges', () => {
  it('pools rates over the profiles that have them, a median of posts a week, null where none has a figure', () => {
    const base = golden().profiles[0]!;
    const m = base.metrics!;
    const a = {
      ...base,
      metrics: {
        ...m,
        postsPerWeek30d: 1,
        audienceReplies: 10,
        answeredReplies: 10,
        cannedRatio: 0.5,
        cannedReplies: 5,
        repliesAnalyzed: 10,
      },
    };
    const b = {
      ...base,
      metrics: {
        ...m,
        postsPerWeek30d: 3,
        audienceReplies: 30,
        answeredReplies: 0,
        cannedRatio: 0,
        cannedReplies: 0,
        repliesAnalyzed: 30,
      },
    };
    const c = { ...base, status: 'unreachable' as const, metrics: null };
    const [row] = platformRows([a, b, c]);
    expect(row).toMatchObject({
      profiles: 3,
      active: 2,
      medianPostsPerWeek: 2,
      answeredRate: 0.25,
      cannedShare: 0.125,
    });
    expect(platformRows([c])[0]).toMatchObject({ medianPostsPerWeek: null, answeredRate: null, cannedShare: null });
  });

  it('has no owner groups where no profile has an owner', () => {
    const report = golden();
    expect(ownerGroups({ ...report, profiles: report.profiles.map((p) => ({ ...p, owner: null })) })).toEqual([]);
  });

  it('says so in a sentence for a report with no profiles', () => {
    const report = golden();
    const data = executiveData({ ...report, profiles: [], actions: [] });
    expect(data.paragraph).toBe('The audit of Northwind Outfitters found no profiles to look at.');
    expect(data.platforms).toEqual([]);
  });
});

describe('the executive page in the reports', () => {
  it('HTML: the page first, with verdict counts, the platform table and who does what, printed alone on page 1', () => {
    const html = RENDERERS.html(golden(), OPTIONS);
    const page = html.slice(html.indexOf('<section class="executive exec-page">'), html.indexOf('<h2>Overview</h2>'));
    expect(page).toContain('<p class="lead">We looked at 29 profiles');
    expect(page).toContain('<ul class="verdict-counts">');
    expect(page).toContain('<h2>By platform</h2><table class="platforms">');
    expect(page).toContain('<h2>Who does what</h2>');
    expect(html).toContain('.exec-page { break-after: page; }');
  });

  it('Markdown: the same page under the title, before the profile table', () => {
    const md = RENDERERS.markdown(golden(), OPTIONS);
    const top = md.slice(0, md.indexOf('## Profiles'));
    expect(top).toContain('We looked at 29 profiles of Northwind Outfitters');
    expect(top).toContain('| keep | fix | close | check |');
    expect(top).toContain('## By platform');
    expect(top).toContain('| LinkedIn | 1 | 0 | — | — | — |');
    expect(top).toContain('## Who does what');
  });
});
