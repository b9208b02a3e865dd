/**
 * Dates as feeds, pages and exports write them, read to the instant, or null. Every form is an exact
 * pattern: a string that matches none is not a date, never a guess (JavaScript's `Date.parse` reads
 * "Sun, Dec x 2012" as December 1st and "2026-02-30" as March 2nd; nothing here calls it).
 *
 * Forms (docs/measuring.md):
 * - W3C-DTF / ISO 8601 / RFC 3339: `2003`, `2003-12`, `2003-12-31`, `2003-12-31T10:14:55.123+01:00`
 *   (a space for the `T`, one-digit hours, a space before the zone, `±hh`, `±hhmm`), the ordinal
 *   `2003-335`, the basic `20031231T101455Z`, and the zero-padded month some generators write (`2003-012-31`).
 * - ISO 8601 truncated two-digit years: `03-12-31`, `031231`, `-0312`, `-03-12`, `03335`.
 * - RFC 822 / 1123 / 5322 and their deviations: no weekday, full month names, one-digit day and hour,
 *   no seconds, no time, a two-digit year, a comma after the month, `(comment)` after the zone.
 * - asctime (`Sun Jan  4 16:29:06 2004`, also with a zone before the year) and JavaScript's
 *   `Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)`; US `January 26, 2004 4:31 PM EST`; Perforce
 *   `Fri, 2006/09/15 08:19:53 EDT`.
 * - Month and weekday names in English, Portuguese, Spanish, French, German, Italian, Dutch, Greek
 *   and Hungarian (`Seg, 24 Set 2018`, `24 de septiembre de 2018`, `lun. 24 sept. 2018`,
 *   `Κυρ, 11 Ιούλ 2004`, `2004-július-13T9:15-05:00`, `2004. július 13.`), and the Korean, Japanese
 *   and Chinese forms `2004년 05월 28일 01:31:15`, `2004-05-25 오후 11:23:17`, `2004年5月28日 12:30`.
 *
 * Zones: `Z`, numeric offsets, `GMT±h[:mm]`, `UTC±h`, `Etc/GMT±N` (POSIX signs: `Etc/GMT+5` is five
 * hours *behind* UTC), the named zones below (US `EST`…`PDT` and `AT ET CT MT PT`), and RFC 822's
 * military letters as RFC 822 defines them (`A` = −1 h … `M` = −12 h, `N` = +1 h … `Y` = +12 h; RFC 5322
 * notes senders got their sign wrong, so they are rare and read as written). No zone means UTC,
 * except in the Korean forms, which Korean blog software writes in KST (+09:00).
 *
 * Century rule for two-digit years (RFC 5322 §4.3): 00–49 are 2000–2049, 50–99 are 1950–1999.
 */
import { isWeekday, month, ZONE_PATTERN, zoneOffset } from './date-names.js';
import { collapseSpaces } from './spaces.js';

const MAX_LENGTH = 120;

/** An ISO 8601 UTC string, or null when the text is not a date in a known form. */
export function parseDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = collapseSpaces(raw);
  if (text === '' || text.length > MAX_LENGTH) return null;
  for (const read of READERS) {
    const ms = read(text);
    if (ms !== undefined) return ms === null ? null : new Date(ms).toISOString();
  }
  return null;
}

const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A date whose zoneless date-times (`2026-10-20 08:00:00`) are local times of `zone`, an offset such
 * as `+02:00` (`UTC`, `Z` or null: UTC, as parseDate reads them); any other form is read as it is.
 * For exports that write local times without saying where (TikTok, LinkedIn, a mapped posts file).
 */
export function parseDateIn(raw: string, zone: string | null): string | null {
  const text = raw.trim();
  const offset = zone === null || zone === 'UTC' || zone === 'Z' ? null : zone;
  return parseDate(offset !== null && ZONELESS_DATE_TIME.test(text) ? `${text}${offset}` : text);
}

/** A reader: undefined when the text is not its form, null when it is but the values are impossible. */
type Reader = (text: string) => number | null | undefined;

// ---- building an instant from parts, with every field checked -------------------------------------

