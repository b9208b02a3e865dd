/**
 * What the parsers make of every real sample, as one short hash per file: a feed's format, title and
 * items (id, title, text, link, date, comments), and an HTML page's feed links and dated items. The
 * hashes (test/fixtures/parse-fingerprints.json) were taken before the parsing changes of issue 19, so
 * a change that only makes parsing faster must leave every one as it was. Regenerate on purpose with
 * `npx tsx scripts/parse-fingerprints.ts` (a parser change that changes what is read).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, decompress } from '../../src/http/decode.js';
import { discoverFeeds } from '../../src/platforms/feed/discover.js';
import { parseFeed } from '../../src/platforms/feed/parse.js';
import { extractPageDates } from '../../src/platforms/web/page-dates.js';

const FEEDS = /\.(xml|rss|atom)$/;
const PAGES = /\.html$/;

export function parseFingerprints(samples: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of readdirSync(samples).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(samples, dir)).sort();
    } catch {
      continue; // a file at the top (MANIFEST.md)
    }
    for (const file of files.filter((f) => FEEDS.test(f) || PAGES.test(f))) {
      let body: Buffer = readFileSync(join(samples, dir, file));
      if (body[0] === 0x1f && body[1] === 0x8b) body = decompress(body, 'gzip', 50_000_000);
      const text = decodeText(body);
      let result: string;
      try {
        if (PAGES.test(file)) {
          const url = `https://example.org/${dir}/${file}`;
          const dates = extractPageDates(text, url);
          result = JSON.stringify([discoverFeeds(text, url), dates]);
        } else {
          const feed = parseFeed(text);
          result = JSON.stringify([
            feed.format,
            feed.title,
            feed.items.map((i) => [i.id, i.title, i.text, i.url, i.publishedAt, i.comments]),
          ]);
        }
      } catch (error) {
        result = `error: ${(error as Error).message}`;
      }
      out[`${dir}/${file}`] = createHash('sha256').update(result).digest('hex').slice(0, 16);
    }
  }
  return out;
}
