/**
 * The hostile-input pass (issue 20): nothing lost, nothing leaked, nothing hangs. One test per item,
 * named after it; each failed before its fix.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, DEMO } from './helpers/cli.js';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'ca-hostile-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

describe('item 1: -o onto a device or special file, and output folders checked before the audit', () => {
  it.skipIf(!isRoot)('writes a device node directly and leaves it a device (needs root to make one)', async () => {
    const dev = join(tmp, 'null');
    await run('mknod', [dev, 'c', '1', '3']);
    const { code, stderr } = await cli([...DEMO, '-o', dev, '--format', 'json', '--fail-on', 'never']);
    expect(stderr).not.toMatch(/Error|at /);
    expect(code).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it('/dev/null stays a device', async () => {
    const { code } = await cli([...DEMO, '-o', '/dev/null', '--format', 'json', '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO for the reader at its other end', async () => {
    const fifo = join(tmp, 'pipe');
    await run('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      const cat = spawn('cat', [fifo]);
      let out = '';
      cat.stdout.on('data', (d: Buffer) => (out += d.toString()));
      cat.on('close', () => resolve(out));
    });
    const { code } = await cli([...DEMO, '-o', fifo, '--format', 'json', '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(JSON.parse(await reader).company).toBe('Northwind Outfitters');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('follows a symlink to a regular file and keeps the symlink', async () => {
    const real = join(tmp, 'real.json');
    const link = join(tmp, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    expect((await cli([...DEMO, '-o', link, '--fail-on', 'never'])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).company).toBe('Northwind Outfitters');
  });

  it.each([
    [['-o', join(tmp, 'no-such-folder', 'r.json')], /^error: -o: the folder .*no-such-folder does not exist$/m],
    [['-o', tmp, '--format', 'json'], /^error: -o: .* is a folder; expected a file to write$/m],
    [['--record', join(tmp, 'real.json')], /^error: --record: .*real\.json is not a folder$/m],
    [['--cache', '/dev/null'], /^error: --cache: \/dev\/null is not a folder$/m],
  ])('refuses %j before the audit starts (exit 2, one line)', async (args, message) => {
    const started = Date.now();
    // a live audit: it would fetch, so a refusal must come before any of it
    const live = args[0] === '-o' ? DEMO : ['audit', 'fixtures/demo/inventory.yaml', '--as-of', '2026-11-01'];
    const { code, stderr, stdout } = await cli([...live, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/ at /);
    expect(stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('leaves no temp file beside the report', async () => {
    const dir = join(tmp, 'clean');
    mkdirSync(dir);
    expect((await cli([...DEMO, '-o', join(dir, 'r.md'), '--fail-on', 'never'])).code).toBe(0);
    expect(existsSync(join(dir, 'r.md'))).toBe(true);
    expect((await import('node:fs')).readdirSync(dir)).toEqual(['r.md']);
  });
});

describe('item 5: writes to stdout that fail', () => {
  it.each([[[...DEMO, '--fail-on', 'never']], [['validate', 'examples/inventory.yaml']]])('%j > /dev/full exits 3 with one line, no stack', async (args) => {
    const quoted = [BIN, ...args].map((a) => `'${a}'`).join(' ');
    const result = await run('sh', ['-c', `node ${quoted} > /dev/full`], { env: { ...process.env, CI: '1', NO_COLOR: '1' } }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(3);
    expect(result.stderr.trim()).toMatch(/^error: cannot write to stdout: ENOSPC/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('item 2: a proxy that closes every connection', () => {
  it('each request fails in bounded time with few connections, the profile is error (not unreachable), and the run ends', async () => {
    let connections = 0;
    const proxy = createNetServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const file = join(tmp, 'proxied.yaml');
    writeFileSync(file, 'company: Proxied\nprofiles:\n  - url: https://blog.example.org/feed.xml\n  - url: http://news.example.org/feed.xml\n');
    try {
      const started = Date.now();
      const { code, stdout } = await cli(['audit', file, '--format', 'json', '--fail-on', 'never', '--timeout', '3000'], { HTTPS_PROXY: url, HTTP_PROXY: url, NO_PROXY: '' });
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
      const report = JSON.parse(stdout) as { profiles: Array<{ status: string; statusReason: string }> };
      expect(report.profiles.map((p) => p.status)).toEqual(['error', 'error']);
      expect(report.profiles[0]!.statusReason).toMatch(/proxy|connection failed/);
      expect(connections).toBeLessThan(40); // undici's tunnel retried thousands of times a second
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('a proxy that refuses the tunnel is the request\'s error, with the proxy\'s answer', async () => {
    const proxy = createHttpServer((_, res) => res.writeHead(403).end());
    proxy.on('connect', (_req, socket: Socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const file = join(tmp, 'refused.yaml');
    writeFileSync(file, 'company: Refused\nprofiles:\n  - url: https://blog.example.org/feed.xml\n');
    try {
      const { stdout } = await cli(['audit', file, '--format', 'json', '--fail-on', 'never'], { HTTPS_PROXY: url, NO_PROXY: '' });
      const report = JSON.parse(stdout) as { profiles: Array<{ status: string; statusReason: string }> };
      expect(report.profiles[0]).toMatchObject({ status: 'error' });
      expect(report.profiles[0]!.statusReason).toMatch(/refused a tunnel to blog\.example\.org:443 \(HTTP 403\)/);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
