/**
 * The story-figures record on the real outputs (data/output/story-figures.json,
 * written by `npm run data`): it matches its schema, it is what the record
 * function gives now (deterministic), and the figures agree with what DfE
 * printed: 81,770 children looked after in England at 31 March 2025 (Children
 * looked after in England including adoptions, reporting year 2025).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoryFiguresFileSchema } from '../../../contract/story-figures.ts';
import { storyFiguresRecord } from '../../../src/lib/stories/record.ts';

const OUT = process.env.DATA_OUTPUT_DIR || 'data/output';
const DIR = 'src/content/stories';
const stories = readdirSync(DIR)
  .filter((n) => n.endsWith('.mdx'))
  .map((n) => ({ slug: n.replace(/\.mdx$/, ''), text: readFileSync(join(DIR, n), 'utf8') }));

describe('story-figures.json', () => {
  const file = StoryFiguresFileSchema.parse(JSON.parse(readFileSync(join(OUT, 'story-figures.json'), 'utf8')));

  it('is the record the stories give now, byte for byte, for every published story', () => {
    const now = storyFiguresRecord(stories, file.data_version);
    expect(`${JSON.stringify(now, null, 1)}\n`).toBe(readFileSync(join(OUT, 'story-figures.json'), 'utf8'));
    const published = stories.filter((s) => !/^draft:\s*true/m.test(s.text)).map((s) => s.slug);
    expect(file.stories.map((s) => s.slug)).toEqual(published.sort());
  });

  it('records the England count of children looked after as DfE printed it, in the <Fact> and nowhere unrecorded', () => {
    const s = file.stories.find((x) => x.slug === 'more-children-in-care')!;
    const fact = s.figures.find((f) => f.key === 'Fact cla_count E92000001 f.year')!;
    if (fact.year === 2025) expect(fact).toMatchObject({ text: '81,770', value: 81770, code: 'E92000001' });
    expect(s.figures.find((f) => f.key === 't.latestYear')!.value).toBe(fact.year);
    expect(s.figures.find((f) => f.key === 't.c2010')!.text).toBe('64,460');
    expect(file.stories.flatMap((x) => x.unrecorded)).toEqual([]);
  });

  it('covers the story text figures, not only the figure elements', () => {
    const kinds = file.stories.flatMap((x) => x.figures.map((f) => f.kind));
    expect(kinds.filter((k) => k === 'text').length).toBeGreaterThan(100);
    expect(kinds.filter((k) => k === 'figure').length).toBe(2);
  });
});
