/**
 * The executive summary's content: what drives the company's score, in one sentence, and the three to
 * five most important actions, ranked, each naming the profiles it concerns. Pure: the same profile
 * results give the same words.
 */
import {
  percent,
  plural,
  profileName,
  SEVERITY_RANK,
  type Action,
  type ActionKind,
  type Finding,
  type ProfileResult,
  type Severity,
} from '../model/index.js';
import { ACTION_GROUPS } from './findings/index.js';

/** At most this many actions; the rest are in the findings. */
export const MAX_ACTIONS = 5;

const label = profileName;

/** "A, B and 2 more" for an action's sentence; every id is in `profileIds`. */
const names = (profiles: readonly ProfileResult[]): string => listed(profiles.map(label));

/** "a, b and c"; past four, "a, b, c, d and 2 more". */
function listed(items: readonly string[]): string {
  if (items.length > 4) return `${items.slice(0, 4).join(', ')} and ${items.length - 4} more`;
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function closingKind(profiles: readonly ProfileResult[]): string {
  const abandoned = profiles.some((p) => p.status === 'abandoned');
  const empty = profiles.some((p) => p.status === 'empty');
  return abandoned && empty ? 'abandoned or empty profile' : empty ? 'empty profile' : 'abandoned profile';
}

const worst = (findings: readonly Finding[], codes: ReadonlySet<string>): Severity | null =>
  findings
    .filter((f) => codes.has(f.code))
    .reduce<Severity | null>(
      (w, f) => (w === null || SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w),
      null,
    );

/** The most severe of these findings across the profiles (`info` when there is none). */
const worstAcross = (profiles: readonly ProfileResult[], codes: ReadonlySet<string>): Severity =>
  worst(
    profiles.flatMap((p) => p.findings),
    codes,
  ) ?? 'info';

interface Candidate {
  kind: ActionKind;
  severity: Severity;
  profiles: ProfileResult[];
  text: string;
}

// the findings each action gathers, from their definitions: a new finding says where it goes
const { 'answer-in-person': CANNED, 'talk-with-people': BROADCAST, 'answer-sooner': SLOW } = ACTION_GROUPS;
const { 'answer-audience': AUDIENCE, 'fix-website-links': SITE, 'fix-identity': IDENTITY } = ACTION_GROUPS;

/** Every action the results call for, before ranking. */
function candidates(profiles: readonly ProfileResult[], company: readonly Finding[]): Candidate[] {
  const out: Candidate[] = [];
  const where = (test: (p: ProfileResult) => boolean) => profiles.filter(test);

  const gone = where((p) => p.status === 'unreachable');
  if (gone.length > 0)
    out.push({
      kind: 'remove-dead',
      severity: 'critical',
      profiles: gone,
      text: `Take ${plural(gone.length, 'dead profile')} off your list of profiles and off the website: ${names(gone)}`,
    });
  const closing = where((p) => p.verdict === 'close' && p.status !== 'unreachable');
  if (closing.length > 0)
    out.push({
      kind: 'close',
      severity: closing.some((p) => p.status === 'abandoned') ? 'critical' : 'warning',
      profiles: closing,
      text: `Close or hand over ${plural(closing.length, closingKind(closing))}: ${names(closing)}`,
    });
  const canned = where((p) => p.status !== 'abandoned' && worst(p.findings, CANNED) !== null).sort(
    (a, b) => (b.metrics?.cannedRatio ?? 0) - (a.metrics?.cannedRatio ?? 0),
  );
  if (canned.length > 0) {
    const each = canned.map(
      (p, i) => `${label(p)} (${percent(p.metrics?.cannedRatio ?? 0)}${i === 0 ? ' of replies canned' : ''})`,
    );
    out.push({
      kind: 'answer-in-person',
      severity: worstAcross(canned, CANNED),
      profiles: canned,
      text:
        canned.length === 1
          ? `Answer people in person on ${label(canned[0]!)}: ${percent(canned[0]!.metrics?.cannedRatio ?? 0)} of its replies are canned`
          : `Answer people in person, not with pasted templates, on ${listed(each)}`,
    });
  }
  const stale = where((p) => p.status === 'stale' && p.verdict === 'fix');
  if (stale.length > 0)
    out.push({
      kind: 'revive',
      severity: 'warning',
      profiles: stale,
      text: `Post again on ${plural(stale.length, 'stale profile')}, or close the ones without a job: ${names(stale)}`,
    });
  const broadcast = where((p) => p.verdict === 'fix' && worst(p.findings, BROADCAST) !== null);
  if (broadcast.length > 0)
    out.push({
      kind: 'talk-with-people',
      severity: worstAcross(broadcast, BROADCAST),
      profiles: broadcast,
      text: `Talk with people, not at them — reply, and post more than offers: ${names(broadcast)}`,
    });
  const ignoring = where((p) => worst(p.findings, AUDIENCE) !== null).sort(
    (a, b) => (a.metrics?.answeredRate ?? 0) - (b.metrics?.answeredRate ?? 0),
  );
  if (ignoring.length > 0) {
    const each = ignoring.map(
      (p, i) => `${label(p)} (${percent(p.metrics?.answeredRate ?? 0)}${i === 0 ? ' answered' : ''})`,
    );
    out.push({
      kind: 'answer-audience',
      severity: worstAcross(ignoring, AUDIENCE),
      profiles: ignoring,
      text: `Answer the people who reply under your posts, starting with the oldest questions, on ${listed(each)}`,
    });
  }
  const slow = where((p) => worst(p.findings, SLOW) !== null);
  if (slow.length > 0)
    out.push({
      kind: 'answer-sooner',
      severity: worstAcross(slow, SLOW),
      profiles: slow,
      text: `Answer sooner: ${names(slow)} take longer than your target`,
    });
  const site = where((p) => worst(p.findings, SITE) !== null && p.status !== 'unreachable');
  const undeclared = company.find((f) => f.code === 'site-links-to-undeclared-profile');
  if (site.length > 0 || undeclared) {
    const parts = [
      site.length > 0 ? `${names(site)}` : null,
      undeclared
        ? `${plural(Number(undeclared.evidence.count ?? 0), 'linked profile')} missing from your list of profiles`
        : null,
    ].filter(Boolean);
    out.push({
      kind: 'fix-website-links',
      severity: worstAcross(site, SITE),
      profiles: site,
      text: `Fix the website's links to profiles (dead or abandoned ones linked, working ones missing): ${parts.join('; ')}`,
    });
  }
  const identity = where((p) => worst(p.findings, IDENTITY) !== null);
  if (identity.length > 0)
    out.push({
      kind: 'fix-identity',
      severity: worstAcross(identity, IDENTITY),
      profiles: identity,
      text: `Make every profile recognisably the company's — its name, and its website in the bio: ${names(identity)}`,
    });
  const check = where((p) => p.verdict === 'check');
  if (check.length > 0)
    out.push({
      kind: 'check-by-hand',
      severity: 'info',
      profiles: check,
      text: `Check ${plural(check.length, 'profile')} by hand (login walls, errors, thin evidence): ${names(check)}`,
    });
  return out;
}

/** The most important actions first: by severity, then by how many profiles they concern; at most five. */
export function companyActions(profiles: readonly ProfileResult[], company: readonly Finding[]): Action[] {
  return candidates(profiles, company)
    .map((c, order) => ({ c, order }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.c.severity] - SEVERITY_RANK[a.c.severity] ||
        b.c.profiles.length - a.c.profiles.length ||
        a.order - b.order,
    )
    .slice(0, MAX_ACTIONS)
    .map(({ c }, i) => ({
      rank: i + 1,
      kind: c.kind,
      severity: c.severity,
      text: c.text,
      profileIds: c.profiles.map((p) => p.id),
    }));
}

/** One sentence on what drives the company's score. */
export function scoreDriver(profiles: readonly ProfileResult[], score: number | null): string | null {
  if (score === null) return null;
  const scored = profiles.filter((p) => p.scores.overall !== null);
  const zero = scored.filter((p) => p.status === 'abandoned' || p.status === 'empty' || p.status === 'unreachable');
  const rest = scored.filter((p) => !zero.includes(p));
  const mean = rest.length === 0 ? null : Math.round(rest.reduce((s, p) => s + p.scores.overall!, 0) / rest.length);
  const unscored = profiles.length - scored.length;
  const parts = [
    zero.length > 0
      ? `${zero.length} of ${plural(scored.length, 'scored profile')} ${zero.length === 1 ? 'is' : 'are'} abandoned, empty or gone and score 0`
      : null,
    mean === null ? null : `the other ${rest.length === 1 ? 'one scores' : `${rest.length} average`} ${mean}`,
    unscored > 0 ? `${plural(unscored, 'profile')} could not be scored` : null,
  ].filter((p): p is string => p !== null);
  const sentence = parts.join('; ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}
