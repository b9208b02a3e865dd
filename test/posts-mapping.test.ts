/**
 * A posts file in someone else's columns (issue 16, item 2): renamed columns, a `where` filter on an
 * author column, yes/no columns made from the file's own, and date formats — a twcs-style support log
 * (one brand's rows of a many-brand file) read without a conversion script. The fixture is our own,
 * written in the public twcs corpus's column layout.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateIn } from '../src/sources/posts-file/mapping.js';
import { cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'channel-audit-mapping-'));
const LOG = [
  'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
  '1,115712,True,Tue Oct 31 22:10:47 +0000 2017,@sprintcare my phone is broken,2,',
  '2,sprintcare,False,Tue Oct 31 22:12:10 +0000 2017,@115712 Please send us a Private Message so we can help. -AB,,1',
  '3,115713,True,Tue Oct 31 22:20:00 +0000 2017,@sprintcare no signal since yesterday,4,',
  '4,sprintcare,False,Tue Oct 31 22:40:00 +0000 2017,@115713 Please send us a Private Message so we can help. -CD,,3',
  '5,AppleSupport,False,Tue Oct 31 23:00:00 +0000 2017,@9 Let us take a look together,,8',
  '6,sprintcare,False,Wed Nov 01 09:00:00 +0000 2017,Our network upgrade finishes tonight!,,',
].join('\n');

function inventory(name: string, posts: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `company: Sprint\nprofiles:\n  - url: https://x.com/sprintcare\n    posts:\n${posts}`);
  return file;
}

async function metricsOf(file: string, asOf = '2017-11-02') {
  const run = await cli(['audit', file, '--as-of', asOf, '-f', 'json', '--fail-on', 'never']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).profiles[0];
}

describe('posts: {file, columns, where, dateFormat}', () => {
  writeFileSync(join(dir, 'log.csv'), LOG);

  it("reads one brand's rows of a support log, dating each reply by the customer's message it answers", async () => {
    const file = inventory(
      'twcs',
      [
        '      file: log.csv',
        '      columns:',
        '        id: tweet_id',
        '        date: created_at',
        '        text: text',
        '        inReplyToId: in_response_to_tweet_id',
        '        isReply: { present: in_response_to_tweet_id }',
        '      where: { author_id: sprintcare, inbound: "False" }',
        '',
      ].join('\n'),
    );
    const p = await metricsOf(file);
    expect(p.status).toBe('active');
    expect(p.metrics).toMatchObject({ replies: 2, originals: 1, responseTimesMeasured: 2 });
    // 1 min 23 s and 20 min: the customers' tweets are left out by where, but they date the replies
    expect(p.metrics.medianResponseMinutes).toBe(10.7);
    expect(p.metrics.sample.note).toMatch(/3 of 3 rows \(3 other rows left out by its "where"\)/);
    expect(p.metrics.signatures.map((s: { tag: string }) => s.tag).sort()).toEqual(['-AB', '-CD']);
  });

  it('makes a yes/no column from a value, and reads day-first dates in a stated zone', async () => {
    writeFileSync(
      join(dir, 'tool.csv'),
      ['When,Message,Kind', '31/10/2017 22:12,thanks for writing,answer', '01/11/2017 09:00,big news,post'].join('\n'),
    );
    const file = inventory(
      'tool',
      [
        '      file: tool.csv',
        '      columns: { date: When, text: Message, isReply: { column: Kind, equals: [answer, reply] } }',
        '      dateFormat: DD/MM/YYYY',
        '      timeZone: "+02:00"',
        '',
      ].join('\n'),
    );
    const p = await metricsOf(file);
    expect(p.metrics).toMatchObject({ replies: 1, originals: 1 });
    expect(p.metrics.lastPostAt).toBe('2017-11-01T07:00:00.000Z');
  });

  it.each([
    ['31/10/2017', 'DD/MM/YYYY', null, '2017-10-31T00:00:00.000Z'],
    ['10/31/2017 5:07', 'MM/DD/YYYY', null, '2017-10-31T05:07:00.000Z'],
    ['31.10.2017 22:12:05', 'DD.MM.YYYY', '+01:00', '2017-10-31T21:12:05.000Z'],
    ['2017/10/31', 'YYYY/MM/DD', null, '2017-10-31T00:00:00.000Z'],
    ['1509487967', 'epoch-seconds', null, '2017-10-31T22:12:47.000Z'],
    ['1509487967000', 'epoch-ms', null, '2017-10-31T22:12:47.000Z'],
    ['2017-10-31 22:12', 'auto', '-05:00', '2017-11-01T03:12:00.000Z'],
    ['31/02/2017', 'DD/MM/YYYY', null, null],
    ['10/31/2017', 'DD/MM/YYYY', null, null],
  ] as const)('reads %s as %s (%s) → %s', (value, format, zone, expected) => {
    expect(dateIn(value, format, zone)).toBe(expected);
  });

  it('names the columns a mapping needs that the file lacks, and those it found', async () => {
    const file = inventory(
      'missing',
      '      file: log.csv\n      columns: { date: posted_at, text: body }\n      where: { brand: sprintcare }\n',
    );
    const p = await metricsOf(file);
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /the mapping reads columns the file does not have: posted_at \(for date\), body \(for text\), brand \(for where\) \(found: tweet_id, author_id, inbound, created_at, text/,
    );
  });

  it('says what is wrong inside a mapping, with line and column', async () => {
    const file = inventory(
      'bad',
      '      file: log.csv\n      columns: { text: text, txt: body }\n      dateFormat: dd/mm\n',
    );
    const run = await cli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/:6:16: profiles\[0\]\.posts\.columns: expected at least "date"/);
    expect(run.stderr).toMatch(/:6:30: unknown key "txt" in profiles\[0\]\.posts\.columns: did you mean "text"\?/);
    expect(run.stderr).toMatch(/:7:19: profiles\[0\]\.posts\.dateFormat: expected one of: auto, epoch-seconds/);
  });
});
