/**
 * Property tests (fast-check, seeded) of secret scrubbing (issue 30, critical 8 and the major on URLs
 * a server hands over): a token of any shape, written into any text in any form a server echoes it in,
 * is gone from the scrubbed text and bytes; the bytes around it are kept; and the credentials of URLs in
 * free text are gone while the text stays readable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECRET_MARK, SecretScrubber } from '../src/model/secret-forms.js';
import { redactUrlsInText } from '../src/model/uri.js';

const RUNS = { numRuns: 300, seed: 20261230 };
/** Each run builds a scrubber (one regular expression per token): fewer runs per form, seven forms. */
const FORM_RUNS = { ...RUNS, numRuns: 60 };

/** Tokens as issuers write them: letters and digits with the punctuation of bearer tokens and keys. */
const token = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/='.split('')), {
    minLength: 16,
    maxLength: 80,
  })
  .map((chars) => chars.join(''))
  .filter((t) => /[A-Za-z0-9]{4}/.test(t));

const context = fc.string({ maxLength: 40 });
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

/** The forms a server echoes a token in, each with a function that writes it. */
const forms: Record<string, (t: string, random: number[]) => string> = {
  raw: (t) => t,
  percentEncoded: (t) => encodeURIComponent(t),
  everyCharacterEncoded: (t, r) =>
    [...t]
      .map((c, i) => `%${c.charCodeAt(0).toString(16)[(r[i % r.length] ?? 0) % 2 ? 'toUpperCase' : 'toLowerCase']()}`)
      .join(''),
  base64: (t, r) => Buffer.from(`${'p'.repeat((r[0] ?? 0) % 3)}${t}${'s'.repeat((r[1] ?? 0) % 3)}`).toString('base64'),
  base64url: (t, r) => Buffer.from(`${'q'.repeat((r[0] ?? 0) % 3)}${t}`).toString('base64url'),
  zeroWidth: (t, r) =>
    [...t]
      .map(
        (c, i) => c + ((r[i % r.length] ?? 0) % 3 === 0 ? ZERO_WIDTH[(r[i % r.length] ?? 0) % ZERO_WIDTH.length] : ''),
      )
      .join(''),
  jsonEscaped: (t) => JSON.stringify(t).slice(1, -1).replace(/\//g, '\\/'),
};

/** Whether any 12 consecutive characters of the token, or its base64 core, are still in the text. */
function leaks(text: string, t: string, form: string): boolean {
  const plain = text.replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '');
  if (form === 'base64' || form === 'base64url')
    return [0, 1, 2].some((pad) => {
      const core = Buffer.from(`${'z'.repeat(pad)}${t}`)
        .toString(form)
        .slice(4, -4);
      return core.length >= 12 && plain.includes(core);
    });
  const decoded = (() => {
    try {
      return decodeURIComponent(plain.replace(/\\\//g, '/'));
    } catch {
      return plain;
    }
  })();
  return Array.from({ length: t.length - 11 }, (_, i) => t.slice(i, i + 12)).some(
    (piece) => plain.includes(piece) || decoded.includes(piece),
  );
}

describe('critical 8: scrubbing by value, as properties', () => {
  for (const [name, write] of Object.entries(forms))
    it(`a token written ${name} inside any text is gone from the scrubbed text and bytes`, () => {
      fc.assert(
        fc.property(
          token,
          context,
          context,
          fc.array(fc.nat(), { minLength: 2, maxLength: 8 }),
          (t, before, after, r) => {
            const text = `${before}${write(t, r)}${after}`;
            const scrubber = new SecretScrubber([t]);
            const out = scrubber.scrub(text);
            expect(out).toContain(SECRET_MARK);
            expect(leaks(out, t, name)).toBe(false);
            const bytes = scrubber.scrubBytes(Buffer.from(text)).toString('utf8');
            expect(leaks(bytes, t, name)).toBe(false);
          },
        ),
        FORM_RUNS,
      );
    });

  it('the bytes around a token are kept exactly (a binary body stays intact)', () => {
    const binary = fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a.map((b) => b & 0x1f)));
    fc.assert(
      fc.property(token, binary, binary, (t, before, after) => {
        const out = new SecretScrubber([t]).scrubBytes(Buffer.concat([before, Buffer.from(t), after]));
        expect(out.equals(Buffer.concat([before, Buffer.from(SECRET_MARK), after]))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a text without the token is returned unchanged', () => {
    fc.assert(
      fc.property(token, fc.string({ maxLength: 200 }), (t, text) => {
        fc.pre(!text.includes(t.slice(0, 8)));
        expect(new SecretScrubber([t]).scrub(text)).toBe(text);
      }),
      RUNS,
    );
  });
});

describe('major: credentials of URLs in free text, as properties', () => {
  const value = fc.stringMatching(/^[A-Za-z0-9]{6,24}$/);
  const param = fc.constantFrom('sig', 'X-Amz-Signature', 'x-amz-credential', 'access_token', 'api_key', 'password');
  it('user:pass@ and secret-looking query values are gone; the host, path and other parameters stay', () => {
    fc.assert(
      fc.property(value, value, param, value, context, (user, pass, name, secret, around) => {
        const url = `https://${user}:${pass}@cdn.example/a/b?page=2&${name}=${secret}&max_id=9`;
        const out = redactUrlsInText(`${around.replace(/:\/\//g, '')} ${url} ${around.replace(/:\/\//g, '')}`);
        expect(out).not.toContain(`:${pass}@`);
        expect(out).not.toContain(`=${secret}`);
        expect(out).toContain(`https://cdn.example/a/b?page=2&${name}=REDACTED&max_id=9`);
      }),
      RUNS,
    );
  });
});
