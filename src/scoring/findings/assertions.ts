/**
 * Broken inventory assertions (scoring/assertions.ts measures them): one finding per assertion, worded
 * for the client as what was measured against their target, folded into the rule finding that says the
 * same. The assertion's setting name stays in the evidence (`name`) for the technical appendix.
 */
import { duration, percent, plural } from '../../model/index.js';
import { type AssertionFindingDefinition, defineFindings, type FindingAction, n, s } from './define.js';

interface Asserted<S extends readonly string[]> {
  title: string;
  /** The metric by its name for people. */
  metric: string;
  show: (v: number) => string;
  recommendation: string;
  action: FindingAction | null;
  /** The rule findings that say the same thing, in order of preference (scoring/reconcile.ts). */
  sameAs: S;
}

/** The definition of a broken assertion: what was measured against what was asserted. */
function asserted<const S extends readonly string[]>(a: Asserted<S>): AssertionFindingDefinition & { sameAs: S } {
  return {
    group: 'assertion',
    title: a.title,
    severity: 'warning',
    message: (e) => {
      // a ratio over fewer than 5 items carries its counts: "1 of 3 posts (33%), too few to be sure"
      const actual =
        e.of === undefined
          ? a.show(n(e.actual))
          : `${n(e.count)} of ${plural(n(e.of), s(e.unit))} (${a.show(n(e.actual))}), too few to be sure`;
      return `${a.metric} is ${actual}; your target is ${s(e.name).startsWith('max') ? 'at most' : 'at least'} ${a.show(n(e.limit))}`;
    },
    recommendation: a.recommendation,
    metric: a.metric,
    action: a.action,
    mootWhenClosing: false,
    sameAs: a.sameAs,
  };
}

/** The metrics of unchecked assertions by their names for people: "maxDaysSinceLastPost" → "days since the last post". */
const targetNames = (names: string): string =>
  names
    .split(/,\s*/)
    .map((name) => {
      const code = `assert-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      const d = (ASSERTION_FINDINGS as Record<string, AssertionFindingDefinition>)[code];
      return d?.metric ?? name;
    })
    .join(', ');

export const ASSERTION_FINDINGS = defineFindings({
  'assert-max-days-since-last-post': asserted({
    title: 'Silent longer than your target',
    metric: 'days since the last post',
    show: (v) => plural(v, 'day'),
    recommendation: 'Post again, or relax the target if this profile is meant to be quiet.',
    action: null,
    sameAs: ['abandoned-profile', 'stale-profile', 'gone-quiet'],
  }),
  'assert-min-posts-per-week': asserted({
    title: 'Posts less often than your target',
    metric: 'posts per week (30 days)',
    show: String,
    recommendation: 'Post more regularly, or relax the target.',
    action: null,
    sameAs: ['abandoned-profile', 'stale-profile', 'collapsing-activity', 'gone-quiet'],
  }),
  'assert-min-conversation-ratio': asserted({
    title: 'Converses less than your target',
    metric: 'conversation ratio',
    show: (v) => percent(v),
    recommendation: 'Reply to the people who write to the profile.',
    action: 'talk-with-people',
    sameAs: ['broadcast-only', 'low-conversation', 'abandoned-profile', 'empty-profile'],
  }),
  'assert-max-promo-ratio': asserted({
    title: 'More promotion than your target',
    metric: 'promo ratio',
    show: (v) => percent(v),
    recommendation: 'Post less promotion and more that is useful.',
    action: 'talk-with-people',
    sameAs: ['promo-heavy', 'abandoned-profile', 'empty-profile'],
  }),
  'assert-max-canned-ratio': asserted({
    title: 'More canned replies than your target',
    metric: 'canned ratio',
    show: (v) => percent(v),
    recommendation: 'Personalise replies: answer the specific question and sign as a person.',
    action: 'answer-in-person',
    sameAs: ['canned-responses', 'abandoned-profile', 'empty-profile'],
  }),
  'assert-max-median-response-minutes': asserted({
    title: 'Answers slower than your target',
    metric: 'median response time',
    show: duration,
    recommendation: 'Staff the profile so people get an answer sooner.',
    action: 'answer-sooner',
    sameAs: ['abandoned-profile', 'empty-profile'],
  }),
  'assert-min-answered-rate': asserted({
    title: 'Answers fewer people than your target',
    metric: 'answered rate',
    show: (v) => percent(v),
    recommendation: 'Answer the people who reply under your posts.',
    action: 'answer-audience',
    sameAs: ['ignores-audience', 'abandoned-profile', 'empty-profile'],
  }),
  'assert-max-median-answer-minutes': asserted({
    title: 'Answers its audience slower than your target',
    metric: 'median answer time',
    show: duration,
    recommendation: 'Check replies more often, so people get an answer sooner.',
    action: 'answer-sooner',
    sameAs: ['slow-answers', 'abandoned-profile', 'empty-profile'],
  }),
  'assert-min-score': asserted({
    title: 'Scores lower than your target',
    metric: 'overall score',
    show: String,
    recommendation: "Work through the profile's other findings.",
    action: null,
    sameAs: ['abandoned-profile', 'empty-profile', 'dead-profile-link', 'stale-profile'],
  }),
  'assert-unchecked': {
    group: 'assertion',
    title: 'Targets not checked',
    severity: 'info',
    message: (e) => `could not check your target for ${targetNames(s(e.assertions))}: ${s(e.reason)}`,
    recommendation:
      "Make the profile measurable (its owner's download for a walled platform), or set the target only for profiles that can show it.",
    action: null,
    mootWhenClosing: false,
    sameAs: [],
  },
});
