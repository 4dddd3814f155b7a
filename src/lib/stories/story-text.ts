/**
 * Which stories have computed text for their standfirst (./standfirst.ts):
 * the story id → the `text` object of its figures module. Called only for a
 * standfirst that has placeholders, so other pages do not run the analyses.
 */
import { fillStandfirst, hasPlaceholders } from './standfirst.ts';
import { inCare } from './figures.ts';

export const STORY_TEXT: Readonly<Record<string, () => Readonly<Record<string, unknown>>>> = {
  'more-children-in-care': () => inCare().text,
};

/** The standfirst as the reader sees it. */
export function storyStandfirst(id: string, text: string): string {
  return hasPlaceholders(text) ? fillStandfirst(id, text, STORY_TEXT[id]?.()) : text;
}
