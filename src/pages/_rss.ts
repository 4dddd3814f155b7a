/**
 * RSS 2.0 XML for the stories feed (see rss.xml.ts), kept apart so it can be unit-tested
 * without Astro's content layer. Every text node is XML-escaped.
 */
import { escapeXml } from '../lib/xml.ts';

const SITE_NAME = 'Children’s services in England';

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  published: Date;
  updated?: Date;
  categories: string[];
}

export function rssXml(site: URL, items: FeedItem[]): string {
  const self = new URL('/rss.xml', site).href;
  const newest = items.reduce<Date | undefined>((d, i) => {
    const t = i.updated ?? i.published;
    return !d || t > d ? t : d;
  }, undefined);
  const entries = items
    .map((i) =>
      [
        '    <item>',
        `      <title>${escapeXml(i.title)}</title>`,
        `      <link>${escapeXml(i.link)}</link>`,
        `      <guid isPermaLink="true">${escapeXml(i.link)}</guid>`,
        `      <pubDate>${i.published.toUTCString()}</pubDate>`,
        `      <description>${escapeXml(i.description)}</description>`,
        ...i.categories.map((c) => `      <category>${escapeXml(c)}</category>`),
        '    </item>',
      ].join('\n'),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(SITE_NAME)}</title>
    <link>${escapeXml(new URL('/', site).href)}</link>
    <description>Stories testing public claims about children’s services in England against the official data.</description>
    <language>en-gb</language>
    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml" />${newest ? `\n    <lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : ''}
${entries}
  </channel>
</rss>
`;
}
