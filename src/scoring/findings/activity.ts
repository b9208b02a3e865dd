/** Findings about whether a profile is alive: its status, its posting rhythm, whether it could be read. */
import { ago, day, duration, type Evidence, plural } from '../../model/index.js';
import { defineFindings, n, s } from './define.js';

/** Evidence that a status rests on thin evidence, only where it does (older findings keep their shape). */
const thin = (note: string | null | undefined): Evidence => (note ? { basis: note } : {});

const lastPost = (e: Evidence) =>
  `last post ${ago(n(e.daysSinceLastPost))} (${day(s(e.lastPostAt))})${e.basis ? `, ${s(e.basis)}` : ''}`;

export const ACTIVITY_FINDINGS = defineFindings({
  'abandoned-profile': {
    group: 'profile',
    title: 'Abandoned profile',
    severity: 'critical',
    evaluate: ({ status, metrics: m, thinEvidence }) =>
      status === 'abandoned' && m
        ? { evidence: { lastPostAt: m.lastPostAt, daysSinceLastPost: m.daysSinceLastPost, ...thin(thinEvidence) } }
        : null,
    message: lastPost,
    recommendation: 'Archive or delete the profile, or point its bio to where the company is active now.',
    // the summary closes it through its verdict
    action: null,
    mootWhenClosing: false,
  },
  'stale-profile': {
    group: 'profile',
    title: 'Stale profile',
    severity: 'warning',
    evaluate: ({ status, metrics: m, thinEvidence }) =>
      status === 'stale' && m
        ? { evidence: { lastPostAt: m.lastPostAt, daysSinceLastPost: m.daysSinceLastPost, ...thin(thinEvidence) } }
        : null,
    message: lastPost,
    recommendation: 'Post again or say in the bio that the profile is no longer monitored.',
    // the summary's "Post again" follows the stale status and the verdict
    action: null,
    mootWhenClosing: false,
  },
  'gone-quiet': {
    group: 'profile',
    title: 'Gone quiet',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) =>
      status === 'active' && m?.goneQuiet
        ? { evidence: { daysSinceLastPost: m.daysSinceLastPost, medianGapDays: m.medianGapDays } }
        : null,
    message: (e) =>
      `silent for ${plural(n(e.daysSinceLastPost), 'day')}; it usually posts every ${duration(n(e.medianGapDays) * 1440)}`,
    recommendation: 'Check whether whoever ran the profile has left, and hand it over.',
    action: null,
    mootWhenClosing: true,
  },
  'collapsing-activity': {
    group: 'profile',
    title: 'Activity collapsing',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) =>
      (status === 'active' || status === 'stale') && m?.collapsing
        ? { evidence: { postsLast90d: m.postsLast90d, postsPrev90d: m.postsPrev90d } }
        : null,
    message: (e) =>
      `${plural(n(e.postsLast90d), 'post')} in the last 90 days against ${n(e.postsPrev90d)} in the 90 before`,
    recommendation: 'Decide whether to keep the profile: staff it properly or retire it openly.',
    action: null,
    mootWhenClosing: true,
  },
  'empty-profile': {
    group: 'profile',
    title: 'Empty profile',
    severity: 'warning',
    evaluate: ({ status, statusReason, metrics: m }) =>
      status === 'empty' ? { evidence: { reason: statusReason, postsAfterAsOf: m?.futurePosts ?? 0 } } : null,
    message: (e) => (e.reason === undefined ? 'the profile exists and has never posted' : s(e.reason)),
    recommendation: (e) =>
      n(e.postsAfterAsOf) > 0
        ? 'Audit it as of a date after its first post (--as-of), or leave --as-of out to audit it as of today.'
        : 'Delete the profile or redirect visitors to an active one.',
    action: null,
    mootWhenClosing: false,
  },
  'dead-profile-link': {
    group: 'profile',
    title: 'Dead profile link',
    severity: 'critical',
    evaluate: ({ status, statusReason }) => (status === 'unreachable' ? { evidence: { reason: statusReason } } : null),
    message: (e) => `the profile is gone: ${s(e.reason)}`,
    recommendation: 'Remove the link from the website and from your list of profiles, or reclaim the name.',
    // the summary's "Take … dead profiles out" follows the unreachable status
    action: null,
    mootWhenClosing: false,
  },
  'unverifiable-profile': {
    group: 'profile',
    title: 'Cannot be verified publicly',
    severity: 'info',
    evaluate: ({ status, statusReason, statusAdvice }) =>
      status === 'blocked'
        ? { evidence: { reason: statusReason, ...(statusAdvice ? { advice: statusAdvice } : {}) } }
        : null,
    message: (e) => `the public page shows nothing to measure: ${s(e.reason)}`,
    // the platform's own route (platforms/owner-route.ts): a walled LinkedIn page is never sent to X's archive
    recommendation: (e) =>
      e.advice
        ? `Ask the profile's owner for its data: ${s(e.advice)} Or check the profile by hand while logged in.`
        : "Ask the profile's owner for a list of its posts (a CSV or JSON file), or check the profile by hand while logged in.",
    // the summary's "Check by hand" follows the verdict
    action: null,
    mootWhenClosing: false,
  },
  'fetch-failed': {
    group: 'profile',
    title: 'Could not be audited',
    severity: 'warning',
    evaluate: ({ status, statusReason, statusAdvice }) =>
      status === 'error'
        ? { evidence: { reason: statusReason, ...(statusAdvice ? { advice: statusAdvice } : {}) } }
        : null,
    message: (e) => `the audit failed: ${s(e.reason)}`,
    // a reader that knows what would help says it (an owner download: which one to request, and where)
    recommendation: (e) =>
      e.advice ? s(e.advice) : 'Re-run the audit; if it keeps failing, check the URL and the platform setting.',
    action: null,
    mootWhenClosing: false,
  },
});
