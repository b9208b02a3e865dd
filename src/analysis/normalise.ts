/**
 * Reply normalisation for canned-response detection: what is left when the parts that differ between
 * two pastes of the same template are removed — mentions, URLs, numbers, order/ticket ids, emoji and the
 * agent's signature (^JS, -AB, ~Jen, /AY, *TDL, or bare initials such as TY after Japanese text).
 */

/** An agent signature at the end of a reply: ^JS, -AB, – AB, ~Jen, /AY, -Becky, *TDL (Delta's style). */
const SIGNATURE = /(?:^|\s)(\^\s?[A-Z]{1,4}|\*\s?[A-Z]{2,4}|[-–—~/]\s?(?:[A-Z]{2,4}|[A-Z][a-z]{1,11}))\s*[.!]?\s*$/u;
/**
 * Bare initials (`TY`, `HM`), as AmazonHelp's Japanese team and others sign: two or three capitals ending
 * the reply right after the end of a sentence, a closing bracket, an emoji, a link or Japanese or
 * Chinese text — never after an ordinary word, so "send us a DM" is not read as signed.
 */
const BARE_INITIALS =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: emoji variation selectors, joiners and skin tones are listed to be stripped one code point at a time
  /(?:(?<=[.!?。！？、)）」』】♪…\p{Extended_Pictographic}\u{FE0F}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])|(?<=https?:\/\/\S+)\s)[\s\u3000]*([A-Z]{2,3})\s*$/u;
/** Abbreviations that end sentences and are nobody's initials. */
const NOT_INITIALS = new Set([
  'DM',
  'DMS',
  'OK',
  'ID',
  'PS',
  'US',
  'USA',
  'UK',
  'EU',
  'TV',
  'PC',
  'FAQ',
  'FYI',
  'ASAP',
  'LOL',
  'OMG',
  'AM',
  'PM',
  'CEO',
  'API',
  'URL',
]);
/** How far from the end of a reply its signature is looked for. */
const SIGNATURE_REACH = 300;
/** Links after the signature ("… MH https://t.co/…"): set aside while the signature is looked for. */
const TRAILING_LINKS = /(?:\s+https?:\/\/\S+)+\s*$/u;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: emoji variation selectors, joiners and skin tones are listed to be stripped one code point at a time
const TRAILING_DECOR = /[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]+$/u;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION = /(^|[^\w])@[\w.-]+/gu;
const ID_LIKE = /#?\b\w*\d\w*\b/gu;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: emoji variation selectors, joiners and skin tones are listed to be stripped one code point at a time
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}]/gu;

/**
 * Apostrophes, typed or typographic (’ ‘ ʼ ′ ` ´ ＇): removed, so "don't" and "don’t" are both "dont" — one
 * agent's keyboard or app writes one and the next agent's the other, in the same script.
 */
const APOSTROPHES = /['\u2018\u2019\u02BC\u2032`\u00B4\uFF07]/gu;

export interface NormalisedReply {
  /** Lower-case words, joined by single spaces; '' when nothing is left. */
  text: string;
  /** The signature as written (`^JS`), or null. */
  signature: string | null;
}

export function extractSignature(text: string): { body: string; signature: string | null } {
  // a signature is within the last few hundred characters: only they are searched, so a hostile
  // 100 kB reply costs no more than a tweet
  const cut = Math.max(0, text.length - SIGNATURE_REACH);
  const end = text.slice(cut).replace(TRAILING_DECOR, '');
  const links = TRAILING_LINKS.exec(end);
  const rest = links ? end.slice(0, links.index) : end;
  const found = signatureAtEnd(rest);
  if (!found) return { body: text, signature: null };
  return { body: text.slice(0, cut) + rest.slice(0, found.index) + (links?.[0] ?? ''), signature: found.signature };
}

function signatureAtEnd(text: string): { index: number; signature: string } | null {
  const m = SIGNATURE.exec(text);
  if (m) return { index: m.index, signature: m[1]!.replace(/\s+/g, '') };
  const bare = BARE_INITIALS.exec(text);
  if (bare && !NOT_INITIALS.has(bare[1]!)) return { index: bare.index, signature: bare[1]! };
  return null;
}

export function normaliseReply(text: string): NormalisedReply {
  const { body, signature } = extractSignature(text);
  const normalised = body
    .replace(URL, ' ')
    .replace(MENTION, '$1 ')
    .replace(EMOJI, ' ')
    .replace(ID_LIKE, ' ')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: normalised, signature };
}

/** A reply as shown in a report: mentions and links masked, signature removed, one line. */
export function displayReply(text: string, maxLength = 200): string {
  const shown = extractSignature(text).body.replace(URL, '<link>').replace(MENTION, '$1@…').replace(/\s+/g, ' ').trim();
  return shown.length > maxLength ? `${shown.slice(0, maxLength - 1)}…` : shown;
}
