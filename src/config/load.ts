/** YAML text → validated, typed Inventory; every problem carries file, line and column. */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import {
  ASSERTIONS,
  redactUrl,
  type AssertLayer,
  type AuthRef,
  type ExportSpec,
  type PostColumn,
  type PostsMapping,
  type Inventory,
  type ProfileSpec,
  type Settings,
} from '../model/index.js';
import { applyPlatformAliases, describeUnknownPlatforms } from './aliases.js';
import { LogoError, readLogo } from './branding.js';
import { checkInventory } from './checks.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { formatProblem, InventoryError, type ConfigProblem } from './errors.js';
import { isPlainObject, locator, pathLabel, type Locator, type PathKey, type Plain } from './locate.js';
import { InventorySchema, PostsMappingSchema, type RawInventory } from './schema.js';
import { suggest } from './suggest.js';

export { normaliseUrl } from './checks.js';

/** How many nodes YAML aliases (`*name`) may expand to in one inventory (docs/security.md). */
export const MAX_YAML_ALIASES = 10_000;

export interface LoadOptions {
  /** Exports (`posts:`, `archive:`) may be outside the inventory's folder (`--allow-outside-paths`). */
  allowOutsidePaths?: boolean;
  /** Every file the inventory names (exports, logo) must exist and be readable: `validate`'s gate. */
  requireFiles?: boolean;
}

export async function loadInventory(file: string, options: LoadOptions = {}): Promise<Inventory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new InventoryError([{ file, line: 1, column: 1, message: `cannot read the inventory: ${reason}` }]);
  }
  const inventory = parseInventory(text, file, options);
  if (inventory.logo && inventory.branding) {
    try {
      inventory.branding.logo = await readLogo(inventory.logo, options.allowOutsidePaths === true);
    } catch (error) {
      if (!(error instanceof LogoError)) throw error;
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter });
      throw new InventoryError([
        locator(file, doc, lineCounter).atPath(['report', 'logo'], `report.logo: ${error.message}`),
      ]);
    }
  }
  return inventory;
}

