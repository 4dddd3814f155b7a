/**
 * The stories state no statistical result or verdict in typed prose: a sentence that depends on a result
 * is an expression over the claims file or the data ({…}), so a changed result rewrites it. This strips
 * expressions, import/export lines, components and quoted words (the claims themselves), then looks for
 * verdict words in what is left.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../../src/content/stories/', import.meta.url);
const STORIES = ['spend-and-ofsted', 'deprivation-and-cost', 'the-ratings', 'more-children-in-care', 'the-squeeze-and-the-shift'];
const VERDICT_WORDS =
  /\b(supported|unsupported|significant(ly)?|reproduced|reproducible|exactly|matches|was right|was wrong|is true|is false|holds|less than half|more than half|crosses the usual|supports? the claim)\b/i;

/** Typed prose only: no frontmatter, import/export lines, JSX tags or {expressions}, no quoted words. */
function typedProse(mdx: string): string[] {
  let body = mdx.replace(/^---[\s\S]*?\n---\n/, '');
  body = body
    .split('\n')
    .filter((l) => !/^(import|export) /.test(l))
    .join('\n');
  // nested braces: strip innermost repeatedly
  for (let i = 0; i < 10; i++) body = body.replace(/\{[^{}]*\}/g, ' ');
  body = body.replace(/<[A-Z][\s\S]*?\/>/g, ' ').replace(/<[^>]+>/g, ' ');
  body = body.replace(/“[^”]*”/g, '“…”');
  return body
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

describe('stories: no verdict word or result typed into prose', () => {
  it('finds the five stories', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, ''));
    for (const s of STORIES) expect(files).toContain(s);
  });
  it('the checker catches a typed verdict and ignores a computed one and a quotation', () => {
    expect(typedProse('Neither crosses the usual 5% threshold.').some((l) => VERDICT_WORDS.test(l))).toBe(true);
    expect(typedProse('In {t.lastFy} it was {t.latestSig}.').some((l) => VERDICT_WORDS.test(l))).toBe(false);
    expect(typedProse('The department said there was “no significant correlation”.').some((l) => VERDICT_WORDS.test(l))).toBe(false);
  });
  for (const s of STORIES) {
    it(s, () => {
      const hits = typedProse(readFileSync(new URL(`${s}.mdx`, DIR), 'utf8')).filter((l) => VERDICT_WORDS.test(l));
      expect(hits).toEqual([]);
    });
  }
});
