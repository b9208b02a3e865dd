/**
 * The real brand replies of ../shared/real-samples/twcs (Customer Support on Twitter, CC BY-NC-SA 4.0:
 * read in place, never copied), and each brand audited through the posts-file path. Shared by the
 * conformance suite and `scripts/twcs-figures.ts`, which prints the per-brand table of docs/performance.md.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { analyzeTimeline } from '../../src/analysis/analyze.js';
import { readExport } from '../../src/platforms/kit/owner-download.js';
import { settings } from './builders.js';

export type TwcsRow = Record<string, string>;

/** Brand replies (inbound=False) of a twcs CSV, by brand. */
export function brandReplies(file: string): Map<string, TwcsRow[]> {
  const byBrand = new Map<string, TwcsRow[]>();
  for (const r of parseCsv(readFileSync(file), { columns: true }) as TwcsRow[]) {
    if (r.inbound === 'False') byBrand.set(r.author_id!, [...(byBrand.get(r.author_id!) ?? []), r]);
  }
  return byBrand;
}

const tmp = mkdtempSync(join(tmpdir(), 'twcs-'));

/** One brand's replies written as a posts CSV and audited as an X profile, as of the corpus's end. */
export async function auditBrand(brand: string, rows: readonly TwcsRow[]) {
  const csv = [
    'id,date,text,isReply',
    ...rows.map((r) =>
      [
        r.tweet_id,
        new Date(r.created_at!).toISOString(),
        `"${r.text!.replace(/"/g, '""')}"`,
        r.in_response_to_tweet_id ? 'true' : 'false',
      ].join(','),
    ),
  ].join('\n');
  const path = join(tmp, `${brand}.csv`);
  writeFileSync(path, csv);
  const outcome = await readExport(
    {
      id: brand,
      url: `https://x.com/${brand}`,
      platform: 'x',
      name: null,
      owner: null,
      tags: [],
      endpoints: {},
      export: { kind: 'posts', path, resolved: path, root: dirname(path), allowOutside: false },
      assert: {},
    },
    'x',
  );
  if (outcome.kind !== 'ok') throw new Error(`${brand}: ${outcome.reason}`);
  return analyzeTimeline(outcome.timeline, new Date('2017-12-31T00:00:00Z'), settings);
}