export function parseInventory(text: string, file: string, options: LoadOptions = {}): Inventory {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const where = locator(file, doc, lineCounter);

  if (doc.errors.length > 0) {
    throw new InventoryError(
      doc.errors.map((e) =>
        where.at(
          e.pos[0],
          `YAML syntax error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        ),
      ),
    );
  }
  if (!isMap(doc.contents)) {
    throw new InventoryError([
      where.at(doc.contents?.range?.[0], 'expected a mapping with "company" and "profiles" at the top level'),
    ]);
  }

  const plain = toPlain(doc, where);
  const notes = applyPlatformAliases(plain, where);
  const parsed = InventorySchema.safeParse(plain);
  // one pass: the schema's problems and the whole-file checks together, in the order of the file
  const checked = checkInventory(plain, where, {
    file,
    allowOutsidePaths: options.allowOutsidePaths === true,
    requireFiles: options.requireFiles === true,
  });
  const taken = new Set(checked.filter((p) => p.only).map((p) => `${p.line}:${p.column}`));
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeIssue(issue, doc, plain, where))).filter(
      (p) => !taken.has(`${p.line}:${p.column}`),
    ),
    ...checked,
  ];
  if (problems.length > 0 || !parsed.success) throw new InventoryError(problems);
  return toInventory(parsed.data, file, options.allowOutsidePaths === true, notes.map(formatProblem));
}

/** The document as plain data, with the yaml library's guard against alias bombs ("billion laughs"). */
function toPlain(doc: Document, where: Locator): Plain {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Plain;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let first: Node | undefined;
    visit(doc, {
      Alias: (_, node) => {
        first = node;
        return visit.BREAK;
      },
    });
    throw new InventoryError([
      where.at(
        first?.range?.[0],
        `YAML aliases expand to more than ${MAX_YAML_ALIASES} nodes (an alias bomb?): expected aliases such as *name to be used less, or the value written out`,
      ),
    ]);
  }
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, plain: Plain, where: Locator): ConfigProblem[] {
  const path = issue.path.filter((p): p is PathKey => typeof p !== 'symbol');
  const label = pathLabel(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const hint = suggest(key, known);
      const expected = hint ? `did you mean "${hint}"?` : `expected one of: ${known.join(', ')}`;
      return where.at(
        keyNode(doc, path, key)?.range?.[0],
        `unknown key "${key}"${label ? ` in ${label}` : ''}: ${expected}`,
      );
    });
  }
  if (path.at(-1) === 'platform') {
    const value = valueAt(plain, path);
    if (value !== undefined) return describeUnknownPlatforms(value, path, where);
  }
  // `posts: {file, columns, …}` that is not right: say what is wrong inside it, not just "expected a path or …"
  if (issue.code === 'invalid_union' && path.at(-1) === 'posts' && isPlainObject(valueAt(plain, path))) {
    const inner = PostsMappingSchema.safeParse(valueAt(plain, path));
    if (!inner.success)
      return inner.error.issues.flatMap((i) =>
        describeIssue({ ...i, path: [...path, ...i.path] } as z.core.$ZodIssue, doc, plain, where),
      );
  }
  const node = doc.getIn(path, true) as Node | undefined;
  if (node === undefined) {
    return [
      where.atPath(
        path,
        `missing "${String(path.at(-1))}"${path.length > 1 ? ` in ${pathLabel(path.slice(0, -1))}` : ''}: ${issue.message}`,
      ),
    ];
  }
  return [where.at(node.range?.[0], `${label}: ${issue.message}`)];
}

function valueAt(plain: Plain, path: readonly PathKey[]): unknown {
  let value: unknown = plain;
  for (const step of path) value = (value as Record<PathKey, unknown> | null | undefined)?.[step];
  return value;
}

function keyNode(doc: Document, path: PathKey[], key: string): Node | undefined {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
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

/** The schema under optional/nullable wrappers; for a union, its object form (`posts: PATH | {file, …}`). */
function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { innerType?: unknown; type?: string; options?: unknown[] } } | undefined;
  for (;;) {
    if (s?.def?.innerType) s = s.def.innerType as typeof s;
    else if (s?.def?.type === 'union') {
      const object = s.def.options?.find((o) => (unwrap(o) as { def?: { shape?: unknown } } | undefined)?.def?.shape);
      if (!object) return s;
      s = object as typeof s;
    } else return s;
  }
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

function toInventory(raw: RawInventory, file: string, allowOutside: boolean, notes: string[]): Inventory {
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
      profileTimeoutMs: s.profileTimeoutMs,
      concurrency: s.concurrency,
      hostConcurrency: s.hostConcurrency,
      hostIntervalMs: s.hostIntervalMs,
      hostIntervalMarginMs: s.hostIntervalMarginMs,
      maxRetryAfterSeconds: s.maxRetryAfterSeconds,
      userAgent: s.userAgent,
      allowPrivateRedirects: s.allowPrivateRedirects,
      exportTimeZone: s.exportTimeZone,
      listenBudget: s.listenBudget,
    }),
    auth: Object.fromEntries(Object.entries(s.auth ?? {}).flatMap(([p, ref]) => (ref ? [[p, authRef(ref)]] : []))),
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
      auth: p.auth ? authRef(p.auth) : null,
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
    branding: raw.report
      ? {
          preparedBy: raw.report.preparedBy ?? null,
          intro: raw.report.intro ?? null,
          accentColor: raw.report.accentColor ?? null,
          logo: null,
        }
      : null,
    logo: raw.report?.logo
      ? {
          path: raw.report.logo,
          resolved: resolve(dirname(file), raw.report.logo),
          root: resolve(dirname(file)),
        }
      : null,
    notes,
  };
}

const authRef = (raw: { env: string; budget?: number; origin?: string }): AuthRef => ({
  env: raw.env,
  budget: raw.budget ?? null,
  origin: raw.origin === undefined ? null : new URL(raw.origin).origin,
});

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
  const mapped = typeof p.posts === 'object' ? p.posts : null;
  const path = kind === 'archive' ? p.archive! : (mapped?.file ?? (p.posts as string));
  const root = resolve(dirname(inventoryFile));
  return {
    kind,
    path,
    resolved: resolve(root, path),
    root,
    allowOutside,
    mapping: mapped ? postsMapping(mapped) : null,
  };
}

/** The `posts: {file, columns, …}` form as the reader takes it: values as text, lists everywhere. */
function postsMapping(raw: Exclude<NonNullable<RawInventory['profiles'][number]['posts']>, string>): PostsMapping {
  const list = (v: string | number | boolean | Array<string | number | boolean>) => [v].flat().map(String);
  const columns: PostsMapping['columns'] = {};
  for (const [ours, rule] of Object.entries(raw.columns) as Array<[PostColumn, (typeof raw.columns)[PostColumn]]>) {
    if (rule === undefined) continue;
    columns[ours] =
      typeof rule === 'string' || 'present' in rule ? rule : { column: rule.column, equals: list(rule.equals) };
  }
  const where = Object.fromEntries(Object.entries(raw.where ?? {}).map(([column, values]) => [column, list(values)]));
  const zone = raw.timeZone === undefined || raw.timeZone === 'UTC' ? null : raw.timeZone;
  return { columns, where, dateFormat: raw.dateFormat ?? 'auto', timeZone: zone };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
