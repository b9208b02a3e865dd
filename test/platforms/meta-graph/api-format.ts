/**
 * Meta's Graph API (a Facebook Page, an Instagram account) in its documented response formats, for tests and the
 * demo (issue 18; docs/owner-apis.md, "Where these formats come from"): objects with field expansion,
 * `{data, paging: {cursors: {before, after}, next}}` lists, errors as {error: {message, type, code, error_subcode,
 * fbtrace_id}}, the x-app-usage header.
 */

export interface GraphCommentSpec {
  id: string;
  from: { id: string; name: string };
  text: string;
  created: string;
  replies?: GraphCommentSpec[];
}

export interface GraphPostSpec {
  id: string;
  text: string;
  created: string;
  comments: GraphCommentSpec[];
}

/** Meta's time format: 2026-10-28T09:15:00+0000. */
export const graphTime = (iso: string) => iso.replace(/\.\d{3}Z$|Z$/, '+0000');

const cursor = (s: string) => Buffer.from(s).toString('base64url');

export function graphList<T>(data: T[], after: string | null, nextUrl: string | null): string {
  return JSON.stringify({
    data,
    paging: {
      cursors: {
        before: cursor(`before:${JSON.stringify(data[0] ?? '').slice(0, 24)}`),
        after: after ?? cursor('end'),
      },
      ...(after && nextUrl ? { next: nextUrl } : {}),
    },
  });
}

function fbComment(c: GraphCommentSpec): Record<string, unknown> {
  return {
    id: c.id,
    message: c.text,
    created_time: graphTime(c.created),
    from: { id: c.from.id, name: c.from.name },
    ...(c.replies && c.replies.length > 0
      ? {
          comments: {
            data: c.replies.map(fbComment),
            paging: { cursors: { before: cursor('b'), after: cursor('a') } },
          },
        }
      : {}),
  };
}

export function fbPosts(posts: GraphPostSpec[], after: string | null, nextUrl: string | null): string {
  return graphList(
    posts.map((p) => ({
      id: p.id,
      message: p.text,
      created_time: graphTime(p.created),
      permalink_url: `https://www.facebook.com/${p.id.replace('_', '/posts/')}`,
      comments: {
        data: p.comments.map(fbComment),
        paging: { cursors: { before: cursor('b'), after: cursor('a') } },
        summary: { order: 'ranked', total_count: p.comments.length, can_comment: true },
      },
    })),
    after,
    nextUrl,
  );
}

function igComment(c: GraphCommentSpec): Record<string, unknown> {
  return {
    id: c.id,
    text: c.text,
    timestamp: graphTime(c.created),
    username: c.from.name,
    from: { id: c.from.id, username: c.from.name },
    ...(c.replies && c.replies.length > 0 ? { replies: { data: c.replies.map(igComment) } } : {}),
  };
}

export function igMedia(posts: GraphPostSpec[], after: string | null, nextUrl: string | null): string {
  return graphList(
    posts.map((p) => ({
      id: p.id,
      caption: p.text,
      timestamp: graphTime(p.created),
      permalink: `https://www.instagram.com/p/${cursor(p.id).slice(0, 11)}/`,
      media_type: 'IMAGE',
      comments_count: p.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0),
      ...(p.comments.length > 0
        ? {
            comments: {
              data: p.comments.map(igComment),
              paging: { cursors: { before: cursor('b'), after: cursor('a') } },
            },
          }
        : {}),
    })),
    after,
    nextUrl,
  );
}

export function graphMe(
  page: { id: string; name: string },
  ig: { id: string; username: string; name: string; followers: number; media: number } | null,
): string {
  return JSON.stringify({
    id: page.id,
    name: page.name,
    ...(ig
      ? {
          instagram_business_account: {
            id: ig.id,
            username: ig.username,
            name: ig.name,
            followers_count: ig.followers,
            media_count: ig.media,
          },
        }
      : {}),
  });
}

export function graphError(code: number, message: string, subcode?: number, type = 'OAuthException'): string {
  return JSON.stringify({
    error: {
      message,
      type,
      code,
      ...(subcode !== undefined ? { error_subcode: subcode } : {}),
      fbtrace_id: 'A1b2C3d4E5f',
    },
  });
}
