/**
 * A Bluesky repository export (`.car`) through `archive:` (issue 16, item 1): the account's posts,
 * replies, self-threads and reposts from every block of the repository. The CAR is our own, written
 * with @ipld/car and dag-cbor in the layout `com.atproto.sync.getRepo` returns (a signed commit root).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CarWriter } from '@ipld/car';
import * as dagCbor from '@ipld/dag-cbor';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'channel-audit-car-'));
const DID = 'did:plc:northwind123';

async function block(value: unknown) {
  const bytes = dagCbor.encode(value);
  return { cid: CID.create(1, dagCbor.code, await sha256.digest(bytes)), bytes };
}

async function repo(records: unknown[]): Promise<Buffer> {
  const blocks = await Promise.all(records.map(block));
  const commit = await block({
    did: DID,
    version: 3,
    data: blocks[0]!.cid,
    rev: '3kabc',
    prev: null,
    sig: new Uint8Array(64),
  });
  const { writer, out } = CarWriter.create([commit.cid]);
  const chunks: Uint8Array[] = [];
  const collected = (async () => {
    for await (const chunk of out) chunks.push(chunk);
  })();
  await writer.put(commit);
  for (const b of blocks) await writer.put(b);
  await writer.close();
  await collected;
  return Buffer.concat(chunks);
}

const at = (d: number) => new Date(Date.UTC(2026, 9, d, 12)).toISOString();

describe('a Bluesky repository export', () => {
  it('reads posts, replies, self-threads and reposts from the .car', async () => {
    const car = await repo([
      { $type: 'app.bsky.feed.post', text: 'New boots are in', createdAt: at(20), langs: ['en'] },
      {
        $type: 'app.bsky.feed.post',
        text: 'and in every size',
        createdAt: at(20),
        reply: {
          root: { uri: `at://${DID}/app.bsky.feed.post/1`, cid: 'x' },
          parent: { uri: `at://${DID}/app.bsky.feed.post/1`, cid: 'x' },
        },
      },
      {
        $type: 'app.bsky.feed.post',
        text: '@ann it ships Monday',
        createdAt: at(28),
        reply: {
          root: { uri: 'at://did:plc:ann/app.bsky.feed.post/9', cid: 'y' },
          parent: { uri: 'at://did:plc:ann/app.bsky.feed.post/9', cid: 'y' },
        },
      },
      {
        $type: 'app.bsky.feed.repost',
        subject: { uri: 'at://did:plc:ann/app.bsky.feed.post/8', cid: 'z' },
        createdAt: at(29),
      },
      {
        $type: 'app.bsky.feed.like',
        subject: { uri: 'at://did:plc:ann/app.bsky.feed.post/8', cid: 'z' },
        createdAt: at(29),
      },
      { $type: 'app.bsky.actor.profile', displayName: 'Northwind' },
    ]);
    writeFileSync(join(dir, 'repo.car'), car);
    const inventory = join(dir, 'inv.yaml');
    writeFileSync(
      inventory,
      'company: Northwind\nprofiles:\n  - url: https://bsky.app/profile/northwind.bsky.social\n    archive: repo.car\n',
    );
    const run = await cli(['audit', inventory, '--as-of', '2026-11-01', '-f', 'json', '--fail-on', 'never']);
    expect(run.code, run.stderr).toBe(0);
    const p = JSON.parse(run.stdout).profiles[0];
    expect(p.status).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 1, selfThreads: 1, replies: 1, reposts: 1 });
    expect(p.account.handle).toBe(DID);
    expect(p.metrics.sample.note).toMatch(/^the owner's Bluesky repository \(repo\.car\): 4 records of its own/);
  });

  it('says a file that is not a CAR is not one', async () => {
    writeFileSync(join(dir, 'not.car'), 'hello');
    const inventory = join(dir, 'bad.yaml');
    writeFileSync(
      inventory,
      'company: Northwind\nprofiles:\n  - url: https://bsky.app/profile/northwind.bsky.social\n    archive: not.car\n',
    );
    const run = await cli(['audit', inventory, '--as-of', '2026-11-01', '-f', 'json', '--fail-on', 'never']);
    const p = JSON.parse(run.stdout).profiles[0];
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(/not a CAR file/);
  });
});
