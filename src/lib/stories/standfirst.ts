/**
 * Computed standfirsts. A story's frontmatter standfirst may carry the same
 * `{t.name}` placeholders as its body: each is replaced, at build time, by the
 * story's computed text (the `text` object its figures module returns, e.g.
 * inCare().text), so a standfirst that states a number or a trend follows the
 * data like the body does. Pure: the caller supplies the values.
 */

/** Matches one placeholder, `{t.lead}`. */
const PLACEHOLDER = /\{t\.([A-Za-z][A-Za-z0-9_]*)\}/g;

export function hasPlaceholders(text: string): boolean {
  return /\{t\.[A-Za-z]/.test(text);
}

/**
 * Replace every `{t.name}` in `text` with `values[name]`. Throws, naming the story and the
 * placeholder and what to do, when a name has no value or the story has no computed text.
 */
export function fillStandfirst(story: string, text: string, values: Readonly<Record<string, unknown>> | undefined): string {
  const filled = text.replace(PLACEHOLDER, (_, name: string) => {
    if (values === undefined) {
      throw new Error(
        `story "${story}": its standfirst uses {t.${name}} but the story has no computed text: add the story to STORY_TEXT in src/lib/stories/story-text.ts, or write the standfirst without placeholders`,
      );
    }
    const v = values[name];
    if (typeof v !== 'string' && typeof v !== 'number') {
      const known = Object.keys(values).filter((k) => typeof values[k] === 'string' || typeof values[k] === 'number');
      throw new Error(`story "${story}": its standfirst uses {t.${name}}, which its computed text does not have. Known names: ${known.join(', ')}`);
    }
    return String(v);
  });
  const left = /\{[^}]*\}/.exec(filled);
  if (left) throw new Error(`story "${story}": its standfirst has "${left[0]}", which is not a placeholder like {t.lead}; remove the braces or fix the name`);
  return filled;
}
