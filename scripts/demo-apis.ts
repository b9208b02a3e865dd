/**
 * The demo's two profiles read through their owners' APIs (issue 18): a YouTube channel through the
 * Data API v3 and an Instagram professional account through the Graph API. Their evidence is recorded
 * the way `--record` records a real run: the audit's own API readers run against a simulated API (the
 * documented response formats of test/platforms/youtube/ and meta-graph/api-format.ts, answered from the URL
 * each reader asks for) through the recording client, with placeholder tokens that the evidence never holds. The demo then
 * replays them without any token.
 */
import { RecordingHttpClient } from '../src/http/evidence.js';
import type { GetOptions, HttpClient, HttpResponse } from '../src/http/types.js';
import { auditInventory, parseInventory } from '../src/index.js';
import {
  type GraphCommentSpec,
  type GraphPostSpec,
  graphMe,
  igMedia,
} from '../test/platforms/meta-graph/api-format.js';
import {
  type YtThreadSpec,
  type YtVideo,
  ytChannels,
  ytCommentThreads,
  ytPlaylistItems,
  ytVideoStatistics,
} from '../test/platforms/youtube/api-format.js';
import { AS_OF, CANNED, CUSTOMERS, ORIGINALS, personalReply, PROMOS, schedule } from './demo-content.js';
import { Random } from './formats/random.js';

const rand = new Random(1802);
const minutesAfter = (iso: string, min: number, max: number) =>
  new Date(Date.parse(iso) + rand.int(min, max) * 60_000).toISOString();
const beforeAsOf = (iso: string) => Date.parse(iso) < Date.parse(AS_OF);
const JSON_TYPE = 'application/json; charset=UTF-8';

const YT_CHANNEL = `UC${'NorthwindRepair'.padEnd(22, 'x')}`;
const IG = { id: '17841400000000042', username: 'northwind.trail', name: 'Northwind Trail Team', followers: 3120 };
const PAGE = { id: '104000000000017', name: 'Northwind Trail Team' };
const QUESTIONS = [
  'How do I re-wax the jacket?',
  'Which size should I take for the boots?',
  'Does the warranty cover a broken zip?',
  'Where can I get a replacement buckle?',
  'Can I wash this at 40 degrees?',
];

/** The repair channel: 70 videos over two years; it answers most questions under recent ones, often with the same text. */
function repairChannel() {
  const videos: YtVideo[] = schedule(rand, 720, 2, 0.7).map((at, i) => ({
    id: `nwr${String(i).padStart(4, '0')}${rand.int(1000, 9999)}`,
    title: `Repair: ${rand.pick(ORIGINALS).split(/[.:!]/)[0]!.slice(0, 60)}`,
    description: rand.pick(ORIGINALS),
    published: at,
  }));
  const brand = { channelId: YT_CHANNEL, name: '@northwindrepair' };
  const threads = new Map<string, YtThreadSpec[]>();
  for (const v of videos.slice(0, 14)) {
    const list: YtThreadSpec[] = [];
    for (let k = rand.int(1, 4); k > 0; k--) {
      const who = rand.pick(CUSTOMERS);
      const at = minutesAfter(v.published, 30, 3000);
      if (!beforeAsOf(at)) continue;
      const question = rand.chance(0.7);
      const top = {
        id: `Ugz${v.id}${k}`,
        author: { channelId: `UC${who.padEnd(22, 'q')}`.slice(0, 24), name: `@${who}` },
        text: question ? rand.pick(QUESTIONS) : 'Great tips, thanks!',
        published: at,
      };
      const answerAt = minutesAfter(at, 20, 1500);
      const answered = question && rand.chance(0.75) && beforeAsOf(answerAt);
      const text = rand.chance(0.6) ? `${rand.pick(CANNED)} -Team NW` : personalReply((items) => rand.pick(items));
      list.push({ top, replies: answered ? [{ id: `${top.id}.a`, author: brand, text, published: answerAt }] : [] });
    }
    threads.set(v.id, list);
  }
  return { videos, threads };
}

/** The trail account: 40 posts over 200 days, comments under many, a few answered by the account. */
function trailAccount(): GraphPostSpec[] {
  return schedule(rand, 200, 1, 1.4).map((at, i) => {
    const comments: GraphCommentSpec[] = [];
    for (let k = rand.chance(0.6) ? rand.int(1, 3) : 0; k > 0; k--) {
      const who = rand.pick(CUSTOMERS);
      const cAt = minutesAfter(at, 10, 2000);
      if (!beforeAsOf(cAt)) continue;
      const question = rand.chance(0.5);
      const answerAt = minutesAfter(cAt, 30, 2400);
      const answered = rand.chance(question ? 0.4 : 0.1) && beforeAsOf(answerAt);
      comments.push({
        id: `1790${i}${k}00${rand.int(100, 999)}`,
        from: { id: `1784${rand.int(100000, 999999)}`, name: who },
        text: question ? rand.pick(QUESTIONS) : 'Love this trail! 😍',
        created: cAt,
        replies: answered
          ? [
              {
                id: `1790${i}${k}99`,
                from: { id: IG.id, name: IG.username },
                text: 'Thanks! 🙌 DM us for details.',
                created: answerAt,
              },
            ]
          : [],
      });
    }
    return {
      id: `1790000${String(i).padStart(4, '0')}`,
      text: i % 4 === 0 ? rand.pick(PROMOS) : rand.pick(ORIGINALS),
      created: at,
      comments,
    };
  });
}

