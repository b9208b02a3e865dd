/**
 * The labels of issue 34 (ids and verdicts in test/fixtures) joined to the reply texts of the twcs samples,
 * read in place from ../shared (never copied into the repo), and the brands split into a tune and a
 * held-out half.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { normaliseReply } from '../../src/analysis/normalise.js';
import { hash32, jaccardSorted, shingles } from '../../src/analysis/shingles.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = ['twcs_head_threaded_with_index_col.csv', 'twcs_random_sample_5k.csv'];
const PAIR_FILES = ['test/fixtures/template-pairs.csv', 'test/fixtures/canned-labels/template-pairs-hard-band.csv'];
const BRAND_FILE = 'test/fixtures/canned-labels/template-brands.csv';
// CANNED_LABELS=second: the blind second reading (NOTES.md) replaces the first for the brands it covers, the
// other brands keep the first reading, so the halves and the pairs stay the same and only those brands differ
const SECOND_FILE = 'test/fixtures/canned-labels/template-brands-second.csv';
// the ninth session's adjudication of the first and second readings of UPSHelp and AppleSupport (NOTES.md):
// the reference for those two brands unless CANNED_LABELS names one reading (first or second)
const ADJUDICATED_FILE = 'test/fixtures/canned-labels/template-brands-adjudicated.csv';
// brands read in the ninth session, blind, by the second reading's strict rules (NOTES.md, "Ninth session")
const NINTH_FILE = 'test/fixtures/canned-labels/template-brands-ninth.csv';

export interface LabelledPair {
  brand: string;
  a: string;
  b: string;
  same: boolean;
}

export interface Corpus {
  /** tweet id → text, every row of both samples. */
  texts: Map<string, string>;
  /** brand → the ids of its replies (inbound False), both samples, each once, in id order. */
  replies: Map<string, string[]>;
  pairs: LabelledPair[];
  /** brand → (reply id → script id, or '-' for a reply written on its own). */
  scripts: Map<string, Map<string, string>>;
}

/**
 * Where the twcs samples are: $TWCS_DIR, else ../shared next to this checkout, else next to the main
 * checkout when this is a git worktree (a worktree's `.git` file names the main repository's git dir).
 */
export function twcsDir(): string | null {
  const candidates = [process.env.TWCS_DIR, join(ROOT, '..', 'shared', 'real-samples', 'twcs')];
  const gitFile = join(ROOT, '.git');
  if (existsSync(gitFile) && !existsSync(join(gitFile, 'HEAD'))) {
    const gitdir = /gitdir:\s*(.+)/.exec(readFileSync(gitFile, 'utf8'))?.[1]?.trim();
    // <main>/.git/worktrees/<name> → <main>/../shared
    if (gitdir) candidates.push(join(resolve(ROOT, gitdir), '..', '..', '..', '..', 'shared', 'real-samples', 'twcs'));
  }
  return candidates.find((d): d is string => !!d && FILES.every((f) => existsSync(join(d, f)))) ?? null;
}

const csv = (path: string) =>
  parse(readFileSync(path), { columns: true, relax_column_count: true }) as Array<Record<string, string>>;

export function loadCorpus(dir: string): Corpus {
  const texts = new Map<string, string>();
  const replyIds = new Map<string, Set<string>>();
  for (const file of FILES)
    for (const r of csv(join(dir, file))) {
      texts.set(r.tweet_id!, r.text!);
      if (r.inbound === 'False') {
        const set = replyIds.get(r.author_id!) ?? new Set<string>();
        set.add(r.tweet_id!);
        replyIds.set(r.author_id!, set);
      }
    }
  const pairs = PAIR_FILES.flatMap((f) =>
    csv(join(ROOT, f)).map((p) => ({ brand: p.brand!, a: p.tweet_a!, b: p.tweet_b!, same: p.same_template === 'yes' })),
  );
  const scripts = readScripts(BRAND_FILE);
  // CANNED_LABELS=eighth: the labels as the first eight sessions had them (first reading, 7 brands), which
  // reproduces docs/canned-eval.md's earlier tables
  const reading = process.env.CANNED_LABELS;
  if (reading !== 'eighth') for (const [brand, m] of readScripts(NINTH_FILE)) scripts.set(brand, m);
  if (reading === 'second') for (const [brand, m] of readScripts(SECOND_FILE)) scripts.set(brand, m);
  else if (reading !== 'first' && reading !== 'eighth')
    for (const [brand, m] of readScripts(ADJUDICATED_FILE)) scripts.set(brand, m);
  // every labelled id belongs to its brand's replies, even where a sample row says otherwise
  const add = (brand: string, id: string) => {
    const set = replyIds.get(brand) ?? new Set<string>();
    set.add(id);
    replyIds.set(brand, set);
  };
  for (const p of pairs) for (const id of [p.a, p.b]) add(p.brand, id);
  for (const [brand, m] of scripts) for (const id of m.keys()) add(brand, id);
  const missing = [...replyIds.values()].flatMap((s) => [...s]).filter((id) => !texts.has(id));
  if (missing.length > 0) throw new Error(`labelled tweets without a text: ${missing.slice(0, 5).join(', ')}…`);
  const replies = new Map([...replyIds].map(([b, s]) => [b, [...s].sort((x, y) => Number(x) - Number(y))]));
  return { texts, replies, pairs, scripts };
}

function readScripts(file: string): Map<string, Map<string, string>> {
  const scripts = new Map<string, Map<string, string>>();
  for (const r of csv(join(ROOT, file))) {
    const m = scripts.get(r.brand!) ?? new Map<string, string>();
    m.set(r.tweet_id!, r.script!);
    scripts.set(r.brand!, m);
  }
  return scripts;
}

/** The half a brand falls in, by a hash of its name: the same on every run and machine. */
export const half = (brand: string): 'tune' | 'held' => (hash32(`issue34:${brand}`) & 1 ? 'held' : 'tune');

/** The labelled brands (by a pair or a whole-brand reading), sorted, in their two halves. */
export function halvesOf(corpus: Corpus): { tune: string[]; held: string[] } {
  const labelled = [...new Set([...corpus.pairs.map((p) => p.brand), ...corpus.scripts.keys()])].sort();
  return { tune: labelled.filter((b) => half(b) === 'tune'), held: labelled.filter((b) => half(b) === 'held') };
}

/**
 * Whether a labelled pair is in the hard band: word-pair Jaccard 0.1–0.45 by the product's own normalise,
 * shingles and Jaccard (where the former default's misses were). Computed once per pair; a pair is known by its
 * brand and ids, so copies of the corpus's pairs with other verdicts are answered too.
 */
export function hardBand(corpus: Corpus): (p: LabelledPair) => boolean {
  const setOf = (id: string) => shingles(normaliseReply(corpus.texts.get(id)!).text);
  const key = (p: LabelledPair) => `${p.brand}|${p.a}|${p.b}`;
  const inBand = new Map(
    corpus.pairs.map((p) => {
      const j = jaccardSorted(setOf(p.a), setOf(p.b));
      return [key(p), j >= 0.1 && j < 0.45];
    }),
  );
  return (p) => inBand.get(key(p))!;
}
