import { describe, expect, it } from 'vitest';
import { checkEditorial, correctionsEmail, editorialGaps } from '../../../src/lib/editorial.ts';

const settings = { correctionsEmail: null, unnamedBylines: ['Data team'] };
const stories = [
  { id: 'a', byline: 'Data team', draft: false },
  { id: 'b', byline: 'Jane Smith', draft: false },
  { id: 'c', byline: 'data team ', draft: true },
];

describe('editorial check', () => {
  it('asks for a corrections address and for names on each published story with an unnamed byline', () => {
    const gaps = editorialGaps(stories, settings);
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toMatch(/^no corrections contact: set "correctionsEmail" in data\/editorial\.json/);
    expect(gaps[1]).toBe(
      'story "a": byline "Data team" names no one: write the reporters\' names in its frontmatter (byline: "Jane Smith and Ali Khan" with the real names)',
    );
  });
  it('is satisfied by a valid address and named bylines; rejects an address that is not one', () => {
    expect(editorialGaps([stories[1]!], { ...settings, correctionsEmail: 'corrections@example.org' })).toEqual([]);
    expect(editorialGaps([], { ...settings, correctionsEmail: 'corrections' })[0]).toMatch(/is "corrections", which is not an email address/);
    expect(correctionsEmail({ ...settings, correctionsEmail: 'corrections' })).toBeNull();
    expect(correctionsEmail({ ...settings, correctionsEmail: 'corrections@example.org' })).toBe('corrections@example.org');
  });
  it('warns by default and fails only with EDITORIAL_STRICT=1', () => {
    expect(checkEditorial(stories, {}, settings)).toHaveLength(2);
    expect(() => checkEditorial(stories, { EDITORIAL_STRICT: '1' }, settings)).toThrow(/Editorial settings incomplete \(EDITORIAL_STRICT=1\)/);
  });
});
