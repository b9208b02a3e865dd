/**
 * Client-facing wording, one place for every renderer and message: counts with the right plural,
 * "a" or "an" as the word is spoken, platform and feed-format names as their owners write them,
 * spans of time and ratios.
 */
import { PLATFORM_NAMES, type PlatformId } from './platforms.generated.js';

export { PLATFORM_NAMES };

/** "1 page", "3 pages", "1 reply", "2 replies" (`many` for irregular plurals). */
export function plural(n: number, one: string, many = regularPlural(one)): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

/** 12345.5 → "12,345.5", as en-US writes it (without Intl: loading its locale data costs the CLI's start-up ~15 ms). */
export function grouped(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

function regularPlural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

// letters whose spoken name starts with a vowel sound: an FAQ, an HTML page, an RSS feed, an X archive
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX');
// words that are written with a vowel but spoken with a consonant, or the other way round
const CONSONANT_SOUND = /^(one|once|uni|use|usu|user|euro|eu)/i;
const VOWEL_SOUND = /^(hour|honest|honou?r|heir)/i;

/** "a" or "an" before a word, as it is spoken: "an RSS feed", "an Atom feed", "a user", "an hour". */
export function article(word: string): 'a' | 'an' {
  const acronym = /^[A-Z]+\b/.test(word);
  if (acronym) return VOWEL_SOUND_LETTERS.has(word[0]!) ? 'an' : 'a';
  if (VOWEL_SOUND.test(word)) return 'an';
  if (CONSONANT_SOUND.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The word with its article: "an Atom feed". */
export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}

export function platformName(id: PlatformId): string {
  return PLATFORM_NAMES[id];
}

const FEED_KINDS: Readonly<Record<string, string>> = {
  rss: 'RSS feed',
  atom: 'Atom feed',
  rdf: 'RDF feed',
  json: 'JSON Feed',
};

/** A feed by its format, as its specification names it: "RSS feed", "Atom feed", "RDF feed", "JSON Feed". */
export function feedKind(format: string): string {
  return FEED_KINDS[format] ?? `${format} feed`;
}

/** 45 → "45 minutes", 300 → "5 hours", 4320 → "3 days": a duration as people say it. */
export function duration(minutes: number): string {
  if (minutes < 120) return plural(Math.round(minutes), 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / 1440), 'day');
}

/**
 * The one name of a profile in everything the client reads (overview, card, findings, actions): the
 * inventory's name, else its address without the scheme ("x.com/northwind") — never its id.
 */
export function profileName(p: { name: string | null; url: string }): string {
  return p.name ?? p.url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}

export function ago(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return '1 day ago';
  if (days < 60) return `${Math.floor(days)} days ago`;
  if (days < 730) return `${Math.floor(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'unknown date';
}

/** Metrics by their names for people, for client-facing text ("Not measurable: conversation ratio …"). */
const METRIC_NAMES: Readonly<Record<string, string>> = {
  daysSinceLastPost: 'days since the last post',
  medianGapDays: 'usual gap between posts',
  postsPerWeek30d: 'posts a week (30 days)',
  postsPerWeek90d: 'posts a week (90 days)',
  repliesPerWeek30d: 'replies a week (30 days)',
  repostsPerWeek30d: 'reposts a week (30 days)',
  goneQuiet: 'gone quiet',
  postsPrev90d: 'posts in the 90 days before the last 90',
  collapsing: 'collapsing activity',
  conversationRatio: 'conversation ratio',
  promoRatio: 'promotional share',
  cannedRatio: 'canned ratio',
  medianResponseMinutes: 'median response time',
  p90ResponseMinutes: '90th-percentile response time',
  audienceReplies: 'audience replies',
  answeredRate: 'answered rate',
  questionAnsweredRate: 'answered rate of questions',
  medianAnswerMinutes: 'median answer time',
  p90AnswerMinutes: '90th-percentile answer time',
};

export function metricName(key: string): string {
  return METRIC_NAMES[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();
}
