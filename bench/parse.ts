/**
 * bench:parse — feed and HTML parsing throughput in MB/s on the real captured samples
 * (../shared/real-samples: blogs/ and youtube/ feeds, login-walls/ and other HTML pages), or on the
 * demo's evidence where they are absent. Baseline measured in the same run on the same bytes: cheerio's
 * `load` alone with the parser the product uses (htmlparser2: XML mode for feeds, HTML mode for pages),
 * so the ratio is what our reading adds to parsing the markup. The last row reads the pages as the
 * product did before, through parse5, against the same baseline. Median of 7 rounds, each round
 * reading every file at least 20 times.
 *
 *   npm run bench:parse
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { decodeText } from '../src/http/decode.js';
import { discoverFeeds } from '../src/platforms/feed/discover.js';
import { parseFeed } from '../src/platforms/feed/parse.js';
import { extractPageDates } from '../src/platforms/web/page-dates.js';
import { loadPage, nestsDeeperThan, PAGE_PARSER } from '../src/sources/markup.js';

const ROUNDS = 7;
const REPEAT = 20;
const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'real-samples');
const DEMO = join(import.meta.dirname, '..', 'fixtures', 'demo', 'evidence');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Documents as text, decoded as the adapters decode them; a feed is anything parseFeed accepts. */
function corpus(): { source: string; feeds: string[]; pages: string[] } {
  const real = existsSync(SHARED);
  const files = real
    ? [
        ...filesUnder(join(SHARED, 'blogs')),
        ...filesUnder(join(SHARED, 'youtube')),
        ...filesUnder(join(SHARED, 'login-walls')),
      ]
    : filesUnder(DEMO).filter((f) => f.endsWith('.body'));
  const feeds: string[] = [];
  const pages: string[] = [];
  for (const file of files) {
    const text = decodeText(readFileSync(file));
    if (/^\s*(<!doctype html|<html)/i.test(text)) pages.push(text);
    else if (/^\s*</.test(text)) {
      try {
        parseFeed(text);
        feeds.push(text);
      } catch {
        // not a feed this parser reads (a broken sample): left out of the throughput
      }
    }
  }
  return {
    source: real ? `${SHARED} (real captured responses)` : `${DEMO} (demo evidence; ../shared is absent)`,
    feeds,
    pages,
  };
}

/** Median seconds per pass over `docs`. */
function timePass(docs: readonly string[], read: (doc: string) => unknown): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let k = 0; k < REPEAT; k++) for (const doc of docs) read(doc);
    rounds.push((performance.now() - started) / 1000 / REPEAT);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const { source, feeds, pages } = corpus();
const mb = (docs: readonly string[]) => docs.reduce((sum, d) => sum + Buffer.byteLength(d), 0) / 1e6;
const rows: Array<[string, string[], (doc: string) => unknown, (doc: string) => unknown]> = [
  ['feeds: parseFeed (RSS, Atom, RDF, YouTube)', feeds, parseFeed, (doc) => load(doc, { xml: true })],
  [
    'HTML pages: dated items + feed links',
    pages,
    // as readPage reads a page: one document for its feed links and its dates
    (doc) => {
      const $ = loadPage(doc);
      return [discoverFeeds($, 'https://example.com/'), extractPageDates($, 'https://example.com/')];
    },
    (doc) => load(doc, PAGE_PARSER),
  ],
  [
    "HTML pages through parse5 (cheerio's default; the product's parser before issue 19)",
    pages,
    (doc) => {
      if (nestsDeeperThan(doc)) throw new Error('nested too deep');
      const $ = load(doc);
      return [discoverFeeds($, 'https://example.com/'), extractPageDates($, 'https://example.com/')];
    },
    (doc) => load(doc, PAGE_PARSER),
  ],
];

console.log(
  `bench:parse — ${source}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
);
console.log('| documents | files | MB | ours | cheerio load alone (baseline) | × baseline |');
console.log('|---|--:|--:|--:|--:|--:|');
for (const [name, docs, ours, baseline] of rows) {
  const size = mb(docs);
  const [tOurs, tBase] = [timePass(docs, ours), timePass(docs, baseline)];
  console.log(
    `| ${name} | ${docs.length} | ${size.toFixed(2)} | ${(size / tOurs).toFixed(1)} MB/s | ${(size / tBase).toFixed(1)} MB/s | **${(tOurs / tBase).toFixed(2)}×** |`,
  );
}
