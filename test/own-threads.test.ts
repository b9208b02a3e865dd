/**
 * Owner comments on their own posts (issue 31, item 7): the brand continuing its own thread, not
 * conversation with someone else, unless the download says whom they answer.
 */
import { describe, expect, it } from 'vitest';
import { FACEBOOK_COMMENT, facebookTarget } from '../src/platforms/facebook/download.js';
import { ownThread } from '../src/sources/downloads/own-replies.js';
import { youtubeComment } from '../src/platforms/youtube/takeout.js';

/** A comment as the download reader hands it on: read from the file, then judged (ownThread). */
const fbComment = (title: string) =>
  readComment(
    {
      timestamp: 1_790_000_000,
      title,
      data: [{ comment: { comment: 'More photos from the trail', timestamp: 1_790_000_000 } }],
    },
    'comments.json',
    0,
    null,
  );

const readComment = (...args: Parameters<typeof FACEBOOK_COMMENT.item>) => ownThread(FACEBOOK_COMMENT.item(...args));

describe('item 7: owner comments on their own posts', () => {
  it.each([
    ['Northwind Outfitters commented on their own post.', 'thread'],
    ['Northwind Outfitters commented on their own photo.', 'thread'],
    ['Northwind Outfitters replied to their own comment.', 'thread'],
    ["Northwind Outfitters replied to Ann Lee's comment.", 'reply'],
    ["Northwind Outfitters commented on Bob Stone's post.", 'reply'],
    ['Northwind Outfitters commented.', 'reply'],
  ])('Facebook "%s" is a %s', (title, kind) => {
    expect(fbComment(title).kind).toBe(kind);
  });

  it('a reply to someone on its own post still names whom it answered', () => {
    expect(facebookTarget("Northwind replied to Ann Lee's comment.")).toEqual({ answered: 'Ann Lee' });
  });

  it('YouTube: a top-level comment under its own video continues its thread; one answering a comment is a reply', () => {
    const row = (parent: string, video: string) => ({
      'Comment ID': 'c1',
      'Comment Create Timestamp': '2026-10-20T10:00:00+00:00',
      'Parent Comment ID': parent,
      'Video ID': video,
      'Comment Text': '{"text":"Part two is up"}',
    });
    const own = new Set(['v-own']);
    const read = (parent: string, video: string) =>
      ownThread(youtubeComment(row(parent, video), 'comments.csv', 0, own)).kind;
    expect(read('', 'v-own')).toBe('thread');
    expect(read('Ugz-parent', 'v-own')).toBe('reply');
    expect(read('', 'v-someone-else')).toBe('reply');
  });
});
