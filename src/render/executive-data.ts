/**
 * The executive page's figures (issue 36, item 3), computed once from the report for the HTML and
 * Markdown pages to lay out: a paragraph in plain words, the verdict counts, one row per platform and
 * the actions grouped by the profiles' owners. Pure: no escaping here, each format escapes its own.
 */
import {
  type ActionKind,
  PLATFORM_NAMES,
  type PlatformId,
  plural,
  type ProfileResult,
  type Report,
  type Severity,
  VERDICTS,
  type Verdict,
} from '../model/index.js';
import { profileLabel } from './format.js';
import { answeredRate, cannedShare, postsPerWeek } from '../model/profile-figures.js';

/** One platform's profiles at a glance; a figure is null where none of its profiles could show it. */
export interface PlatformRow {
  platform: PlatformId | null;
  /** "Mastodon", "web page", "unknown platform". */
  label: string;
  profiles: number;
  active: number;
  /** The median of the profiles' posts a week over 30 days, over those that have the figure. */
  medianPostsPerWeek: number | null;
  /** Answered replies over audience replies, pooled over the platform's profiles whose threads were read. */
  answeredRate: number | null;
  /** Canned replies over replies analysed, pooled. */
  cannedShare: number | null;
}

/** One of the ranked actions as it concerns one owner: only that owner's profiles named. */
export interface OwnerAction {
  rank: number;
  severity: Severity;
  /** The action in a few words ("Answer the people who reply"). */
  label: string;
  profiles: string[];
}

export interface OwnerGroup {
  /** The inventory's `owner`; null for the profiles no owner is given for. */
  owner: string | null;
  actions: OwnerAction[];
}

export interface ExecutiveData {
  paragraph: string;
  verdicts: Record<Verdict, number>;
  platforms: PlatformRow[];
  /** Empty where no profile has an owner (then the ranked actions say it all). */
  owners: OwnerGroup[];
}

/** Each action kind in a few words, for the lines per owner (the full action text names every profile). */
export const ACTION_LABELS: Record<ActionKind, string> = {
  'remove-dead': 'Remove dead profiles from your list and your website',
  close: 'Close or hand over',
  'answer-in-person': 'Answer in person, not with pasted templates',
  revive: 'Post again',
  'talk-with-people': 'Talk with people, not only announce',
  'answer-sooner': 'Answer sooner',
  'answer-audience': 'Answer the people who reply',
  'fix-website-links': "Fix the website's links",
  'fix-identity': 'Make names and bio links match the brand',
  'check-by-hand': 'Check by hand',
};

/** The verdicts in words for the paragraph and the counts: what the client does with each. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  keep: 'to keep as they are',
  fix: 'to fix',
  close: 'to close or hand over',
  check: 'to check by hand',
};

export function platformRows(profiles: readonly ProfileResult[]): PlatformRow[] {
  const groups = new Map<PlatformId | null, ProfileResult[]>();
  for (const p of profiles) groups.set(p.platform, [...(groups.get(p.platform) ?? []), p]);
  return [...groups.entries()]
    .map(([platform, list]) => ({
      platform,
      // a table cell starts a line: "Feed", "Web page", where prose writes "a feed", "a web page"
      label: capitalised(platform === null ? 'unknown platform' : PLATFORM_NAMES[platform]),
      profiles: list.length,
      active: list.filter((p) => p.status === 'active').length,
      medianPostsPerWeek: postsPerWeek(list).value,
      answeredRate: answeredRate(list).value,
      cannedShare: cannedShare(list).value,
    }))
    .sort((a, b) => b.profiles - a.profiles || a.label.localeCompare(b.label));
}

/**
 * The ranked actions per owner, each naming only that owner's profiles; owners in the order of their
 * most important action, the profiles without an owner last. Empty where no profile has an owner.
 */
export function ownerGroups(report: Pick<Report, 'profiles' | 'actions'>): OwnerGroup[] {
  if (!report.profiles.some((p) => p.owner)) return [];
  const byId = new Map(report.profiles.map((p) => [p.id, p]));
  const groups = new Map<string | null, OwnerAction[]>();
  for (const action of [...report.actions].sort((a, b) => a.rank - b.rank)) {
    const perOwner = new Map<string | null, string[]>();
    for (const id of action.profileIds) {
      const p = byId.get(id);
      if (!p) continue;
      const owner = p.owner || null;
      perOwner.set(owner, [...(perOwner.get(owner) ?? []), profileLabel(p)]);
    }
    for (const [owner, profiles] of perOwner)
      groups.set(owner, [
        ...(groups.get(owner) ?? []),
        { rank: action.rank, severity: action.severity, label: ACTION_LABELS[action.kind], profiles },
      ]);
  }
  return [...groups.entries()]
    .map(([owner, actions]) => ({ owner, actions }))
    .sort(
      (a, b) =>
        Number(a.owner === null) - Number(b.owner === null) ||
        a.actions[0]!.rank - b.actions[0]!.rank ||
        (a.owner ?? '').localeCompare(b.owner ?? ''),
    );
}

/** "29 profiles: 4 to keep as they are, 16 need work…" and what they do, in plain words. */
export function executiveParagraph(
  report: Pick<Report, 'company' | 'profiles' | 'actions' | 'settings'>,
  verdicts: Record<Verdict, number>,
): string {
  const total = report.profiles.length;
  if (total === 0) return `The audit of ${report.company} found no profiles to look at.`;
  const counts = VERDICTS.filter((v) => verdicts[v] > 0).map((v) => `${verdicts[v]} ${VERDICT_WORDS[v]}`);
  const active = report.profiles.filter((p) => p.status === 'active').length;
  const sentences = [
    `We looked at ${plural(total, 'profile')} of ${report.company}: ${joinWords(counts)}.`,
    `${active === total ? 'All of them' : active === 0 ? 'None of them' : `${active} of them`} posted in the last ${report.settings.staleAfterDays} days.`,
  ];
  const answered = answeredRate(report.profiles).value;
  if (answered !== null)
    sentences.push(
      `Of the people who replied under the posts we could read, ${Math.round(answered * 100)} in 100 got an answer.`,
    );
  const canned = cannedShare(report.profiles).value;
  if (canned !== null && canned > 0)
    sentences.push(`${Math.round(canned * 100)} in 100 of the brand's replies were pasted from a template.`);
  const first = [...report.actions].sort((a, b) => a.rank - b.rank)[0];
  sentences.push(
    first ? `The first thing to do: ${lowerFirst(ACTION_LABELS[first.kind])}.` : 'Nothing needs doing first.',
  );
  return sentences.join(' ');
}

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

function joinWords(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function executiveData(report: Pick<Report, 'company' | 'profiles' | 'actions' | 'settings'>): ExecutiveData {
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const p of report.profiles) verdicts[p.verdict] += 1;
  return {
    paragraph: executiveParagraph(report, verdicts),
    verdicts,
    platforms: platformRows(report.profiles),
    owners: ownerGroups(report),
  };
}

const capitalised = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
