/**
 * The download TikTok gives an account's owner (issue 16, item 1): user_data.json's videos and comments, in
 * local times read as UTC or in settings.exportTimeZone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { audited, dir, inventory, tiktok } from '../../helpers/downloads.js';

describe('owner downloads', () => {
  it('reads TikTok user_data.json: videos and comments, local times as UTC, said in the note', async () => {
    writeFileSync(join(dir, 'tiktok.zip'), tiktok);
    const p = await audited(inventory('tt', 'https://www.tiktok.com/@northwind', 'tiktok.zip'));
    expect(p.metrics).toMatchObject({ originals: 1, replies: 1, lastPostAt: '2026-10-31T09:30:00.000Z' });
    expect(p.metrics.sample.note).toMatch(/its local times are read as UTC/);
  });

  it('reads zoneless TikTok times in settings.exportTimeZone, and says so', async () => {
    const file = join(dir, 'tt-zone.yaml');
    writeFileSync(
      file,
      'company: Northwind\nsettings:\n  exportTimeZone: "+02:00"\nprofiles:\n  - url: https://www.tiktok.com/@northwind\n    archive: tiktok.zip\n',
    );
    const p = await audited(file);
    expect(p.metrics.lastPostAt).toBe('2026-10-31T07:30:00.000Z');
    expect(p.metrics.sample.note).toMatch(/its local times are read as UTC\+02:00 \(settings\.exportTimeZone\)/);
    const bad = join(dir, 'tt-bad.yaml');
    writeFileSync(
      bad,
      'company: N\nsettings:\n  exportTimeZone: Europe/Paris\nprofiles:\n  - url: https://www.tiktok.com/@n\n',
    );
    expect((await cli(['validate', bad])).stderr).toMatch(
      /:3:19: settings\.exportTimeZone: expected UTC or an offset such as "\+02:00"/,
    );
  });
});
