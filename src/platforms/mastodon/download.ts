/** A Mastodon account archive: `outbox.json` (ActivityStreams) and `actor.json`. */
import type { Post } from '../../model/index.js';
import { parseDate } from '../../sources/dates.js';
import { htmlToText, isMentionLed } from '../../sources/text.js';
import { type CountItems, isObject, list, MAX_TEXT, uncounted } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';

/**
 * A Mastodon account archive's `outbox.json` (ActivityStreams): `Create` of a `Note` is a post — a
 * reply where it has `inReplyTo`, a self-thread where that is the actor's own status — and `Announce`
 * is a boost. The whole history, beyond what the API pages show.
 */
export function mastodonOutbox(json: unknown, actorId: string | null, count: CountItems = uncounted): Post[] {
  const all = list(isObject(json) ? json.orderedItems : undefined);
  count(all.length);
  const items = all.filter(isObject);
  return items.flatMap((item, i): Post[] => {
    const published = typeof item.published === 'string' ? parseDate(item.published) : null;
    if (item.type === 'Announce')
      return [
        {
          id: String(item.id ?? `boost-${i + 1}`),
          createdAt: published,
          text: '',
          kind: 'repost',
          url: null,
          inReplyToCreatedAt: null,
        },
      ];
    if (item.type !== 'Create' || !isObject(item.object)) return [];
    const note = item.object;
    const text = htmlToText(typeof note.content === 'string' ? note.content : '').slice(0, MAX_TEXT);
    const parent = typeof note.inReplyTo === 'string' ? note.inReplyTo : null;
    const own = actorId !== null && (parent?.startsWith(`${actorId}/statuses/`) ?? false);
    const kind = parent === null ? (isMentionLed(text) ? 'mention' : 'original') : own ? 'thread' : 'reply';
    const created = (typeof note.published === 'string' ? parseDate(note.published) : null) ?? published;
    const url = typeof note.url === 'string' ? note.url : null;
    const whom = kind === 'reply' && parent !== null ? { answered: parent.replace(/\/statuses\/.*$/, '') } : {};
    return [
      {
        id: String(note.id ?? `note-${i + 1}`),
        createdAt: created,
        text,
        kind,
        url,
        inReplyToCreatedAt: null,
        ...whom,
      },
    ];
  });
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
    return { posts: await each(names, /./, async (n) => mastodonOutbox(await d.json(n), actorId, d.count)) };
  },
};

export const read = filesDownload(format);
