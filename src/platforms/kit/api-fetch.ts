/**
 * Which source reads a profile of a platform that has an owner's API (YouTube, Facebook, Instagram,
 * X): the API when the inventory names a credential for it and its variable is set (or the run
 * replays recorded evidence), else the public source, with a note in the report saying why the API
 * was not used. Either way the report says what the API cost.
 */
import type { CredentialChoice } from '../../auth/credentials.js';
import { FetchError } from '../../http/types.js';
import { carriesCredentials, type ApiUse, type FetchOutcome, type ProfileSpec } from '../../model/index.js';
import { ApiSession, BudgetSpentError, CredentialRefusedError } from './api-session.js';
import type { PlatformDefinition } from '../define.js';
import { fromError } from './outcomes.js';
import { TrackedHttp } from './tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';

type Api = NonNullable<PlatformDefinition['api']>;

export async function readWithApi(
  profile: ProfileSpec,
  ctx: AdapterContext,
  definition: PlatformDefinition,
  adapter: PlatformAdapter,
  choice: CredentialChoice,
): Promise<FetchOutcome> {
  const api = definition.api;
  if (!api || choice.kind === 'none') return adapter.fetch(profile, ctx);
  if (choice.kind === 'missing') {
    const why = `${choice.env} is not set, so the ${api.service} was not used: the public source was read instead`;
    return withApi(await adapter.fetch(profile, ctx), unused(api, choice.env, why));
  }
  const http = new TrackedHttp(ctx.http);
  const refuse = (why: string) =>
    withApi(
      http.fail('error', `${why}; the token was not sent`),
      unused(api, choice.env, `${why}; the token was not sent`),
    );
  if (choice.kind === 'invalid') return refuse(`${choice.env} cannot be used: ${choice.why}`);
  const refused = refusedOrigin(api, ctx, choice);
  if (refused !== null) return refuse(refused);
  const session = new ApiSession(http, {
    service: api.service,
    env: choice.env,
    secret: choice.secret,
    budget: choice.budget,
    base: ctx.endpoints[api.setting],
    origin: choice.origin ?? new URL(api.default).origin,
    header: api.header,
    prefix: api.prefix,
    unit: api.unit,
  });
  let outcome: FetchOutcome;
  try {
    outcome = await (await api.reader())(profile, ctx, session);
  } catch (error) {
    // replaying a run that read the public source (its variable was not set then): read that again
    if (replayedWithoutApi(error, session)) {
      const why = `the recording holds no ${api.service} answers for this profile: its recorded public source was read`;
      return withApi(await adapter.fetch(profile, ctx), unused(api, choice.env, why));
    }
    // a refused (expired, revoked) credential is the owner's to renew: the report says so as a finding
    // (credential-refused), and the profile is measured from its public source as if the variable were unset
    if (error instanceof CredentialRefusedError) {
      const why = `the ${api.service} refused ${choice.env} (${error.reason}): the public source was read instead`;
      return withApi(await adapter.fetch(profile, ctx), {
        ...session.use(),
        used: false,
        notes: [...session.use().notes, why],
        refused: { reason: error.reason, renew: api.credential },
      });
    }
    if (error instanceof BudgetSpentError && !session.called) {
      const why = `${error.message} before this profile: the public source was read instead`;
      return withApi(await adapter.fetch(profile, ctx), {
        ...unused(api, choice.env, why),
        budget: choice.budget.limit,
      });
    }
    outcome =
      error instanceof FetchError && error.code === 'rate-limited'
        ? http.blocked(
            `rate limited by the ${api.service} (${error.message}): could not tell`,
            `rate-limited: ${error.message}`,
          )
        : error instanceof BudgetSpentError
          ? http.fail('error', `${error.message} before the profile's first page was read`)
          : fromError(error, http, profile);
  }
  // a read the budget or the API's limit stopped before the source ended: the spans it did not reach are
  // lower bounds, and say why (issue 31, item 3)
  if (outcome.kind === 'ok' && session.stopped && outcome.timeline.reachedEnd !== true)
    outcome = { ...outcome, timeline: { ...outcome.timeline, readStopped: session.stopped } };
  // the run scrubs every outcome of every value it knows, this one's included (audit.ts)
  return withApi(outcome, session.use());
}

/**
 * Why the credential cannot go to the endpoint the profile is read from, or null: a credential goes
 * only to its API's documented origin or the one its `auth:` names (config/credential-origins.ts says
 * so at the inventory's line; this is the same rule where the request is made, for inventories built
 * in code), and never over plain http.
 */
function refusedOrigin(
  api: Api,
  ctx: AdapterContext,
  choice: Extract<CredentialChoice, { kind: 'ready' }>,
): string | null {
  const endpoint = new URL(ctx.endpoints[api.setting]);
  const allowed = choice.origin ?? new URL(api.default).origin;
  if (endpoint.origin !== allowed)
    return `${choice.env} is sent only to ${allowed}${choice.origin ? ' (its auth origin)' : `, the ${api.service}'s documented origin`}, and the ${api.service} would be read from ${endpoint.origin} (endpoints.${api.setting}); name that origin with auth: {env: ${choice.env}, origin: …} if the token may go there`;
  if (!carriesCredentials(endpoint))
    return `${choice.env} is not sent over plain http (${endpoint.origin}), where anyone on the way can read it; expected https`;
  return null;
}

/** Replay (the only source of `not-recorded`) found no answer to the API's first call. */
const replayedWithoutApi = (error: unknown, session: ApiSession) =>
  error instanceof FetchError && error.code === 'not-recorded' && session.use().calls === 1;

function unused(api: Api, env: string, why: string): ApiUse {
  return {
    service: api.service,
    credential: env,
    used: false,
    calls: 0,
    units: 0,
    unit: api.unit,
    budget: null,
    notes: [why],
  };
}

const withApi = (outcome: FetchOutcome, use: ApiUse): FetchOutcome => ({
  ...outcome,
  fetch: { ...outcome.fetch, api: use },
});
