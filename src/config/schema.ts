/** The inventory's shape, as zod schemas: unknown keys are errors, every field says what it expects. */
import { z } from 'zod';
import { ENV_NAME } from '../auth/token-shapes.js';
import {
  API_PLATFORMS,
  ASSERTIONS,
  DATE_FORMATS,
  PLATFORMS,
  POST_COLUMNS,
  carriesCredentials,
  tryDecodeURIComponent,
  type ApiPlatform,
  type AssertionName,
  type Endpoints,
} from '../model/index.js';
import { ENDPOINT_DEFAULTS } from './defaults.js';

const httpUrl = z
  .string({ error: 'expected a URL string' })
  .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), {
    message: 'expected an http(s) URL such as https://mastodon.social/@name',
  })
  .refine((s) => !URL.canParse(s) || tryDecodeURIComponent(new URL(s).pathname) !== null, {
    message:
      'expected a URL whose %-escapes are whole UTF-8 characters (such as %20 or %C3%A9); this one has a malformed escape',
  });

const positiveInt = (what: string) =>
  z
    .number({ error: `expected a number (${what})` })
    .int({ error: `expected a whole number (${what})` })
    .positive({ error: `expected a number above 0 (${what})` });

const ratio = (what: string) =>
  z
    .number({ error: `expected a number between 0 and 1 (${what})` })
    .min(0, { error: `expected a number between 0 and 1 (${what})` })
    .max(1, { error: `expected a number between 0 and 1 (${what})` });

const weight = z
  .number({ error: 'expected a weight: a number of 0 or more' })
  .min(0, { error: 'expected a weight: a number of 0 or more' });

/** One optional URL per endpoint setting a platform declares. */
export const EndpointsSchema = z.strictObject(
  Object.fromEntries(Object.keys(ENDPOINT_DEFAULTS).map((name) => [name, httpUrl.optional()])) as Record<
    keyof Endpoints,
    z.ZodOptional<typeof httpUrl>
  >,
);

const exportPath = (what: string) =>
  z
    .string({ error: `expected a file path (${what}), relative to the inventory file` })
    .min(1, { error: `expected a file path (${what})` });

const text = (what: string) =>
  z.string({ error: `expected text (${what})` }).min(1, { error: `expected non-empty text (${what})` });

/** A credential by reference: the environment variable that holds it, never the value. */
export const AuthSchema = z.strictObject(
  {
    env: z
      .string({ error: 'expected the name of an environment variable that holds the token, e.g. META_PAGE_TOKEN' })
      .regex(ENV_NAME, {
        error:
          'expected the name of an environment variable (letters, digits and _), e.g. META_PAGE_TOKEN: the token itself is never written in the inventory',
      }),
    budget: positiveInt('API calls, or quota units for YouTube, per run').optional(),
    origin: z
      .string({ error: 'expected the origin the token is sent to, such as https://api.example.com' })
      .refine((s) => /^https?:\/\/[^\s/]+\/?$/i.test(s) && URL.canParse(s), {
        message:
          'expected an origin such as https://api.example.com (scheme, host and port, no path): the one place the token is sent',
      })
      .refine((s) => !URL.canParse(s) || carriesCredentials(new URL(s)), {
        message:
          'expected https: a token is never sent over plain http, where anyone on the way can read it (http only to this machine: localhost, 127.0.0.1, [::1])',
      })
      .optional(),
  },
  { error: 'expected {env: VARIABLE}: the name of the environment variable that holds the token, never the token' },
);

