/**
 * A Facebook Page and an Instagram account read through Meta's Graph API (issue 18) against a local server in
 * the API's documented format: posts by cursor, the comments under them and the Page's own answers, and its errors.
 */
import { describe, expect, it } from 'vitest';
import { TOKEN } from '../../helpers/owner-api-values.js';
import { audit, ENV, graph, serveOwnerApis } from '../../helpers/owner-apis.js';

serveOwnerApis();

describe('Meta Graph API', () => {
  it("reads a Facebook Page's posts by cursor, the comments under them, and the Page's own answers", async () => {
    const before = graph.requests.length;
    const { one } = await audit('  - url: https://www.facebook.com/northwind\n    id: fb\n');
    const p = one('fb');
    expect(p.status).toBe('active');
    expect(p.metrics!.sample.method).toBe('api');
    expect(p.account).toMatchObject({ displayName: 'Northwind Outfitters', followers: 5100 });
    expect(p.metrics!.replies).toBe(1);
    expect(p.metrics!.medianResponseMinutes).toBe(30);
    expect(p.metrics!.unanswered!.map((u) => u.text)).toEqual(['When do you open on Sunday?']);
    expect(p.api).toMatchObject({
      service: 'Meta Graph API',
      credential: 'META_TOKEN',
      used: true,
      calls: 3,
      units: 3,
    });
    const mine = graph.requests.slice(before);
    expect(mine.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(mine.some((r) => r.url.includes('after='))).toBe(true);
  });

  it('maps the error codes: an expired token, a rate limit from x-app-usage, a Page that does not exist', async () => {
    const { one } = await audit(
      ['expired', 'limited', 'nosuchpage']
        .map((n) => `  - url: https://www.facebook.com/${n}\n    id: ${n}\n`)
        .join(''),
      { ...ENV, HTTPS_PROXY: 'http://127.0.0.1:9' },
    );
    // an expired token is the owner's to renew: a finding, and the public page is read instead (through a proxy that is not there)
    expect(one('expired').api).toMatchObject({ used: false, refused: { reason: 'code 190: expired' } });
    expect(one('expired').fetch.finalUrl).toBe('https://www.facebook.com/expired');
    expect(one('expired').findings.find((f) => f.code === 'credential-refused')).toMatchObject({
      severity: 'warning',
      message: 'the Meta Graph API refused META_TOKEN (code 190: expired): the public source was read instead',
      recommendation: expect.stringMatching(/^Renew META_TOKEN, expired, revoked or mistyped: it is /),
    });
    expect(one('limited').status).toBe('blocked');
    expect(one('limited').statusReason).toMatch(
      /^rate limited by the Graph API \(code 4: Application request limit reached\): could not tell/,
    );
    expect(one('limited').api!.notes).toContain('the app had used 100% of a Graph API rate limit (x-app-usage)');
    expect(one('nosuchpage').status).toBe('unreachable');
  });

  it('reads the Instagram account linked to the token, and refuses one that is not the profile', async () => {
    const { one } = await audit(
      '  - url: https://www.instagram.com/northwind\n    id: ig\n  - url: https://www.instagram.com/someoneelse\n    id: other\n',
    );
    const p = one('ig');
    expect(p.status).toBe('active');
    expect(p.account).toMatchObject({ handle: '@northwind', followers: 900, posts: 12 });
    expect(p.metrics!.replies).toBe(1);
    expect(p.metrics!.medianResponseMinutes).toBe(20);
    expect(one('other').status).toBe('blocked');
    expect(one('other').statusReason).toContain(
      "the token's Page is linked to the Instagram account @northwind, not @someoneelse",
    );
  });
});
