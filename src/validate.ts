/**
 * What `validate` says of an inventory, without fetching anything: each profile's platform, whether its
 * URL carries credentials, its owner download read as the audit will read it, and each credential
 * variable (set or not, who uses it, where it is sent; never its value).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { credentialStatus, type CredentialStatus } from './auth/credentials.js';
import { credentialOrigin } from './config/credential-origins.js';
import { InventoryError } from './config/errors.js';
import { loadInventory } from './config/load.js';
import { locator } from './config/locate.js';
import { urlSecrets, type Inventory, type PlatformId, type ProfileSpec } from './model/index.js';
import { platformDefinition } from './platforms/index.js';
import { platformOf } from './platforms/urls.js';

/** An owner download (`posts:`, `archive:`…) as the audit will find it. */
export type DownloadCheck =
  | { found: false }
  | { found: true; read: { ok: true; summary: string } | { ok: false; reason: string } };

export interface ValidatedProfile {
  profile: ProfileSpec;
  /** From `platform:` or the URL; null when no platform recognises the URL. */
  platform: PlatformId | null;
  /** The URL has user:password@ or a token in its query: sent to its host, redacted from every report. */
  urlCarriesCredentials: boolean;
  /** Null for a profile with no owner download. */
  download: DownloadCheck | null;
}

export interface Validation {
  inventory: Inventory;
  profiles: ValidatedProfile[];
  /** Each environment variable the inventory names for an API credential. */
  credentials: CredentialStatus[];
}

export interface ValidateOptions {
  /** Accept owner downloads outside the inventory's folder (default false). */
  allowOutsidePaths?: boolean;
  /** Where credentials are looked up (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Loads and checks the inventory (an invalid one throws InventoryError) and reads each owner download. */
export async function validateInventory(file: string, options: ValidateOptions = {}): Promise<Validation> {
  // a missing or unreadable export or logo is an inventory error here, at its line, with every other problem
  const inventory = await loadInventory(file, {
    allowOutsidePaths: options.allowOutsidePaths === true,
    requireFiles: true,
  });
  const profiles: ValidatedProfile[] = [];
  for (const profile of inventory.profiles) {
    const platform = platformOf(profile);
    profiles.push({
      profile,
      platform,
      urlCarriesCredentials: urlSecrets(profile.url).length > 0,
      download: profile.export ? await checkDownload(profile, platform) : null,
    });
  }
  await refuseUnreadable(file, profiles);
  const credentials = credentialStatus(inventory, options.env ?? process.env, platformOf, (platform, ref) =>
    credentialOrigin(platform, ref.origin),
  );
  return { inventory, profiles, credentials };
}

async function checkDownload(profile: ProfileSpec, platform: PlatformId | null): Promise<DownloadCheck> {
  if (!existsSync(profile.export!.resolved)) return { found: false };
  // the readers load only for an inventory with downloads, so validating one without stays quick
  const { readExport } = await import('./platforms/kit/owner-download.js');
  const outcome = await readExport(profile, platform, {
    snowflakeIds: platform !== null && platformDefinition(platform).snowflakeIds === true,
  });
  return {
    found: true,
    read:
      outcome.kind === 'ok'
        ? { ok: true, summary: outcome.timeline.sampleNote ?? `${outcome.timeline.posts.length} posts` }
        : { ok: false, reason: outcome.reason },
  };
}

/**
 * An owner download that is there but cannot be read (not the format its platform writes, a broken zip)
 * is an error at its line, as a missing one is (config/file-checks.ts): `validate` is the gate before
 * the audit, which would report the profile as "error".
 */
async function refuseUnreadable(file: string, profiles: readonly ValidatedProfile[]): Promise<void> {
  const failed = profiles.flatMap(({ profile, download }, i) =>
    download?.found && !download.read.ok ? [{ i, kind: profile.export!.kind, reason: download.read.reason }] : [],
  );
  if (failed.length === 0) return;
  const lineCounter = new LineCounter();
  const where = locator(file, parseDocument(await readFile(file, 'utf8'), { lineCounter }), lineCounter);
  throw new InventoryError(
    failed.map(({ i, kind, reason }) =>
      where.atPath(['profiles', i, kind], `profiles[${i}].${kind}: the export cannot be read: ${reason}`),
    ),
  );
}