/** Answers each API URL the readers ask for from the generated content, in the APIs' documented formats. */
function simulatedApi(): (url: URL) => { status?: number; body: string } | undefined {
  const yt = repairChannel();
  const ig = trailAccount();
  return (url) => {
    const q = url.searchParams;
    if (url.hostname === 'www.googleapis.com') {
      const path = url.pathname.replace('/youtube/v3', '');
      if (path === '/channels')
        return {
          body: ytChannels({
            id: YT_CHANNEL,
            title: 'Northwind Repair Help',
            handle: '@northwindrepair',
            published: '2021-04-12T09:00:00Z',
            subscribers: 1830,
            videos: yt.videos.length,
          }),
        };
      if (path === '/playlistItems') {
        const start = Number(q.get('pageToken')?.replace('page', '') ?? 0);
        const next = start + 50 < yt.videos.length ? `page${start + 50}` : null;
        return { body: ytPlaylistItems(YT_CHANNEL, yt.videos.slice(start, start + 50), next, yt.videos.length) };
      }
      if (path === '/videos') {
        const ids = (q.get('id') ?? '').split(',');
        const count = (id: string) => (yt.threads.get(id) ?? []).reduce((n, t) => n + 1 + t.replies.length, 0);
        return { body: ytVideoStatistics(ids.map((id) => ({ id, comments: count(id) }))) };
      }
      if (path === '/commentThreads') {
        const id = q.get('videoId')!;
        return { body: ytCommentThreads(YT_CHANNEL, id, yt.threads.get(id) ?? []) };
      }
    }
    if (url.hostname === 'graph.facebook.com') {
      const path = url.pathname.replace(/^\/v[\d.]+/, '');
      if (path === '/me') return { body: graphMe(PAGE, { ...IG, media: ig.length }) };
      if (path === `/${IG.id}/media`) {
        const start = Number(q.get('after') ? Buffer.from(q.get('after')!, 'base64url').toString() : 0);
        const after = start + 25 < ig.length ? Buffer.from(String(start + 25)).toString('base64url') : null;
        const next = after ? `https://graph.facebook.com/v24.0/${IG.id}/media?after=${after}` : null;
        return { body: igMedia(ig.slice(start, start + 25), after, next) };
      }
    }
    return undefined;
  };
}

class SimulatedApiClient implements HttpClient {
  constructor(private readonly answer: ReturnType<typeof simulatedApi>) {}
  async get(url: string, _options?: GetOptions): Promise<HttpResponse> {
    const found = this.answer(new URL(url));
    if (!found) throw new Error(`the simulated API has no answer for ${url}`);
    return {
      url,
      finalUrl: url,
      status: found.status ?? 200,
      headers: { 'content-type': JSON_TYPE, etag: `"${url.length}"` },
      body: Buffer.from(found.body),
    };
  }
  async close(): Promise<void> {}
}

/** The two profiles as the demo inventory lists them: URL, name, and the rest of the entry. */
const PROFILES: Array<[url: string, name: string, extra: string]> = [
  [
    'https://www.youtube.com/@northwindrepair',
    'YouTube repair channel',
    '\n    owner: customer care\n    tags: [support]\n    auth: {env: YOUTUBE_API_KEY}   # replayed from recorded API evidence: no key needed',
  ],
  [
    'https://www.instagram.com/northwind.trail/',
    'Instagram trail team',
    '\n    owner: trail team\n    auth: {env: META_PAGE_TOKEN}   # replayed from recorded API evidence: no token needed',
  ],
];

/** Records the two API profiles' evidence into `evidence`; returns their inventory entries. */
export async function apiProfiles(evidence: string): Promise<typeof PROFILES> {
  const entries = PROFILES.map(([url, name, extra]) => `  - url: ${url}\n    name: ${name}${extra}`);
  const inventory = parseInventory(
    `company: Northwind Outfitters\nsettings:\n  hostIntervalMs: 0\nprofiles:\n${entries.join('\n')}\n`,
    'demo-apis.yaml',
  );
  const http = new RecordingHttpClient(new SimulatedApiClient(simulatedApi()), evidence);
  const report = await auditInventory(inventory, {
    http,
    asOf: new Date(AS_OF),
    generatedAt: new Date(AS_OF),
    // placeholders: the recording never holds a credential (and the demo replays without one)
    env: { YOUTUBE_API_KEY: 'demo-placeholder-key', META_PAGE_TOKEN: 'demo-placeholder-token' },
  });
  for (const p of report.profiles)
    if (p.status === 'error' || p.api?.used !== true)
      throw new Error(`the demo's API profile ${p.id} was not read through its API: ${p.statusReason}`);
  return PROFILES;
}
