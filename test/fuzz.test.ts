/**
 * Property tests (fast-check) of the helpers that take text from outside — URLs, markup, post text —
 * over arbitrary strings: no exception escapes, and every output keeps its documented bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileRef } from '../src/discovery/profile-url.js';
import { entryStem } from '../src/http/store.js';
import { redactSecrets, redactUrl, tryDecodeURIComponent, urlSecrets } from '../src/model/uri.js';
import { nestingDepth } from '../src/sources/markup.js';
import { htmlToText, MAX_ITEM_HTML } from '../src/sources/text.js';
import { acctFromUrl } from '../src/platforms/mastodon/urls.js';
import { handleFromUrl } from '../src/platforms/bluesky/urls.js';
import { neutralise } from '../src/render/csv.js';
import { escapeHtml, escapeMarkdown, safeHref } from '../src/render/escape.js';
import { terminalSafe } from '../src/render/sanitize.js';

const RUNS = { numRuns: 400, seed: 20261201 };

/** Strings that look like what the helpers meet: URL parts, escapes, markup and control characters mixed with anything. */
const piece = fc.constantFrom(
  '%',
  '%E0%A4%A',
  '%2e%2e',
  '..',
  '/',
  '@',
  ':',
  '?',
  '#',
  '&',
  '=',
  'access_token=',
  'user:pw@',
  '<div>',
  '</div>',
  '<br>',
  '&amp;',
  '\n',
  '\r',
  '\u001b]0;',
  '\u0000',
  '=cmd',
  '[',
  ']',
  '\u202e',
);
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
);
const urlish = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(fc.constantFrom('http://', 'https://', 'http://../', 'https://user:pass@'), hostile)
    .map(([scheme, rest]) => scheme + rest),
  hostile,
);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/;

describe('URL helpers never throw on outside text', () => {
  it('percent-decoding: a string or null', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = tryDecodeURIComponent(s);
        expect(out === null || typeof out === 'string').toBe(true);
      }),
      RUNS,
    );
  });

  it('profile links, Mastodon accounts and Bluesky handles', () => {
    fc.assert(
      fc.property(urlish, (s) => {
        profileRef(s);
        if (URL.canParse(s)) {
          acctFromUrl(new URL(s));
          handleFromUrl(new URL(s));
        }
      }),
      RUNS,
    );
  });

  it('redaction leaves no credential of the URL in the URL or in text quoting it', () => {
    fc.assert(
      fc.property(urlish, hostile, (url, around) => {
        const secrets = urlSecrets(url);
        const redacted = redactSecrets(`${around}${redactUrl(url)}${around}`, secrets);
        for (const secret of secrets) expect(redacted.includes(secret)).toBe(false);
      }),
      RUNS,
    );
  });

  it('evidence and cache files stay inside their folder, with names a file system accepts', () => {
    fc.assert(
      fc.property(urlish, (url) => {
        const stem = entryStem('/data/store', url);
        expect(stem.startsWith('/data/store/')).toBe(true);
        const parts = stem.slice('/data/store/'.length).split('/');
        expect(parts).toHaveLength(2);
        expect(parts.every((p) => p.length > 0 && p.length <= 100 && p !== '.' && p !== '..')).toBe(true);
      }),
      RUNS,
    );
  });

  it('links: only http(s), or none', () => {
    fc.assert(
      fc.property(urlish, (s) => {
        const href = safeHref(s);
        expect(href === null || /^https?:\/\//.test(href)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('text helpers keep their bounds', () => {
  it('terminal text: no control character, never longer', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = terminalSafe(s);
        expect(CONTROL.test(out)).toBe(false);
        expect(out.length).toBeLessThanOrEqual(s.length);
      }),
      RUNS,
    );
  });

  it('HTML and Markdown text: no raw markup', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
        const md = escapeMarkdown(s);
        expect(md).not.toMatch(/[<>\n\r]/);
        expect(md).not.toMatch(/(?<!\\)[[\]`*_|~]/);
      }),
      RUNS,
    );
  });

  it('CSV cells: no line inside a cell starts a formula', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        for (const line of neutralise(s).split(/\r\n|\n|\r/)) expect(/^[=+\-@\t]/.test(line)).toBe(false);
      }),
      RUNS,
    );
  });

  it('post HTML: text of at most MAX_ITEM_HTML characters, any nesting', () => {
    fc.assert(
      fc.property(hostile, fc.nat({ max: 2000 }), (s, depth) => {
        const text = htmlToText(`${'<div>'.repeat(depth)}${s}${'</div>'.repeat(depth)}`);
        expect(text.length).toBeLessThanOrEqual(MAX_ITEM_HTML);
        expect(nestingDepth(s)).toBeGreaterThanOrEqual(0);
      }),
      { ...RUNS, numRuns: 150 },
    );
  });
});
