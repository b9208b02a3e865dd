/**
 * The words of every finding, in one exhaustive table keyed by code: the compiler finds a missing one.
 * Renderers never invent wording; they show `message` and `recommendation` from the report.
 */
import type { Evidence, FindingCode } from '../model/index.js';
import { ago, day, duration, percent, plural } from '../model/index.js';

interface Wording {
  title: string;
  message: (e: Evidence) => string;
  /** Fixed, or chosen by the evidence where one finding covers two situations. */
  recommendation: string | ((e: Evidence) => string);
}

const n = (v: Evidence[string] | undefined) => Number(v ?? 0);
const s = (v: Evidence[string] | undefined) => String(v ?? '');

/** The wording of a broken inventory assertion: what was measured against what was asserted. */
function asserted(title: string, metric: string, show: (v: number) => string, recommendation: string): Wording {
  return {
    title,
    message: (e) => {
      // a ratio over fewer than 5 items carries its counts: "1 of 3 posts (33%), too few to be sure"
      const actual =
        e.of === undefined
          ? show(n(e.actual))
          : `${n(e.count)} of ${plural(n(e.of), s(e.unit))} (${show(n(e.actual))}), too few to be sure`;
      return `${metric} is ${actual}; the inventory asserts ${s(e.name).startsWith('max') ? 'at most' : 'at least'} ${show(n(e.limit))} (${s(e.name)})`;
    },
    recommendation,
  };
}

