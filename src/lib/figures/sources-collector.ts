/**
 * The Sources box of a story is derived from what the story cites: every
 * <Fig> and every chart of a measure records the manifest ids behind its
 * numbers on the page's Astro.locals while the story body renders; the story
 * layout renders the body first, then lists frontmatter `sources` (which may
 * add to the list, never replace it) and the recorded ones.
 */
const KEY = '__citedSources';

type Locals = Record<string, unknown> | undefined | null;

export function recordSources(locals: Locals, ids: readonly string[] | undefined): void {
  if (!locals || !ids?.length) return;
  const set = (locals[KEY] as Set<string> | undefined) ?? new Set<string>();
  for (const id of ids) set.add(id);
  locals[KEY] = set;
}

export function citedSources(locals: Locals): string[] {
  return [...((locals?.[KEY] as Set<string> | undefined) ?? [])];
}

/** Frontmatter sources first, then the cited ones not already listed. */
export function storySources(frontmatter: readonly string[], cited: readonly string[]): string[] {
  return [...new Set([...frontmatter, ...cited])];
}
