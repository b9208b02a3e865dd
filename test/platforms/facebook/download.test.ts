/**
 * The download Facebook gives a Page's owner (issue 16, item 1): pointed at with `archive:`, read into
 * the Page's posts and comments, with Meta's mojibake (UTF-8 bytes as \u00XX escapes) and whom its comments answered.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facebookTarget } from '../../../src/platforms/facebook/download.js';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, dir, facebook, inventory } from '../../helpers/downloads.js';

describe('owner downloads', () => {
  it('reads a Facebook download zip: its posts and its comments, all three measurements but response time', async () => {
    writeFileSync(join(dir, 'facebook.zip'), facebook);
    const p = await audited(inventory('fb', 'https://www.facebook.com/northwind', 'facebook.zip'));
    expect(p.status).toBe('active');
    expect(p.source).toBe('archive');
    expect(p.metrics).toMatchObject({ originals: 5, replies: 4, lastPostAt: '2026-10-28T12:00:00.000Z' });
    expect(p.metrics.sample.note).toMatch(
      /^the owner's Facebook download \(2 files\): 5 posts and 4 comments of its own/,
    );
    expect(p.metrics.conversationRatio).toBeCloseTo(4 / 9, 3);
    expect(p.metrics.medianResponseMinutes).toBeNull();
    expect(p.metrics.unavailable.medianResponseMinutes).toBe(
      "the Facebook download holds the account's own comments, not what they answer or when that was written",
    );
    expect(p.findings.map((f: { code: string }) => f.code)).not.toContain('fetch-failed');
  });

  it('says whom Facebook comments answered, from their titles', () => {
    expect(facebookTarget("Northwind replied to Ann Lee's comment.")).toEqual({ answered: 'Ann Lee' });
    expect(facebookTarget("Northwind commented on Bob's post.")).toEqual({ answered: 'Bob', onOwnPost: false });
    expect(facebookTarget("Northwind commented on Chris' photo.")).toEqual({ answered: 'Chris', onOwnPost: false });
    expect(facebookTarget('Northwind commented on their own photo.')).toEqual({ onOwnPost: true });
    expect(facebookTarget("Northwind commented on Northwind's post.")).toEqual({ onOwnPost: true });
    expect(facebookTarget('Northwind updated their status.')).toEqual({});
  });

  it('names what it expected and what the download holds when it is not the platform’s', async () => {
    writeFileSync(join(dir, 'other.zip'), zip([{ name: 'data/tweets.js', data: 'window.YTD.tweets.part0 = []' }]));
    const p = await audited(inventory('wrong', 'https://www.facebook.com/northwind', 'other.zip'));
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /no Facebook posts or comments in the download \(expected …\/posts\/your_posts_1\.json or …\/comments_and_reactions\/comments\.json\); it holds: data/,
    );
  });
});
