/**
 * Reading a company's website for the profiles it links to: the home page, then up to a few of its
 * contact/about pages. A page that cannot be read is reported, never taken for "links to nothing".
 */
import { decodeText } from '../http/decode.js';
import type { HttpClient } from '../http/types.js';
import { extractSiteLinks, type SiteLink } from './site-links.js';

/** Pages read besides the home page. */
export const MAX_MORE_PAGES = 3;

export interface SitePage {
  url: string;
  /** HTTP status, or null when no response came. */
  status: number | null;
  error: string | null;
}

export interface SiteScan {
  url: string;
  siteName: string | null;
  pages: SitePage[];
  /** One entry per profile across the pages read. */
  profiles: SiteLink[];
  /** Why the home page could not be read; null when it was. Then `profiles` means nothing. */
  error: string | null;
}

/** A page of the site; `from`: the page that linked to it (a link into a private address is refused from a public one). */
async function readPage(
  url: string,
  http: HttpClient,
  from?: string,
): Promise<{ page: SitePage; html: string | null; finalUrl: string }> {
  try {
    const res = await http.get(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', kind: 'page', from });
    const ok = res.status >= 200 && res.status < 300;
    return {
      page: { url, status: res.status, error: ok ? null : `HTTP ${res.status} from ${res.finalUrl}` },
      html: ok ? decodeText(res.body, res.headers['content-type']) : null,
      finalUrl: res.finalUrl,
    };
  } catch (error) {
    return {
      page: { url, status: null, error: error instanceof Error ? error.message : String(error) },
      html: null,
      finalUrl: url,
    };
  }
}

export async function readSite(url: string, http: HttpClient, maxMorePages = MAX_MORE_PAGES): Promise<SiteScan> {
  const home = await readPage(url, http);
  if (home.html === null) return { url, siteName: null, pages: [home.page], profiles: [], error: home.page.error };
  const first = extractSiteLinks(home.html, home.finalUrl);
  const pages = [home.page];
  const profiles = new Map(first.profiles.map((p) => [p.url, p]));
  for (const more of first.morePages.slice(0, maxMorePages)) {
    const next = await readPage(more, http, home.finalUrl);
    pages.push(next.page);
    if (next.html === null) continue;
    for (const p of extractSiteLinks(next.html, next.finalUrl).profiles)
      if (!profiles.has(p.url)) profiles.set(p.url, p);
  }
  return { url, siteName: first.siteName, pages, profiles: [...profiles.values()], error: null };
}
