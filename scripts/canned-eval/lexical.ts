/**
 * Lexical normalisation and units (issue 34 item 1, sixth session; docs/canned-eval.md, "Lexical
 * normalisation and units"). The labels group replies that make one ask in slightly different words
 * ("Please DM the tracking number…" / "Pls DM the tracking numbers…"), which word pairs of the product's
 * `normaliseReply` text miss. Tried, on top of `normaliseReply`:
 *  a) normalisation: chat abbreviations and spelling variants (`ABBREVIATIONS`), a light suffix stemmer
 *     (`stem`: plurals, -ing, -ed, a final e), a small stop-word list (the product's `STOP_WORDS`, stragglers.ts);
 *  b) the unit: word pairs (the product's), single words, both, word pairs and pairs one word apart
 *     (skip-grams), pairs one apart only;
 *  c) each with the product's single link and skeleton linkage over a threshold grid.
 * Word pairs and "both" go through the product's `clusterTexts` itself (both: every word written twice, so
 * the text's word pairs are its words — "a a" — and its word pairs — "a b"); single words and skip-grams
 * through the harness's equivalents (clustering.ts single link, skeleton.ts with the product's share 0.6,
 * containment 0.6, best skeleton), since `clusterTexts` shingles word pairs only.
 */
import { clusterTexts } from '../../src/analysis/cluster.js';
import { STOP_WORDS } from '../../src/analysis/stragglers.js';
import { normaliseReply } from '../../src/analysis/normalise.js';
import { hash32, jaccardSorted, shingles } from '../../src/analysis/shingles.js';
import { clusterMatrix } from './clustering.js';
import type { Method } from './measure.js';
import { type Matrix, matrixOf } from './similarity.js';
import { skeletonClusters } from './skeleton.js';

export interface LexicalParams {
  /** Chat abbreviations and spelling variants to one form. */
  abbrev: boolean;
  /** The light suffix stemmer. */
  stem: boolean;
  /** Drop the stop words. */
  stop: boolean;
  unit: 'pairs' | 'words' | 'both' | 'skip' | 'apart';
  linkage: 'single' | 'skeleton' | 'average';
}

/** Phrases first (after normaliseReply: lower case, "e-mail" is "e mail"), then single words. */
const PHRASES: Array<[RegExp, string]> = [
  [/\b(?:direct|private) (?:message|msg)\b/g, 'dm'],
  [/\be mail\b/g, 'email'],
  // "pm" alone is mostly a time ("5 pm": the digits are gone)
  [/\bpm (us|me)\b/g, 'dm $1'],
  [/\bthank you\b/g, 'thanks'],
];
const ABBREVIATIONS = new Map(
  Object.entries({
    pls: 'please',
    plz: 'please',
    plse: 'please',
    u: 'you',
    ur: 'your',
    r: 'are',
    thx: 'thanks',
    thnx: 'thanks',
    thanx: 'thanks',
    msg: 'message',
    msgs: 'messages',
    info: 'information',
    acct: 'account',
    pw: 'password',
    cancelled: 'canceled',
    cancelling: 'canceling',
    favourite: 'favorite',
    colour: 'color',
    apologise: 'apologize',
    apologies: 'apology',
  }),
);
/** A light English suffix stemmer: one form for plurals, -ing and -ed, and a final e. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  // shipped → shipp → ship; stopping → stopp → stop (not ll, ss, zz: call, pass)
  if (s !== w && /([b-df-hj-km-np-rtv-z])\1$/.test(s) && !/(?:ll|ss|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

/** A reply's words after normaliseReply and the chosen lexical steps. */
export function lexicalWords(text: string, p: Pick<LexicalParams, 'abbrev' | 'stem' | 'stop'>): string[] {
  let t = normaliseReply(text).text;
  if (p.abbrev) for (const [re, to] of PHRASES) t = t.replace(re, to);
  let words = t.split(' ').filter(Boolean);
  if (p.abbrev) words = words.map((w) => ABBREVIATIONS.get(w) ?? w);
  if (p.stop) words = words.filter((w) => !STOP_WORDS.has(w));
  if (p.stem) words = words.map(stem);
  return words;
}

