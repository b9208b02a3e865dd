/**
 * A Mastodon account archive: `outbox.json` (ActivityStreams) and `actor.json`. The archive holds every
 * status the account wrote, whatever its visibility (Mastodon's BackupService); only public and
 * unlisted ones are the account's public voice, so followers-only posts and direct messages are left
 * out — never counted, never quoted — and the note says how many.
 */
import { plural, type Post } from '../../model/index.js';
import { parseDate } from '../../sources/dates.js';
import { type CountItems, isObject, list, MAX_TEXT, uncounted } from '../../sources/downloads/items.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { mastodonIdTime } from '../../sources/snowflake.js';
import { htmlToText, isMentionLed } from '../../sources/text.js';

/** The public collection, as ActivityStreams writes it in full, compacted, or prefixed. */
const PUBLIC = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public']);

export type Visibility = 'public' | 'unlisted' | 'followers' | 'direct' | 'unknown';

/**
 * Who an activity was addressed to, as Mastodon addresses it (its ActivityPub TagManager): the public
 * collection in `to` is public, in `cc` unlisted; the followers collection without it is
 * followers-only; only the people mentioned is a direct message. No addressing at all is `unknown`
 * (Mastodon always writes it): left out too, as a private status may not be shown on a guess.
 */
export function visibilityOf(activity: Record<string, unknown>, actorId: string | null): Visibility {
  const to = list(activity.to).map(String);
  const cc = list(activity.cc).map(String);
  if (to.length === 0 && cc.length === 0) return 'unknown';
  if (to.some((a) => PUBLIC.has(a))) return 'public';
  if (cc.some((a) => PUBLIC.has(a))) return 'unlisted';
  const followers = actorId === null ? null : `${actorId}/followers`;
  const toFollowers = [...to, ...cc].some((a) => a === followers || /\/followers$/.test(a));
  return toFollowers ? 'followers' : 'direct';
}

/** When the status a reply answers was written, from its id where the URL is Mastodon's (`/users/NAME/statuses/ID`). */
function parentTime(parent: string): string | null {
  const id = /\/users\/[^/]+\/statuses\/(\d{15,20})$/.exec(parent)?.[1];
  return id === undefined ? null : mastodonIdTime(id);
}

export interface Outbox {
  posts: Post[];
  /** Statuses left out as not public: followers-only posts, direct messages, and ones with no addressing. */
  followersOnly: number;
  direct: number;
  unaddressed: number;
}

/**
 * A Mastodon account archive's `outbox.json` (ActivityStreams): `Create` of a `Note` is a post — a
 * reply where it has `inReplyTo`, a self-thread where that is the actor's own status — and `Announce`
 * is a boost. The whole history, beyond what the API pages show. A reply to a Mastodon status is dated
 * by the parent's id, so its response time is measured.
 */
export function mastodonOutbox(json: unknown, actorId: string | null, count: CountItems = uncounted): Outbox {
  const all = list(isObject(json) ? json.orderedItems : undefined);
  count(all.length);
  const out: Outbox = { posts: [], followersOnly: 0, direct: 0, unaddressed: 0 };
  all.filter(isObject).forEach((item, i) => {
    const published = typeof item.published === 'string' ? parseDate(item.published) : null;
    if (item.type !== 'Announce' && (item.type !== 'Create' || !isObject(item.object))) return;
    const note = item.type === 'Create' && isObject(item.object) ? item.object : null;
    // the object carries the addressing too (and alone, in some servers' archives)
    const visibility = visibilityOf(note && (note.to !== undefined || note.cc !== undefined) ? note : item, actorId);
    if (visibility !== 'public' && visibility !== 'unlisted') {
      out[visibility === 'direct' ? 'direct' : visibility === 'followers' ? 'followersOnly' : 'unaddressed']++;
      return;
    }
    if (note === null) {
      const id = String(item.id ?? `boost-${i + 1}`);
      out.posts.push({ id, createdAt: published, text: '', kind: 'repost', url: null, inReplyToCreatedAt: null });
      return;
    }
    const text = htmlToText(typeof note.content === 'string' ? note.content : '').slice(0, MAX_TEXT);
    const parent = typeof note.inReplyTo === 'string' ? note.inReplyTo : null;
    const own = actorId !== null && (parent?.startsWith(`${actorId}/statuses/`) ?? false);
    const kind = parent === null ? (isMentionLed(text) ? 'mention' : 'original') : own ? 'thread' : 'reply';
    const created = (typeof note.published === 'string' ? parseDate(note.published) : null) ?? published;
    const url = typeof note.url === 'string' ? note.url : null;
    const whom = kind === 'reply' && parent !== null ? { answered: parent.replace(/\/statuses\/.*$/, '') } : {};
    out.posts.push({
      id: String(note.id ?? `note-${i + 1}`),
      createdAt: created,
      text,
      kind,
      url,
      inReplyToCreatedAt: kind === 'reply' && parent !== null ? parentTime(parent) : null,
      ...whom,
    });
  });
  return out;
}

/** "35 direct messages and 3 followers-only posts left out (not public)", or nothing. */
function leftOut({ direct, followersOnly, unaddressed }: Omit<Outbox, 'posts'>): string[] {
  const parts = [
    ...(direct > 0 ? [plural(direct, 'direct message')] : []),
    ...(followersOnly > 0 ? [plural(followersOnly, 'followers-only post')] : []),
    ...(unaddressed > 0 ? [`${plural(unaddressed, 'status', 'statuses')} with no addressing`] : []),
  ];
  return parts.length ? [`${parts.join(' and ')} left out (not public)`] : [];
}

export const format: DownloadFormat = {
  name: 'Mastodon',
  files: [/(^|\/)outbox\.json$/i],
  expected: 'outbox.json (and actor.json) of the account archive',
  replyWord: 'reply',
  read: async (names, d) => {
    const actorFile = d.names.find((n) => /(^|\/)actor\.json$/i.test(n));
    const actor = actorFile ? await d.json(actorFile) : null;
    const actorId = actor && typeof actor === 'object' && 'id' in actor ? String(actor.id) : null;
    const hidden = { direct: 0, followersOnly: 0, unaddressed: 0 };
    const posts = await each(names, /./, async (n) => {
      const outbox = mastodonOutbox(await d.json(n), actorId, d.count);
      hidden.direct += outbox.direct;
      hidden.followersOnly += outbox.followersOnly;
      hidden.unaddressed += outbox.unaddressed;
      return outbox.posts;
    });
    return { posts, extra: leftOut(hidden), repliesDated: true };
  },
};

export const read = filesDownload(format);
