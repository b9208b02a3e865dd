/**
 * A Bluesky repository export (`.car`, from `com.atproto.sync.getRepo`, or "Export my data" in the
 * app): every block is streamed and decoded (dag-cbor), and the account's own records kept —
 * `app.bsky.feed.post` (a reply where it has `reply`, a self-thread where the parent is the account's
 * own) and `app.bsky.feed.repost`. The whole history, beyond what the AppView pages show. The tree
 * that names each record is not walked: records carry their own `$type`, and a post's id is its CID.
 */
import { basename } from 'node:path';
import { CarBlockIterator } from '@ipld/car';
import * as dagCbor from '@ipld/dag-cbor';
import type { Post } from '../model/index.js';
import { parseDate } from '../sources/dates.js';
import { isMentionLed } from '../sources/text.js';
import { regularStream } from './regular-file.js';
import { ARCHIVE_LIMITS, ArchiveError, unpackCounter } from './unpack-caps.js';

const MAX_TEXT = 2000;
/** A repository is one file: the whole-archive cap is its cap. */
const REPO_LIMITS = { maxEntryBytes: ARCHIVE_LIMITS.maxArchiveBytes, maxArchiveBytes: ARCHIVE_LIMITS.maxArchiveBytes };

/** A decoded block: a record (with its `$type`), or the repository's signed commit (`did`, `sig`). */
type RepoRecord = {
  $type?: unknown;
  createdAt?: unknown;
  text?: unknown;
  reply?: { parent?: { uri?: unknown } };
  did?: unknown;
  sig?: unknown;
};

/** The DID in an at:// URI. */
const didOf = (uri: unknown): string | null =>
  typeof uri === 'string' ? (/^at:\/\/([^/]+)/.exec(uri)?.[1] ?? null) : null;

export async function readBlueskyRepo(path: string): Promise<{ did: string | null; posts: Post[] }> {
  let blocks: CarBlockIterator;
  const file = await regularStream(path, { singleLink: true, shown: basename(path) });
  try {
    blocks = await CarBlockIterator.fromIterable(
      unpackCounter(REPO_LIMITS, 'repository')(path, file as AsyncIterable<Buffer>),
    );
  } catch (error) {
    file.destroy();
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`not a CAR file (${(error as Error).message.slice(0, 80)})`);
  }
  let did: string | null = null;
  const found: Array<{ cid: string; record: RepoRecord }> = [];
  for await (const block of blocks) {
    if (block.cid.code !== dagCbor.code) continue;
    let value: unknown;
    try {
      value = dagCbor.decode(block.bytes);
    } catch {
      continue; // a block that is not a record (or not well formed) carries nothing to count
    }
    if (typeof value !== 'object' || value === null) continue;
    const record = value as RepoRecord;
    if (typeof record.did === 'string' && record.sig !== undefined)
      did = record.did; // the signed commit
    else if (record.$type === 'app.bsky.feed.post' || record.$type === 'app.bsky.feed.repost')
      found.push({ cid: block.cid.toString(), record });
  }
  const posts = found.map(({ cid, record }): Post => {
    const createdAt = typeof record.createdAt === 'string' ? parseDate(record.createdAt) : null;
    if (record.$type === 'app.bsky.feed.repost')
      return { id: cid, createdAt, text: '', kind: 'repost', url: null, inReplyToCreatedAt: null };
    const text = (typeof record.text === 'string' ? record.text : '').slice(0, MAX_TEXT);
    const parent = didOf(record.reply?.parent?.uri);
    const kind = parent === null ? (isMentionLed(text) ? 'mention' : 'original') : parent === did ? 'thread' : 'reply';
    return { id: cid, createdAt, text, kind, url: null, inReplyToCreatedAt: null };
  });
  return { did, posts };
}