/** The text handed to clusterTexts: its word pairs are the unit (pairs; both: every word twice). */
export function lexicalText(words: readonly string[], unit: LexicalParams['unit']): string {
  return unit === 'both' ? words.flatMap((w) => [w, w]).join(' ') : words.join(' ');
}

/** The unit set of a reply's words, hashed, sorted, distinct (for pairs and both: the product's shingles). */
export function unitSet(words: readonly string[], unit: LexicalParams['unit']): Uint32Array {
  if (unit === 'pairs' || unit === 'both') return shingles(lexicalText(words, unit));
  const out: number[] = [];
  if (unit === 'words' || words.length < 2) for (const w of words) out.push(hash32(`w ${w}`));
  if (unit === 'skip') for (let i = 0; i + 1 < words.length; i++) out.push(hash32(`p ${words[i]} ${words[i + 1]}`));
  if (unit === 'skip' || unit === 'apart')
    for (let i = 0; i + 2 < words.length; i++) out.push(hash32(`s ${words[i]} ${words[i + 2]}`));
  if (unit === 'apart' && words.length === 2) out.push(hash32(`p ${words[0]} ${words[1]}`));
  const sorted = Uint32Array.from(out).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  return sorted.subarray(0, m);
}

export const describe = (p: LexicalParams) => {
  const steps = [p.abbrev ? 'abbreviations' : '', p.stem ? 'stems' : '', p.stop ? 'stop words out' : ''].filter(
    Boolean,
  );
  const unit = {
    pairs: 'word pairs',
    words: 'single words',
    both: 'words + word pairs',
    skip: 'word pairs + pairs one apart',
    apart: 'pairs one apart',
  }[p.unit];
  const linkage = { single: 'single link', skeleton: 'skeleton linkage', average: 'average link' }[p.linkage];
  return `${unit}, ${steps.length ? steps.join(' + ') : 'no lexical step'}, ${linkage}`;
};

const textKey = (p: LexicalParams) => `${+p.abbrev}${+p.stem}${+p.stop}`;

/** One variant at one threshold; matrices and unit sets shared by every threshold and linkage. */
export function lexicalMethods(grid: ReadonlyArray<LexicalParams>, thresholds: (p: LexicalParams) => number[]) {
  const words = new Map<string, string[][]>();
  const sets = new Map<string, Uint32Array[]>();
  const matrices = new Map<string, Matrix>();
  const byMatrix = new Map<Matrix, string>();
  const wordsOf = (brand: string, texts: readonly string[], p: LexicalParams) => {
    const k = `${textKey(p)}|${brand}`;
    const w = words.get(k) ?? texts.map((t) => lexicalWords(t, p));
    words.set(k, w);
    return w;
  };
  const setsOf = (brand: string, texts: readonly string[], p: LexicalParams) => {
    const k = `${textKey(p)}|${p.unit}|${brand}`;
    const s = sets.get(k) ?? wordsOf(brand, texts, p).map((w) => unitSet(w, p.unit));
    sets.set(k, s);
    return s;
  };
  return grid.flatMap((p) =>
    thresholds(p).map((t): Method & { lexical: LexicalParams } => ({
      lexical: p,
      name: describe(p),
      params: `t = ${t}`,
      threshold: t,
      matrix: (brand, texts) => {
        const k = `${textKey(p)}|${p.unit}|${brand}`;
        let m = matrices.get(k);
        if (!m) {
          const s = setsOf(brand, texts, p);
          m = matrixOf(texts.length, (i, j) => jaccardSorted(s[i]!, s[j]!));
          matrices.set(k, m);
          byMatrix.set(m, brand);
        }
        return m;
      },
      cluster: (m, texts) => {
        const brand = byMatrix.get(m)!;
        if (p.unit === 'pairs' || p.unit === 'both')
          return clusterTexts(
            wordsOf(brand, texts, p).map((w) => lexicalText(w, p.unit)),
            { similarity: t, method: 'exact', linkage: p.linkage, followers: false },
          );
        if (p.linkage !== 'skeleton') return clusterMatrix(m, t, p.linkage);
        const s = setsOf(brand, texts, p);
        return skeletonClusters(
          m,
          { sets: s, weight: () => 1, totals: s.map((x) => x.length) },
          { gamma: 0, floor: 0, core: t, share: 0.6, contain: 0.6, minSkeleton: 2, best: true },
        );
      },
    })),
  );
}

