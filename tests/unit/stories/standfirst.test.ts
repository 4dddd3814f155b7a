import { describe, expect, it } from 'vitest';
import { fillStandfirst, hasPlaceholders } from '../../../src/lib/stories/standfirst.ts';

describe('computed standfirsts', () => {
  const values = { lead: 'The number fell for a second year in a row', peakYear: 2023, falls: 2, nested: { a: 1 } };
  it('replaces each {t.name} with the story’s computed text', () => {
    expect(fillStandfirst('s', '{t.lead}; the peak was in {t.peakYear}.', values)).toBe('The number fell for a second year in a row; the peak was in 2023.');
  });
  it('leaves a standfirst without placeholders as it is', () => {
    expect(hasPlaceholders('A plain standfirst.')).toBe(false);
    expect(fillStandfirst('s', 'A plain standfirst.', undefined)).toBe('A plain standfirst.');
  });
  it('an unknown name fails, naming the story, the placeholder and the known names', () => {
    expect(() => fillStandfirst('more-children-in-care', 'Up {t.leed}.', values)).toThrow(
      'story "more-children-in-care": its standfirst uses {t.leed}, which its computed text does not have. Known names: lead, peakYear, falls',
    );
  });
  it('a story with no computed text fails and says where to add it', () => {
    expect(() => fillStandfirst('x', '{t.lead}.', undefined)).toThrow(/add the story to STORY_TEXT in src\/lib\/stories\/story-text\.ts/);
  });
  it('stray braces fail', () => {
    expect(() => fillStandfirst('x', 'Up {lead}.', values)).toThrow('its standfirst has "{lead}", which is not a placeholder like {t.lead}');
  });
});
