/**
 * Bluesky AppView (app.bsky.*) response bodies, in the shape of ../shared/real-samples/bluesky/:
 * profileViewDetailed, feedViewPost items with `post`, optional `reply {root, parent}` and `reason`,
 * cursor = the last item's timestamp.
 */
export interface BskyActor {
  did: string;
  handle: string;
  displayName: string;
}

function author(a: BskyActor) {
  return {
    did: a.did,
    handle: a.handle,
    displayName: a.displayName,
    avatar: `https://cdn.bsky.app/img/avatar/plain/${a.did}/bafkreiavatar@jpeg`,
    labels: [],
    createdAt: '2023-09-19T15:47:01.417Z',
  };
}

export function profile(a: BskyActor, description: string, postsCount: number, followers: number) {
  return {
    ...author(a),
    associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
    description,
    indexedAt: '2025-01-10T09:00:00.000Z',
    banner: `https://cdn.bsky.app/img/banner/plain/${a.did}/bafkreibanner@jpeg`,
    followersCount: followers,
    followsCount: 120,
    postsCount,
  };
}

function rkey(n: number): string {
  return `3l${n.toString(36).padStart(11, 'a')}`;
}

export function postView(
  a: BskyActor,
  n: number,
  text: string,
  createdAt: string,
  reply?: { parentUri: string; rootUri: string },
) {
  const uri = `at://${a.did}/app.bsky.feed.post/${rkey(n)}`;
  return {
    uri,
    cid: `bafyrei${n.toString(36).padStart(20, 'q')}`,
    author: author(a),
    record: {
      $type: 'app.bsky.feed.post',
      createdAt,
      langs: ['en'],
      text,
      ...(reply
        ? {
            reply: {
              parent: { cid: 'bafyreiparent', uri: reply.parentUri },
              root: { cid: 'bafyreiroot', uri: reply.rootUri },
            },
          }
        : {}),
    },
    replyCount: 0,
    repostCount: 0,
    likeCount: n % 7,
    quoteCount: 0,
    indexedAt: createdAt,
    labels: [],
  };
}

export function reasonRepost(by: BskyActor, indexedAt: string) {
  return { $type: 'app.bsky.feed.defs#reasonRepost', by: author(by), indexedAt };
}
