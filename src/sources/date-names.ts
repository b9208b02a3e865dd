/**
 * The names dates are written with: months and weekdays in the languages sources/dates.ts reads
 * (compared without case or accents), and time zones — named ones, RFC 822's military letters,
 * numeric offsets and `Etc/GMT±N`.
 */

// ---- names ---------------------------------------------------------------------------------------

/** Lower case without accents: "Févr." and "fevr" are one key, as are "Ιούλ" and "ιουλ". */
function key(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ').replace(/\.$/, '');
}

const MONTH_NAMES: readonly string[][] = [
  // en, fr, de, es, pt, it, nl, el (nominative and genitive), hu: full names and the abbreviations in use
  'january jan janvier janv januar janner jänner enero ene janeiro gennaio gen januari ιανουαριος ιανουαριου ιαν januar jan'.split(
    ' ',
  ),
  'february feb fevrier fevr fev februar febrero fevereiro febbraio februari φεβρουαριος φεβρουαριου φεβ februar febr'.split(
    ' ',
  ),
  'march mar mars marz maerz mrz marzo marco mrt maart μαρτιος μαρτιου μαρ marcius marc'.split(' '),
  'april apr avril avr abril abr aprile απριλιος απριλιου απρ aprilis'.split(' '),
  'may mai mayo maio maggio mag mei μαιος μαιου μαι majus maj'.split(' '),
  'june jun juin juni junio junho giugno giu ιουνιος ιουνιου ιουν ιον junius'.split(' '),
  'july jul juillet juil juli julio julho luglio lug ιουλιος ιουλιου ιουλ ιολ julius'.split(' '),
  'august aug aout agosto ago augustus αυγουστος αυγουστου αυγ augusztus'.split(' '),
  'september sep sept septembre septiembre setiembre set setembro settembre σεπτεμβριος σεπτεμβριου σεπ szeptember szept'.split(
    ' ',
  ),
  'october oct octobre oktober okt octubre outubro out ottobre ott οκτωβριος οκτωβριου οκτ oktober'.split(' '),
  'november nov novembre noviembre novembro νοεμβριος νοεμβριου νοε'.split(' '),
  'december dec decembre dezember dez diciembre dic dezembro dicembre δεκεμβριος δεκεμβριου δεκ'.split(' '),
];
const MONTHS = new Map<string, number>(MONTH_NAMES.flatMap((names, i) => names.map((n) => [key(n), i + 1] as const)));

const WEEKDAY_NAMES =
  // en, fr, de, es, pt, it, nl, el, hu: full names and abbreviations (which day it is, is never checked)
  `monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun
   lundi lun mardi mar mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim
   montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sonnabend sa sonntag so
   lunes martes miercoles mie jueves jue viernes vie sabado sab domingo dom
   segunda segunda-feira seg terca terca-feira ter quarta quarta-feira qua quinta quinta-feira qui sexta sexta-feira sex
   lunedi martedi mercoledi giovedi gio venerdi sabato domenica
   maandag ma dinsdag woensdag wo donderdag vrijdag vr zaterdag za zondag zo
   κυριακη κυρ δευτερα δευ τριτη τρι τεταρτη τετ πεμπτη πεμ παρασκευη παρ σαββατο σαβ
   hetfo h kedd k szerda sze csutortok cs pentek p szombat szo vasarnap v`.split(/\s+/);
const WEEKDAYS = new Set(WEEKDAY_NAMES.map(key));

export const month = (word: string): number | undefined => MONTHS.get(key(word));
export const isWeekday = (word: string): boolean => WEEKDAYS.has(key(word));

// ---- zones ---------------------------------------------------------------------------------------

/** Named zones, in hours east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 1,
  BST: 1,
  IST: 5.5,
  CET: 1,
  MET: 1,
  CEST: 2,
  MEST: 2,
  EET: 2,
  EEST: 3,
  MSK: 3,
  JST: 9,
  KST: 9,
  HKT: 8,
  SGT: 8,
  AWST: 8,
  ACST: 9.5,
  AEST: 10,
  AEDT: 11,
  NZST: 12,
  NZDT: 13,
  AST: -4,
  ADT: -3,
  AT: -4,
  EST: -5,
  EDT: -4,
  ET: -5,
  CST: -6,
  CDT: -5,
  CT: -6,
  MST: -7,
  MDT: -6,
  MT: -7,
  PST: -8,
  PDT: -7,
  PT: -8,
  AKST: -9,
  AKDT: -8,
  HST: -10,
  BRT: -3,
  ART: -3,
};

// RFC 822 military zones: A–I and K–M are −1…−12 h, N–Y +1…+12 h (J is not used)
for (const [i, letter] of [...'ABCDEFGHIKLM'].entries()) ZONES[letter] = -(i + 1);
for (const [i, letter] of [...'NOPQRSTUVWXY'].entries()) ZONES[letter] = i + 1;

export const ZONE_PATTERN = String.raw`[+-]\d{1,2}(?::?\d{2})?|(?:GMT|UTC|UT)[+-]\d{1,2}(?::?\d{2})?|Etc/(?:GMT|UTC)(?:[+-]\d{1,2})?|[A-Za-z]{1,5}`;

/** Minutes east of UTC; null for a zone that is not one (`+25:00`, `XYZ`); undefined when there is none. */
export function zoneOffset(zone: string | undefined): number | null | undefined {
  if (zone === undefined || zone === '') return undefined;
  const etc = /^Etc\/(?:GMT|UTC)(?:([+-])(\d{1,2}))?$/i.exec(zone);
  // POSIX style: Etc/GMT+5 is five hours behind UTC
  if (etc) return etc[1] ? (etc[1] === '+' ? -1 : 1) * Number(etc[2]) * 60 : 0;
  const numeric = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const named = ZONES[zone.toUpperCase()];
  return named === undefined ? null : named * 60;
}
