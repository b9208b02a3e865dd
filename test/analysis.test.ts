import { describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { canned } from '../src/analysis/canned.js';
import { jaccardSorted, shingles } from '../src/analysis/shingles.js';
import { conversation } from '../src/analysis/conversation.js';
import { normaliseReply } from '../src/analysis/normalise.js';
import { selectSample } from '../src/analysis/sample.js';
import { staleness } from '../src/analysis/staleness.js';
import type { Post } from '../src/model/index.js';
import { mastodonIdTime, twitterIdTime } from '../src/sources/snowflake.js';
import { AS_OF, makePost, makeTimeline, settings } from './helpers/builders.js';

const days = (...ds: Array<number | null>) => ds.map((d) => makePost(d));
/** Staleness of these posts as the source shows them: read to its end (complete) or only its newest ones. */
const stale = (posts: Post[], complete: boolean, platformLastPostAt: string | null = null) =>
  staleness({
    selected: selectSample(
      { posts, reachedEnd: complete, facts: { displayName: null, handle: null, postsCount: null, lastPostAt: null } },
      AS_OF,
      settings,
    ),
    asOf: AS_OF,
    platformLastPostAt,
  });
const daily = (from: number, count: number) => Array.from({ length: count }, (_, i) => makePost(from + i));

describe('staleness', () => {
  it.each([
    {
      name: 'no posts',
      posts: [],
      expect: {
        postsAnalyzed: 0,
        lastPostAt: null,
        daysSinceLastPost: null,
        medianGapDays: null,
        postsPerWeek30d: null,
      },
    },
    {
      name: 'one post',
      posts: days(10),
      expect: {
        postsAnalyzed: 1,
        daysSinceLastPost: 10,
        medianGapDays: null,
        longestGapDays: 10,
        postsPerWeek30d: 0.2,
        goneQuiet: null,
      },
    },
    {
      name: 'all posts on one day',
      posts: days(5, 5, 5),
      expect: { postsAnalyzed: 3, daysSinceLastPost: 5, medianGapDays: 0, longestGapDays: 5 },
    },
    {
      name: 'future-dated posts are left out',
      posts: days(-3, 2),
      expect: { postsAnalyzed: 1, futurePosts: 1, daysSinceLastPost: 2 },
    },
    {
      name: 'posts with no date are counted, not used',
      posts: days(null, null, 40),
      expect: { postsAnalyzed: 1, undatedPosts: 2, daysSinceLastPost: 40 },
    },
    {
      name: 'daily poster silent for 3 weeks has gone quiet',
      posts: daily(21, 30),
      expect: { daysSinceLastPost: 21, medianGapDays: 1, goneQuiet: true },
    },
    {
      name: 'weekly poster silent for 3 weeks has not',
      posts: Array.from({ length: 10 }, (_, i) => makePost(21 + i * 7)),
      expect: { goneQuiet: false, medianGapDays: 7 },
    },
    {
      name: 'activity collapsing',
      posts: [...days(10), ...daily(95, 40)],
      expect: { postsLast90d: 1, postsPrev90d: 40, collapsing: true },
    },
    {
      name: 'steady activity',
      posts: Array.from({ length: 36 }, (_, i) => makePost(i * 5)),
      expect: { postsLast90d: 18, postsPrev90d: 18, collapsing: false },
    },
  ])('$name', ({ posts, expect: want }) => {
    const got = stale(posts, true);
    expect(got).toMatchObject(want);
  });

  it('does not claim the 90 days before when the sample does not reach them', () => {
    const got = stale(daily(0, 15), false);
    expect(got.postsPrev90d).toBeNull();
    expect(got.collapsing).toBeNull();
  });

  it('counts posts per week over the 26 weeks ending at as-of, oldest first', () => {
    // weeks are (end-7d, end]: a post exactly at as-of is in the last week, one 7 days before in the week before
    const got = stale(days(0, 1, 7, 8, 180), true);
    expect(got.weeklyPosts).toHaveLength(26);
    expect(got.weeklyPosts.slice(-3)).toEqual([0, 2, 2]);
    expect(got.weeklyPosts[0]).toBe(1); // 180 days ago is in the oldest week, (182, 175] days ago
    expect(got.weeklyPosts.reduce((a, b) => a! + b!, 0)).toBe(5);
  });

  it('leaves weeks before an incomplete sample reaches unknown (null), not zero', () => {
    const got = stale(daily(0, 15), false);
    expect(got.weeklyPosts.slice(0, 23).every((w) => w === null)).toBe(true);
    expect(got.weeklyPosts.slice(-3)).toEqual([1, 7, 7]);
  });

  it("falls back to the platform's own last-post date when no post was fetched", () => {
    const got = stale([], true, '2026-10-01T00:00:00.000Z');
    expect(got.daysSinceLastPost).toBe(31);
  });
});

describe('conversation', () => {
  const kinds = (...ks: Array<'original' | 'thread' | 'mention' | 'reply' | 'repost'>) =>
    ks.map((kind) => makePost(1, { kind }));
  it.each([
    {
      name: 'broadcast only',
      posts: kinds('original', 'original', 'repost'),
      visible: true,
      expect: { originals: 2, reposts: 1, replies: 0, conversationRatio: 0 },
    },
    { name: 'half replies', posts: kinds('original', 'reply'), visible: true, expect: { conversationRatio: 0.5 } },
    {
      name: 'a thread of self-replies counts as original',
      posts: kinds('original', 'thread', 'thread'),
      visible: true,
      expect: { selfThreads: 2, replies: 0, conversationRatio: 0 },
    },
    {
      name: 'replies not visible (a feed)',
      posts: kinds('original'),
      visible: false,
      expect: { conversationRatio: null },
    },
    {
      name: 'only reposts',
      posts: kinds('repost', 'repost'),
      visible: true,
      expect: { conversationRatio: null, promoRatio: null },
    },
  ])('$name', ({ posts, visible, expect: want }) => {
    expect(conversation({ posts, repliesVisible: visible })).toMatchObject(want);
  });

  it('counts promotional originals with the markers that matched', () => {
    const posts = [
      makePost(1, { text: 'Giveaway! Follow us and RT to win' }),
      makePost(1, { text: 'Use code TRAIL20 at https://shop.example.com/products/x' }),
      makePost(1, { text: 'A photo of the lake' }),
      makePost(1, { text: '', kind: 'original' }),
      makePost(1, { text: 'DM us with your order', kind: 'reply' }),
    ];
    const got = conversation({ posts, repliesVisible: true });
    expect(got.promoRatio).toBe(0.5);
    expect(got.promoMarkers.map((m) => m.marker)).toEqual([
      'follow us',
      'giveaway',
      'RT to win',
      'shop link',
      'use code',
    ]);
  });
});

describe('reply normalisation', () => {
  it.each([
    {
      text: "@sam Sorry about that! DM us your order #A12345 and we'll fix it ^JS",
      norm: 'sorry about that dm us your order and well fix it',
      sig: '^JS',
    },
    { text: 'Thanks for waiting 🙏 https://help.example/x -AB', norm: 'thanks for waiting', sig: '-AB' },
    { text: 'We are on it. ~Jen', norm: 'we are on it', sig: '~Jen' },
    { text: 'Ticket 4815162342 is open /AY 😊', norm: 'ticket is open', sig: '/AY' },
    { text: 'Hi - thanks', norm: 'hi thanks', sig: null },
    // Delta's style, and a signature followed by a link
    { text: 'Have a great flight! 😊 *HKC', norm: 'have a great flight', sig: '*HKC' },
    { text: "We'll check backstage /LW https://t.co/ldFdZRiNAt", norm: 'well check backstage', sig: '/LW' },
    // bare initials after Japanese text, a sentence, a bracket or a link
    { text: 'ご確認ください。TY', norm: 'ご確認ください', sig: 'TY' },
    { text: 'お楽しみください(*ˊᗜˋ*) HM', norm: 'お楽しみください ˊᗜˋ', sig: 'HM' },
    { text: 'Please bear with us. DA', norm: 'please bear with us', sig: 'DA' },
    { text: 'こちらをご覧ください https://t.co/J6YEizo6qC　MH', norm: 'こちらをご覧ください', sig: 'MH' },
    // capitals that are words, not initials
    { text: 'Please reach out to us in DM', norm: 'please reach out to us in dm', sig: null },
    { text: 'Please send us a DM. OK', norm: 'please send us a dm ok', sig: null },
    { text: 'We ship to the USA', norm: 'we ship to the usa', sig: null },
    { text: '', norm: '', sig: null },
    // typed and typographic apostrophes are one: the same script pasted from two keyboards (twcs AmazonHelp)
    {
      text: 'Please don’t provide your details. I’d look',
      norm: 'please dont provide your details id look',
      sig: null,
    },
    {
      text: "Please don't provide your details. I'd look",
      norm: 'please dont provide your details id look',
      sig: null,
    },
    { text: 'It‘s ok, weʼll check', norm: 'its ok well check', sig: null },
  ])('$text', ({ text, norm, sig }) => {
    expect(normaliseReply(text)).toEqual({ text: norm, signature: sig });
  });
});

describe('canned responses', () => {
  const reply = (text: string) => makePost(1, { kind: 'reply', text });
  const template =
    "Hi there, we're sorry to hear about this! Please send us a DM with your order number and we'll look into it";

  it('finds a template across mentions, ids and signatures, and counts the agents', () => {
    const replies = [
      reply(`@ann ${template} ^AB`),
      reply(`@bob ${template} #77812 ^JS`),
      reply(`@cy ${template}!! ~Jen`),
      reply(`@dee ${template} right away. ^AB`),
      reply('@eve The Ridge boot runs small; go half a size up for winter socks.'),
      reply('@fay That trail is closed after the storm; try the lake loop instead.'),
    ];
    const got = canned({ replies, similarity: 0.8, minClusterSize: 3 });
    expect(got.repliesAnalyzed).toBe(6);
    expect(got.templates).toHaveLength(1);
    expect(got.templates[0]!.count).toBe(4);
    expect(got.cannedRatio).toBe(0.6667);
    expect(got.signatures).toEqual([
      { tag: '^AB', count: 2, templateShare: 1 },
      { tag: '^JS', count: 1, templateShare: 1 },
      { tag: '~Jen', count: 1, templateShare: 1 },
    ]);
    expect(got).toMatchObject({ templateCount: 1, templatesPer1000Replies: 166.67, top5Coverage: 0.6667 });
    // issue 34 item 4: the script with its slots, and who signed the template's replies
    expect(got.templates[0]!.skeleton).toBe(`@… ${template} {…}. {initials}`);
    expect(got.templates[0]!.signedBy).toEqual(['^AB', '^JS', '~Jen']);
  });

  it('says when each template was used, and how canned each agent is', () => {
    const at = (days: number, text: string) => makePost(days, { kind: 'reply', text });
    const got = canned({
      replies: [
        at(30, `@a ${template} ^AB`),
        at(3, `@b ${template} ^AB`),
        at(10, `@c ${template} ^JS`),
        at(5, '@d Our Tacoma store fixes zips in ten days. ^JS'),
      ],
      similarity: 0.6,
      minClusterSize: 3,
    });
    expect(got.templates[0]).toMatchObject({
      count: 3,
      firstSeenAt: '2026-10-02T00:00:00.000Z',
      lastSeenAt: '2026-10-29T00:00:00.000Z',
    });
    expect(got.templates[0]!.text).toBe(`@… ${template}`);
    expect(got.signatures).toEqual([
      { tag: '^AB', count: 2, templateShare: 1 },
      { tag: '^JS', count: 2, templateShare: 0.5 },
    ]);
  });

  it('needs at least minClusterSize replies for a template', () => {
    const got = canned({ replies: [reply(template), reply(template)], similarity: 0.8, minClusterSize: 3 });
    expect(got.cannedRatio).toBe(0);
    expect(got.templates).toEqual([]);
  });

  it('has no ratio without replies', () => {
    expect(canned({ replies: [reply('@a 👍')], similarity: 0.8, minClusterSize: 3 }).cannedRatio).toBeNull();
  });

  it('compares word pairs at every length (character bigrams without spaces)', () => {
    const j = (a: string, b: string) => jaccardSorted(shingles(a), shingles(b));
    expect(j('a b c d e f g h i j k', 'a b c d e f g h i j k')).toBe(1);
    // one edit at the end: 9 of the 10 pairs of each shared, 11 in all
    expect(j('a b c d e f g h i j k', 'a b c d e f g h i j x')).toBe(9 / 11);
    expect(shingles('thanks so much')).toHaveLength(2); // 2 pairs
    expect(shingles('thanks')).toHaveLength(1);
    // a short template and its longer variant meet: under the former scheme (2-grams below 10 words,
    // 3-grams above, never compared) these shared no shingle at all (issue 19)
    const short = 'have you had a chance to run a tracert';
    const long = 'have you had a chance to run a tracert to the site yet let us know';
    expect(j(short, long)).toBeGreaterThanOrEqual(0.45);
    expect(
      j('send us a dm with your email address so we can assist', 'send us a note via the link so our team can connect'),
    ).toBeLessThan(0.45);
    expect(
      j('ご不便をおかけして申し訳ございません', 'ご不便をおかけして大変申し訳ございません'),
    ).toBeGreaterThanOrEqual(0.8);
    expect(j('ご不便をおかけして申し訳ございません', '配送状況はこちらからご確認いただけます')).toBeLessThan(0.1);
  });
});

describe('snowflake ids', () => {
  it.each([
    ['an X id', twitterIdTime('1588091220244369409'), '2022-11-03T08:50:26.871Z'],
    ['an X id from before snowflakes (2010)', twitterIdTime('20000000000'), null],
    ['a Mastodon id', mastodonIdTime('109331234567890123'), '2022-11-12T14:10:46.214Z'],
    ['a pre-2.0 Mastodon numeric id', mastodonIdTime('12345'), null],
    ['garbage', twitterIdTime('12ab'), null],
  ])('dates %s', (_, got, expected) => {
    expect(got).toBe(expected);
  });
});

describe('analyzeTimeline', () => {
  it('gives null with a reason where a feed cannot show replies', () => {
    const m = analyzeTimeline(
      makeTimeline(days(3, 10), {
        repliesVisible: false,
        repliesHiddenReason: "a feed shows only the author's own posts",
        method: 'feed',
        facts: { displayName: null, handle: null, postsCount: null, lastPostAt: null },
      }),
      AS_OF,
      settings,
    );
    expect(m.conversationRatio).toBeNull();
    expect(m.cannedRatio).toBeNull();
    expect(m.unavailable.conversationRatio).toMatch(/feed/);
    expect(m.sample).toEqual({
      method: 'feed',
      size: 2,
      posts: 2,
      fetched: 2,
      from: '2026-10-22T00:00:00.000Z',
      to: '2026-10-29T00:00:00.000Z',
      extended: false,
      complete: false,
      incompleteReason: 'the source does not reach back far enough',
      note: null,
      rejectedRows: 0,
      problems: [],
    });
  });

  it('measures response time where the parent is known', () => {
    const replies = [30, 90, 10].map((minutes) =>
      makePost(1, {
        kind: 'reply',
        text: 'ok then',
        inReplyToCreatedAt: new Date(AS_OF.getTime() - 86_400_000 - minutes * 60_000).toISOString(),
      }),
    );
    const m = analyzeTimeline(makeTimeline(replies), AS_OF, settings);
    expect(m.medianResponseMinutes).toBe(30);
    expect(m.p90ResponseMinutes).toBe(78); // linear between closest ranks: 30 + 0.8 × (90 − 30)
    expect(m.responseTimesMeasured).toBe(3);
  });

  it('gives null response times with a reason where no parent is dated', () => {
    const m = analyzeTimeline(makeTimeline([makePost(1, { kind: 'reply', text: 'ok' })]), AS_OF, settings);
    expect(m.medianResponseMinutes).toBeNull();
    expect(m.p90ResponseMinutes).toBeNull();
    expect(m.unavailable.p90ResponseMinutes).toBe('the source does not show when the replied-to posts were written');
  });
});
