/**
 * An X account read through the X API v2 (issue 18) against a local server in the API's documented format:
 * paging, replies dated from their parents, recent search where the tier allows it, and its rate limits and errors.
 */
import { describe, expect, it } from 'vitest';
import { BEARER } from '../../helpers/owner-api-values.js';
import { audit, ENV, serveOwnerApis, xapi } from '../../helpers/owner-apis.js';

serveOwnerApis();

describe('X API v2', () => {
  it('pages by pagination_token, dates replies from the included parents, and says when search is not in the tier', async () => {
    const before = xapi.requests.length;
    const { one } = await audit('  - url: https://x.com/northwind\n    id: x\n');
    const p = one('x');
    expect(p.status).toBe('active');
    expect(p.metrics!.sample.method).toBe('api');
    expect(p.metrics!.replies).toBeGreaterThan(30);
    expect(p.metrics!.medianResponseMinutes).toBe(45);
    expect(p.metrics!.unavailable.audienceReplies).toMatch(
      /the token's X API access level does not include recent search \(HTTP 403 client-not-enrolled\)/,
    );
    const mine = xapi.requests.slice(before);
    expect(mine.every((r) => r.headers.authorization === `Bearer ${BEARER}`)).toBe(true);
    expect(mine.filter((r) => r.url.includes('/tweets/search/recent'))).toHaveLength(1); // refused once, not asked again
  });

  it('reads who replied from recent search where the tier allows it, for posts of the last 7 days only', async () => {
    const before = xapi.requests.length;
    const { one } = await audit('  - url: https://x.com/listened\n    id: heard\n');
    const p = one('heard');
    expect(p.metrics).toMatchObject({
      audienceReplies: 2,
      answeredReplies: 1,
      questions: 1,
      questionsAnswered: 1,
      threadsRead: 1,
    });
    expect(p.metrics!.medianAnswerMinutes).toBe(120);
    const searches = xapi.requests.slice(before).filter((r) => r.url.startsWith('/tweets/search/recent'));
    expect(searches.map((r) => new URL(r.url, xapi.url).searchParams.get('query'))).toEqual([
      'conversation_id:1850000000000009000',
    ]);
    expect(p.metrics!.sample.note).toContain("X's recent search reaches back 7 days");
  });

  it('stops paging when the API says its limit is spent (x-rate-limit-remaining: 0), keeping what it read', async () => {
    const before = xapi.requests.length;
    const { one } = await audit('  - url: https://x.com/spent\n    id: spent\n');
    expect(one('spent').status).toBe('active');
    expect(one('spent').api!.notes).toEqual([
      'the X API v2 rate limit is spent until 2026-11-01T00:00:00.000Z (x-rate-limit-remaining: 0): the read stopped there',
    ]);
    expect(xapi.requests.slice(before).filter((r) => r.url.startsWith('/users/43/tweets'))).toHaveLength(1);
  });

  it('maps 401 to credential-refused (the public source read instead), a long rate limit (x-rate-limit-reset) and an unknown user', async () => {
    // the public page is read through a proxy that is not there: the fallback is tried, and no test reaches x.com
    const refused = (
      await audit('  - url: https://x.com/refused\n    id: refused\n', { ...ENV, HTTPS_PROXY: 'http://127.0.0.1:9' })
    ).one('refused');
    expect(refused.api).toMatchObject({ used: false, calls: 1, refused: { reason: 'HTTP 401: Unauthorized' } });
    expect(refused.fetch.finalUrl).toBe('https://x.com/refused'); // the public source was read
    expect(refused.findings.find((f) => f.code === 'credential-refused')).toMatchObject({
      severity: 'warning',
      message: 'the X API v2 refused X_TOKEN (HTTP 401: Unauthorized): the public source was read instead',
      recommendation: expect.stringContaining('developer.x.com → Projects & Apps → Keys and tokens'),
    });
    expect(JSON.stringify(refused)).not.toContain(BEARER);
    const { one } = await audit(['limited', 'gone'].map((n) => `  - url: https://x.com/${n}\n    id: ${n}\n`).join(''));
    expect(one('limited').status).toBe('blocked');
    expect(one('limited').statusReason).toMatch(/^rate limited by the X API v2 \(rate limited for 9\d\d s/);
    expect(one('gone').status).toBe('unreachable');
    expect(one('gone').statusReason).toContain('Could not find user with username: [gone]');
  });
});
