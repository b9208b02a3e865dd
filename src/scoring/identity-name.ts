/**
 * Whether a profile's display name is the company's name (the `inconsistent-name` rule,
 * docs/measuring.md "Identity"). Both names are reduced to their words — case, accents and punctuation
 * dropped, `&` read as "and" — and the words that say what a profile is for rather than whose it is
 * (a role: Support, Help, Official, Careers…; a legal form: Inc, Ltd, GmbH…; a region: UK, EU, Deutschland…)
 * are set aside. What is left of the display name must be the company's name, or its first word alone
 * when that word is 4 letters or more (the short form a brand uses: "Northwind" for "Northwind
 * Outfitters"); written without spaces counts too ("NorthwindOutfitters"). Anything else — an added word
 * ("Acme Widgets Old Agency Page", "Northwind Gear Lab"), another brand, only role words ("Support") — drifts.
 */

/** Words of a profile's purpose: what a brand appends to its name on a support or department account. */
const ROLE = [
  'support',
  'help',
  'helpdesk',
  'care',
  'customer',
  'customers',
  'service',
  'services',
  'official',
  'team',
  'hq',
  'news',
  'newsroom',
  'press',
  'careers',
  'jobs',
  'hiring',
  'shop',
  'store',
  'deals',
  'events',
  'community',
  'the',
  'and',
  'by',
];
/** Legal forms, at the end of a company's name or a profile's. */
const LEGAL = [
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'co',
  'corp',
  'corporation',
  'company',
  'group',
  'pty',
];
/** Regions and country tags ("Acme UK", "Acme España"), written as words or codes. */
const REGION = [
  'global',
  'international',
  'intl',
  'worldwide',
  'emea',
  'apac',
  'latam',
  'nordics',
  'europe',
  'eu',
  'uk',
  'gb',
  'us',
  'usa',
  'na',
  'ca',
  'canada',
  'au',
  'australia',
  'nz',
  'ie',
  'ireland',
  'de',
  'deutschland',
  'germany',
  'at',
  'austria',
  'ch',
  'schweiz',
  'suisse',
  'switzerland',
  'fr',
  'france',
  'es',
  'espana',
  'spain',
  'it',
  'italia',
  'italy',
  'nl',
  'nederland',
  'netherlands',
  'be',
  'belgium',
  'pt',
  'portugal',
  'br',
  'brasil',
  'brazil',
  'mx',
  'mexico',
  'se',
  'sverige',
  'sweden',
  'no',
  'norge',
  'norway',
  'dk',
  'danmark',
  'denmark',
  'fi',
  'suomi',
  'finland',
  'pl',
  'polska',
  'poland',
  'jp',
  'japan',
  'in',
  'india',
  'sg',
  'singapore',
  'asia',
  'africa',
  'america',
  'americas',
];
const ASIDE: ReadonlySet<string> = new Set([...ROLE, ...LEGAL, ...REGION]);

/** The name's words: lower case, without accents, punctuation or a handle written beside it ("(@acme)"). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(\s*@[^)]*\)|(^|\s)@\S+/gu, ' ')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A display name that is only the handle ("u/acme", "@acme"): the platform shows no name of its own. */
export function isHandleOnly(displayName: string, handle: string | null): boolean {
  const bare = (s: string) => s.replace(/^(?:@|[ur]\/|!)/, '').toLowerCase();
  return /^(?:@|[ur]\/)\S+$/.test(displayName.trim()) || (handle !== null && bare(displayName) === bare(handle));
}

export type NameDrift = { kind: 'adds'; words: string } | { kind: 'other' };

/** How the display name drifts from the company's, or null when it is the company's name. */
export function nameDrift(displayName: string, company: string): NameDrift | null {
  const companyWords = nameWords(company);
  const own = companyWords.filter((w) => !ASIDE.has(w));
  // a company whose name is all such words ("The Help Company") keeps them all
  const core = own.length > 0 ? own : companyWords;
  const keep = own.length > 0 ? (w: string) => !ASIDE.has(w) : () => true;
  const words = nameWords(displayName).filter(keep);
  if (words.join('') === core.join('')) return null;
  const short = core.length > 1 && core[0]!.length >= 4 ? [core[0]!] : null;
  if (short && words.join('') === short[0]) return null;
  // the company's name (or its short form) is there, with words of the profile's own
  for (const used of short ? [core, short] : [core]) {
    const at = words.findIndex((_, i) => used.every((w, j) => words[i + j] === w));
    if (at >= 0) return { kind: 'adds', words: originalWords(displayName, words.toSpliced(at, used.length)) };
  }
  return { kind: 'other' };
}

/** The added words as the profile writes them ("Gear Lab", not "gear lab"). */
function originalWords(displayName: string, added: string[]): string {
  const written = displayName.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const byNormal = new Map(written.map((w) => [nameWords(w).join(''), w]));
  return added.map((w) => byNormal.get(w) ?? w).join(' ');
}
