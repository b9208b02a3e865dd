/**
 * One adapter per walled platform, driven by its row of the walls table: fetch the public page; a wall
 * marker makes the profile `blocked` with that marker as evidence; a page that renders is read like any web
 * page (plus the platform's own post markup). A page that renders but shows no posts is still `blocked`:
 * could not tell, never "no posts".
 */
import { loadPage } from '../../sources/markup.js';
import { firstIn, selector } from '../../sources/selectors.js';
import { decodeText } from '../../http/decode.js';
import type { HttpResponse } from '../../http/types.js';
import type { FetchOutcome, ProfileSpec } from '../../model/index.js';
import { looksLikeHtml } from '../feed/discover.js';
import { judgeStatus, trackedFetch } from '../kit/outcomes.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { readPage } from '../web/read-page.js';
import type { WallMarker, WalledPlatform } from './types.js';

export interface WallMatch {
  marker: WallMarker;
  /** What matched, quoted for the report. */
  seen: string;
}

const TITLE = selector('title');
const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);

/** The first marker of the platform that the response shows, or null. */
export function matchWall(platform: WalledPlatform, res: HttpResponse, text: string): WallMatch | null {
  const final = new URL(res.finalUrl);
  const html = looksLikeHtml(text);
  const $ = html ? loadPage(text) : null;
  const title = $ ? firstIn($, $.root(), TITLE).text().trim() : '';
  for (const marker of platform.markers) {
    switch (marker.kind) {
      case 'status':
        if (res.status === marker.status) return { marker, seen: `HTTP ${res.status}` };
        break;
      case 'redirect':
        if (marker.pattern.test(final.pathname + final.search)) return { marker, seen: `final URL ${res.finalUrl}` };
        break;
      case 'title':
        if ($ && marker.pattern.test(title)) return { marker, seen: `<title> ${quote(title)}` };
        break;
      case 'body': {
        const m = marker.pattern.exec(text);
        if (m) return { marker, seen: `page text ${quote(m[0])}` };
        break;
      }
      case 'missing-meta':
        if (
          $ &&
          res.status === 200 &&
          firstIn($, $.root(), selector(`meta[property="${marker.property}"], meta[name="${marker.property}"]`))
            .length === 0
        ) {
          return { marker, seen: `no <meta property="${marker.property}">` };
        }
        break;
    }
  }
  return null;
}

export function walledAdapter(platform: WalledPlatform): PlatformAdapter {
  const readWalled = async (profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> => {
    const res = await http.get(profile.url, {
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      kind: 'page',
    });
    const text = decodeText(res.body, res.headers['content-type']);
    const wall = matchWall(platform, res, text);
    if (wall) {
      return http.blocked(`${platform.name} login wall: ${wall.marker.says}`, `${wall.marker.id}: ${wall.seen}`);
    }
    const failed = judgeStatus(res, http, `${platform.name} profile`);
    if (failed) return failed;
    const outcome = await readPage(profile.url, http, {
      platform: platform.id,
      parse: ctx.parseFeed,
      first: res,
      extraItems: platform.postDates ? await platform.postDates() : undefined,
    });
    if (outcome.kind === 'error' && outcome.reason.startsWith('no dated content')) {
      return http.blocked(
        `${platform.name} showed a page with no posts to a logged-out reader: nothing to measure`,
        `no-public-posts: no dated content on ${res.finalUrl}`,
      );
    }
    return outcome.kind === 'ok' ? { ...outcome, timeline: { ...outcome.timeline, partlyWalled: true } } : outcome;
  };
  return {
    id: platform.id,
    fetch: trackedFetch(readWalled),
  };
}
