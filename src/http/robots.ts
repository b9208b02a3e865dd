/**
 * robots.txt for HTML page fetches (documented APIs and feeds are exempt: robots.txt is about crawling
 * pages). One fetch per origin per run, parsed by robots-parser; RFC 9309: a 4xx robots.txt allows
 * everything, a 5xx or unreachable one means "assume complete disallow". A host that cannot be reached
 * at all (DNS, connection, timeout) is reported as that, since the page cannot be fetched either.
 */
import robotsParserModule from 'robots-parser';
import { FetchError, type HttpResponse } from './types.js';

// the package is CommonJS (module.exports = function) and its typings declare it oddly
const robotsParser = robotsParserModule as unknown as (
  url: string,
  text: string,
) => { isAllowed(url: string, agent?: string): boolean | undefined };

/** `unreachable`: the host itself could not be reached, so neither can the page: that, not a disallow, is the answer. */
type Rules = { allowed: (url: string) => boolean; source: string; unreachable?: FetchError };

const HOST_DOWN: ReadonlySet<string> = new Set(['dns', 'connection', 'timeout']);

export class RobotsGate {
  private readonly byOrigin = new Map<string, Promise<Rules>>();

  /** `agent`: the product token matched against User-agent lines (e.g. "channel-audit"). */
  constructor(private readonly agent: string) {}

  /** Throws a `robots` FetchError when the origin's robots.txt disallows the URL for this agent. */
  async check(url: string, fetchText: (url: string) => Promise<HttpResponse>): Promise<void> {
    const origin = new URL(url).origin;
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = this.load(origin, fetchText);
      this.byOrigin.set(origin, rules);
    }
    const { allowed, source, unreachable } = await rules;
    if (unreachable) throw new FetchError(unreachable.code, url, unreachable.message);
    if (!allowed(url))
      throw new FetchError(
        'robots',
        url,
        `${source} disallows ${url} for ${this.agent} (--ignore-robots fetches it anyway)`,
      );
  }

  private async load(origin: string, fetchText: (url: string) => Promise<HttpResponse>): Promise<Rules> {
    const robotsUrl = `${origin}/robots.txt`;
    let res: HttpResponse;
    try {
      res = await fetchText(robotsUrl);
    } catch (error) {
      if (error instanceof FetchError && error.code === 'interrupted') throw error;
      if (error instanceof FetchError && HOST_DOWN.has(error.code))
        return { allowed: () => false, source: robotsUrl, unreachable: error };
      return {
        allowed: () => false,
        source: `${robotsUrl} could not be fetched (${(error as Error).message}), so RFC 9309`,
      };
    }
    if (res.status >= 500)
      return { allowed: () => false, source: `${robotsUrl} answered HTTP ${res.status}, so RFC 9309` };
    if (res.status >= 400) return { allowed: () => true, source: robotsUrl };
    const robots = robotsParser(robotsUrl, res.body.toString('utf8'));
    return { allowed: (url) => robots.isAllowed(url, this.agent) !== false, source: robotsUrl };
  }
}
