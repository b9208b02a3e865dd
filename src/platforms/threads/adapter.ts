/**
 * Threads (threads.net / threads.com/@name): the posts the public page embeds as JSON. A "Log in" page,
 * or a page with nothing embedded, is `blocked`: could not tell.
 */
import { loadPage } from '../../sources/markup.js';
import { firstIn, selector } from '../../sources/selectors.js';
import { decodeText } from '../../http/decode.js';
import { plural, type FetchOutcome, type ProfileSpec } from '../../model/index.js';
import { judgeStatus, trackedFetch } from '../kit/outcomes.js';
import { embeddedThreadsPosts } from './embedded.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { THREADS_PROFILE } from './urls.js';

const TITLE = selector('title');
const LOGIN_TITLE = /(^|\W)Log in(\W|$)/i;

/** Whether Threads answered with its login page (by the page's title, or a redirect to /login). */
export function isThreadsLogin(title: string, finalUrl: string): boolean {
  return LOGIN_TITLE.test(title) || /\/login\b/.test(new URL(finalUrl).pathname);
}

async function readThreads(profile: ProfileSpec, _ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> {
  const url = new URL(profile.url);
  const username = THREADS_PROFILE.exec(url.pathname)?.[1];
  if (!username) return http.fail('error', 'not a Threads profile URL (expected https://www.threads.net/@name)');
  const res = await http.get(profile.url, { accept: 'text/html', kind: 'page' });
  const failed = judgeStatus(res, http, 'Threads profile');
  if (failed) return failed;
  const html = decodeText(res.body, res.headers['content-type']);
  const $ = loadPage(html);
  const title = firstIn($, $.root(), TITLE).text().trim();
  if (isThreadsLogin(title, res.finalUrl)) {
    return http.blocked(
      'Threads showed its login page',
      `threads-login: <title> ${JSON.stringify(title.slice(0, 80))}`,
    );
  }
  const posts = embeddedThreadsPosts(html, username, url.origin);
  if (posts.length === 0) {
    return http.blocked(
      'the Threads page embeds no posts for a logged-out reader: nothing to measure',
      `no-public-posts: ${res.finalUrl}`,
    );
  }
  // replies live on their own tab; without it the profile would look like a broadcaster
  const replies = await http.get(`${url.origin}/@${username}/replies`, { accept: 'text/html', kind: 'page' });
  const replyHtml = replies.status === 200 ? decodeText(replies.body, replies.headers['content-type']) : '';
  const replyPosts = embeddedThreadsPosts(replyHtml, username, url.origin);
  const ids = new Set(posts.map((p) => p.id));
  // a loop, not push(...): a page's posts may be more than the call stack takes arguments
  for (const p of replyPosts) if (!ids.has(p.id)) posts.push(p);
  const repliesVisible = replyPosts.length > 0;
  return {
    kind: 'ok',
    fetch: http.fetchInfo(),
    timeline: {
      platform: 'threads',
      method: 'html',
      facts: {
        displayName: title.replace(/\s*•\s*Threads.*$/, '') || null,
        handle: `@${username}`,
        postsCount: null,
        lastPostAt: null,
      },
      posts,
      repliesVisible,
      repliesHiddenReason: repliesVisible
        ? null
        : `the replies tab showed no replies to a logged-out reader (HTTP ${replies.status})`,
      repostsVisible: false,
      listeningOff:
        "Threads shows the replies under a post only to logged-in readers; the owner's Threads API (GET /{media-id}/conversation, threads_read_replies) can",
      sampleNote: `the ${plural(posts.length, 'post')} the public profile and replies pages embed (their first screen, not the full history)`,
      sourceUrl: res.finalUrl,
    },
  };
}

export const threads: PlatformAdapter = {
  id: 'threads',
  fetch: trackedFetch(readThreads),
};
