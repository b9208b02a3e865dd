/**
 * Escaping of untrusted text for each output language. Everything in a report that came from the web
 * (names, post text, error messages, URLs) goes through one of these before it is written.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** XML 1.0 text and attribute values: characters XML cannot carry are dropped. */
export const escapeXml = escapeHtml;

/** An href only for http(s) URLs; anything else (javascript:, data:) gets no link at all. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * One line of Markdown text that renders literally: HTML is entity-escaped and the punctuation that
 * makes emphasis, code, links, images (`[`), tables and strike-through is backslash-escaped, so a post
 * cannot inject markup, links or images. Parentheses and `!` need no escape once `[` has one.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-=])/, '$1\\$2');
}

/** JSON that is safe inside an HTML <script> data block: no `<` can close the element or open a comment. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The Content-Security-Policy of every page channel-audit writes (report, history, benchmark): no script,
 * no request but inline styles and data: images, so a page opens offline and a hostile string cannot load.
 */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