export const SettingsSchema = z.strictObject({
  staleAfterDays: positiveInt('days').optional(),
  abandonedAfterDays: positiveInt('days').optional(),
  cannedMinClusterSize: z
    .number({ error: 'expected a whole number of 2 or more' })
    .int({ error: 'expected a whole number of 2 or more' })
    .min(2, { error: 'expected a whole number of 2 or more' })
    .optional(),
  cannedSimilarity: ratio("a template's mean Jaccard similarity").optional(),
  windowDays: positiveInt('days').optional(),
  minSamplePosts: positiveInt('posts').optional(),
  maxPosts: positiveInt('posts').optional(),
  weights: z
    .strictObject({ freshness: weight.optional(), conversation: weight.optional(), authenticity: weight.optional() })
    .optional(),
  endpoints: EndpointsSchema.optional(),
  timeoutMs: positiveInt('milliseconds').optional(),
  profileTimeoutMs: positiveInt('milliseconds').optional(),
  listenBudget: z
    .number({ error: 'expected a whole number of threads: 0 (off) or more' })
    .int({ error: 'expected a whole number of threads: 0 (off) or more' })
    .min(0, { error: 'expected a whole number of threads: 0 (off) or more' })
    .optional(),
  concurrency: positiveInt('requests at a time').optional(),
  hostConcurrency: positiveInt('requests at a time to one host').optional(),
  hostIntervalMs: z
    .number({ error: 'expected milliseconds: a number of 0 or more' })
    .min(0, { error: 'expected milliseconds: a number of 0 or more' })
    .optional(),
  hostIntervalMarginMs: z
    .number({ error: 'expected milliseconds: a number of 0 or more, or null for the default' })
    .min(0, { error: 'expected milliseconds: a number of 0 or more, or null for the default' })
    .nullable()
    .optional(),
  hosts: z
    .record(
      z.string(),
      z.strictObject({
        concurrency: positiveInt('requests at a time to this host').optional(),
        intervalMs: z
          .number({ error: 'expected milliseconds: a number of 0 or more' })
          .min(0, { error: 'expected milliseconds: a number of 0 or more' })
          .optional(),
      }),
      { error: 'expected host names, each with { concurrency, intervalMs }' },
    )
    .optional(),
  maxRetryAfterSeconds: z
    .number({ error: 'expected seconds: a number of 0 or more' })
    .min(0, { error: 'expected seconds: a number of 0 or more' })
    .optional(),
  userAgent: text('a User-Agent header').nullable().optional(),
  allowPrivateRedirects: z.boolean({ error: 'expected true or false' }).optional(),
  exportTimeZone: z
    .string({ error: 'expected UTC or an offset such as "+02:00"' })
    .regex(/^(?:UTC|[+-]\d{2}:\d{2})$/, { error: 'expected UTC or an offset such as "+02:00"' })
    .optional(),
  auth: z
    .strictObject(
      Object.fromEntries(API_PLATFORMS.map((p) => [p, AuthSchema.optional()])) as Record<
        ApiPlatform,
        z.ZodOptional<typeof AuthSchema>
      >,
      { error: `expected a credential per platform: ${API_PLATFORMS.join(', ')}, each {env: VARIABLE}` },
    )
    .optional(),
});

/** Ratios are asserted as 0..1, the rest as numbers of 0 or more. */
const RATIO_ASSERTIONS: ReadonlySet<AssertionName> = new Set([
  'minConversationRatio',
  'maxPromoRatio',
  'maxCannedRatio',
  'minAnsweredRate',
]);
const LEVEL_HELP = 'expected off, or [warn, LIMIT] or [error, LIMIT], e.g. [error, 60]';

const assertion = (name: AssertionName) => {
  const limit = RATIO_ASSERTIONS.has(name)
    ? ratio('the limit of a ratio')
    : z.number({ error: 'expected a number as the limit' }).min(0, { error: 'expected a limit of 0 or more' });
  return z.union([z.literal('off'), z.tuple([z.literal('off')]), z.tuple([z.enum(['warn', 'error']), limit])], {
    error: LEVEL_HELP,
  });
};

export const AssertSchema = z.strictObject(
  Object.fromEntries(ASSERTIONS.map((name) => [name, assertion(name).optional()])) as Record<
    AssertionName,
    z.ZodOptional<ReturnType<typeof assertion>>
  >,
);

const columnName = z.string({ error: "expected a column of the file, by its header's name" }).min(1);

/** Each of our columns from one of the file's, or a yes/no made from one: `{present: COL}` or `{column: COL, equals: VALUE}`. */
const columnRule = z.union(
  [
    columnName,
    z.strictObject({ present: columnName }),
    z.strictObject({
      column: columnName,
      equals: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]),
    }),
  ],
  { error: 'expected a column name, {present: COLUMN} or {column: COLUMN, equals: VALUE}' },
);

