/**
 * What `validate` says of an inventory, without fetching anything: each profile's platform, whether its
 * URL carries credentials, its owner download read as the audit will read it, and each credential
 * variable (set or not, who uses it, where it is sent; never its value).
 */
import { existsSync } from 'node:fs';
import { credentialStatus, type CredentialStatus } from './auth/credentials.js';
import { credentialOrigin } from './config/credential-origins.js';
import { loadInventory } from './config/load.js';
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
  const inventory = await loadInventory(file, { allowOutsidePaths: options.allowOutsidePaths === true });
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
