/**
 * Reply normalisation for canned-response detection: what is left when the parts that differ between
 * two pastes of the same template are removed — mentions, URLs, numbers, order/ticket ids, emoji and the
 * agent's signature (^JS, -AB, ~Jen, /AY).
 */

/** An agent signature at the end of a reply: ^JS, -AB, – AB, ~Jen, /AY, -Becky. */
const SIGNATURE = /(?:^|\s)(\^\s?[A-Z]{1,4}|[-–—~/]\s?(?:[A-Z]{2,4}|[A-Z][a-z]{1,11}))\s*[.!]?\s*$/u;
const TRAILING_DECOR = /[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]+$/u;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION = /(^|[^\w])@[\w.-]+/gu;
const ID_LIKE = /#?\b\w*\d\w*\b/gu;
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}]/gu;

export interface NormalisedReply {
  /** Lower-case words, joined by single spaces; '' when nothing is left. */
  text: string;
  /** The signature as written (`^JS`), or null. */
  signature: string | null;
}

export function extractSignature(text: string): { body: string; signature: string | null } {
  const trimmed = text.replace(TRAILING_DECOR, '');
  const m = SIGNATURE.exec(trimmed);
  if (!m) return { body: text, signature: null };
  return { body: trimmed.slice(0, m.index), signature: m[1]!.replace(/\s+/g, '') };
}

export function normaliseReply(text: string): NormalisedReply {
  const { body, signature } = extractSignature(text);
  const normalised = body
    .replace(URL, ' ')
    .replace(MENTION, '$1 ')
    .replace(EMOJI, ' ')
    .replace(ID_LIKE, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: normalised, signature };
}

/** A reply as shown in a report: mentions and links masked, signature removed, one line. */
export function displayReply(text: string, maxLength = 200): string {
  const shown = extractSignature(text)
    .body.replace(URL, '<link>')
    .replace(MENTION, '$1@…')
    .replace(/\s+/g, ' ')
    .trim();
  return shown.length > maxLength ? `${shown.slice(0, maxLength - 1)}…` : shown;
}
