/**
 * Web pages in the markup real sites serve: a microsite with JSON-LD and <time> elements and the company's own
 * pages (Threads' profile page is in test/platforms/threads/format.ts, the walls in test/platforms/<id>/walls/).
 */
export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageEvent {
  title: string;
  date: string;
  url: string;
}

export function micrositePage(title: string, site: string, events: PageEvent[], modified: string): string {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': `${site}/#website`, url: site, name: title },
      {
        '@type': 'WebPage',
        '@id': `${site}/#webpage`,
        url: site,
        name: title,
        datePublished: events.at(-1)?.date,
        dateModified: modified,
      },
      ...events
        .slice(0, 2)
        .map((e) => ({ '@type': 'BlogPosting', headline: e.title, datePublished: e.date, url: e.url })),
    ],
  };
  const articles = events
    .map(
      (e) =>
        `<article class="post"><h2><a href="${e.url}">${esc(e.title)}</a></h2><p>Posted <time datetime="${e.date}">${e.date.slice(0, 10)}</time></p></article>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="og:title" content="${esc(title)}"><meta property="og:type" content="website">
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><header><h1>${esc(title)}</h1></header><main>
${articles}
</main><footer><a href="https://www.instagram.com/northwind/">Instagram</a></footer></body></html>
`;
}

/**
 * A company home page as real sites write them: profiles in JSON-LD `sameAs`, a `rel="me"` link, footer
 * icons (icon-only links with tracking parameters), share buttons that are not profiles, and a contact page.
 */
export function companyHomePage(
  name: string,
  site: string,
  sameAs: string[],
  relMe: string[],
  footer: Array<[label: string, href: string]>,
): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name,
    url: `${site}/`,
    logo: `${site}/logo.svg`,
    sameAs,
  };
  const icons = footer
    .map(
      ([label, href]) =>
        `<li><a href="${esc(href)}" target="_blank" rel="noopener noreferrer" aria-label="${esc(label)}"><svg aria-hidden="true" viewBox="0 0 24 24"><use href="#icon-${esc(label.toLowerCase())}"></use></svg></a></li>`,
    )
    .join('\n    ');
  const share = encodeURIComponent(`${site}/`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(name)} | Gear for the long trail</title>
<meta property="og:site_name" content="${esc(name)}">
${relMe.map((href) => `<link rel="me" href="${esc(href)}">`).join('\n')}
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><header><nav><a href="/">Home</a> <a href="/shop/">Shop</a> <a href="/contact/">Contact us</a></nav></header>
<main><h1>Gear for the long trail</h1>
<div class="share"><a href="https://twitter.com/intent/tweet?url=${share}" aria-label="Share on X">Share</a> <a href="https://www.facebook.com/sharer/sharer.php?u=${share}" aria-label="Share on Facebook">Share</a></div></main>
<footer><ul class="social">
    ${icons}
</ul></footer></body></html>
`;
}

/** A contact page naming the support accounts in its text. */
export function contactPage(name: string, links: Array<[label: string, href: string]>): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Contact – ${esc(name)}</title></head>
<body><main><h1>Contact us</h1>
${links.map(([label, href]) => `<p>${esc(label)}: <a href="${esc(href)}">${esc(href.replace(/^https:\/\//, ''))}</a></p>`).join('\n')}
</main></body></html>
`;
}
