/**
 * A Mastodon account archive's outbox (issue 16, item 1): posts, replies, self-threads and boosts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, day, dir, inventory } from '../../helpers/downloads.js';

describe('owner downloads', () => {
  it("reads a Mastodon account archive's outbox: posts, replies, self-threads and boosts, the whole history", async () => {
    const actor = 'https://social.example/users/northwind';
    // addressed as Mastodon addresses a public status (the archive holds every visibility)
    const to = ['https://www.w3.org/ns/activitystreams#Public'];
    const cc = [`${actor}/followers`];
    const note = (id: number, d: number, content: string, inReplyTo: string | null = null) => ({
      type: 'Create',
      published: new Date(day(d) * 1000).toISOString(),
      to,
      cc,
      object: {
        id: `${actor}/statuses/${id}`,
        type: 'Note',
        published: new Date(day(d) * 1000).toISOString(),
        content,
        inReplyTo,
        to,
        cc,
      },
    });
    writeFileSync(
      join(dir, 'mastodon.zip'),
      zip([
        { name: 'actor.json', data: JSON.stringify({ id: actor, preferredUsername: 'northwind' }) },
        {
          name: 'outbox.json',
          data: JSON.stringify({
            orderedItems: [
              note(1, 10, '<p>Trail season opens</p>'),
              note(2, 10, '<p>and the map is here</p>', `${actor}/statuses/1`),
              note(3, 12, '<p>@ann it ships Monday</p>', 'https://other.example/users/ann/statuses/9'),
              {
                type: 'Announce',
                published: new Date(day(14) * 1000).toISOString(),
                to,
                cc,
                object: 'https://other.example/x',
              },
            ],
          }),
        },
      ]),
    );
    const p = await audited(inventory('md', 'https://social.example/@northwind', 'mastodon.zip'));
    expect(p.metrics).toMatchObject({ originals: 1, selfThreads: 1, replies: 1, reposts: 1 });
  });
});
