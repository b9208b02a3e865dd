/**
 * The social profiles a company's web page links to — footer icons and other `<a href>`, `rel="me"`
 * links, and JSON-LD `sameAs` — and the page's own contact/about pages worth reading next. Pure: HTML
 * and its URL in, data out. Share buttons and links to single posts name no profile (profile-url.ts).
 */
import type { CheerioAPI } from 'cheerio';
import { textUpTo } from '../sources/dom-text.js';
import { loadPage } from '../sources/markup.js';
import { firstIn, selectIn, selector } from '../sources/selectors.js';
import type { LinkSource } from '../model/index.js';
import { jsonLdObjects } from '../sources/json-ld.js';
import { profileRef, type ProfileRef } from './profile-url.js';

export interface SiteLink extends ProfileRef {
  /** How the page names it: `rel="me"`, JSON-LD `sameAs`, or an ordinary link (footer icons). */
  source: LinkSource;
  /** The page it was found on. */
  page: string;
}

export interface PageLinks {
  /** The site's name (og:site_name, else the <title>), or null. */
  siteName: string | null;
  /** One entry per profile, in the order found; the strongest source wins (rel-me, json-ld, link). */
  profiles: SiteLink[];
  /** Same-site pages that usually list a company's profiles (contact, about, press). */
  morePages: string[];
}

const MORE_PAGES =
  /\b(contact|about|impressum|imprint|company|press|social|follow|team|kontakt|a-propos|uber-uns|ueber-uns)\b/i;
/** Characters of a link's text read for those words: links nested in links are not read whole each time. */
const LINK_TEXT = 200;
const BASE = selector('base[href]');
const REL_ME = selector('link[rel~="me"], a[rel~="me"]');
const LINK = selector('a[href]');
const SITE_NAME = selector('meta[property="og:site_name"]');
const TITLE = selector('title');
const RANK: Record<LinkSource, number> = { 'rel-me': 0, 'json-ld': 1, link: 2 };

function absolute(href: string | undefined, base: string): URL | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base);
  } catch {
    return null;
  }
}

/** Every URL a JSON-LD object of the page gives as `sameAs`. */
function sameAs($: CheerioAPI): string[] {
  return jsonLdObjects($).flatMap((o) => [o.sameAs].flat().filter((v): v is string => typeof v === 'string'));
}

export function extractSiteLinks(html: string, pageUrl: string): PageLinks {
  const $ = loadPage(html);
  const base = absolute(firstIn($, $.root(), BASE).attr('href'), pageUrl)?.href ?? pageUrl;
  const found = new Map<string, SiteLink>();
  const add = (href: string | undefined, source: LinkSource) => {
    const url = absolute(href, base);
    const profile = url && profileRef(url);
    if (!profile) return;
    const seen = found.get(profile.url);
    if (!seen || RANK[source] < RANK[seen.source]) found.set(profile.url, { ...profile, source, page: pageUrl });
  };
  selectIn($, REL_ME).each((_, el) => add($(el).attr('href'), 'rel-me'));
  for (const href of sameAs($)) add(href, 'json-ld');

  // every other link: a profile, or one of the site's own contact/about pages
  const site = new URL(pageUrl);
  const morePages = new Set<string>();
  selectIn($, LINK).each((_, el) => {
    const href = $(el).attr('href');
    add(href, 'link');
    const url = absolute(href, base);
    if (!url || url.origin !== site.origin || url.pathname === site.pathname) return;
    if (MORE_PAGES.test(url.pathname) || MORE_PAGES.test(textUpTo([el], LINK_TEXT)))
      morePages.add(`${url.origin}${url.pathname}`);
  });
  const siteName =
    firstIn($, $.root(), SITE_NAME).attr('content')?.trim() || firstIn($, $.root(), TITLE).text().trim() || null;
  return { siteName, profiles: [...found.values()], morePages: [...morePages] };
}
