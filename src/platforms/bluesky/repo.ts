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
import type { Post } from '../../model/index.js';
import { parseDate } from '../../sources/dates.js';
import { tidTime } from '../../sources/snowflake.js';
import { isMentionLed } from '../../sources/text.js';
import { elementCounter } from '../../sources/downloads/element-caps.js';
import { regularStream } from '../../sources/downloads/regular-file.js';
import { ARCHIVE_LIMITS, ArchiveError, unpackCounter } from '../../sources/downloads/unpack-caps.js';

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

/** A record as a post; a reply is `reply` until the repository's own DID is known (a self-thread then). */
function toPost(cid: string, record: RepoRecord): Post {
  const createdAt = typeof record.createdAt === 'string' ? parseDate(record.createdAt) : null;
  if (record.$type === 'app.bsky.feed.repost')
    return { id: cid, createdAt, text: '', kind: 'repost', url: null, inReplyToCreatedAt: null };
  const text = (typeof record.text === 'string' ? record.text : '').slice(0, MAX_TEXT);
  const parent = record.reply?.parent?.uri;
  const kind = didOf(parent) !== null ? 'reply' : isMentionLed(text) ? 'mention' : 'original';
  // the parent's record key is a TID: it dates the post replied to
  const answered = kind === 'reply' && typeof parent === 'string' ? tidTime(parent.split('/').pop()) : null;
  return { id: cid, createdAt, text, kind, url: null, inReplyToCreatedAt: answered };
}

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
  // each record becomes its post as it is read (the record itself, with its embeds and facets, is let
  // go); a reply's parent account is kept aside until the commit names the repository's own
  const posts: Post[] = [];
  const replyTo = new Map<Post, string>();
  const elements = elementCounter('repository');
  for await (const block of blocks) {
    // every block, a record or not: the tree's nodes and blobs cost time too
    elements.count();
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
    else if (record.$type === 'app.bsky.feed.post' || record.$type === 'app.bsky.feed.repost') {
      // a CID's text is built a character at a time: kept as it is, each id is a rope of ~60 pieces
      // (1.6 KB); copied flat, ~80 bytes
      const post = toPost(Buffer.from(block.cid.toString(), 'latin1').toString('latin1'), record);
      posts.push(post);
      const parent = record.$type === 'app.bsky.feed.post' ? didOf(record.reply?.parent?.uri) : null;
      if (parent !== null) replyTo.set(post, parent);
    }
  }
  for (const [post, parent] of replyTo) if (parent === did) post.kind = 'thread';
  return { did, posts };
}
