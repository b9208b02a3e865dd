/**
 * A seeded generator of tweet-length support replies for bench:canned: 300 templates with Zipf
 * popularity, each pasted with 0–2 word edits, a customer mention, sometimes a tracking URL, a ticket
 * number and an agent signature; half of all replies are free text, drawn from a 5,000-word vocabulary
 * with Zipf word frequencies (as in real language).
 */
import { seeded } from './seeded.js';

const VOCABULARY = (
  'order delivery refund account please help sorry team store card payment update phone app issue week today thanks ' +
  'look soon package driver address router signal outage bill charge plan upgrade screen battery login password reset ' +
  'email code shipment return exchange size colour stock warehouse branch manager flight seat bag delay booking ticket'
).split(' ');
const OPENERS = [
  'Hi',
  'Hello',
  'Hey there',
  'Thanks for reaching out',
  'We hear you',
  'Sorry about that',
  'Good question',
];
const SIGNATURES = ['^JS', '^AB', '-MK', '~Jen', '/AY', '^RT', '-Becky', '^PL'];

export function supportReplies(n: number, seed = 1): string[] {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, () => pick(VOCABULARY)).join(' ');
  const lexicon = [...VOCABULARY, ...Array.from({ length: 5000 - VOCABULARY.length }, (_, k) => `w${k.toString(36)}`)];
  const wordCumulative = lexicon.map(
    (
      (sum) => (_: string, k: number) =>
        (sum += 1 / (k + 1))
    )(0),
  );
  const freeWord = () => lexicon[search(wordCumulative, random() * wordCumulative.at(-1)!)]!;
  const freeText = (words: number) => Array.from({ length: words }, freeWord).join(' ');
  const templates = Array.from({ length: 300 }, () => `${pick(OPENERS)}, ${sentence(10 + Math.floor(random() * 14))}.`);
  // Zipf: template k is chosen with weight 1/(k+1)
  const cumulative = templates.map(
    (
      (sum) => (_: string, k: number) =>
        (sum += 1 / (k + 1))
    )(0),
  );
  const zipf = () => search(cumulative, random() * cumulative.at(-1)!);
  return Array.from({ length: n }, (_, i) => {
    const mention = `@user${Math.floor(random() * 1e6)}`;
    if (random() < 0.5) return `${mention} ${pick(OPENERS)}, ${freeText(6 + Math.floor(random() * 22))}`;
    const words = templates[zipf()]!.split(' ');
    for (let e = Math.floor(random() * 3); e > 0; e--)
      words[1 + Math.floor(random() * (words.length - 1))] = pick(VOCABULARY);
    const url = random() < 0.3 ? ` https://support.example/t/${(i * 2654435761) % 1e9}` : '';
    const ticket = random() < 0.3 ? ` Ticket #${100000 + Math.floor(random() * 900000)}` : '';
    const signature = random() < 0.6 ? ` ${pick(SIGNATURES)}` : '';
    return `${mention} ${words.join(' ')}${url}${ticket}${signature}`;
  });
}

/** The first index whose cumulative weight reaches x (binary search). */
function search(cumulative: number[], x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
