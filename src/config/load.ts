/** YAML text → validated, typed Inventory; every problem carries file, line and column. */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import {
  ASSERTIONS,
  isInsideFolder,
  redactUrl,
  type AssertLayer,
  type ExportSpec,
  type Inventory,
  type ProfileSpec,
  type Settings,
} from '../model/index.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { InventoryError, type ConfigProblem } from './errors.js';
import { InventorySchema, type RawInventory } from './schema.js';
import { suggest } from './suggest.js';

type PathKey = string | number;

/** How many nodes YAML aliases (`*name`) may expand to in one inventory (README, "Security and limits"). */
export const MAX_YAML_ALIASES = 10_000;

export interface LoadOptions {
  /** Exports (`posts:`, `archive:`) may be outside the inventory's folder (`--allow-outside-paths`). */
  allowOutsidePaths?: boolean;
}

export async function loadInventory(file: string, options: LoadOptions = {}): Promise<Inventory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new InventoryError([{ file, line: 1, column: 1, message: `cannot read the inventory: ${reason}` }]);
  }
  return parseInventory(text, file, options);
}

export function parseInventory(text: string, file: string, options: LoadOptions = {}): Inventory {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const at = (offset: number | undefined, message: string): ConfigProblem => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col, message };
  };

  if (doc.errors.length > 0) {
    throw new InventoryError(
      doc.errors.map((e) =>
        at(e.pos[0], `YAML syntax error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`),
      ),
    );
  }
  if (!isMap(doc.contents)) {
    throw new InventoryError([
      at(doc.contents?.range?.[0], 'expected a mapping with "company" and "profiles" at the top level'),
    ]);
  }

  let plain: unknown;
  try {
    plain = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // the yaml library's guard against alias bombs ("billion laughs"): a problem of the file, with its place
    let first: Node | undefined;
    visit(doc, {
      Alias: (_, node) => {
        first = node;
        return visit.BREAK;
      },
    });
    throw new InventoryError([
      at(
        first?.range?.[0],
        `YAML aliases expand to more than ${MAX_YAML_ALIASES} nodes (an alias bomb?): expected aliases such as *name to be used less, or the value written out`,
      ),
    ]);
  }
  const parsed = InventorySchema.safeParse(plain);
  if (!parsed.success) {
    throw new InventoryError(parsed.error.issues.flatMap((issue) => describeIssue(issue, doc, at)));
  }
  const problems = [
    ...findDuplicates(parsed.data, doc, at),
    ...(options.allowOutsidePaths ? [] : findOutsidePaths(parsed.data, file, doc, at)),
  ];
  if (problems.length > 0) throw new InventoryError(problems);
  return toInventory(parsed.data, file, options.allowOutsidePaths === true);
}

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  at: (offset: number | undefined, message: string) => ConfigProblem,
): ConfigProblem[] {
  const path = issue.path.filter((p): p is PathKey => typeof p !== 'symbol');
  const where = pathLabel(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const hint = suggest(key, known);
      const expected = hint ? `did you mean "${hint}"?` : `expected one of: ${known.join(', ')}`;
      return at(keyNode(doc, path, key)?.range?.[0], `unknown key "${key}"${where ? ` in ${where}` : ''}: ${expected}`);
    });
  }
  const node = doc.getIn(path, true) as Node | undefined;
  if (node === undefined) {
    const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
    return [
      at(
        parent?.range?.[0],
        `missing "${String(path.at(-1))}"${path.length > 1 ? ` in ${pathLabel(path.slice(0, -1))}` : ''}: ${issue.message}`,
      ),
    ];
  }
  return [at(node.range?.[0], `${where}: ${issue.message}`)];
}

function keyNode(doc: Document, path: PathKey[], key: string): Node | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

function pathLabel(path: PathKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The keys the schema allows at a path, for "did you mean". */
function knownKeys(path: PathKey[]): string[] {
  let schema: unknown = InventorySchema;
  for (const step of path) {
    schema = unwrap(schema);
    const def = (
      schema as { def: { type: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } }
    ).def;
    schema = def.type === 'array' ? def.element : def.type === 'record' ? def.valueType : def.shape?.[String(step)];
  }
  const def = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } } | undefined)?.def;
  return Object.keys(def?.shape ?? {});
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { innerType?: unknown } } | undefined;
  while (s?.def?.innerType) s = s.def.innerType as typeof s;
  return s;
}

function findDuplicates(
  raw: RawInventory,
  doc: Document,
  at: (offset: number | undefined, message: string) => ConfigProblem,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seenUrls = new Map<string, number>();
  const seenIds = new Map<string, number>();
  raw.profiles.forEach((p, i) => {
    const key = normaliseUrl(p.url);
    const first = seenUrls.get(key);
    if (first !== undefined) {
      const node = doc.getIn(['profiles', i, 'url'], true) as Node | undefined;
      problems.push(
        at(
          node?.range?.[0],
          `profiles[${i}].url: duplicate profile, the same URL as profiles[${first}]; expected each profile once`,
        ),
      );
    } else seenUrls.set(key, i);
    if (p.archive !== undefined && p.posts !== undefined) {
      const node = doc.getIn(['profiles', i, 'posts'], true) as Node | undefined;
      problems.push(
        at(node?.range?.[0], `profiles[${i}]: both "archive" and "posts" are set; expected one export per profile`),
      );
    }
    if (p.id !== undefined) {
      const firstId = seenIds.get(p.id);
      if (firstId !== undefined) {
        const node = doc.getIn(['profiles', i, 'id'], true) as Node | undefined;
        problems.push(
          at(
            node?.range?.[0],
            `profiles[${i}].id: duplicate id "${p.id}", already used by profiles[${firstId}]; expected unique ids`,
          ),
        );
      } else seenIds.set(p.id, i);
    }
  });
  return problems;
}

