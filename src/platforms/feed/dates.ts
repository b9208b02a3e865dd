/** Feed dates in the wild: RFC 822 with odd zones and spacing, ISO 8601, W3CDTF. */

const ZONES: Record<string, string> = {
  UT: '+0000',
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  WET: '+0000',
  BST: '+0100',
  IST: '+0530',
  CET: '+0100',
  MET: '+0100',
  CEST: '+0200',
  MEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  AKST: '-0900',
  AKDT: '-0800',
  HST: '-1000',
  BRT: '-0300',
};

/** Month names of feeds written by non-English software ("Seg, 24 Set 2018"), by prefix. */
const MONTHS: Record<string, string> = {
  jan: 'Jan',
  janv: 'Jan',
  ene: 'Jan',
  gen: 'Jan',
  fev: 'Feb',
  fév: 'Feb',
  feb: 'Feb',
  febr: 'Feb',
  mar: 'Mar',
  mär: 'Mar',
  mrz: 'Mar',
  abr: 'Apr',
  avr: 'Apr',
  apr: 'Apr',
  mai: 'May',
  mag: 'May',
  may: 'May',
  mei: 'May',
  jun: 'Jun',
  juin: 'Jun',
  giu: 'Jun',
  jul: 'Jul',
  juil: 'Jul',
  lug: 'Jul',
  ago: 'Aug',
  aoû: 'Aug',
  aug: 'Aug',
  set: 'Sep',
  sep: 'Sep',
  sept: 'Sep',
  out: 'Oct',
  okt: 'Oct',
  oct: 'Oct',
  ott: 'Oct',
  nov: 'Nov',
  dez: 'Dec',
  déc: 'Dec',
  dic: 'Dec',
  dec: 'Dec',
};

function englishMonths(text: string): string {
  // drop a leading weekday in any language, then translate the month word of "DD Mon YYYY"
  return text
    .replace(/^[^\d,]{2,12},\s*/u, '')
    .replace(/^(\d{1,2}) ([^\d\s.]+)\.? (\d{4})/u, (all, d: string, mon: string, y: string) => {
      const en = MONTHS[mon.toLowerCase().slice(0, 4)] ?? MONTHS[mon.toLowerCase().slice(0, 3)];
      return en ? `${d} ${en} ${y}` : all;
    });
}

/** An ISO 8601 UTC string, or null when the text is not a date. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  let ms = Date.parse(text);
  if (Number.isNaN(ms)) ms = Date.parse(englishMonths(text));
  if (Number.isNaN(ms)) {
    // "Tue, 10 Jun 2003 04:00:00 CEST" and friends
    const zoned = englishMonths(text).replace(/\b([A-Z]{1,5})$/, (zone) => ZONES[zone] ?? zone);
    ms = Date.parse(zoned);
  }
  if (Number.isNaN(ms)) {
    // "2024-05-01 10:00:00" without a zone: take it as UTC, as feed readers do
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(text);
    if (m) ms = Date.parse(`${m[1]}T${m[2]}Z`);
  }
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
