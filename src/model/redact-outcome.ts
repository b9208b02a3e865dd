/**
 * Credentials taken out of a fetch outcome before it becomes a report: those a profile URL carries
 * (user:password@, ?access_token=) from its messages and URLs, and an API credential's value from every
 * string, wherever a server echoed it.
 */
import type { FetchOutcome } from './timeline.js';
import { redactSecrets, redactUrl } from './uri.js';

/** The outcome with every credential of the profile URL redacted from its messages and URLs. */
export function redactOutcome(outcome: FetchOutcome, secrets: readonly string[]): FetchOutcome {
  if (secrets.length === 0) return outcome;
  const clean = (text: string) => redactSecrets(redactUrl(text), secrets);
  const fetch = {
    ...outcome.fetch,
    error: outcome.fetch.error === null ? null : clean(outcome.fetch.error),
    finalUrl: outcome.fetch.finalUrl === null ? null : clean(outcome.fetch.finalUrl),
  };
  if (outcome.kind === 'ok')
    return { ...outcome, fetch, timeline: { ...outcome.timeline, sourceUrl: clean(outcome.timeline.sourceUrl) } };
  if (outcome.kind === 'blocked')
    return { ...outcome, fetch, reason: clean(outcome.reason), evidence: clean(outcome.evidence) };
  return { ...outcome, fetch, reason: clean(outcome.reason) };
}

/**
 * The outcome with a credential's value (as written and percent-encoded) replaced by `[secret]` in
 * every string it carries: an API that echoes the token it was sent (an error message, a post's text)
 * must not get it into the report.
 */
export function scrubOutcome(outcome: FetchOutcome, value: string): FetchOutcome {
  const forms = [...new Set([value, encodeURIComponent(value)])].filter((f) => f.length >= 4);
  if (!forms.some((f) => JSON.stringify(outcome).includes(f))) return outcome;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return forms.reduce((out, f) => out.split(f).join('[secret]'), v);
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
    return v;
  };
  return clean(outcome) as FetchOutcome;
}
