/**
 * bench:download — an owner's Facebook download of ~500 MB (photos and videos, as real downloads are
 * mostly media, plus 100,000 posts and 200,000 comments as JSON), audited through `archive:` by the
 * built CLI in a child process: posts+comments per second and the child's peak RSS, against the same
 * run's baseline of `JSON.parse` of the two JSON files alone (the least any reader must do).
 *
 *   npm run build && npm run bench:download
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

const POSTS = 100_000;
const COMMENTS = 200_000;
const MEDIA_FILES = 95;
const MEDIA_BYTES = 5 * 1024 * 1024;
const ROOT = join(import.meta.dirname, '..');

/** A zip of stored (uncompressed) entries, written entry by entry: the generator never holds the whole file. */
function writeZip(path: string, entries: Iterable<{ name: string; data: Buffer }>): void {
  const fd = openSync(path, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    writeSync(fd, local);
    writeSync(fd, fileName);
    writeSync(fd, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
    count++;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeSync(fd, cd);
  writeSync(fd, end);
  closeSync(fd);
}

// the newest post a day before the as-of date: an active Page
const start = Date.UTC(2026, 9, 31) / 1000 - POSTS * 300;
const postsJson = Buffer.from(
  JSON.stringify(
    Array.from({ length: POSTS }, (_, i) => ({
      timestamp: start + i * 300,
      data: [{ post: `Trail update ${i}: new boots, new routes, same crew. Caf\u00c3\u00a9 open till six.` }],
      title: 'Northwind updated their status.',
    })),
  ),
);
const commentsJson = Buffer.from(
  JSON.stringify({
    comments_v2: Array.from({ length: COMMENTS }, (_, i) => ({
      timestamp: start + i * 150,
      data: [
        {
          comment: {
            timestamp: start + i * 150,
            comment: `Thanks ${i % 97}, we sent you a message about order ${i}`,
            author: 'Northwind',
          },
        },
      ],
      title: "Northwind replied to a customer's comment.",
    })),
  }),
);

const dir = mkdtempSync(join(os.tmpdir(), 'bench-download-'));
try {
  const zipPath = join(dir, 'facebook.zip');
  writeZip(zipPath, [
    { name: 'your_facebook_activity/posts/your_posts_1.json', data: postsJson },
    { name: 'your_facebook_activity/comments_and_reactions/comments.json', data: commentsJson },
    ...Array.from({ length: MEDIA_FILES }, (_, i) => ({
      name: `your_facebook_activity/posts/media/photo_${i}.jpg`,
      data: Buffer.alloc(MEDIA_BYTES, i),
    })),
  ]);
  const size = statSync(zipPath).size;
  writeFileSync(
    join(dir, 'inv.yaml'),
    'company: Northwind\nprofiles:\n  - url: https://www.facebook.com/northwind\n    archive: facebook.zip\n',
  );
  // the child's own high-water mark: VmHWM starts afresh at exec, where getrusage's maxrss keeps the forking parent's
  const PEAK = `const peakKb = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(process.getBuiltinModule('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } };`;
  const child = `
    ${PEAK}
    const t0 = performance.now();
    const { loadInventory, auditInventory, createHttpClient } = await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});
    const inventory = await loadInventory(${JSON.stringify(join(dir, 'inv.yaml'))});
    const http = createHttpClient(inventory.settings, {});
    const report = await auditInventory(inventory, { http, asOf: new Date('2026-11-01T00:00:00Z') });
    await http.close();
    const m = report.profiles[0].metrics ?? (() => { throw new Error(report.profiles[0].statusReason); })();
    console.log(JSON.stringify({ ms: performance.now() - t0, read: m.sample.fetched, status: report.profiles[0].status, maxRssKb: peakKb() }));
  `;
  const baseline = `
    ${PEAK}
    const t0 = performance.now();
    const { readFileSync } = await import('node:fs');
    JSON.parse(readFileSync(${JSON.stringify(join(dir, 'posts.json'))}, 'utf8'));
    JSON.parse(readFileSync(${JSON.stringify(join(dir, 'comments.json'))}, 'utf8'));
    console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKb: peakKb() }));
  `;
  writeFileSync(join(dir, 'posts.json'), postsJson);
  writeFileSync(join(dir, 'comments.json'), commentsJson);
  const run = (code: string) =>
    JSON.parse(execFileSync('node', ['--input-type=module', '-e', code], { encoding: 'utf8' }));
  const rounds = Array.from({ length: 3 }, () => ({ ours: run(child), base: run(baseline) }));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const ms = rounds.map((r) => r.ours.ms);
  const rss = rounds.map((r) => r.ours.maxRssKb / 1024);
  const baseMs = rounds.map((r) => r.base.ms);
  const items = POSTS + COMMENTS;
  console.log(
    `bench:download — a ${Math.round(size / 1024 / 1024)} MB Facebook download (${POSTS.toLocaleString('en-US')} posts, ${COMMENTS.toLocaleString('en-US')} comments, ${MEDIA_FILES} media files); machine: ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, load ${os.loadavg()[0]!.toFixed(2)}, Node ${process.version}`,
  );
  console.log('\n| measure | min | median | max |\n|---|--:|--:|--:|');
  console.log(
    `| audit, items/s | ${Math.round(items / (Math.max(...ms) / 1000))} | ${Math.round(items / (median(ms) / 1000))} | ${Math.round(items / (Math.min(...ms) / 1000))} |`,
  );
  console.log(
    `| peak RSS of the audit, MB | ${Math.min(...rss).toFixed(0)} | ${median(rss).toFixed(0)} | ${Math.max(...rss).toFixed(0)} |`,
  );
  const baseRss = rounds.map((r) => r.base.maxRssKb / 1024);
  console.log(
    `| baseline's peak RSS, MB | ${Math.min(...baseRss).toFixed(0)} | ${median(baseRss).toFixed(0)} | ${Math.max(...baseRss).toFixed(0)} |`,
  );
  console.log(
    `| baseline: JSON.parse of the two files alone, ms | ${Math.min(...baseMs).toFixed(0)} | ${median(baseMs).toFixed(0)} | ${Math.max(...baseMs).toFixed(0)} |`,
  );
  console.log(`| audit ÷ baseline | | **${(median(ms) / median(baseMs)).toFixed(2)}×** | |`);
  console.log(`\nstatus ${rounds[0]!.ours.status}, ${rounds[0]!.ours.read} items read`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
