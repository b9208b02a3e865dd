/**
 * For `validate`, the gate before an audit: every file the inventory names (an export under `archive:` or
 * `posts:`, the report's logo) exists and can be read, reported in the same pass as every other problem
 * at its own line. The audit itself reports a missing export as that profile's `error` and goes on.
 */
import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInsideFolder } from '../model/index.js';
import type { ConfigProblem } from './errors.js';
import { isPlainObject, type Locator, type PathKey, pathLabel, type Plain } from './locate.js';

export function checkFiles(plain: Plain, where: Locator, file: string, allowOutsidePaths: boolean): ConfigProblem[] {
  const root = resolve(dirname(file));
  const named: Array<{ path: unknown; at: PathKey[] }> = [];
  const profiles = Array.isArray(plain.profiles) ? plain.profiles : [];
  profiles.forEach((p, i) => {
    if (!isPlainObject(p)) return;
    for (const key of ['archive', 'posts'] as const) {
      // `posts:` is a path, or {file: PATH, columns: …} for a file in other columns
      const value = p[key];
      const nested = isPlainObject(value);
      named.push({
        path: nested ? value.file : value,
        at: ['profiles', i, key, ...(nested ? ['file'] : [])],
      });
    }
  });
  if (isPlainObject(plain.report)) named.push({ path: plain.report.logo, at: ['report', 'logo'] });
  return named.flatMap(({ path, at }) => {
    if (typeof path !== 'string' || path === '') return []; // the schema's to report
    const resolved = resolve(root, path);
    // a path outside the folder is already refused (checks.ts) unless --allow-outside-paths
    if (!allowOutsidePaths && !isInsideFolder(root, resolved)) return [];
    const why = unreadable(resolved);
    return why ? [where.atPath(at, `${pathLabel(at)}: ${path} ${why} (resolved to ${resolved})`)] : [];
  });
}

/** Why the file cannot be read, or null. */
function unreadable(path: string): string | null {
  try {
    accessSync(path, constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? (error as Error).message})`;
  }
}
