/**
 * A YouTube channel's Google Takeout (issue 16, item 1): its public videos and its comments in both text formats.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeoutText } from '../../../src/platforms/youtube/takeout.js';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, dir, inventory } from '../../helpers/downloads.js';

describe('owner downloads', () => {
  it("reads a YouTube channel's Google Takeout: public videos, and its comments in both text formats", async () => {
    const base = 'Takeout/YouTube and YouTube Music';
    writeFileSync(
      join(dir, 'takeout.zip'),
      zip([
        {
          name: `${base}/video metadata/videos.csv`,
          data: [
            'Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp',
            'vid1,60000,en,Travel & Events,"Boots, tested",UCnw,Trail boots review,Public,Processed,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00',
            'vid2,60000,en,Travel & Events,,UCnw,Draft cut,Private,Processed,2026-10-20T09:00:00+00:00,',
            'vid3,60000,en,Travel & Events,,UCnw,Autumn trails,Public,Processed,2026-10-25T09:00:00.123456+00:00,2026-10-25T10:00:00.123456+00:00',
          ].join('\r\n'),
        },
        {
          name: `${base}/comments/comments.csv`,
          data: [
            'Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text',
            'UCnw,2026-10-26T08:00:00+00:00,0,c1,p1,vid3,"{""text"":""Thanks for watching, ""},{""text"":""@ann""}"',
            'UCnw,2026-10-27T08:00:00+00:00,0,c2,,other,"{""takeoutSegments"":[{""text"":""Great video!""}]}"',
            'UCnw,2026-10-28T08:00:00+00:00,0,c3,p3,vid1,plain text from an old Takeout',
          ].join('\r\n'),
        },
        { name: `${base}/subscriptions/subscriptions.csv`, data: 'Channel Id,Channel Url,Channel Title\n' },
      ]),
    );
    const p = await audited(inventory('yt', 'https://www.youtube.com/@northwind', 'takeout.zip'));
    expect(p.status).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 2, replies: 3, lastPostAt: '2026-10-28T08:00:00.000Z' });
    expect(p.metrics.sample.note).toMatch(
      /^the owner's YouTube \(Google Takeout\) download \(2 files\): 2 posts and 3 comments of its own \(2 under its own posts\); 1 private or unlisted video not counted, 2026-10-02 to 2026-10-28$/,
    );
    expect(takeoutText('{"text":"a"},{"text":"\\n"},{"text":"b"}')).toBe('a\nb');
    expect(takeoutText('{"takeoutSegments":[{"text":"old"}]}')).toBe('old');
    expect(takeoutText('{not json')).toBe('{not json');
  });
});
