/**
 * The story-figures record (src/lib/stories/record.ts, read from the MDX by
 * contract/story-scan.ts) and its comparison in the editors' report and the
 * data-updates log (scripts/data/publish/story-record.ts), on a fixture story
 * and a hand-written previous record (tests/fixtures/story-record/). The
 * figures module and cite() are stand-ins with fixed values, so every expected
 * text below is written out by hand.
 */
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryFiguresFileSchema, type StoryFiguresFile } from '../../../contract/story-figures.ts';
import { UpdatesFileSchema } from '../../../contract/updates.ts';
import { contextBefore, figureBindings, scanTextRefs } from '../../../contract/story-scan.ts';
import { StoryRecordError, storyFiguresRecord, type RecordDeps } from '../../../src/lib/stories/record.ts';
import { diffRecords, recordChangesMarkdown, writeRecordAndReport } from '../../../scripts/data/publish/story-record.ts';

const FIX = join(import.meta.dirname, '../../fixtures/story-record');
let story: string;
let previous: StoryFiguresFile;

const demo = (latest: number, year: number) => () => ({
  year,
  measure: 'cla_rate_per_10k',
  text: { lead: 'The number fell', peakYear: 2023, latestYear: year, change: '−2.1%', c2010: '64,460', match: true, la: (c: string) => c },
});
const cited: string[] = [];
const deps = (latest = 81770, year = 2025): RecordDeps => ({
  modules: { demo: demo(latest, year), chartRows: () => [1, 2] },
  cite: (ref, fmt) => {
    cited.push(`${ref.m} ${ref.area} ${ref.year} decimals=${fmt.decimals ?? '-'} unit=${fmt.withUnit}`);
    return ref.m === 'cla_count'
      ? {
          measure: 'cla_count',
          code: 'E92000001',
          year: ref.year,
          value: latest,
          text: latest.toLocaleString('en-GB'),
          label: `Children looked after; England, at 31 March ${ref.year}`,
        }
      : { measure: ref.m, code: 'E06000009', year: ref.year, value: 184.2, text: '184.2 per 10,000 children', label: 'Rate; Blackpool, at 31 March 2024' };
  },
});

beforeAll(async () => {
  story = await readFile(join(FIX, 'story.mdx'), 'utf8');
  previous = StoryFiguresFileSchema.parse(JSON.parse(await readFile(join(FIX, 'previous.json'), 'utf8')));
});

describe('reading a story for its figures', () => {
  it('finds the figures bindings and each text figure once, first use first, not the export lines', () => {
    const b = figureBindings(story);
    expect([...b.modules.keys()]).toEqual(['f', 'rows']);
    expect(b.texts.get('t')).toBe('f');
    const refs = scanTextRefs(story, b).map((r) => `${r.line} ${r.key}`);
    expect(refs).toEqual(['3 t.lead', '3 t.peakYear', '12 t.latestYear', '12 f.year', '12 t.change', '12 t.c2010', '14 t.match', '14 t.la', '18 f.measure']);
  });

  it('takes the words before a figure in its sentence, without markup', () => {
    const i = story.indexOf('{t.change}') + 1;
    expect(contextBefore(story, i)).toBe('');
    const j = story.indexOf('{f.text.c2010}') + 1;
    expect(contextBefore(story, j)).toBe('Compared with 2010, when it was');
    const line = 'At 31 March {t.y}, <Fact measure="m" code="c" year={f.year} /> children were {t.n}';
    expect(contextBefore(line, line.indexOf('{t.n}') + 1)).toBe('At 31 March {t.y}, … children were');
  });
});