/** Exports outside the inventory's folder tree, which are read only with --allow-outside-paths. */
function findOutsidePaths(
  raw: RawInventory,
  file: string,
  doc: Document,
  at: (offset: number | undefined, message: string) => ConfigProblem,
): ConfigProblem[] {
  const root = resolve(dirname(file));
  return raw.profiles.flatMap((p, i) => {
    const key = p.archive !== undefined ? 'archive' : p.posts !== undefined ? 'posts' : null;
    if (key === null || isInsideFolder(root, resolve(root, p[key]!))) return [];
    const node = doc.getIn(['profiles', i, key], true) as Node | undefined;
    return [
      at(
        node?.range?.[0],
        `profiles[${i}].${key}: ${p[key]} is outside the inventory's folder (${root}); expected a file under it, or pass --allow-outside-paths`,
      ),
    ];
  });
}

/** Two spellings of one profile URL compare equal: case of scheme and host, trailing slash, fragment. */
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.toString().replace(/\/+$/, '').toLowerCase();
}

/** A readable, stable id from the URL: host and path, lower-case, dashes for the rest. */
export function profileIdFromUrl(url: string): string {
  const u = new URL(url);
  const host = u.host.replace(/^www\./, '');
  const slug = `${host}${u.pathname}${u.search}`
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || host;
}

function toInventory(raw: RawInventory, file: string, allowOutside: boolean): Inventory {
  const s = raw.settings ?? {};
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    ...stripUndefined({
      staleAfterDays: s.staleAfterDays,
      abandonedAfterDays: s.abandonedAfterDays,
      cannedMinClusterSize: s.cannedMinClusterSize,
      cannedSimilarity: s.cannedSimilarity,
      windowDays: s.windowDays,
      minSamplePosts: s.minSamplePosts,
      maxPosts: s.maxPosts,
      timeoutMs: s.timeoutMs,
      concurrency: s.concurrency,
      hostConcurrency: s.hostConcurrency,
      hostIntervalMs: s.hostIntervalMs,
      maxRetryAfterSeconds: s.maxRetryAfterSeconds,
      userAgent: s.userAgent,
      allowPrivateRedirects: s.allowPrivateRedirects,
    }),
    hosts: s.hosts ?? {},
    weights: { ...DEFAULT_SETTINGS.weights, ...stripUndefined(s.weights ?? {}) },
    endpoints: { ...DEFAULT_SETTINGS.endpoints, ...stripUndefined(s.endpoints ?? {}) },
  };
  const usedIds = new Set(raw.profiles.flatMap((p) => (p.id ? [p.id] : [])));
  const profiles: ProfileSpec[] = raw.profiles.map((p) => {
    let id = p.id;
    if (!id) {
      const base = profileIdFromUrl(redactUrl(p.url));
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
    }
    return {
      id,
      url: p.url,
      platform: p.platform ?? null,
      name: p.name ?? null,
      owner: p.owner ?? null,
      tags: p.tags ?? [],
      endpoints: stripUndefined(p.endpoints ?? {}),
      export: exportSpec(p, file, allowOutside),
      assert: assertLayer(p.assert),
    };
  });
  const assertFor = (raw.assertFor ?? []).map((entry) => ({
    tags: entry.tags ?? null,
    platforms: entry.platform === undefined ? null : [entry.platform].flat(),
    assert: assertLayer(entry.assert),
  }));
  return {
    file,
    company: raw.company,
    website: raw.website ?? null,
    settings,
    assert: assertLayer(raw.assert),
    assertFor,
    profiles,
  };
}

/** `off`, `[off]` or `[level, limit]` as the model's layer. */
function assertLayer(raw: RawInventory['assert']): AssertLayer {
  const out: AssertLayer = {};
  for (const name of ASSERTIONS) {
    const value = raw?.[name];
    if (value === undefined) continue;
    out[name] = value === 'off' || value[0] === 'off' ? 'off' : { level: value[0], limit: value[1] as number };
  }
  return out;
}

function exportSpec(
  p: RawInventory['profiles'][number],
  inventoryFile: string,
  allowOutside: boolean,
): ExportSpec | null {
  const kind = p.archive !== undefined ? 'archive' : p.posts !== undefined ? 'posts' : null;
  if (!kind) return null;
  const path = (kind === 'archive' ? p.archive : p.posts)!;
  const root = resolve(dirname(inventoryFile));
  return { kind, path, resolved: resolve(root, path), root, allowOutside };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
