/**
 * Credentials taken out of a fetch outcome before it becomes a report: those a profile URL carries
 * (user:password@, ?access_token=) from its messages and URLs, and an API credential's value from every
 * string, wherever a server echoed it.
 */
import type { FetchOutcome } from './timeline.js';
import { SecretScrubber } from './secret-forms.js';
import { redactSecrets, redactUrl, redactUrlsInText } from './uri.js';

/**
 * The outcome with every credential of the profile URL redacted from its messages and URLs, and the
 * credentials of every URL a server handed over (a redirect to user:pass@…, a signed `?sig=` link)
 * from the final URL and every message that quotes one.
 */
export function redactOutcome(outcome: FetchOutcome, secrets: readonly string[]): FetchOutcome {
  const clean = (text: string) => redactSecrets(redactUrlsInText(redactUrl(text)), secrets);
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
 * The outcome with a credential's value, in every form (secret-forms.ts), replaced by `[secret]` in
 * every string it carries: an API that echoes the token it was sent (an error message, a post's text)
 * must not get it into the report.
 */
export function scrubOutcome(outcome: FetchOutcome, value: string): FetchOutcome {
  return new SecretScrubber([value]).deep(outcome);
}