describe('the record', () => {
  it('records text figures as printed, figure elements through cite(), and what it cannot work out', () => {
    cited.length = 0;
    const r = storyFiguresRecord([{ slug: 'a-story', text: story }], 'v1', deps());
    expect(StoryFiguresFileSchema.safeParse(r).success).toBe(true);
    const s = r.stories[0]!;
    const by = new Map(s.figures.map((f) => [f.key, f]));
    expect(by.get('t.peakYear')).toMatchObject({ kind: 'text', line: 3, text: '2023', value: 2023, context: 'the peak was in' });
    expect(by.get('t.match')).toMatchObject({ text: null, value: true });
    expect(by.has('t.la')).toBe(false);
    expect(by.get('t.c2010')).toMatchObject({ text: '64,460', context: 'Compared with 2010, when it was' });
    // year={f.year} is worked out from the figures module: 2025
    expect(by.get('Fact cla_count E92000001 f.year')).toMatchObject({ kind: 'figure', text: '81,770', value: 81770, year: 2025, code: 'E92000001' });
    expect(cited).toEqual([
      'cla_count E92000001 2025 decimals=- unit=true',
      'cla_rate_per_10k blackpool 2024 decimals=1 unit=true',
      'cla_rate_per_10k blackpool 2024 decimals=- unit=true',
    ]);
    // m={f.measure} is a figures binding too, so it resolves; nothing is left unrecorded here
    expect(s.unrecorded).toEqual([]);
    expect(s.figures.map((f) => f.line)).toEqual([...s.figures.map((f) => f.line)].sort((a, b) => a - b));
  });

  it('lists an element whose attributes it cannot work out, and skips drafts', () => {
    const text = `---\ntitle: "B"\n---\n<Fig m="cla_count" la="england" year={latestYear()} />\n`;
    const r = storyFiguresRecord(
      [
        { slug: 'b', text },
        { slug: 'c', text: '---\ntitle: "C"\ndraft: true\n---\n' },
      ],
      'v',
      deps(),
    );
    expect(r.stories.map((s) => s.slug)).toEqual(['b']);
    expect(r.stories[0]!.unrecorded).toEqual([{ line: 4, what: expect.stringContaining('worked out only when the page is built') }]);
  });

  it('stops on a text figure the module does not have, naming the file and line', () => {
    const text = story.replace('{t.change}', '{t.chagne}');
    expect(() => storyFiguresRecord([{ slug: 'a-story', text }], 'v', deps())).toThrow(StoryRecordError);
    expect(() => storyFiguresRecord([{ slug: 'a-story', text }], 'v', deps())).toThrow(
      'src/content/stories/a-story.mdx:12: t.chagne is not a figure of demo()',
    );
  });

  it('is deterministic: the same stories give the same bytes, in slug order', () => {
    const inOrder = (slugs: string[]) =>
      JSON.stringify(
        storyFiguresRecord(
          slugs.map((slug) => ({ slug, text: story })),
          'v',
          deps(),
        ),
      );
    const a = inOrder(['z', 'a-story']);
    const b = inOrder(['a-story', 'z']);
    expect(a).toBe(b);
    expect((JSON.parse(a) as StoryFiguresFile).stories.map((s) => s.slug)).toEqual(['a-story', 'z']);
  });
});

describe('comparing with the previous record', () => {
  it('lists per story each figure that changed (old → new) and each that is gone; deleted stories are not listed', () => {
    const next = storyFiguresRecord([{ slug: 'a-story', text: story }], 'v2', deps(83410, 2026));
    const r = diffRecords(previous, next);
    expect(r.changedStories.map((s) => s.slug)).toEqual(['a-story']);
    const s = r.changedStories[0]!;
    expect(s.changed.map((c) => [c.key, c.old.text, c.new!.text])).toEqual([
      ['t.latestYear', '2025', '2026'],
      ['Fact cla_count E92000001 f.year', '81,770', '83,410'],
    ]);
    expect(s.gone.map((c) => [c.key, c.old.text, c.new])).toEqual([['t.removed', '12%', null]]);
    const md = recordChangesMarkdown(r).join('\n');
    expect(md).toContain('| 12 | `Fact cla_count E92000001 f.year` | Children looked after; England, at 31 March 2026 | 81,770 | 83,410 |');
    expect(md).toContain('- line 14: `t.removed` (A sentence the story no longer has) — was 12%');
    expect(md).toContain('data version `old0000000000000`');
  });

  it('says so when nothing changed', () => {
    const same = storyFiguresRecord([{ slug: 'a-story', text: story }], 'v', deps());
    const r = diffRecords(same, same);
    expect(r.changedStories).toEqual([]);
    expect(recordChangesMarkdown(r)[2]).toMatch(/^No figure cited in a published story changed \(\d+ figures in 1 stories\)/);
  });
});

