/**
 * Mastodon API v1 response bodies, in the shape of the real captures in
 * ../shared/real-samples/mastodon/ (fosstodon_schochastics_*): account objects embedded in every status,
 * HTML `content`, snowflake ids, `last_status_at` as a bare date, Link headers for paging.
 */
export interface MastoAccountInput {
  host: string;
  id: string;
  username: string;
  displayName: string;
  note: string;
  createdAt: string;
  statusesCount: number;
  lastStatusAt: string | null;
  followers: number;
}

export function snowflake(iso: string, seq: number): string {
  return ((BigInt(Date.parse(iso)) << 16n) + BigInt(seq % 65536)).toString();
}

export function account(a: MastoAccountInput) {
  return {
    id: a.id,
    username: a.username,
    acct: a.username,
    display_name: a.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: true,
    group: false,
    created_at: a.createdAt,
    note: `<p>${a.note}</p>`,
    url: `https://${a.host}/@${a.username}`,
    uri: `https://${a.host}/users/${a.username}`,
    avatar: `https://${a.host}/system/accounts/avatars/${a.id}/original/avatar.png`,
    avatar_static: `https://${a.host}/system/accounts/avatars/${a.id}/original/avatar.png`,
    header: `https://${a.host}/headers/original/missing.png`,
    header_static: `https://${a.host}/headers/original/missing.png`,
    followers_count: a.followers,
    following_count: 87,
    statuses_count: a.statusesCount,
    last_status_at: a.lastStatusAt ? a.lastStatusAt.slice(0, 10) : null,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function mentionHtml(handle: string, host: string): string {
  return `<span class="h-card" translate="no"><a href="https://${host}/@${handle}" class="u-url mention">@<span>${handle}</span></a></span>`;
}

export interface MastoStatusInput {
  id: string;
  createdAt: string;
  text: string;
  /** Reply to someone else: their handle and their status id. */
  replyTo?: { handle: string; host: string; accountId: string; statusId: string };
  /** Reply to the account's own status (a self-thread). */
  threadOf?: string;
  /** A boost of someone else's status. */
  reblogOf?: { handle: string; host: string; accountId: string; text: string; createdAt: string; id: string };
}

export function status(s: MastoStatusInput, owner: ReturnType<typeof account>, host: string) {
  const base = {
    id: s.id,
    created_at: s.createdAt,
    in_reply_to_id: null as string | null,
    in_reply_to_account_id: null as string | null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: `https://${host}/users/${owner.username}/statuses/${s.id}`,
    url: `https://${host}/@${owner.username}/${s.id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: '',
    reblog: null as unknown,
    application: { name: 'Web', website: null },
    account: owner,
    media_attachments: [],
    mentions: [] as unknown[],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
  };
  if (s.reblogOf) {
    const r = s.reblogOf;
    const other = {
      ...owner,
      id: r.accountId,
      username: r.handle,
      acct: `${r.handle}@${r.host}`,
      display_name: r.handle,
      url: `https://${r.host}/@${r.handle}`,
    };
    return {
      ...base,
      uri: `https://${host}/users/${owner.username}/statuses/${s.id}/activity`,
      url: null,
      application: null,
      reblog: {
        ...base,
        id: r.id,
        created_at: r.createdAt,
        content: `<p>${escapeHtml(r.text)}</p>`,
        account: other,
        uri: `https://${r.host}/users/${r.handle}/statuses/${r.id}`,
        url: `https://${r.host}/@${r.handle}/${r.id}`,
      },
    };
  }
  if (s.replyTo) {
    const r = s.replyTo;
    return {
      ...base,
      in_reply_to_id: r.statusId,
      in_reply_to_account_id: r.accountId,
      content: `<p>${mentionHtml(r.handle, r.host)} ${escapeHtml(s.text)}</p>`,
      mentions: [
        { id: r.accountId, username: r.handle, url: `https://${r.host}/@${r.handle}`, acct: `${r.handle}@${r.host}` },
      ],
    };
  }
  if (s.threadOf)
    return {
      ...base,
      in_reply_to_id: s.threadOf,
      in_reply_to_account_id: owner.id,
      content: `<p>${escapeHtml(s.text)}</p>`,
    };
  return { ...base, content: `<p>${escapeHtml(s.text)}</p>` };
}

/** The Link header Mastodon sends with a statuses page. */
export function linkHeader(base: string, nextMaxId: string | null, prevMinId: string): string {
  const prev = `<${base}?limit=40&min_id=${prevMinId}>; rel="prev"`;
  return nextMaxId ? `<${base}?limit=40&max_id=${nextMaxId}>; rel="next", ${prev}` : prev;
}
