/** Listening (issue 17): who answered the people who replied under the profile's posts, from threads. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { authorKey, listeningGaps, listeningMetrics } from '../src/analysis/listening.js';
import { checkAssertions } from '../src/scoring/assertions.js';
import { evaluateProfile } from '../src/scoring/evaluate.js';
import { conversationScore } from '../src/scoring/scores.js';
import { AS_OF as BUILD_AS_OF, makePost, makeTimeline, settings } from './helpers/builders.js';
import type { Listening, Metrics, ThreadReply } from '../src/model/index.js';

const AS_OF = new Date('2026-11-01T00:00:00Z');
const BRAND = 'https://social.example/@northwind';
const HELP = 'https://social.example/@northwind_help';
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 9, day, hour)).toISOString();
const reply = (id: string, parentId: string, author: string, createdAt: string, text = 'Nice!'): ThreadReply => ({
  id,
  parentId,
  author,
  createdAt,
  text,
  url: `https://social.example/@x/${id}`,
});

function listening(replies: ThreadReply[][], extra: Partial<Listening> = {}): Listening {
  return {
    self: BRAND,
    withReplies: replies.length,
    threads: replies.map((r, i) => ({ rootId: `root${i}`, rootUrl: null, replies: r })),
    budget: 40,
    requests: replies.length,
    failed: null,
    ...extra,
  };
}

describe('listening metrics', () => {
  it('counts audience replies under the brand, who answered them and how fast, questions apart', () => {
    const m = listeningMetrics(
      listening([
        [
          reply('a', 'root0', 'https://social.example/@ann', at(1, 10), '@northwind where is my order?'),
          reply('b', 'a', BRAND, at(1, 12), '@ann on its way'),
          reply('c', 'b', 'https://social.example/@ann', at(1, 13), 'thanks!'), // under the brand's answer: audience
          reply('d', 'root0', 'https://other.example/@bob', at(2), 'Wie lange dauert das'),
          reply('e', 'd', HELP, at(2, 20), 'Zwei Tage'), // answered by another inventory profile
          reply('f', 'd', 'https://social.example/@cat', at(3), 'me too'), // under someone else's reply: not with the brand
        ],
        [reply('g', 'root1', 'https://social.example/@dan', at(20), 'Is the shop open on Sunday? @northwind @ann')],
      ]),
      new Map([[authorKey(HELP), 'mastodon-help']]),
      AS_OF,
    );
    expect(m).toMatchObject({
      audienceReplies: 4,
      answeredReplies: 2,
      answeredRate: 0.5,
      answeredBy: [
        { by: 'mastodon-help', count: 1 },
        { by: 'self', count: 1 },
      ],
      peopleReplied: 3,
      peopleAnswered: 2,
      questions: 3,
      questionsAnswered: 2,
      questionAnsweredRate: 0.6667,
      medianAnswerMinutes: 300,
      threadsRead: 2,
      threadsWithReplies: 2,
    });
    expect(m.unanswered).toEqual([
      {
        text: 'Is the shop open on Sunday? @… @…',
        createdAt: at(20),
        ageDays: 11,
        url: 'https://social.example/@x/g',
        rule: 'mark "?"',
      },
    ]);
  });

  it('lists at most the five oldest unanswered questions, text sanitised', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      reply(`q${i}`, 'root0', `https://x.example/@p${i}`, at(10 + i), `Why\u0007 is #${i} late?\u202e`),
    );
    const m = listeningMetrics(listening([many]), new Map(), AS_OF);
    expect(m.unanswered.map((u) => u.text)).toEqual([
      'Why is #0 late?',
      'Why is #1 late?',
      'Why is #2 late?',
      'Why is #3 late?',
      'Why is #4 late?',
    ]);
    expect(m.answeredRate).toBe(0);
  });

  it('says why each metric is null', () => {
    const none = listeningMetrics(listening([]), new Map(), AS_OF);
    expect(listeningGaps(none, null)).toEqual({
      answeredRate: 'no own post in the sample had replies from others',
      questionAnsweredRate: 'no own post in the sample had replies from others',
      medianAnswerMinutes: 'no own post in the sample had replies from others',
      p90AnswerMinutes: 'no own post in the sample had replies from others',
    });
    expect(listeningGaps(none, 'listening is off (--listen 0)').audienceReplies).toBe('listening is off (--listen 0)');
  });

  it('matches authors by profile URL whatever the form', () => {
    expect(authorKey('https://www.reddit.com/user/Northwind/')).toBe(authorKey('https://reddit.com/user/northwind'));
    expect(authorKey('https://bsky.app/profile/northwind.bsky.social?x=1')).toBe(
      'bsky.app/profile/northwind.bsky.social',
    );
  });
});

describe('the listening budget', () => {
  it('is a whole number of 0 or more, in the inventory (with its line) and on the command line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'channel-audit-listen-')), 'inv.yaml');
    writeFileSync(file, 'company: A\nsettings:\n  listenBudget: -1\nprofiles:\n  - url: https://social.example/@a\n');
    const bad = await cli(['validate', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /inv\.yaml:3:17: settings\.listenBudget: expected a whole number of threads: 0 \(off\) or more/,
    );
    writeFileSync(file, 'company: A\nsettings:\n  listenBudget: 0\nprofiles:\n  - url: https://social.example/@a\n');
    expect((await cli(['validate', file])).code).toBe(0);
    const flag = await cli(['audit', file, '--listen', 'lots']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--listen: expected a whole number of 0 or more, got "lots"/);
  });
});

describe('listening findings, assertions and score', () => {
  const base = analyzeTimeline(makeTimeline([makePost(1), makePost(3), makePost(5)]), BUILD_AS_OF, settings);
  const withListening = (over: Partial<Metrics>): Metrics => ({ ...base, ...over });
  const codes = (m: Metrics) =>
    evaluateProfile('p', 'active', null, m, settings).findings.map((f) => [f.code, f.severity]);

  it('ignores-audience: a warning below 20% over 10+ audience replies, critical below 5% over 30+', () => {
    expect(codes(withListening({ audienceReplies: 9, answeredReplies: 0, answeredRate: 0 }))).not.toContainEqual(
      expect.arrayContaining(['ignores-audience']),
    );
    expect(codes(withListening({ audienceReplies: 10, answeredReplies: 1, answeredRate: 0.1 }))).toContainEqual([
      'ignores-audience',
      'warning',
    ]);
    expect(codes(withListening({ audienceReplies: 30, answeredReplies: 1, answeredRate: 0.0333 }))).toContainEqual([
      'ignores-audience',
      'critical',
    ]);
    expect(codes(withListening({ audienceReplies: 30, answeredReplies: 6, answeredRate: 0.2 }))).not.toContainEqual(
      expect.arrayContaining(['ignores-audience']),
    );
  });

  it('unanswered-questions from 3 waiting over a week, slow-answers above a day', () => {
    expect(codes(withListening({ unansweredOverWeek: 2 }))).not.toContainEqual(
      expect.arrayContaining(['unanswered-questions']),
    );
    expect(codes(withListening({ unansweredOverWeek: 3, questions: 5, unanswered: [] }))).toContainEqual([
      'unanswered-questions',
      'warning',
    ]);
    expect(codes(withListening({ medianAnswerMinutes: 1441, answeredReplies: 4 }))).toContainEqual([
      'slow-answers',
      'info',
    ]);
    expect(codes(withListening({ medianAnswerMinutes: 1440, answeredReplies: 4 }))).not.toContainEqual(
      expect.arrayContaining(['slow-answers']),
    );
  });

  it('minAnsweredRate and maxMedianAnswerMinutes gate like the other assertions, with their counts', () => {
    const m = withListening({ audienceReplies: 4, answeredReplies: 1, answeredRate: 0.25, medianAnswerMinutes: 600 });
    const got = checkAssertions(
      'p',
      { minAnsweredRate: { level: 'error', limit: 0.5 }, maxMedianAnswerMinutes: { level: 'warn', limit: 240 } },
      m,
      { freshness: 100, conversation: 30, authenticity: null, overall: 80 },
    );
    expect(got.map((f) => [f.code, f.severity])).toEqual([
      ['assert-min-answered-rate', 'critical'],
      ['assert-max-median-answer-minutes', 'warning'],
    ]);
    expect(got[0]!.message).toMatch(/1 of 4 audience replies \(25%\), too few to be sure/);
  });

  it('the conversation score follows the answered rate over 5+ audience replies, the post mix otherwise', () => {
    expect(conversationScore(withListening({ audienceReplies: 10, answeredRate: 0.4 }))).toBe(50);
    expect(conversationScore(withListening({ audienceReplies: 10, answeredRate: 0.9 }))).toBe(100);
    expect(conversationScore(withListening({ audienceReplies: 4, answeredRate: 0 }))).toBe(conversationScore(base));
  });
});