interface Parts {
  year: number;
  month: number; // 1-12
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: string;
  /** Minutes east of UTC. */
  offset?: number;
}

function instant(p: Parts): number | null {
  const { year, month, day, hour = 0, minute = 0, second = 0, offset = 0 } = p;
  if (!(year >= 1 && year <= 9999) || !(month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysIn(year, month))) return null;
  if (!(hour >= 0 && hour <= 23) || !(minute >= 0 && minute <= 59) || !(second >= 0 && second <= 60)) return null;
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999
  // the time is added, so a leap second (23:59:60) or an offset rolls over into the next day, month or year
  const ms = midnight.getTime() + ((hour * 60 + minute - offset) * 60 + second) * 1000 + fractionMs(p.fraction);
  return Number.isFinite(ms) && ms >= -62_135_596_800_000 && ms <= 253_402_300_799_999 ? ms : null;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const fractionMs = (fraction: string | undefined) => (fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);

/** RFC 5322 §4.3: a two-digit year 00–49 is 20xx, 50–99 is 19xx. */
export function fullYear(digits: string): number {
  const y = Number(digits);
  return digits.length === 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
}

/** The date of day `ordinal` (1–366) of a year, as month and day; null when the year has no such day. */
function fromOrdinal(year: number, ordinal: number): { month: number; day: number } | null {
  let left = ordinal;
  for (let month = 1; month <= 12; month++) {
    const days = daysIn(year, month);
    if (left >= 1 && left <= days) return { month, day: left };
    left -= days;
  }
  return null;
}

// ---- the readers ---------------------------------------------------------------------------------

/** Each reader's pattern, compiled once: building a RegExp on every call cost 8 µs a date (a million-row export). */
const compiled = new Map<string, RegExp>();
function pattern(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  const known = compiled.get(key);
  if (known !== undefined) return known;
  const re = new RegExp(source, flags);
  compiled.set(key, re);
  return re;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;

function withTime(
  date: Omit<Parts, 'hour' | 'minute' | 'second' | 'fraction' | 'offset'>,
  m: RegExpExecArray,
  at: number,
  zone?: string,
  defaultOffset = 0,
) {
  const offset = zoneOffset(zone);
  if (offset === null) return null;
  // fields spelt out, not `...date`: the spread made every parse 4× slower (a million-row export)
  return instant({
    year: date.year,
    month: date.month,
    day: date.day,
    hour: m[at] === undefined ? 0 : Number(m[at]),
    minute: m[at + 1] === undefined ? 0 : Number(m[at + 1]),
    second: m[at + 2] === undefined ? 0 : Number(m[at + 2]),
    fraction: m[at + 3],
    offset: offset ?? defaultOffset,
  });
}

/** W3C-DTF / ISO 8601 extended, with a four-digit year; a month name in place of the number (Hungarian). */
const ISO = new RegExp(
  String.raw`^(\d{4})(?:-(0?\d{2}|[^\d\s-]{3,12})(?:-(\d{2})(?:[T ]${TIME} ?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$`,
  'iu',
);
/** The plain numeric form, most exports' dates: tried first, the full pattern (month names, `u` flag) is 3× slower. */
const ISO_NUMERIC = new RegExp(
  String.raw`^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]${TIME} ?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$`,
  'i',
);
const readIso: Reader = (text) => {
  const m = ISO_NUMERIC.exec(text) ?? ISO.exec(text);
  if (!m) return undefined;
  const monthNumber = m[2] === undefined ? 1 : /^\d+$/.test(m[2]) ? Number(m[2]) : month(m[2]);
  if (monthNumber === undefined) return undefined;
  return withTime({ year: Number(m[1]), month: monthNumber, day: m[3] === undefined ? 1 : Number(m[3]) }, m, 4, m[8]);
};

/** ISO 8601 ordinal date: 2003-335, 2003335. */
const readOrdinal: Reader = (text) => {
  const m = /^(\d{4})-?(\d{3})$/.exec(text);
  if (!m) return undefined;
  const day = fromOrdinal(Number(m[1]), Number(m[2]));
  return day ? instant({ year: Number(m[1]), month: day.month, day: day.day }) : null;
};

/** ISO 8601 basic format: 20031231, 20031231T101455Z, 20031231T1014+0100. */
const readBasic: Reader = (text) => {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?(Z|[+-]\d{2}(?:\d{2})?)?)?$/i.exec(text);
  if (!m) return undefined;
  return withTime({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, m, 4, m[8]);
};

/** ISO 8601:2000 truncated two-digit years: 03-12-31, 031231, -0312, -03-12, 03335. */
const readTruncated: Reader = (text) => {
  let m = /^(\d{2})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (m) return instant({ year: fullYear(m[1]!), month: Number(m[2]), day: Number(m[3]) });
  m = /^-(\d{2})-?(\d{2})$/.exec(text);
  if (m) return instant({ year: fullYear(m[1]!), month: Number(m[2]), day: 1 });
  m = /^(\d{2})(\d{3})$/.exec(text);
  if (m) {
    const year = fullYear(m[1]!);
    const day = fromOrdinal(year, Number(m[2]));
    return day ? instant({ year, month: day.month, day: day.day }) : null;
  }
  return undefined;
};

const WORD = String.raw`[\p{L}][\p{L}\p{M}-]*\.?`;
const ZONE_TAIL = String.raw`(?: ?(${ZONE_PATTERN}))?(?: \([^()]{1,40}\))?`;

/** RFC 822 and its deviations, in any of the languages: [Wkd,] D[.] [de] Mon[.][,] [de] YYYY [h:mm[:ss]] [zone]. */
const readRfc822: Reader = (text) => {
  const m = pattern(
    String.raw`^(?:(${WORD}),? )?(\d{1,2})\.? (?:de )?(${WORD}),? (?:de )?(\d{4}|\d{2})(?:,? (?:${TIME}|(\d{1,2}):(\d{2}):(\d{2}):\d+)${ZONE_TAIL})?$`,
    'u',
  ).exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined && !isWeekday(m[1])) return undefined;
  const monthNumber = month(m[3]!);
  if (monthNumber === undefined) return undefined;
  if (m[9] !== undefined) return null; // h:m:s:x is no time
  return withTime({ year: fullYear(m[4]!), month: monthNumber, day: Number(m[2]) }, m, 5, m[12]);
};

/**
 * RFC 822 as nearly every RSS feed writes it (`Fri, 30 Oct 2026 09:15:00 +0000`): English names, a
 * four-digit year, seconds, a numeric or GMT/UTC zone. The same instant readRfc822 gives, without its
 * pattern of every language's names and their accent-folding: reading dates was a tenth of the time of
 * reading a feed (issue 19). Anything else falls through to the full readers.
 */
const RFC822_COMMON =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|GMT|UTC)$/;
const MONTHS_EN = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const readRfc822Common: Reader = (text) => {
  const m = RFC822_COMMON.exec(text);
  if (!m) return undefined;
  const offset = zoneOffset(m[7]);
  if (offset === null) return null;
  return instant({
    year: Number(m[3]),
    month: MONTHS_EN.indexOf(m[2]!) + 1,
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    offset: offset ?? 0,
  });
};

