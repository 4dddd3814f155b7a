/**
 * The stories collection as pages see it. Drafts are left out of production
 * builds; they are included in `astro dev` and when INCLUDE_DRAFTS=1 (the
 * browser-test build, so the story template is exercised before real stories exist).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { storyStandfirst } from '../stories/story-text.ts';
import { checkEditorial } from '../editorial.ts';

export type Story = CollectionEntry<'stories'>;

export function includeDrafts(): boolean {
  return import.meta.env.DEV || process.env.INCLUDE_DRAFTS === '1';
}

/** Stories to build, newest first, with their standfirsts computed where they have placeholders ({t.lead}). */
export async function getStories(): Promise<Story[]> {
  const drafts = includeDrafts();
  const all = await getCollection('stories', (s) => drafts || !s.data.draft);
  checkEditorial(all.map((s) => ({ id: s.id, byline: s.data.byline, draft: s.data.draft })));
  return all
    .sort((a, b) => b.data.published.getTime() - a.data.published.getTime())
    .map((s) => ({ ...s, data: { ...s.data, standfirst: storyStandfirst(s.id, s.data.standfirst) } }));
}
