/**
 * What the schema cannot see field by field: duplicates, one export per profile, exports inside the
 * inventory's folder, settings that contradict each other, and an empty list. They read the file's
 * plain data defensively, so they run in the same pass as the schema and every problem is reported
 * at once (a value of the wrong type is the schema's to report, and is skipped here).
 */
import { dirname, resolve } from 'node:path';
import { isInsideFolder } from '../model/index.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import type { ConfigProblem } from './errors.js';
import { checkCredentialOrigins } from './credential-origins.js';
import { checkFiles } from './file-checks.js';
import { checkSecrets } from './secrets-check.js';
import { isPlainObject, type Locator, type Plain } from './locate.js';

export interface CheckOptions {
  file: string;
  allowOutsidePaths: boolean;
  /** Every file the inventory names must exist and be readable (`validate`); the audit reports a missing export per profile. */
  requireFiles?: boolean;
}

export function checkInventory(plain: Plain, where: Locator, options: CheckOptions): ConfigProblem[] {
  const profiles = Array.isArray(plain.profiles) ? plain.profiles : [];
  return [
    ...(Array.isArray(plain.profiles) && plain.profiles.length === 0
      ? [
          where.atPath(
            ['profiles'],
            'profiles: the list is empty, so there are no profiles to audit; expected at least one profile with a url',
          ),
        ]
      : []),
    ...checkProfiles(profiles, where, options),
    ...(options.allowOutsidePaths ? [] : outsideLogo(plain, where, options.file)),
    ...checkSettings(isPlainObject(plain.settings) ? plain.settings : {}, where),
    ...checkSecrets(plain, where),
    ...checkCredentialOrigins(plain, where),
    ...(options.requireFiles ? checkFiles(plain, where, options.file, options.allowOutsidePaths) : []),
  ];
}

/** Two spellings of one profile URL compare equal: case of scheme and host, trailing slash, fragment. */
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.toString().replace(/\/+$/, '').toLowerCase();
}

function checkProfiles(profiles: unknown[], where: Locator, options: CheckOptions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seenUrls = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const root = resolve(dirname(options.file));
  profiles.forEach((p, i) => {
    if (!isPlainObject(p)) return;
    if (typeof p.url === 'string' && URL.canParse(p.url)) {
      const key = normaliseUrl(p.url);
      const first = seenUrls.get(key);
      if (first !== undefined) {
        problems.push(
          where.atPath(
            ['profiles', i, 'url'],
            `profiles[${i}].url: duplicate profile, the same URL as profiles[${first}]; expected each profile once`,
          ),
        );
      } else seenUrls.set(key, i);
    }
    if (p.archive !== undefined && p.posts !== undefined) {
      problems.push(
        where.atPath(
          ['profiles', i, 'posts'],
          `profiles[${i}]: both "archive" and "posts" are set; expected one export per profile`,
        ),
      );
    }
    if (typeof p.id === 'string') {
      const firstId = seenIds.get(p.id);
      if (firstId !== undefined) {
        problems.push(
          where.atPath(
            ['profiles', i, 'id'],
            `profiles[${i}].id: duplicate id "${p.id}", already used by profiles[${firstId}]; expected unique ids`,
          ),
        );
      } else seenIds.set(p.id, i);
    }
    if (!options.allowOutsidePaths) problems.push(...outsidePath(p, i, root, where));
  });
  return problems;
}

/** An export outside the inventory's folder tree is read only with --allow-outside-paths. */
function outsidePath(p: Plain, i: number, root: string, where: Locator): ConfigProblem[] {
  return (['archive', 'posts'] as const).flatMap((key) => {
    // `posts:` is a path, or {file: PATH, columns: …} for a file in other columns
    const value = p[key];
    const nested = isPlainObject(value);
    const path = nested ? value.file : value;
    if (typeof path !== 'string' || path === '' || isInsideFolder(root, resolve(root, path))) return [];
    const at = nested ? ['profiles', i, key, 'file'] : ['profiles', i, key];
    return [
      where.atPath(
        at,
        `profiles[${i}].${at.slice(2).join('.')}: ${path} is outside the inventory's folder (${root}); expected a file under it, or pass --allow-outside-paths`,
      ),
    ];
  });
}

/** The report's logo, like an export, is read only inside the inventory's folder without --allow-outside-paths. */
function outsideLogo(plain: Plain, where: Locator, file: string): ConfigProblem[] {
  const logo = isPlainObject(plain.report) ? plain.report.logo : undefined;
  const root = resolve(dirname(file));
  if (typeof logo !== 'string' || logo === '' || isInsideFolder(root, resolve(root, logo))) return [];
  return [
    where.atPath(
      ['report', 'logo'],
      `report.logo: ${logo} is outside the inventory's folder (${root}); expected a file under it, or pass --allow-outside-paths`,
    ),
  ];
}

function checkSettings(settings: Plain, where: Locator): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const number = (value: unknown, fallback: number) => (value === undefined ? fallback : value);
  const stale = number(settings.staleAfterDays, DEFAULT_SETTINGS.staleAfterDays);
  const abandoned = number(settings.abandonedAfterDays, DEFAULT_SETTINGS.abandonedAfterDays);
  if (typeof stale === 'number' && typeof abandoned === 'number' && stale >= abandoned) {
    const key = settings.staleAfterDays !== undefined ? 'staleAfterDays' : 'abandonedAfterDays';
    problems.push(
      where.atPath(
        ['settings', key],
        `settings.${key}: staleAfterDays (${stale}) is not below abandonedAfterDays (${abandoned}); expected a profile to turn stale before it is abandoned`,
      ),
    );
  }
  const weights = isPlainObject(settings.weights) ? settings.weights : {};
  const values = (Object.keys(DEFAULT_SETTINGS.weights) as (keyof typeof DEFAULT_SETTINGS.weights)[]).map((name) =>
    number(weights[name], DEFAULT_SETTINGS.weights[name]),
  );
  if (values.every((v) => v === 0)) {
    problems.push(
      where.atPath(
        ['settings', 'weights'],
        'settings.weights: freshness, conversation and authenticity are all 0, so no score can be computed; expected at least one above 0',
      ),
    );
  }
  return problems;
}
