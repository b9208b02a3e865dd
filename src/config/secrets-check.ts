/**
 * Credentials in the inventory: a token is never written into the file (it is checked into
 * repositories and copied into tickets), only the name of the environment variable that holds it. A
 * value anywhere in the file that has a known token's shape is an error at its line, naming the
 * issuer and never repeating the value; `auth:` is checked to be where an API can use it.
 */
import { tokenShape } from '../auth/token-shapes.js';
import { API_PLATFORMS, type PlatformId } from '../model/index.js';
import { platformOf } from '../platforms/urls.js';
import type { ConfigProblem } from './errors.js';
import { isPlainObject, pathLabel, type Locator, type PathKey, type Plain } from './locate.js';

export function checkSecrets(plain: Plain, where: Locator): ConfigProblem[] {
  return [...literalTokens(plain, [], where), ...misplacedAuth(plain, where)];
}

function literalTokens(value: unknown, path: PathKey[], where: Locator): ConfigProblem[] {
  if (typeof value === 'string') {
    const issuer = tokenShape(value);
    if (!issuer) return [];
    return [
      {
        ...where.atPath(
          path,
          `${pathLabel(path)}: this looks like ${issuer} written into the inventory; expected the name of the environment variable that holds it, e.g. auth: {env: META_PAGE_TOKEN} (a token is never written here)`,
        ),
        only: true,
      },
    ];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => literalTokens(v, [...path, i], where));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => literalTokens(v, [...path, k], where));
  return [];
}

/** `auth:` on a profile whose platform has no API reader, or beside an export that is read instead. */
function misplacedAuth(plain: Plain, where: Locator): ConfigProblem[] {
  const profiles = Array.isArray(plain.profiles) ? plain.profiles : [];
  return profiles.flatMap((p, i) => {
    if (!isPlainObject(p) || p.auth === undefined) return [];
    const at = ['profiles', i, 'auth'];
    if (p.archive !== undefined || p.posts !== undefined)
      return [
        where.atPath(
          at,
          `profiles[${i}]: both an export and "auth" are set; expected one source per profile (the export is read, so the API would never be)`,
        ),
      ];
    const platform = platformOfPlain(p);
    if (platform === null || (API_PLATFORMS as readonly string[]).includes(platform)) return [];
    return [
      where.atPath(
        at,
        `profiles[${i}].auth: ${platform} is not read through an API with a credential; expected auth only on ${API_PLATFORMS.join(', ')} profiles`,
      ),
    ];
  });
}

/** The profile's platform as the registry names it (urls.ts), where its fields are readable at all. */
export function platformOfPlain(p: Plain): PlatformId | null {
  if (typeof p.url !== 'string' || !URL.canParse(p.url))
    return typeof p.platform === 'string' ? (p.platform as PlatformId) : null;
  return platformOf({ url: p.url, platform: typeof p.platform === 'string' ? (p.platform as PlatformId) : null });
}