export const FINDING_WORDING: Record<FindingCode, Wording> = {
  'abandoned-profile': {
    title: 'Abandoned profile',
    message: (e) =>
      `last post ${ago(n(e.daysSinceLastPost))} (${day(s(e.lastPostAt))})${e.basis ? `, ${s(e.basis)}` : ''}`,
    recommendation: 'Archive or delete the profile, or point its bio to where the company is active now.',
  },
  'stale-profile': {
    title: 'Stale profile',
    message: (e) =>
      `last post ${ago(n(e.daysSinceLastPost))} (${day(s(e.lastPostAt))})${e.basis ? `, ${s(e.basis)}` : ''}`,
    recommendation: 'Post again or say in the bio that the profile is no longer monitored.',
  },
  'gone-quiet': {
    title: 'Gone quiet',
    message: (e) =>
      `silent for ${plural(n(e.daysSinceLastPost), 'day')}; it usually posts every ${plural(n(e.medianGapDays), 'day')}`,
    recommendation: 'Check whether whoever ran the profile has left, and hand it over.',
  },
  'collapsing-activity': {
    title: 'Activity collapsing',
    message: (e) =>
      `${plural(n(e.postsLast90d), 'post')} in the last 90 days against ${n(e.postsPrev90d)} in the 90 before`,
    recommendation: 'Decide whether to keep the profile: staff it properly or retire it openly.',
  },
  'empty-profile': {
    title: 'Empty profile',
    message: (e) => (e.reason === undefined ? 'the profile exists and has never posted' : s(e.reason)),
    recommendation: (e) =>
      n(e.postsAfterAsOf) > 0
        ? 'Audit it as of a date after its first post (--as-of), or leave --as-of out to audit it as of today.'
        : 'Delete the profile or redirect visitors to an active one.',
  },
  'dead-profile-link': {
    title: 'Dead profile link',
    message: (e) => `the profile is gone: ${s(e.reason)}`,
    recommendation: 'Remove the link from the website and inventory, or reclaim the name.',
  },
  'unverifiable-profile': {
    title: 'Cannot be verified publicly',
    message: (e) => `the public page shows nothing to measure: ${s(e.reason)}`,
    recommendation:
      "Supply the owner's export in the inventory (`archive:` for an X/Twitter archive, `posts:` for a posts CSV or JSON), or check the profile by hand while logged in.",
  },
  'fetch-failed': {
    title: 'Could not be audited',
    message: (e) => `the audit failed: ${s(e.reason)}`,
    recommendation: 'Re-run the audit; if it keeps failing, check the URL and the platform setting.',
  },
  'broadcast-only': {
    title: 'Broadcast only',
    message: (e) =>
      `0 replies to others among ${plural(n(e.ownPosts), 'own post')} (${plural(n(e.reposts), 'repost')})`,
    recommendation: 'Answer the people who write to the profile; a brand that never replies reads as a billboard.',
  },
  'low-conversation': {
    title: 'Little conversation',
    message: (e) => `only ${percent(n(e.conversationRatio))} of ${plural(n(e.posts), 'post')} are replies to others`,
    recommendation: 'Reply to mentions and questions more often.',
  },
  'promo-heavy': {
    title: 'Mostly promotion',
    message: (e) =>
      `${percent(n(e.promoRatio))} of ${plural(n(e.ownPosts), 'own post')} are promotional (${s(e.markers)})`,
    recommendation: 'Mix in useful or conversational posts; lead with value, not offers.',
  },
  'canned-responses': {
    title: 'Canned responses',
    message: (e) =>
      `${percent(n(e.cannedRatio))} of ${plural(n(e.replies), 'reply', 'replies')} match ${plural(n(e.templates), 'template')}`,
    recommendation: 'Personalise replies: answer the specific question and sign as a person.',
  },
  'ignores-audience': {
    title: 'Ignores its audience',
    message: (e) =>
      `answered ${n(e.answered)} of ${plural(n(e.replies), 'reply', 'replies')} people wrote under its posts (${percent(n(e.answeredRate))}), in ${plural(n(e.threads), 'thread')} read`,
    recommendation:
      'Answer the people who reply under your posts, or hand the profile to a team that will; a support account may answer for it.',
  },
  'unanswered-questions': {
    title: 'Unanswered questions',
    message: (e) =>
      `${plural(n(e.count), 'question')} under its posts ${n(e.count) === 1 ? 'has' : 'have'} waited more than 7 days for an answer; the oldest, ${ago(n(e.oldestDays))}: "${s(e.oldest)}"`,
    recommendation:
      'Answer these questions (the report lists the oldest with links), then set up a daily check of replies.',
  },
  'slow-answers': {
    title: 'Slow answers',
    message: (e) =>
      `half the answers to people came more than ${duration(n(e.medianAnswerMinutes))} after they wrote (${plural(n(e.answered), 'answer')})`,
    recommendation: 'Check replies at least daily, so people get an answer the same day.',
  },
  'export-rows-rejected': {
    title: 'Export rows skipped',
    message: (e) =>
      `${plural(n(e.rows), 'row')} of the export could not be read and were left out (${n(e.used)} used); first: ${s(e.first)}`,
    recommendation: "Fix the listed rows in the export file (see the profile's sample problems) and re-run.",
  },
  'assert-max-days-since-last-post': asserted(
    'Silent longer than asserted',
    'days since the last post',
    (v) => plural(v, 'day'),
    'Post again, or relax the assertion if this profile is meant to be quiet.',
  ),
  'assert-min-posts-per-week': asserted(
    'Posts less often than asserted',
    'posts per week (30 days)',
    String,
    'Post more regularly, or relax the assertion.',
  ),
  'assert-min-conversation-ratio': asserted(
    'Converses less than asserted',
    'conversation ratio',
    (v) => percent(v),
    'Reply to the people who write to the profile.',
  ),
  'assert-max-promo-ratio': asserted(
    'More promotion than asserted',
    'promo ratio',
    (v) => percent(v),
    'Post less promotion and more that is useful.',
  ),
  'assert-max-canned-ratio': asserted(
    'More canned replies than asserted',
    'canned ratio',
    (v) => percent(v),
    'Personalise replies: answer the specific question and sign as a person.',
  ),
  'assert-max-median-response-minutes': asserted(
    'Answers slower than asserted',
    'median response time',
    (v) => `${v} minutes`,
    'Staff the profile so people get an answer sooner.',
  ),
  'assert-min-answered-rate': asserted(
    'Answers fewer people than asserted',
    'answered rate',
    (v) => percent(v),
    'Answer the people who reply under your posts.',
  ),
  'assert-max-median-answer-minutes': asserted(
    'Answers its audience slower than asserted',
    'median answer time',
    (v) => `${v} minutes`,
    'Check replies more often, so people get an answer sooner.',
  ),
  'assert-min-score': asserted(
    'Scores lower than asserted',
    'overall score',
    String,
    "Work through the profile's other findings.",
  ),
  'assert-unchecked': {
    title: 'Assertions not checked',
    message: (e) => `could not check ${s(e.assertions)}: ${s(e.reason)}`,
    recommendation:
      'Make the profile measurable (an export for walled platforms), or scope the assertion with assertFor to profiles that can show it.',
  },
  'company-abandoned-profiles': {
    title: 'Abandoned profiles',
    message: (e) => `${n(e.count)} of ${plural(n(e.profiles), 'profile')} are abandoned or gone`,
    recommendation: 'Retire abandoned profiles: archive them, redirect them, or delete them.',
  },
  'company-unanswered': {
    title: 'Profiles that never answer',
    message: (e) => `${n(e.count)} of ${plural(n(e.measured), 'measured profile')} never reply to anyone`,
    recommendation: 'Give each profile an owner who answers, or close it.',
  },
  'site-links-to-dead-profile': {
    title: 'Website links to a dead profile',
    message: (e) => `${s(e.page)} links to ${s(e.url)}, which is gone: ${s(e.reason)}`,
    recommendation: 'Remove the link from the website, or reclaim the name before someone else does.',
  },
  'site-links-to-abandoned-profile': {
    title: 'Website links to an abandoned profile',
    message: (e) =>
      `${s(e.page)} sends visitors to ${s(e.url)} (${s(e.status)}${e.daysSinceLastPost === null || e.daysSinceLastPost === undefined ? '' : `, last post ${plural(n(e.daysSinceLastPost), 'day')} ago`})`,
    recommendation:
      'Revive the profile or take the link off the website (and say on the profile where to find the company now).',
  },
  'profile-missing-from-site': {
    title: 'Not linked from the website',
    message: (e) =>
      `the profile is ${s(e.status)} but ${s(e.website)} does not link to it (${plural(e.pagesRead as number, 'page')} read)`,
    recommendation:
      'Link it from the website (footer, contact page, or `rel="me"`), so customers can tell it is the company\'s own.',
  },
  'site-links-to-undeclared-profile': {
    title: 'Website links to profiles not in the inventory',
    message: (e) =>
      `${s(e.website)} links to ${plural(n(e.count), 'profile')} the inventory does not list: ${s(e.urls)}`,
    recommendation:
      'Add them to the inventory so they are audited (`channel-audit init --from-site` lists them all), or remove the links.',
  },
  'website-unreadable': {
    title: 'Website could not be read',
    message: (e) => `${s(e.url)} could not be read (${s(e.reason)}): which profiles it links to is unknown`,
    recommendation: 'Check the `website:` URL; re-run when the site answers.',
  },
  'company-audience': {
    title: 'Who gets an answer',
    message: (e) =>
      `the brand answered ${n(e.answered)} of ${plural(n(e.people), 'person', 'people')} who replied to it (${percent(n(e.rate))}), in the threads of ${plural(n(e.profiles), 'profile')}`,
    recommendation: 'Answer the people who reply to the brand, wherever they reply.',
  },
  'company-unmeasured': {
    title: 'Profiles not measured',
    message: (e) => `${n(e.count)} of ${plural(n(e.profiles), 'profile')} could not be measured (blocked or failed)`,
    recommendation: 'Provide exports for walled platforms and re-run failed profiles.',
  },
};