/** A posts file in someone else's columns. */
export const PostsMappingSchema = z.strictObject({
  file: exportPath('a posts CSV or JSON file'),
  columns: z
    .strictObject(
      Object.fromEntries(POST_COLUMNS.map((c) => [c, columnRule.optional()])) as Record<
        (typeof POST_COLUMNS)[number],
        z.ZodOptional<typeof columnRule>
      >,
    )
    .refine((c) => c.date !== undefined, {
      error: 'expected at least "date": the column that says when each post was made',
    }),
  where: z
    .record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]),
      { error: 'expected COLUMN: VALUE (or a list of values) for the rows to keep' },
    )
    .optional(),
  dateFormat: z.enum(DATE_FORMATS, { error: `expected one of: ${DATE_FORMATS.join(', ')}` }).optional(),
  timeZone: z
    .string({ error: 'expected an offset such as "+02:00" or "Z"' })
    .regex(/^(?:Z|UTC|[+-]\d{2}:\d{2})$/, { error: 'expected an offset such as "+02:00" or "Z"' })
    .optional(),
});

export const ProfileSchema = z.strictObject({
  url: httpUrl,
  id: z
    .string({ error: 'expected an id of letters, digits, dots, dashes or underscores' })
    .regex(/^[A-Za-z0-9._-]+$/, { error: 'expected an id of letters, digits, dots, dashes or underscores' })
    .optional(),
  platform: z.enum(PLATFORMS, { error: `expected one of: ${PLATFORMS.join(', ')}` }).optional(),
  name: text('a display name').optional(),
  owner: text('who owns the profile').optional(),
  tags: z.array(text('a tag'), { error: 'expected a list of tags, e.g. [support, emea]' }).optional(),
  endpoints: EndpointsSchema.optional(),
  archive: exportPath('the X/Twitter archive: data/tweets.js or the .zip').optional(),
  posts: z
    .union([exportPath('a posts CSV or JSON file'), PostsMappingSchema], {
      error: 'expected a file path (a posts CSV or JSON), or {file, columns, where, dateFormat, timeZone}',
    })
    .optional(),
  assert: AssertSchema.optional(),
  auth: AuthSchema.optional(),
});

/** Assertions for the profiles with any of these tags and/or on these platforms. */
export const AssertForSchema = z
  .strictObject({
    tags: z.array(text('a tag'), { error: 'expected a list of tags, e.g. [support]' }).optional(),
    platform: z
      .union([z.enum(PLATFORMS), z.array(z.enum(PLATFORMS))], {
        error: `expected a platform or a list of them: ${PLATFORMS.join(', ')}`,
      })
      .optional(),
    assert: AssertSchema,
  })
  .refine((entry) => entry.tags !== undefined || entry.platform !== undefined, {
    error: 'expected "tags" or "platform" to say which profiles the assertions are for',
  });

/** The consultant's branding of the report. */
export const ReportSectionSchema = z.strictObject({
  preparedBy: text('who prepared the report, e.g. your firm').optional(),
  logo: exportPath('a PNG, JPEG, GIF or WebP logo').optional(),
  accentColor: z
    .string({ error: 'expected a colour such as "#0b5394"' })
    .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, { error: 'expected a colour such as "#0b5394" (#rgb or #rrggbb)' })
    .optional(),
  intro: text('an introductory paragraph')
    .max(4000, { error: 'expected an intro of at most 4,000 characters' })
    .optional(),
});

export const InventorySchema = z.strictObject({
  company: text('the company name'),
  report: ReportSectionSchema.optional(),
  website: httpUrl.optional(),
  settings: SettingsSchema.optional(),
  assert: AssertSchema.optional(),
  assertFor: z.array(AssertForSchema, { error: 'expected a list of { tags or platform, assert }' }).optional(),
  profiles: z.array(ProfileSchema, { error: 'expected a list of profiles, each with a url' }),
});

export type RawInventory = z.infer<typeof InventorySchema>;
