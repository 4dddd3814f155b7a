/**
 * /rss.xml: RSS 2.0 feed of published stories (drafts only in INCLUDE_DRAFTS
 * builds, like the pages), newest first, written by @astrojs/rss from the
 * options in _rss.ts.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getStories } from '../lib/data/stories.ts';
import { feedOptions, type FeedItem } from './_rss.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('rss.xml: set `site` in astro.config.mjs');
  const stories = await getStories();
  const items: FeedItem[] = stories.map((s) => ({
    title: s.data.title,
    link: new URL(`/stories/${s.id}/`, site).href,
    description: s.data.standfirst,
    published: s.data.published,
    updated: s.data.updated,
    categories: s.data.tags,
  }));
  return rss(feedOptions(site, items));
};
