/** Reddit's public JSON in the format of ../shared/real-samples/reddit/: about.json and Listings of t1/t3 things. */
export interface RedditThing {
  kind: 't1' | 't3';
  id: string;
  at: string;
  author: string;
  subreddit: string;
  text: string;
  title?: string;
  parentId?: string;
  linkAuthor?: string;
  linkId?: string;
  /** A submission's comment count (`num_comments`); default 4. */
  comments?: number;
}

/** A comment in a submission's tree, with the comments that answer it. */
export interface RedditComment {
  id: string;
  author: string;
  at: string;
  text: string;
  replies: RedditComment[];
}

export function userAbout(name: string, created: string): unknown {
  return {
    kind: 't2',
    data: {
      is_employee: false,
      is_friend: false,
      verified: true,
      is_gold: false,
      is_mod: true,
      has_verified_email: true,
      id: 'a1b2c3',
      name,
      created: Date.parse(created) / 1000,
      created_utc: Date.parse(created) / 1000,
      link_karma: 1204,
      comment_karma: 5872,
      total_karma: 7076,
      is_suspended: false,
    },
  };
}

export function listing(things: RedditThing[], after: string | null): unknown {
  return {
    kind: 'Listing',
    data: {
      after,
      dist: things.length,
      modhash: '',
      geo_filter: '',
      before: null,
      children: things.map((t) => {
        const common = {
          id: t.id,
          name: `${t.kind}_${t.id}`,
          author: t.author,
          subreddit: t.subreddit,
          subreddit_name_prefixed: `r/${t.subreddit}`,
          created: Date.parse(t.at) / 1000,
          created_utc: Date.parse(t.at) / 1000,
          score: 3,
          ups: 3,
          downs: 0,
        };
        return t.kind === 't3'
          ? {
              kind: 't3',
              data: {
                ...common,
                title: t.title ?? '',
                selftext: t.text,
                permalink: `/r/${t.subreddit}/comments/${t.id}/post/`,
                num_comments: t.comments ?? 4,
                crosspost_parent: null,
              },
            }
          : {
              kind: 't1',
              data: {
                ...common,
                body: t.text,
                parent_id: t.parentId,
                link_id: t.linkId,
                link_author: t.linkAuthor,
                link_title: 'Trail shoes that last?',
                permalink: `/r/${t.subreddit}/comments/${(t.linkId ?? 't3_x').slice(3)}/post/${t.id}/`,
              },
            };
      }),
    },
  };
}

/**
 * `/comments/<id>.json`: `[Listing of the submission, Listing of its comments]`, each comment's
 * `replies` a Listing of its own (or "" when it has none), as Reddit nests them.
 */
export function commentsPage(submission: RedditThing, comments: RedditComment[]): unknown {
  const tree = (list: RedditComment[], parent: string): unknown =>
    list.length === 0
      ? ''
      : {
          kind: 'Listing',
          data: {
            after: null,
            dist: null,
            modhash: '',
            geo_filter: '',
            before: null,
            children: list.map((c) => ({
              kind: 't1',
              data: {
                id: c.id,
                name: `t1_${c.id}`,
                author: c.author,
                body: c.text,
                created: Date.parse(c.at) / 1000,
                created_utc: Date.parse(c.at) / 1000,
                parent_id: parent,
                link_id: `t3_${submission.id}`,
                subreddit: submission.subreddit,
                permalink: `/r/${submission.subreddit}/comments/${submission.id}/post/${c.id}/`,
                score: 2,
                replies: tree(c.replies, `t1_${c.id}`),
              },
            })),
          },
        };
  return [listing([submission], null), tree(comments, `t3_${submission.id}`) || listing([], null)];
}
