/**
 * The options for @astrojs/rss that make the stories feed (see rss.xml.ts), kept
 * apart so they can be unit-tested without Astro's content layer. @astrojs/rss
 * escapes every text node; `customData` is XML written here, and holds only a
 * language code, dates and the feed's own URL (an origin and a fixed path, which
 * need no escaping).
 */
import type { RSSOptions } from '@astrojs/rss';

const SITE_NAME = 'Children’s services in England';
const DESCRIPTION = 'Stories testing public claims about children’s services in England against the official data.';

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  published: Date;
  updated?: Date;
  categories: string[];
}

/**
 * The feed: one item per story (title, link and a permalink guid, the standfirst as
 * description, pubDate, tags as categories). lastBuildDate is the newest story date
 * (published or updated), not the clock, so two builds give the same file.
 */
export function feedOptions(site: URL, items: FeedItem[]): RSSOptions {
  const self = new URL('/rss.xml', site).href;
  const newest = items.reduce<Date | undefined>((d, i) => {
    const t = i.updated ?? i.published;
    return !d || t > d ? t : d;
  }, undefined);
  return {
    title: SITE_NAME,
    description: DESCRIPTION,
    site: new URL('/', site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      '<language>en-gb</language>',
      `<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
      ...(newest ? [`<lastBuildDate>${newest.toUTCString()}</lastBuildDate>`] : []),
    ].join(''),
    items: items.map((i) => ({ title: i.title, link: i.link, description: i.description, pubDate: i.published, categories: i.categories })),
  };
}
