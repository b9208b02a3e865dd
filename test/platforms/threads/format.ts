/** Threads' public profile page in the markup it serves: `thread_items` lists inside its embedded data-sjs JSON. */
import { esc } from '../../../scripts/formats/pages.js';

export interface ThreadsItem {
  pk: string;
  code: string;
  at: string;
  text: string;
  username: string;
  replyTo?: string;
}

/** A Threads page: `thread_items` lists inside a data-sjs JSON block, as the public page embeds them. */
export function threadsPage(title: string, threads: ThreadsItem[][]): string {
  const post = (i: ThreadsItem) => ({
    post: {
      pk: i.pk,
      id: `${i.pk}_63110000`,
      code: i.code,
      taken_at: Math.floor(Date.parse(i.at) / 1000),
      caption: { text: i.text },
      user: { username: i.username, is_verified: false, pk: '63110000' },
      like_count: 2,
      text_post_app_info: {
        reply_to_author: i.replyTo ? { username: i.replyTo, id: null } : null,
        direct_reply_count: 0,
        is_reply: Boolean(i.replyTo),
      },
    },
    line_type: 'line',
  });
  const data = {
    require: [
      [
        'ScheduledServerJS',
        'handle',
        null,
        [
          {
            __bbox: {
              require: [
                [
                  'RelayPrefetchedStreamCache',
                  'next',
                  [],
                  [
                    'adp_BarcelonaProfileThreadsTabQueryRelayPreloader',
                    {
                      __bbox: {
                        result: {
                          data: {
                            mediaData: { edges: threads.map((items) => ({ node: { thread_items: items.map(post) } })) },
                          },
                        },
                      },
                    },
                  ],
                ],
              ],
            },
          },
        ],
      ],
    ],
  };
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><meta property="og:title" content="${esc(title)}"></head><body><div id="barcelona-page-layout"></div><script type="application/json" data-content-len="${JSON.stringify(data).length}" data-sjs>${JSON.stringify(data)}</script></body></html>`;
}
