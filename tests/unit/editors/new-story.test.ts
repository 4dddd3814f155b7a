import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestClaRelease, newStory, storySlug, storyTemplate, StoryExistsError } from '../../../scripts/new-story.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'new-story-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const clock = () => new Date('2026-11-22T23:30:00Z');

describe('new-story', () => {
  it('slugs titles', () => {
    expect(storySlug('Children’s services: the £1bn squeeze!')).toBe('childrens-services-the-1bn-squeeze');
    expect(storySlug('Café & Co')).toBe('cafe-and-co');
  });
  it('scaffolds a draft with today’s date from the injected clock and TODO placeholders', () => {
    const root = tmp();
    const path = newStory({ title: 'Children in care in the North East', root, now: clock });
    expect(path).toBe(join(root, 'src/content/stories/children-in-care-in-the-north-east.mdx'));
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^---\ntitle: "Children in care in the North East"\n/);
    expect(text).toContain('published: 2026-11-22\n');
    expect(text).toContain('draft: true\n');
    expect(text).toContain('byline: "TODO: your name"');
    // the newest CLA release in data/sources.json is the 2025 one (to 31 March 2025)
    expect(text).toContain('sources: ["cla-ees-2025"]');
    expect(text).toContain('At 31 March 2025, councils in England');
    expect(text).toContain('<Fig m="cla_rate_per_10k" la="blackpool" year={2025} />');
  });
  it('starts at the newest CLA release the manifest lists: a 2026 entry moves the scaffold to 2026', () => {
    const root = tmp();
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/sources.json'), 'utf8')) as { sources: Array<Record<string, unknown>> };
    manifest.sources.push({ ...manifest.sources.find((s) => s.id === 'cla-ees-2025')!, id: 'cla-ees-2026', release: '2026' });
    writeFileSync(join(root, 'sources.json'), JSON.stringify(manifest));
    const text = storyTemplate('A story', '2026-12-01', latestClaRelease(join(root, 'sources.json')));
    expect(text).toContain('sources: ["cla-ees-2026"]');
    expect(text).toContain('<Fig m="cla_rate_per_10k" la="england" year={2026} />');
  });
  it('refuses to overwrite an existing story', () => {
    const root = tmp();
    mkdirSync(join(root, 'src/content/stories'), { recursive: true });
    writeFileSync(join(root, 'src/content/stories/my-story.mdx'), 'original');
    expect(() => newStory({ title: 'My story', root, now: clock })).toThrow(StoryExistsError);
    expect(() => newStory({ title: 'My story', root, now: clock })).toThrow('src/content/stories/my-story.mdx already exists: not overwriting it');
    expect(readFileSync(join(root, 'src/content/stories/my-story.mdx'), 'utf8')).toBe('original');
  });
  it('rejects an empty or too-short title', () => {
    expect(() => newStory({ title: '  ', root: tmp(), now: clock })).toThrow(/title of at least 5 characters/);
    expect(() => newStory({ title: '!!!!!!', root: tmp(), now: clock })).toThrow(/title of at least 5 characters/);
  });
});
