/**
 * What an owner's download marks as not public is never counted or quoted (issue 33, item 4): a
 * Mastodon archive holds every status whatever its visibility; its direct messages and followers-only
 * posts are left out, the note counts them, and no report format carries their text. Replies are
 * dated by their parent's id where the id encodes a time (item 5).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mastodonOutbox, visibilityOf } from '../../../src/platforms/mastodon/download.js';
import { auditInventory, FORMATS, loadInventory, renderReport, ReplayHttpClient } from '../../../src/index.js';
import { mastodonIdTime, tidTime } from '../../../src/sources/snowflake.js';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const ACTOR = 'https://social.example/users/northwind';
const FOLLOWERS = `${ACTOR}/followers`;
// a Mastodon id for 2025-03-01T12:00:00Z: milliseconds shifted left by 16 bits
const idAt = (iso: string) => String(BigInt(Date.parse(iso)) << 16n);

/** A `Create` as Mastodon's archive writes it: the addressing on the activity and on its Note. */
function status(n: number, text: string, to: string[], cc: string[], inReplyTo: string | null = null) {
  const published = `2025-03-${String(n).padStart(2, '0')}T12:00:00Z`;
  const id = `${ACTOR}/statuses/${idAt(published)}`;
  return {
    id: `${id}/activity`,
    type: 'Create',
    actor: ACTOR,
    published,
    to,
    cc,
    object: { id, type: 'Note', published, url: id, inReplyTo, content: `<p>${text}</p>`, to, cc },
  };
}

const OTHER = 'https://other.example/users/ann';
const asked = `${OTHER}/statuses/${idAt('2025-03-10T11:00:00Z')}`;
const OUTBOX = {
  '@context': 'https://www.w3.org/ns/activitystreams',
  type: 'OrderedCollection',
  orderedItems: [
    status(1, 'Our spring catalogue is out', [PUBLIC], [FOLLOWERS]),
    status(2, 'Quiet update for the timeline', [FOLLOWERS], [PUBLIC]),
    status(3, 'PRIVATE-FOLLOWERS-ONLY-TEXT for followers', [FOLLOWERS], []),
    status(4, '@ann PRIVATE-DIRECT-MESSAGE-TEXT your order number', [OTHER], []),
    status(5, '@ann PRIVATE-DIRECT-SECOND message', [OTHER], []),
    status(10, '@ann glad it arrived, enjoy!', [PUBLIC], [FOLLOWERS, OTHER], asked),
  ],
};

describe('Mastodon visibility', () => {
  it('reads the addressing as Mastodon writes it: public, unlisted, followers-only, direct', () => {
    const at = (to: string[], cc: string[]) => visibilityOf({ to, cc }, ACTOR);
    expect(at([PUBLIC], [FOLLOWERS])).toBe('public');
    expect(at([FOLLOWERS], [PUBLIC])).toBe('unlisted');
    expect(at([FOLLOWERS], [])).toBe('followers');
    expect(at([OTHER], [])).toBe('direct');
    expect(at(['as:Public'], [])).toBe('public');
    // Mastodon always addresses a status: none at all cannot be shown on a guess
    expect(at([], [])).toBe('unknown');
  });

  it('leaves out direct messages and followers-only posts, and counts them', () => {
    const { posts, direct, followersOnly, unaddressed } = mastodonOutbox(OUTBOX, ACTOR);
    expect(posts.map((p) => p.text)).toEqual([
      'Our spring catalogue is out',
      'Quiet update for the timeline',
      '@ann glad it arrived, enjoy!',
    ]);
    expect({ direct, followersOnly, unaddressed }).toEqual({ direct: 2, followersOnly: 1, unaddressed: 0 });
  });

  it('dates a reply by its parent status id, so response time is measured', () => {
    const reply = mastodonOutbox(OUTBOX, ACTOR).posts.at(-1)!;
    expect(reply.kind).toBe('reply');
    expect(reply.inReplyToCreatedAt).toBe('2025-03-10T11:00:00.000Z');
  });

  it('no report format carries a private status, and the sample note counts what was left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-private-'));
    mkdirSync(join(dir, 'evidence'));
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', 'outbox.json'), JSON.stringify(OUTBOX));
    writeFileSync(join(dir, 'archive', 'actor.json'), JSON.stringify({ id: ACTOR, type: 'Person' }));
    writeFileSync(
      join(dir, 'inventory.yaml'),
      'company: Northwind\nprofiles:\n  - {id: m, url: https://social.example/@northwind, archive: archive}\n',
    );
    const inventory = await loadInventory(join(dir, 'inventory.yaml'));
    const asOf = new Date('2025-04-01T00:00:00Z');
    const report = await auditInventory(inventory, {
      http: new ReplayHttpClient(join(dir, 'evidence')),
      asOf,
      generatedAt: asOf,
    });
    const profile = report.profiles[0]!;
    expect(profile.status).not.toBe('error');
    expect(profile.metrics?.sample.note).toContain('2 direct messages and 1 followers-only post left out (not public)');
    for (const format of FORMATS) {
      const text = renderReport(report, format);
      expect(text, format).not.toMatch(/PRIVATE-/);
    }
  });
});

describe('outbox.json as servers write it', () => {
  it('reads a file with duplicate keys (the last one counts, as in any JSON reader)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-dupkeys-'));
    mkdirSync(join(dir, 'evidence'));
    const item = JSON.stringify(status(1, 'Spring hours', [PUBLIC], [FOLLOWERS]));
    // a repeated "@context" at the top and a repeated "type" in the item, byte for byte in the file
    const text = `{"@context":"https://www.w3.org/ns/activitystreams","@context":["https://www.w3.org/ns/activitystreams"],"type":"OrderedCollection","orderedItems":[${item.replace('"type":"Create"', '"type":"Note","type":"Create"')}]}`;
    writeFileSync(join(dir, 'outbox.json'), text);
    writeFileSync(
      join(dir, 'inventory.yaml'),
      'company: Northwind\nprofiles:\n  - {id: m, url: https://social.example/@northwind, archive: outbox.json}\n',
    );
    const asOf = new Date('2025-04-01T00:00:00Z');
    const report = await auditInventory(await loadInventory(join(dir, 'inventory.yaml')), {
      http: new ReplayHttpClient(join(dir, 'evidence')),
      asOf,
      generatedAt: asOf,
    });
    expect(report.profiles[0]!.status).not.toBe('error');
    expect(report.profiles[0]!.metrics?.originals).toBe(1);
  });
});

describe('ids that encode a time', () => {
  it("reads Mastodon's ids and AT Protocol TIDs", () => {
    expect(mastodonIdTime(idAt('2025-03-10T11:00:00Z'))).toBe('2025-03-10T11:00:00.000Z');
    // the AT Protocol specification's example TID
    expect(tidTime('3jzfcijpj2z2a')).toBe('2023-06-30T15:03:01.887Z');
    expect(tidTime('not-a-tid')).toBeNull();
    expect(tidTime('self')).toBeNull();
  });
});
