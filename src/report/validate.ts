/**
 * A saved report is untrusted input (a shard from another runner, a baseline from an artifact store):
 * before `report`, `merge`, `diff`, `history` or `--baseline` use it, it is checked against the whole
 * published JSON Schema (schema/report.schema.json, the one the tests hold every report to), so an enum
 * is an enum and a number a number before any renderer sees it. A report written before a field was
 * added is checked first against the same schema with those fields optional (UPGRADED_FIELDS), so the
 * upgrade that fills them in only ever reads well-typed values.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { displayText } from '../model/index.js';

/**
 * The fields read.ts's upgrade fills in when an older report of schemaVersion 1 lacks them, by the
 * schema location of the object that holds them: only these may be missing before the upgrade.
 */
const UPGRADED_FIELDS: Record<string, readonly string[]> = {
  '': ['failOn', 'actions', 'strengths', 'baseline', 'shard', 'interrupted', 'networkDown', 'website', 'branding'],
  'properties/summary': ['thinByStatus', 'scoreDriver'],
  'properties/baseline/oneOf/1': ['metricChanges'],
  '$defs/finding': ['change', 'title'],
  '$defs/profile': ['basis', 'basisNote', 'internal', 'account', 'verdict', 'verdictReason'],
  '$defs/profile/properties/metrics': [
    'weeklyPosts',
    'promoPosts',
    'cannedReplies',
    'templateCount',
    'templatesPer1000Replies',
    'top5Coverage',
  ],
  '$defs/profile/properties/metrics/properties/sample': [
    'posts',
    'fetched',
    'from',
    'to',
    'extended',
    'complete',
    'incompleteReason',
  ],
  '$defs/profile/properties/account': ['bio', 'bioLinkStatus'],
  '$defs/profile/properties/metrics/properties/templates/items': ['firstSeenAt', 'lastSeenAt', 'skeleton', 'signedBy'],
  '$defs/profile/properties/metrics/properties/signatures/items': ['templateShare'],
};

/** The deepest nesting a report has (settings.hosts.HOST.intervalMs is 4 levels); a forged one deeper is refused. */
export const MAX_REPORT_DEPTH = 32;

type Schema = Record<string, unknown>;
let validators: { current: ValidateFunction; older: ValidateFunction } | null = null;

/** The schema with the upgraded fields taken out of their objects' `required` lists. */
function olderSchema(schema: Schema): Schema {
  const copy = structuredClone(schema);
  delete copy.$id; // one ajv holds both: the older one is anonymous
  for (const [at, fields] of Object.entries(UPGRADED_FIELDS)) {
    const node = (at === '' ? [] : at.split('/')).reduce<Schema>((n, key) => n[key] as Schema, copy);
    node.required = (node.required as string[]).filter((f) => !fields.includes(f));
  }
  return copy;
}

function compiled(): { current: ValidateFunction; older: ValidateFunction } {
  if (!validators) {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'),
    ) as Schema;
    // strict: the published schema compiles under Ajv's strict mode (no union types, no unknown keywords), as a
    // consumer's own Ajv will compile it
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    addFormats.default(ajv);
    validators = { current: ajv.compile(schema), older: ajv.compile(olderSchema(schema)) };
  }
  return validators;
}

// the path is made of the report's own keys: printable characters only, and short
// eslint-disable-next-line no-control-regex
const printable = (path: string) => path.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);

function problemOf(validate: ValidateFunction, value: unknown): string | null {
  if (validate(value)) return null;
  const error = validate.errors?.[0];
  if (!error) return 'does not match the report schema';
  return `${printable(error.instancePath.replace(/^\//, '') || '(top level)')}: ${error.message ?? 'does not match the report schema'}`;
}

/** The first way the value breaks the schema ("profiles/0/status: must be equal to one of the allowed values"), or null. */
export function reportSchemaProblem(value: unknown): string | null {
  return problemOf(compiled().current, value);
}

/** The same for a report before its upgrade: the fields added later may be missing, every other one is checked. */
export function olderReportSchemaProblem(value: unknown): string | null {
  return problemOf(compiled().older, value);
}

/** The first place the value nests deeper than `max` objects and arrays, or null. Iterative: any depth is safe. */
export function nestingProblem(value: unknown, max = MAX_REPORT_DEPTH): string | null {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return `${printable(path.slice(1)) || '(top level)'}: nested deeper than ${max} levels`;
    for (const [k, child] of Object.entries(v)) stack.push({ v: child, depth: depth + 1, path: `${path}/${k}` });
  }
  return null;
}

interface Identified {
  id: string;
  findings: Array<{ profileId: string | null }>;
}

/**
 * The first reference in a schema-valid report that points nowhere, or null: profile ids are unique
 * (also once shown: two ids that differ only in invisible characters are one), each profile's findings
 * are its own, a company finding names a profile of the report or none, and so do the actions, the
 * strengths, the baseline's status and metric changes and added profiles, and the website's links (of a shard: its inventory's).
 */
export function reportReferenceProblem(report: {
  profiles: Identified[];
  findings: Array<{ profileId: string | null }>;
  actions?: Array<{ profileIds: string[] }>;
  strengths?: Array<{ profileId: string }>;
  baseline?: {
    statusChanges: Array<{ profileId: string }>;
    metricChanges?: Array<{ profileId: string }>;
    addedProfiles: string[];
  } | null;
  website?: { links: Array<{ profileId: string | null }> } | null;
  shard?: { inventory: string[] } | null;
}): string | null {
  const shown = displayText;
  const ids = new Map<string, number>();
  for (const [i, p] of report.profiles.entries()) {
    const key = shown(p.id);
    if (ids.has(key)) return `profiles/${i}/id: the same id as profiles/${ids.get(key)}`;
    ids.set(key, i);
  }
  const known = (id: string) => ids.has(shown(id));
  for (const [i, p] of report.profiles.entries())
    for (const [j, f] of p.findings.entries())
      if (f.profileId !== p.id) return `profiles/${i}/findings/${j}/profileId: not the id of its profile`;
  for (const [i, f] of report.findings.entries())
    if (f.profileId !== null && !known(f.profileId)) return `findings/${i}/profileId: no profile has this id`;
  for (const [i, a] of (report.actions ?? []).entries())
    for (const [j, id] of a.profileIds.entries())
      if (!known(id)) return `actions/${i}/profileIds/${j}: no profile has this id`;
  for (const [i, st] of (report.strengths ?? []).entries())
    if (!known(st.profileId)) return `strengths/${i}/profileId: no profile has this id`;
  for (const [i, c] of (report.baseline?.metricChanges ?? []).entries())
    if (!known(c.profileId)) return `baseline/metricChanges/${i}/profileId: no profile has this id`;
  for (const [i, c] of (report.baseline?.statusChanges ?? []).entries())
    if (!known(c.profileId)) return `baseline/statusChanges/${i}/profileId: no profile has this id`;
  for (const [i, id] of (report.baseline?.addedProfiles ?? []).entries())
    if (!known(id)) return `baseline/addedProfiles/${i}: no profile has this id`;
  // a shard's website was matched against the whole inventory: its links may name another shard's profiles
  const inventory = new Set((report.shard?.inventory ?? []).map(shown));
  for (const [i, l] of (report.website?.links ?? []).entries())
    if (l.profileId !== null && !known(l.profileId) && !inventory.has(shown(l.profileId)))
      return `website/links/${i}/profileId: no profile has this id`;
  return null;
}
