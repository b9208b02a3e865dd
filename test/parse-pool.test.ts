/**
 * Feed parsing on worker threads (issue 19, item 4): the pool gives what parsing in place gives, a
 * parse error comes back as one, a worker that dies costs time and never a result, and only large runs
 * on machines with a spare core use it. The pool's worker is the built JavaScript: this test uses
 * dist/ (npm test builds first).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atom, jsonFeed, rss } from '../scripts/formats/feeds.js';

const BUILT = existsSync('dist/platforms/feed/parse-worker.js');
if (!BUILT) console.warn('parse pool tests skipped: dist/ is not built (npm run build)');

const entries = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    title: `Post ${i} <b>bold</b> & more`,
    summary: `<p>Paragraph ${i} with <a href="https://example.org/${i}">a link</a> and <em>emphasis</em>.</p>`,
    url: `https://blog.example/${i}`,
    date: new Date(Date.UTC(2026, 9, 30 - i, 12)).toISOString(),
  }));
const FEEDS = [
  rss('A blog', 'https://blog.example/', entries(20)),
  atom('An Atom blog', 'https://blog.example/', entries(12)),
  jsonFeed('A JSON feed', 'https://blog.example/', entries(5)),
];

describe.skipIf(!BUILT)('the feed parse pool', () => {
  const load = async () => {
    const pool = await import('../dist/platforms/feed/parse-pool.js');
    const parse = await import('../dist/platforms/feed/parse.js');
    return { ...pool, ...parse };
  };

  it('parses on a worker exactly what parsing in place gives, in any order of answers', async () => {
    const { FeedParsePool, parseFeed } = await load();
    const pool = new FeedParsePool(2);
    await pool.whenReady();
    try {
      const parsed = await Promise.all([...FEEDS, ...FEEDS].map((f) => pool.parse(f)));
      expect(parsed).toEqual([...FEEDS, ...FEEDS].map((f) => parseFeed(f)));
    } finally {
      await pool.close();
    }
  });

  it('gives back a parse error as a FeedParseError with its message', async () => {
    const { FeedParsePool, FeedParseError } = await load();
    const pool = new FeedParsePool(1);
    await pool.whenReady();
    try {
      const error = await pool.parse('<html><body>not a feed</body></html>').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FeedParseError);
      expect((error as Error).message).toBe('not a feed: an HTML page');
    } finally {
      await pool.close();
    }
  });

  it('parses in place what a worker that died was given', async () => {
    const { FeedParsePool, parseFeed } = await load();
    const pool = new FeedParsePool(1);
    await pool.whenReady();
    const pending = FEEDS.map((f) => pool.parse(f));
    // the only worker goes away with the feeds still queued
    await (
      pool as unknown as { pool: { workers: Array<{ terminate(): Promise<number> }> } }
    ).pool.workers[0]!.terminate();
    expect(await Promise.all(pending)).toEqual(FEEDS.map((f) => parseFeed(f)));
    expect(await pool.parse(FEEDS[0]!)).toEqual(parseFeed(FEEDS[0]!)); // and later ones too
    await pool.close();
  });

  it('waits for a worker that is still starting instead of parsing on this thread', async () => {
    const { FeedParsePool, parseFeed } = await load();
    const pool = new FeedParsePool(1);
    const workers = (pool as unknown as { pool: { ready: Set<number> } }).pool;
    expect(workers.ready.size).toBe(0);
    // asked before the worker has said it is ready: answered by the worker, once it is
    const first = pool.parse(FEEDS[0]!);
    expect(await first).toEqual(parseFeed(FEEDS[0]!));
    expect(workers.ready.size).toBe(1);
    await pool.close();
  });

  it("starts its workers with none of the parent's Node options (a loader such as tsx would slow each one)", async () => {
    const { WorkerPool } = await import('../dist/workers/pool.js');
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    const script = join(dir, 'options.mjs');
    const serve = pathToFileURL(join(process.cwd(), 'dist/workers/serve.js')).href;
    writeFileSync(script, `import { serveTasks } from '${serve}';\nserveTasks(() => process.execArgv);\n`);
    const pool = new WorkerPool<null, string[]>(pathToFileURL(script), 1, () => ['in place']);
    try {
      expect(process.execArgv.length).toBeGreaterThan(0); // vitest starts this process with options of its own
      expect(await pool.run(null)).toEqual([]);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works in place when no worker is ready within the start wait, instead of hanging the run', async () => {
    const { WorkerPool } = await import('../dist/workers/pool.js');
    // a worker that stays alive and never says it is ready (as one stuck while loading its modules would)
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    const script = join(dir, 'stuck.mjs');
    writeFileSync(script, 'setInterval(() => {}, 1000);\n');
    const pool = new WorkerPool<number, number>(pathToFileURL(script), 1, (n) => n * 2, undefined, 200);
    try {
      expect(await pool.run(21)).toBe(42);
      await pool.whenReady(); // resolves: the wait is over
      expect(await pool.run(4)).toBe(8);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does here what was still out when it closed, and stops waiting for a worker that will never be ready', async () => {
    const { FeedParsePool, parseFeed } = await load();
    const pool = new FeedParsePool(1);
    await pool.whenReady();
    const pending = pool.parse(FEEDS[0]!);
    await pool.close();
    expect(await pending).toEqual(parseFeed(FEEDS[0]!));
    const never = new FeedParsePool(1);
    await (
      never as unknown as { pool: { workers: Array<{ terminate(): Promise<number> }> } }
    ).pool.workers[0]!.terminate();
    await never.whenReady(); // resolves: with no worker left the pool works in place
    expect(await never.parse(FEEDS[1]!)).toEqual(parseFeed(FEEDS[1]!));
    await never.close();
  });

  it('is used only for large runs on a machine with a spare core', async () => {
    const { FeedParsePool, POOL_FROM } = await load();
    expect(FeedParsePool.forRun(POOL_FROM - 1, 8)).toBeNull();
    expect(FeedParsePool.forRun(POOL_FROM, 1)).toBeNull();
    const pool = FeedParsePool.forRun(POOL_FROM, 2);
    expect(pool).not.toBeNull();
    await pool!.close();
  });
});