/** Weekday and month before the day: asctime and JavaScript's Date#toString, with the zone before or after the year. */
const readMonthFirst: Reader = (text) => {
  const m = pattern(
    String.raw`^(${WORD}),? (${WORD}) (\d{1,2}),? (?:(\d{4}) ${TIME}${ZONE_TAIL}|${TIME}(?: (${ZONE_PATTERN}))? (\d{4}))$`,
    'u',
  ).exec(text);
  if (!m || !isWeekday(m[1]!)) return undefined;
  const monthNumber = month(m[2]!);
  if (monthNumber === undefined) return undefined;
  const day = Number(m[3]);
  if (m[4] !== undefined) return withTime({ year: Number(m[4]), month: monthNumber, day }, m, 5, m[9]);
  return withTime({ year: Number(m[15]), month: monthNumber, day }, m, 10, m[14]);
};

/** US style: January 26, 2004 [4:31[:00] [PM] [EST]]; 26th and 1st read too. */
const readUs: Reader = (text) => {
  const m = pattern(
    String.raw`^(?:(${WORD}),? )?(${WORD}) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? (?:at )?${TIME}(?: ?([AaPp]\.?[Mm]\.?))?${ZONE_TAIL})?$`,
    'u',
  ).exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined && !isWeekday(m[1])) return undefined;
  const monthNumber = month(m[2]!);
  if (monthNumber === undefined) return undefined;
  const parts = { year: Number(m[4]), month: monthNumber, day: Number(m[3]) };
  const hour = twelveHour(m[5], m[9]);
  if (hour === null) return null;
  if (hour !== undefined) m[5] = String(hour);
  return withTime(parts, m, 5, m[10]);
};

