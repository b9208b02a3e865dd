/**
 * Where each API credential goes: only to its platform's documented API origin (the default of the
 * API's endpoint setting, e.g. https://api.x.com), or to the one origin the inventory names beside it
 * (`auth: {env: NAME, origin: https://…}`). An endpoint override that would take a credential anywhere
 * else is an error at the endpoint's line: an inventory is edited by many hands (a pull request, a
 * copied example), and `endpoints.xApi: http://attacker.example/` beside `auth: {env: GITHUB_TOKEN}`
 * would otherwise hand a CI secret to whoever runs that server. Failing the whole file (exit 2) rather
 * than the one profile means nothing is fetched for anyone until the file says where the token may go.
 * The audit checks the same rule again before each request (platforms/api-fetch.ts, http/live.ts).
 */
import { API_PLATFORMS, type ApiPlatform } from '../model/index.js';
import { platformDefinition } from '../platforms/index.js';
import type { ConfigProblem } from './errors.js';
import { isPlainObject, pathLabel, type Locator, type PathKey, type Plain } from './locate.js';
import { platformOfPlain } from './secrets-check.js';

interface Api {
  platform: ApiPlatform;
  service: string;
  setting: string;
  documented: string;
}

const API_OF = new Map<string, Api>(
  API_PLATFORMS.map((platform) => {
    const api = platformDefinition(platform).api!;
    return [
      platform,
      { platform, service: api.service, setting: api.setting, documented: new URL(api.default).origin },
    ];
  }),
);

const originOf = (value: unknown): string | null =>
  typeof value === 'string' && URL.canParse(value) ? new URL(value).origin : null;

/** The origin each credential of the inventory is sent to, for `validate`; null when its `origin:` cannot be read. */
export function credentialOrigin(platform: ApiPlatform, origin: string | null): string {
  return origin ?? API_OF.get(platform)!.documented;
}

export function checkCredentialOrigins(plain: Plain, where: Locator): ConfigProblem[] {
  const settings = isPlainObject(plain.settings) ? plain.settings : {};
  const auth = isPlainObject(settings.auth) ? settings.auth : {};
  const endpoints = isPlainObject(settings.endpoints) ? settings.endpoints : {};
  const problems = new Map<string, ConfigProblem>();
  const check = (api: Api, ref: unknown, refPath: PathKey[], endpoint: unknown, endpointPath: PathKey[] | null) => {
    if (!isPlainObject(ref) || typeof ref.env !== 'string') return;
    const named = ref.origin !== undefined;
    const allowed = named ? originOf(ref.origin) : api.documented;
    const used = endpointPath ? originOf(endpoint) : api.documented;
    if (allowed === null || used === null || used === allowed) return; // an unreadable URL is the schema's to report
    const at = endpointPath ?? [...refPath, 'origin'];
    const key = `${pathLabel(at)} ${ref.env}`;
    const goes = named
      ? `${allowed}, the origin ${pathLabel([...refPath, 'origin'])} names`
      : `${allowed}, the ${api.service}'s documented origin`;
    const message = endpointPath
      ? `${pathLabel(endpointPath)}: the ${api.service} would be read from ${used}, but its credential ${ref.env} (${pathLabel(refPath)}) is sent only to ${goes}; expected the endpoint on that origin, or auth: {env: ${ref.env}, origin: ${used}} if the token may really go there (https only)`
      : `${pathLabel(at)}: ${ref.env} would be sent only to ${allowed}, but the ${api.service} is read from ${used} (its default); expected ${api.setting} under endpoints on ${allowed}, or no origin`;
    if (!problems.has(key)) problems.set(key, where.atPath(at, message));
  };
  for (const api of API_OF.values()) {
    const endpoint = endpoints[api.setting];
    const at = endpoint === undefined ? null : ['settings', 'endpoints', api.setting];
    check(api, auth[api.platform], ['settings', 'auth', api.platform], endpoint, at);
  }
  const profiles = Array.isArray(plain.profiles) ? plain.profiles : [];
  profiles.forEach((p, i) => {
    if (!isPlainObject(p) || p.archive !== undefined || p.posts !== undefined) return;
    const api = API_OF.get(platformOfPlain(p) ?? '');
    if (!api) return;
    const own = isPlainObject(p.endpoints) ? p.endpoints[api.setting] : undefined;
    if (own === undefined && p.auth === undefined) return; // the settings' pair, checked above
    const endpoint = own ?? endpoints[api.setting];
    const endpointPath =
      own !== undefined
        ? ['profiles', i, 'endpoints', api.setting]
        : endpoint !== undefined
          ? ['settings', 'endpoints', api.setting]
          : null;
    const [ref, refPath] =
      p.auth !== undefined
        ? [p.auth, ['profiles', i, 'auth']]
        : [auth[api.platform], ['settings', 'auth', api.platform]];
    check(api, ref, refPath, endpoint, endpointPath);
  });
  return [...problems.values()];
}
