/**
 * What the owner-download tests share (test/downloads.test.ts and test/platforms/<id>/download.test.ts): a
 * temporary folder, October 2026 days in Unix seconds, Meta's mojibake, the Facebook and TikTok downloads
 * more than one file reads, and an inventory pointing a profile at a download, audited from the CLI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { zip } from '../../scripts/formats/zip.js';
import { cli } from './cli.js';

export const dir = mkdtempSync(join(tmpdir(), 'channel-audit-downloads-'));
export const day = (d: number) => Date.UTC(2026, 9, d, 12) / 1000; // October 2026, noon UTC, in Unix seconds
// what Meta writes for "Café": the UTF-8 bytes of é as two \u00XX escapes
export const MOJIBAKE = 'Caf\\u00c3\\u00a9';

export const facebook = zip([
  {
    name: 'your_facebook_activity/posts/your_posts_1.json',
    data: `[${[1, 5, 9, 20, 28]
      .map(
        (d) =>
          `{"timestamp": ${day(d)}, "data": [{"post": "New trail menu at the ${MOJIBAKE} ${d}"}], "title": "Northwind updated their status."}`,
      )
      .join(',')}]`,
  },
  {
    name: 'your_facebook_activity/comments_and_reactions/comments.json',
    data: `{"comments_v2": [${[2, 6, 10, 21]
      .map(
        (d) =>
          `{"timestamp": ${day(d)}, "data": [{"comment": {"timestamp": ${day(d)}, "comment": "Thanks Ann, we sent you a message", "author": "Northwind"}}], "title": "Northwind replied to Ann's comment."}`,
      )
      .join(',')}]}`,
  },
  { name: 'your_facebook_activity/messages/inbox/x.json', data: '{}' },
]);

/** TikTok's user_data_tiktok.json, one video and one comment in local times. */
export const tiktok = zip([
  {
    name: 'user_data_tiktok.json',
    data: JSON.stringify({
      Video: {
        Videos: { VideoList: [{ Date: '2026-10-30 18:00:00', Link: 'https://www.tiktokv.com/share/video/1/' }] },
      },
      Comment: { Comments: { CommentsList: [{ Date: '2026-10-31 09:30:00', Comment: 'Thank you!' }] } },
    }),
  },
]);

export function inventory(name: string, url: string, archive: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `company: Northwind\nprofiles:\n  - url: ${url}\n    archive: ${archive}\n`);
  return file;
}

export async function audited(file: string) {
  const run = await cli(['audit', file, '--as-of', '2026-11-01', '-f', 'json', '--fail-on', 'never']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).profiles[0];
}