describe('the step: record, report and the data-updates log', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'story-record-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const paths = () => ({
    record: join(dir, 'story-figures.json'),
    previousRecord: join(dir, 'previous-story-figures.json'),
    reportMd: join(dir, 'report.md'),
    reportJson: join(dir, 'report.json'),
    pendingUpdate: join(dir, 'pending-update.json'),
  });
  const REPORT = '# Data report\n\n## Stories whose cited figures changed\n\nFrom the outputs.\n\n## Rows read per source\n\nrows\n';

  it('replaces the report section, and names the logged update’s stories by their figures', async () => {
    const p = paths();
    await writeFile(p.previousRecord, JSON.stringify(previous));
    await writeFile(p.reportMd, REPORT);
    await writeFile(p.reportJson, JSON.stringify({ dataVersion: 'v2', storyFigures: { compared: true } }));
    const log = join(dir, 'updates.json');
    const entry = {
      date: '2026-12-05',
      dataVersion: 'v2',
      sources: [],
      changes: { cells: 1, councilYearsAdded: 0, councilYearsRemoved: 0 },
      years: [2026],
      councils: [],
      measures: ['cla_count'],
      stories: [{ slug: 'a-story', title: 'A story' }],
    };
    await writeFile(log, JSON.stringify({ updates: [entry] }));
    await writeFile(p.pendingUpdate, JSON.stringify({ log, date: '2026-12-05', dataVersion: 'v2' }));
    const next = storyFiguresRecord([{ slug: 'a-story', text: story }], 'v2', deps(83410, 2026));
    await writeRecordAndReport(next, p);

    expect(JSON.parse(await readFile(p.record, 'utf8'))).toEqual(next);
    const md = await readFile(p.reportMd, 'utf8');
    expect(md).not.toContain('From the outputs.');
    expect(md).toContain('| 12 | `t.latestYear` | At 31 March | 2025 | 2026 |');
    expect(md.indexOf('## Stories whose')).toBeLessThan(md.indexOf('## Rows read per source'));
    expect((JSON.parse(await readFile(p.reportJson, 'utf8')) as { storyFigures: { basis: string } }).storyFigures.basis).toBe('record');
    const u = UpdatesFileSchema.parse(JSON.parse(await readFile(log, 'utf8'))).updates[0]!;
    expect(u.storiesBy).toBe('figures');
    expect(u.stories).toEqual([
      {
        slug: 'a-story',
        title: 'A story',
        figures: [
          { context: 'At 31 March', old: '2025', new: '2026' },
          { context: 'Children looked after; England, at 31 March 2026', old: '81,770', new: '83,410' },
          { context: 'A sentence the story no longer has', old: '12%', new: null },
        ],
      },
    ]);
    await expect(readFile(p.pendingUpdate)).rejects.toThrow();
  });

  it('without a previous record, keeps the comparison from the outputs and says why; the log keeps the stories by sources', async () => {
    const p = paths();
    await rm(p.previousRecord, { force: true });
    await writeFile(p.reportMd, REPORT);
    await writeFile(p.pendingUpdate, '{}');
    const r = await writeRecordAndReport(storyFiguresRecord([{ slug: 'a-story', text: story }], 'v3', deps()), p);
    expect(r).toBeNull();
    const md = await readFile(p.reportMd, 'utf8');
    expect(md).toContain('From the outputs.');
    expect(md).toContain('have no record of the figures stories cite');
    await expect(readFile(p.pendingUpdate)).rejects.toThrow();
  });

  it('refuses a previous record that is not one, naming the file', async () => {
    const p = paths();
    await writeFile(p.previousRecord, JSON.stringify({ stories: 'no' }));
    await expect(writeRecordAndReport(storyFiguresRecord([], 'v', deps()), p)).rejects.toThrow(`${p.previousRecord}: not a story-figures record`);
  });
});
