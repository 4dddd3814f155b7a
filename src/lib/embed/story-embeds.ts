/**
 * The chart blocks of every story, for the embed pages: each story's body is rendered once (Astro's
 * container API, with the MDX renderer) and its chart blocks cut out of the HTML, so an embed shows
 * exactly the block the story shows. Cached for the build: getStaticPaths and the pages share it.
 */
import { render } from 'astro:content';
import { experimental_AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import { getStories, type Story } from '../data/stories.ts';
import { chartFigures, type ChartFigure } from './embeds.ts';

export interface StoryEmbed {
  story: Story;
  chart: ChartFigure;
}

let cached: Promise<StoryEmbed[]> | undefined;

async function build(): Promise<StoryEmbed[]> {
  const container = await experimental_AstroContainer.create();
  container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  const out: StoryEmbed[] = [];
  for (const story of await getStories()) {
    const { Content } = await render(story);
    const html = await container.renderToString(Content);
    for (const chart of chartFigures(html)) out.push({ story, chart });
  }
  return out;
}

export function storyEmbeds(): Promise<StoryEmbed[]> {
  cached ??= build();
  return cached;
}
