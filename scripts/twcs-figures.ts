/**
 * The per-brand figures of docs/performance.md for the real twcs sample: canned ratio, templates, signing agents and
 * signed replies of the ten brands with most replies. Reads ../shared/real-samples in place.
 *
 *   npx tsx scripts/twcs-figures.ts
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseReply } from '../src/analysis/normalise.js';
import { auditBrand, brandReplies } from '../test/helpers/twcs.js';

const file = join(import.meta.dirname, '..', '..', 'shared', 'real-samples', 'twcs', 'twcs_random_sample_5k.csv');
if (!existsSync(file)) {
  console.error(`${file} is absent: the real samples are not part of the repo`);
  process.exit(2);
}
const byBrand = brandReplies(file);
const all = [...byBrand.values()].flat();
// a brand's rows are its outbound tweets; the replies are those that answer a tweet
const isReply = (r: (typeof all)[number]) => Boolean(r.in_response_to_tweet_id);
const replies = all.filter(isReply);
const signed = replies.filter((r) => normaliseReply(r.text!).signature !== null).length;
console.log(
  `${all.length.toLocaleString('en-US')} brand tweets from ${byBrand.size} brands, ${replies.length.toLocaleString('en-US')} of them replies; ${signed.toLocaleString('en-US')} replies end with an agent signature\n`,
);
console.log('| brand | tweets | replies | canned | templates | signing agents | signed replies |');
console.log('|---|--:|--:|--:|--:|--:|--:|');
const top = [...byBrand].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, 10);
for (const [brand, rows] of top) {
  const m = await auditBrand(brand, rows);
  const signedReplies = m.signatures.reduce((sum, s) => sum + s.count, 0);
  console.log(
    `| ${brand} | ${rows.length} | ${rows.filter(isReply).length} | ${((m.cannedRatio ?? 0) * 100).toFixed(1).replace(/\.0$/, '')}% | ${m.templateCount ?? 0} | ${m.signatures.length} | ${signedReplies} |`,
  );
}