/** A 12-hour clock's hour on the 24-hour clock; undefined without a time, null for an impossible one. */
function twelveHour(hour: string | undefined, meridiem: string | undefined): number | null | undefined {
  if (hour === undefined || meridiem === undefined) return hour === undefined ? undefined : Number(hour);
  const h = Number(hour);
  if (h < 1 || h > 12) return null;
  const pm = /^p/i.test(meridiem);
  return (h % 12) + (pm ? 12 : 0);
}

/** Perforce: Fri, 2006/09/15 08:19:53 EDT. */
const readSlashed: Reader = (text) => {
  const m = pattern(String.raw`^(?:(${WORD}),? )?(\d{4})/(\d{2})/(\d{2})(?: ${TIME}${ZONE_TAIL})?$`, 'u').exec(text);
  if (!m || (m[1] !== undefined && !isWeekday(m[1]))) return undefined;
  return withTime({ year: Number(m[2]), month: Number(m[3]), day: Number(m[4]) }, m, 5, m[9]);
};

/** Hungarian: 2004. július 13.[,] [9:15[:00]] */
const readHungarian: Reader = (text) => {
  const m = pattern(String.raw`^(\d{4})\. (${WORD}) (\d{1,2})\.,?(?: ${TIME}${ZONE_TAIL})?$`, 'u').exec(text);
  if (!m) return undefined;
  const monthNumber = month(m[2]!);
  if (monthNumber === undefined) return undefined;
  return withTime({ year: Number(m[1]), month: monthNumber, day: Number(m[3]) }, m, 4, m[8]);
};

const KST = 9 * 60;

/** Korean: 2004년 05월 28일 [01:31:15], and 2004-05-25 오후 11:23:17 (KST unless a zone is written). */
const readKorean: Reader = (text) => {
  let m = pattern(String.raw`^(\d{4})년 ?(\d{1,2})월 ?(\d{1,2})일(?: ${TIME}${ZONE_TAIL})?$`, 'u').exec(text);
  if (m) return withTime({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, m, 4, m[8], KST);
  m = pattern(String.raw`^(\d{4})-(\d{2})-(\d{2}) (오전|오후) ${TIME}${ZONE_TAIL}$`, 'u').exec(text);
  if (!m) return undefined;
  const hour = twelveHour(m[5], m[4] === '오후' ? 'pm' : 'am');
  if (hour === null || hour === undefined) return null;
  m[5] = String(hour);
  return withTime({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, m, 5, m[9], KST);
};

/** Japanese and Chinese: 2004年5月28日 [12:30[:15] | 12時30分[15秒]] (UTC unless a zone is written). */
const readCjk: Reader = (text) => {
  const m = pattern(
    String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?(?:${TIME}|(\d{1,2})時(\d{1,2})分(?:(\d{1,2})秒)?)${ZONE_TAIL})?$`,
    'u',
  ).exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (m[8] !== undefined) {
    const offset = zoneOffset(m[11]);
    if (offset === null) return null;
    return instant({
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Number(m[8]),
      minute: Number(m[9]),
      second: Number(m[10] ?? 0),
      offset: offset ?? 0,
    });
  }
  return withTime(date, m, 4, m[11]);
};

const READERS: readonly Reader[] = [
  readIso,
  readRfc822Common,
  readOrdinal,
  readBasic,
  readTruncated,
  readRfc822,
  readMonthFirst,
  readUs,
  readSlashed,
  readHungarian,
  readKorean,
  readCjk,
];
