/**
 * A template's script as a reader sees it (issue 34 item 4): the words most of its replies share, in
 * order, with each run of words the agents fill in shown as a slot — "Hi {name}, DM us your {…} and iOS
 * version. ^{initials}". Pure and bounded: at most MAX_MEMBERS replies are aligned, each by a longest
 * common subsequence of words against the medoid (the reply sharing most words with the others), so a
 * skeleton costs MAX_MEMBERS alignments and MAX_MEMBERS² word-set comparisons whatever the template's size.
 */

/** Replies aligned per template: enough for a stable skeleton, few enough to stay cheap at 10⁶ replies. */
export const MAX_MEMBERS = 50;
/**
 * The words of a reply aligned at most: its first and its last few (where a signature is). A support script is
 * a few sentences; a long post would make each word-by-word alignment quadratic in its length for a
 * skeleton that shows 300 characters.
 */
export const MAX_WORDS = 80;
const clipped = (w: string[]): string[] => (w.length <= MAX_WORDS ? w : [...w.slice(0, MAX_WORDS - 4), ...w.slice(-4)]);
/** Share of the replies that must write a word (at its place in the script) for it to be fixed text. */
export const FIXED_SHARE = 0.65;

const GREETING = new Set([
  'hi',
  'hello',
  'hey',
  'dear',
  'hiya',
  'howdy',
  'greetings',
  'morning',
  'afternoon',
  'evening',
]);
const LINK = /^(?:https?:\/\/\S+|<link>)$/u;
const SIGNATURE = /^([\^~/*\-–])\S{1,20}$/u;

type Slot = 'name' | 'initials' | '…';
type Piece = { word: string } | { slot: Slot; sigil: string; trail: string };

/** The skeleton of replies of one template (raw or as displayed, signature last if any), as display text. */
export function skeletonText(texts: readonly string[]): string {
  const members = texts.slice(0, MAX_MEMBERS).map((t) => clipped(words(t)));
  if (members.length === 0) return '';
  const keys = members.map((m) => m.map(key));
  const medoid = medoidOf(keys);
  const rep = members[medoid]!;
  const alignments = keys.map((k) => lcsAlign(keys[medoid]!, k));
  const need = Math.ceil(FIXED_SHARE * members.length - 1e-9);
  const kept = rep.map((_, i) => alignments.filter((a) => a[i]! >= 0).length >= need);

  const pieces: Piece[] = [];
  let dropped: string[] = [];
  const flush = (next: number) => {
    // a gap is a slot where the medoid drops words here, or enough replies write words the medoid does not
    const prev = lastKept(kept, next);
    const inserted = alignments.filter((a, m) => insertedBetween(a, prev, next, keys[m]!.length)).length;
    if (dropped.length === 0 && inserted <= members.length - need) return;
    const slot = slotFor(pieces, dropped, next >= rep.length, members);
    // a signature after words the agents fill in ("Ref #4412. ^AB") is its own slot, not part of theirs
    if (slot.slot === 'initials' && dropped.length > 1)
      pieces.push(slotFor(pieces, dropped.slice(0, -1), false, members));
    pieces.push(slot);
    dropped = [];
  };
  for (let i = 0; i < rep.length; i++) {
    if (!kept[i]) {
      dropped.push(rep[i]!);
      continue;
    }
    flush(i);
    dropped = [];
    // a link every reply writes is fixed text, shown as a slot: it is never merged with the slot beside it
    pieces.push({ word: LINK.test(rep[i]!) ? '{link}' : rep[i]! });
  }
  flush(rep.length);
  return render(merge(pieces));
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w !== '');
}

/** Words compare without case or the punctuation around them: "Anna," and "anna" are one word. */
function key(word: string): string {
  if (LINK.test(word)) return '<link>';
  const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return bare === '' ? word : bare;
}

function medoidOf(keys: string[][]): number {
  // the reply sharing most distinct words with the others: set lookups, not an alignment per pair (a
  // word-by-word LCS of every pair was a sixth of a whole demo audit)
  const sets = keys.map((k) => new Set(k));
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < sets.length; i++) {
    let score = 0;
    for (let j = 0; j < sets.length; j++) {
      if (i === j) continue;
      for (const word of sets[i]!) if (sets[j]!.has(word)) score++;
    }
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

function lcsTable(a: string[], b: string[]): Uint16Array[] {
  const t = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  return t;
}

/** For each word of `a`, the index of the word of `b` it is aligned with, or -1. */
function lcsAlign(a: string[], b: string[]): Int32Array {
  const t = lcsTable(a, b);
  const at = new Int32Array(a.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) at[i++] = j++;
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return at;
}

function lastKept(kept: boolean[], before: number): number {
  for (let i = before - 1; i >= 0; i--) if (kept[i]) return i;
  return -1;
}

/** Does a reply write words between its matches of the medoid's fixed words `prev` and `next`? */
function insertedBetween(a: Int32Array, prev: number, next: number, length: number): boolean {
  const from = prev < 0 ? -1 : a[prev]!;
  const to = next >= a.length ? length : a[next]!;
  if ((prev >= 0 && from < 0) || (next < a.length && to < 0)) return false;
  return to - from > 1;
}

function slotFor(pieces: Piece[], dropped: string[], trailing: boolean, members: string[][]): Piece & { slot?: Slot } {
  const before = pieces.at(-1);
  const trail = /[,.!?:;]$/u.exec(dropped.at(-1) ?? '')?.[0] ?? '';
  if (dropped.length > 0 && dropped.every((w) => LINK.test(w))) return { word: '{link}' };
  if (before && 'word' in before && GREETING.has(key(before.word)) && !/[,.!?:;]$/u.test(before.word))
    return { slot: 'name', sigil: '', trail };
  if (trailing) {
    const sigils = members.map((m) => SIGNATURE.exec(m.at(-1) ?? '')?.[1]);
    const signed = sigils.filter((s) => s !== undefined).length;
    if (signed * 2 > members.length) {
      const same = sigils.every((s) => s === undefined || s === sigils.find((x) => x !== undefined));
      return { slot: 'initials', sigil: same ? sigils.find((x) => x !== undefined)! : '', trail: '' };
    }
  }
  return { slot: '…', sigil: '', trail };
}

/** Adjacent slots of one kind are one; a name or a signature stays apart from the words beside it. */
function merge(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const prev = out.at(-1);
    if (prev && 'slot' in prev && 'slot' in p && prev.slot === p.slot)
      out[out.length - 1] = { slot: p.slot, sigil: prev.sigil || p.sigil, trail: p.trail };
    else out.push(p);
  }
  return out;
}

function render(pieces: Piece[]): string {
  return pieces.map((p) => ('word' in p ? p.word : `${p.sigil}{${p.slot}}${p.trail}`)).join(' ');
}
