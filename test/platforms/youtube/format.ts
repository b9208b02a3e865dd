/**
 * YouTube in the formats of ../shared/real-samples/youtube/: the channel page (HTML embedding ytInitialData
 * with channelMetadataRenderer.externalId and rssUrl, the itemprop channelId meta and the RSS link) and the
 * channel's Atom feed (feeds/videos.xml?channel_id=), newest 15 videos.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Video {
  id: string;
  title: string;
  description: string;
  published: string;
}

export function channelPage(handle: string, channelId: string, title: string): string {
  const rss = `https://www.youtube.com/feeds/videos.xml?channel_id=${channelId}`;
  const initial = {
    responseContext: { serviceTrackingParams: [] },
    metadata: {
      channelMetadataRenderer: {
        title,
        description: `${title}: gear tests, trail guides and repair tips.`,
        rssUrl: rss,
        externalId: channelId,
        channelUrl: `https://www.youtube.com/channel/${channelId}`,
        vanityChannelUrl: `http://www.youtube.com/${handle}`,
        isFamilySafe: true,
      },
    },
  };
  return `<!DOCTYPE html><html style="font-size: 10px;font-family: Roboto, Arial, sans-serif;" lang="en" system-icons typography><head><meta http-equiv="origin-trial" content="x"><title>${esc(title)} - YouTube</title><meta property="og:title" content="${esc(title)}"><link rel="canonical" href="https://www.youtube.com/channel/${channelId}"><link rel="alternate" type="application/rss+xml" title="RSS" href="${rss}"><meta itemprop="identifier" content="${channelId}"><meta itemprop="channelId" content="${channelId}"></head><body dir="ltr"><script nonce="n">var ytInitialData = ${JSON.stringify(initial)};</script></body></html>`;
}

export function videosFeed(channelId: string, title: string, videos: Video[]): string {
  const short = channelId.slice(2);
  const entries = videos
    .slice(0, 15)
    .map(
      (v) => ` <entry>
  <id>yt:video:${v.id}</id>
  <yt:videoId>${v.id}</yt:videoId>
  <yt:channelId>${channelId}</yt:channelId>
  <title>${esc(v.title)}</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=${v.id}"/>
  <author>
   <name>${esc(title)}</name>
   <uri>https://www.youtube.com/channel/${channelId}</uri>
  </author>
  <published>${v.published.replace('.000Z', '+00:00')}</published>
  <updated>2026-10-30T03:52:32+00:00</updated>
  <media:group>
   <media:title>${esc(v.title)}</media:title>
   <media:content url="https://www.youtube.com/v/${v.id}?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i4.ytimg.com/vi/${v.id}/hqdefault.jpg" width="480" height="360"/>
   <media:description>${esc(v.description)}</media:description>
   <media:community>
    <media:starRating count="11" average="5.00" min="1" max="5"/>
    <media:statistics views="528"/>
   </media:community>
  </media:group>
 </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="http://www.youtube.com/feeds/videos.xml?channel_id=${channelId}"/>
 <id>yt:channel:${short}</id>
 <yt:channelId>${short}</yt:channelId>
 <title>${esc(title)}</title>
 <link rel="alternate" href="https://www.youtube.com/channel/${channelId}"/>
 <author>
  <name>${esc(title)}</name>
  <uri>https://www.youtube.com/channel/${channelId}</uri>
 </author>
 <published>2019-03-02T10:00:00+00:00</published>
${entries}
</feed>
`;
}
