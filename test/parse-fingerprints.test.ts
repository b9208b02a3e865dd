/**
 * One parse per document, unchanged results (issue 19, item 4): every real sample in
 * ../shared/real-samples gives the same feed items, dates and feed links as before the parsing changes
 * (test/fixtures/parse-fingerprints.json, taken with the parsers before them; test/helpers/parse-fingerprints.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFingerprints } from './helpers/parse-fingerprints.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'shared', 'real-samples');
const present = existsSync(SAMPLES);
if (!present) console.warn(`parse fingerprints skipped: ${SAMPLES} is absent`);

describe.skipIf(!present)('what the parsers read from the real samples', () => {
  it('is what they read before the parsing changes, file by file', () => {
    const before = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'parse-fingerprints.json'), 'utf8'));
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(parseFingerprints(SAMPLES)).toEqual(before);
  });
});