const steps = (from: number, to: number, by: number) =>
  Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => Math.round((from + i * by) * 100) / 100);
const UNITS: Array<LexicalParams['unit']> = ['pairs', 'words', 'both', 'skip', 'apart'];
/** CANNED_EVAL_LINKAGES=average (comma-separated) measures those linkages only; average was added in the thirteenth session. */
const LINKAGES = (process.env.CANNED_EVAL_LINKAGES ?? 'single,skeleton,average').split(',') as Array<
  LexicalParams['linkage']
>;
export const LEXICAL_GRID: LexicalParams[] = [false, true].flatMap((abbrev) =>
  [false, true].flatMap((stem) =>
    [false, true].flatMap((stop) =>
      UNITS.flatMap((unit) => LINKAGES.map((linkage) => ({ abbrev, stem, stop, unit, linkage }))),
    ),
  ),
);
/**
 * Single link over the earlier rounds' grid (0.15–0.6), the skeleton linkage's core over 0.2–0.45, average
 * link over the product's grid (0.15–0.4 by 0.025).
 */
export const lexicalThresholds = (p: LexicalParams) =>
  p.linkage === 'single'
    ? steps(0.15, 0.6, 0.05)
    : p.linkage === 'skeleton'
      ? steps(0.2, 0.45, 0.05)
      : steps(0.15, 0.4, 0.025);

type LexicalMethod = Method & { lexical: LexicalParams };
/**
 * The rows of the lexical mode: per linkage, the tune half's best of (0) word pairs with no lexical step
 * (the earlier rounds' rule, re-tuned), each step alone on word pairs, (a) every step combination on word
 * pairs, (b) every unit with no step, and (a + b) the whole grid — the family's choice, whose held-out
 * half is measured once.
 */
export function lexicalRows(tune: (candidates: readonly Method[]) => Method): { rows: Method[]; held: Method[] } {
  const all = lexicalMethods(LEXICAL_GRID, lexicalThresholds);
  const rows: Method[] = [];
  const held: Method[] = [];
  const none = (p: LexicalParams) => !p.abbrev && !p.stem && !p.stop;
  const pick = (label: string, linkage: LexicalParams['linkage'], keep: (p: LexicalParams) => boolean) => {
    const m = tune(all.filter((x) => x.lexical.linkage === linkage && keep(x.lexical))) as LexicalMethod;
    const row = { ...m, name: `${label}: ${m.name}` };
    rows.push(row);
    return row;
  };
  for (const l of LINKAGES) {
    pick('0', l, (p) => p.unit === 'pairs' && none(p));
    pick('a1', l, (p) => p.unit === 'pairs' && p.abbrev && !p.stem && !p.stop);
    pick('a2', l, (p) => p.unit === 'pairs' && !p.abbrev && p.stem && !p.stop);
    pick('a3', l, (p) => p.unit === 'pairs' && !p.abbrev && !p.stem && p.stop);
    pick('a', l, (p) => p.unit === 'pairs');
    pick('b', l, none);
    held.push(pick('a+b', l, () => true));
  }
  return { rows, held };
}
