/**
 * Names a user writes for a platform that are not its id (`rss`, `atom`, `blog` for feed; `twitter` for
 * x): each platform declares its own (`aliases` in src/platforms/<id>/index.ts). They are read as the
 * id, and the loader says so in a note, before the schema sees the file.
 */
import { PLATFORMS, type PlatformId } from '../model/index.js';
import { PLATFORM_DEFINITIONS, type PlatformDefinition } from '../platforms/index.js';
import { isPlainObject, pathLabel, type Locator, type PathKey, type Plain } from './locate.js';
import type { ConfigProblem } from './errors.js';
import { suggest } from './suggest.js';

export const PLATFORM_ALIASES: ReadonlyMap<string, PlatformId> = new Map(
  (PLATFORM_DEFINITIONS as readonly PlatformDefinition[]).flatMap((d) =>
    (d.aliases ?? []).map((alias) => [alias, d.id] as const),
  ),
);

const KNOWN: ReadonlySet<string> = new Set(PLATFORMS);

/** Rewrites aliased platform names in place (profiles and assertFor); one note per rewrite. */
export function applyPlatformAliases(plain: Plain, where: Locator): ConfigProblem[] {
  const notes: ConfigProblem[] = [];
  const rewrite = (value: unknown, path: PathKey[]): unknown => {
    if (typeof value !== 'string' || KNOWN.has(value)) return value;
    const id = PLATFORM_ALIASES.get(value.toLowerCase());
    if (id === undefined) return value;
    notes.push(where.atPath(path, `${pathLabel(path)}: "${value}" is read as the platform "${id}" (an alias)`));
    return id;
  };
  const each = (list: unknown, f: (item: Plain, i: number) => void) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (isPlainObject(item)) f(item, i);
    });
  };
  each(plain.profiles, (p, i) => {
    if ('platform' in p) p.platform = rewrite(p.platform, ['profiles', i, 'platform']);
  });
  each(plain.assertFor, (entry, i) => {
    const value = entry.platform;
    entry.platform = Array.isArray(value)
      ? value.map((v, j) => rewrite(v, ['assertFor', i, 'platform', j]))
      : rewrite(value, ['assertFor', i, 'platform']);
    if (value === undefined) delete entry.platform;
  });
  return notes;
}

/** "unknown platform "blueksy": did you mean "bluesky"?" for each value at a platform key that is not one. */
export function describeUnknownPlatforms(value: unknown, path: readonly PathKey[], where: Locator): ConfigProblem[] {
  const values = Array.isArray(value) ? value.map((v, j) => [v, [...path, j]] as const) : [[value, path] as const];
  return values.flatMap(([v, at]) => {
    if (typeof v === 'string' && KNOWN.has(v)) return [];
    const shown =
      typeof v === 'string' ? `unknown platform "${v}"` : `expected a platform name, not ${JSON.stringify(v)}`;
    const hint = typeof v === 'string' ? suggest(v, PLATFORMS) : null;
    const all = PLATFORMS.join(', ');
    const expected = hint ? `did you mean "${hint}"? (one of: ${all})` : `expected one of: ${all}`;
    return [where.atPath(at, `${pathLabel(at)}: ${shown}: ${expected}`)];
  });
}
