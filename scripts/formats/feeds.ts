/** Feed documents in the formats of ../shared/real-samples/blogs/: RSS 2.0 (WordPress-style), Atom 1.0, JSON Feed 1.1. */
export interface FeedEntry {
  title: string;
  summary: string;
  url: string;
  date: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, site: string, entries: FeedEntry[], encoding = 'UTF-8'): string {
  const items = entries
    .map(
      (e) => `	<item>
		<title>${esc(e.title)}</title>
		<link>${e.url}</link>
		<dc:creator><![CDATA[Northwind Team]]></dc:creator>
		<pubDate>${new Date(e.date).toUTCString().replace('GMT', '+0000')}</pubDate>
		<guid isPermaLink="false">${e.url}</guid>
		<description><![CDATA[${e.summary}]]></description>
		<slash:comments>0</slash:comments>
	</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
	<title>${esc(title)}</title>
	<atom:link href="${site}/feed.xml" rel="self" type="application/rss+xml" />
	<link>${site}</link>
	<description>${esc(title)}</description>
	<lastBuildDate>${entries[0] ? new Date(entries[0].date).toUTCString().replace('GMT', '+0000') : ''}</lastBuildDate>
	<language>en-US</language>
${items}
</channel>
</rss>
`;
}

export function atom(title: string, site: string, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `  <entry>
    <title type="html">${esc(e.title)}</title>
    <link rel="alternate" type="text/html" href="${e.url}"/>
    <id>${e.url}</id>
    <published>${e.date}</published>
    <updated>${e.date}</updated>
    <author><name>Northwind Newsroom</name></author>
    <summary type="html">${esc(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${esc(title)}</title>
  <link rel="self" type="application/atom+xml" href="${site}/atom.xml"/>
  <link rel="alternate" type="text/html" href="${site}/"/>
  <id>${site}/</id>
  <updated>${entries[0]?.date ?? '2020-01-01T00:00:00Z'}</updated>
${items}
</feed>
`;
}

export function jsonFeed(title: string, site: string, entries: FeedEntry[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title,
      home_page_url: site,
      feed_url: `${site}/feed.json`,
      items: entries.map((e) => ({
        id: e.url,
        url: e.url,
        title: e.title,
        content_text: e.summary,
        date_published: e.date,
      })),
    },
    null,
    2,
  )}\n`;
}

export function htmlWithFeedLink(title: string, feedHref: string, type: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<link rel="alternate" type="${type}" title="${esc(title)}" href="${feedHref}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body><h1>${esc(title)}</h1><p>News and announcements.</p></body>
</html>
`;
}
