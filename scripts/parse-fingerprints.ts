/**
 * Writes test/fixtures/parse-fingerprints.json: what the parsers make of every real sample, hashed
 * (test/helpers/parse-fingerprints.ts). Run only when a parser change is meant to change what is read.
 *
 *   npx tsx scripts/parse-fingerprints.ts
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFingerprints } from '../test/helpers/parse-fingerprints.js';

const samples = join(import.meta.dirname, '..', '..', 'shared', 'real-samples');
if (!existsSync(samples)) {
  console.error(`${samples} is absent: the real samples are not part of the repo`);
  process.exit(2);
}
const out = join(import.meta.dirname, '..', 'test', 'fixtures', 'parse-fingerprints.json');
writeFileSync(out, `${JSON.stringify(parseFingerprints(samples), null, 2)}\n`);
console.log(`wrote ${out}`);
