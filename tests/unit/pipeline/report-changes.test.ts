/**
 * The editors' report's last two lists: stories whose cited figures changed or
 * disappeared (scripts/data/publish/story-figures.ts) and claims whose verdict
 * changed (scripts/data/publish/claim-changes.ts). Small previous/new outputs;
 * the expected lists were worked out by hand from them (see the comments).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FigureLookup,
  frontmatterFigures,
  scanCitations,
  storyFigureChanges,
  storyFiguresMarkdown,
  type FigureOutputs,
} from '../../../scripts/data/publish/story-figures.ts';
import { addClaimChangesToReport, claimChangesMarkdown, diffClaims, withClaimSection, type ClaimLike } from '../../../scripts/data/publish/claim-changes.ts';

const LAS = {
  las: [
    { code: 'E06000009', name: 'Blackpool', slug: 'blackpool' },
    { code: 'E09000007', name: 'Camden', slug: 'camden' },
  ],
};
const la = (code: string, name: string, year: number, v: Record<string, number | null>) => ({ la_code: code, la_name: name, year, ...v });
const eng = (year: number, cla_count: number) => ({ code: 'E92000001', name: 'England', year, values: { cla_count } });
const nw = (year: number, cla_rate_per_10k: number) => ({ code: 'E12000002', name: 'North West', year, values: { cla_rate_per_10k } });

const previous: FigureOutputs = {
  panel: {
    rows: [
      la('E06000009', 'Blackpool', 2023, { cla_count: 590, cla_rate_per_10k: null }),
      la('E06000009', 'Blackpool', 2024, { cla_count: 600, cla_rate_per_10k: 210 }),
      la('E09000007', 'Camden', 2023, { cla_count: 200 }),
    ],
  },
  england: { series: [eng(2023, 83000), eng(2024, 80000)] },
  regions: { series: [nw(2023, 90)] },
  las: LAS,
};
// The new release: Blackpool 2024 revised 600 → 610, its 2023 rate now published (95), England gains 2025,
// the North West is unchanged and Camden's 2023 row is gone.
const next: FigureOutputs = {
  panel: {
    rows: [
      la('E06000009', 'Blackpool', 2023, { cla_count: 590, cla_rate_per_10k: 95 }),
      la('E06000009', 'Blackpool', 2024, { cla_count: 610, cla_rate_per_10k: 210 }),
    ],
  },
  england: { series: [eng(2023, 83000), eng(2024, 80000), eng(2025, 81000)] },
  regions: { series: [nw(2023, 90)] },
  las: LAS,
};

const STORY = `---
title: "A story"
sources: ["cla-ees-2025"]
claims:
  - text: "Blackpool, 2024"
    measure: cla_count
    code: E06000009
    year: 2024
    value: 600
---
export const f = inCare();

At 31 March 2024, <Fig m="cla_count" la="blackpool" year={2024} /> children, a rate
in 2023 of <Fig m="cla_rate_per_10k" la="blackpool" year={2023} />. England: <Fact measure="cla_count" code="E92000001" year={f.year} />.
The North West: <Fig m="cla_rate_per_10k" la="north-west" year={2023} />. Camden: <Fig
  m="cla_count" la="E09000007" year={2023}
/>. Computed: <Fig m={f.measure} la="england" year={2024} />. Never there: <Fig m="cla_count" la="camden" year={2019} />.
`;
const UNCHANGED = `---\ntitle: "Unchanged"\n---\n<Fig m="cla_rate_per_10k" la="north-west" year={2023} />\n`;
const DRAFT = `---\ntitle: "Draft"\ndraft: true\n---\n<Fig m="cla_count" la="blackpool" year={2024} />\n`;

describe('stories whose cited figures changed', () => {
  it('finds each citation with its line, and counts those named by an expression', () => {
    const s = scanCitations(STORY);
    expect(s.refs).toEqual([
      { line: 13, element: 'Fig', measure: 'cla_count', area: 'blackpool', year: 2024 },
      { line: 14, element: 'Fig', measure: 'cla_rate_per_10k', area: 'blackpool', year: 2023 },
      { line: 14, element: 'Fact', measure: 'cla_count', area: 'E92000001', year: 'latest' },
      { line: 15, element: 'Fig', measure: 'cla_rate_per_10k', area: 'north-west', year: 2023 },
      { line: 15, element: 'Fig', measure: 'cla_count', area: 'E09000007', year: 2023 },
      { line: 17, element: 'Fig', measure: 'cla_count', area: 'camden', year: 2019 },
    ]);
    expect(s.unchecked).toBe(1);
    expect(frontmatterFigures(STORY)).toEqual([{ line: 5, element: 'claims', measure: 'cla_count', area: 'E06000009', year: 2024 }]);
  });

  it('lists, per published story, the changed figures (old → new) and those that no longer exist', () => {
    const r = storyFigureChanges(
      [
        { slug: 'a-story', text: STORY },
        { slug: 'unchanged', text: UNCHANGED },
        { slug: 'draft', text: DRAFT },
      ],
      new FigureLookup(previous),
      new FigureLookup(next),
    );
    // 6 in the text and 1 in the frontmatter of the story, 1 in "Unchanged"; the draft is not read
    expect(r).toMatchObject({ compared: true, storiesScanned: 2, citations: 8, unchecked: 1 });
    expect(r.stories.map((s) => s.slug)).toEqual(['a-story']);
    const [s] = r.stories;
    expect(s!.title).toBe('A story');
    expect(s!.changed.map((c) => [c.line, c.measure, c.areaName, c.year, c.old, c.new])).toEqual([
      [5, 'cla_count', 'Blackpool', 2024, { year: 2024, value: 600 }, { year: 2024, value: 610 }],
      // the same figure in the text (named by slug): listed too, as that sentence needs reading as well
      [13, 'cla_count', 'Blackpool', 2024, { year: 2024, value: 600 }, { year: 2024, value: 610 }],
      [14, 'cla_rate_per_10k', 'Blackpool', 2023, { year: 2023, value: null }, { year: 2023, value: 95 }],
      [14, 'cla_count', 'England', 'latest', { year: 2024, value: 80000 }, { year: 2025, value: 81000 }],
    ]);
    expect(s!.gone.map((c) => [c.line, c.measure, c.areaName, c.year, c.old, c.new])).toEqual([
      [15, 'cla_count', 'Camden', 2023, { year: 2023, value: 200 }, null],
    ]);
    const md = storyFiguresMarkdown(r).join('\n');
    expect(md).toContain('1 of 2 published stories cite a figure that changed or no longer exists.');
    expect(md).toContain('| 5 | cla_count | Blackpool | 2024 | 600 | 610 |');
    expect(md).toContain('| 14 | cla_rate_per_10k | Blackpool | 2023 | missing | 95 |');
    expect(md).toContain('| 14 | cla_count | England | latest | 2024: 80,000 | 2025: 81,000 |');
    expect(md).toContain('- line 15: cla_count, Camden, 2023 — was 200');
  });

  it('says so when nothing moved, and when there is nothing to compare with', () => {
    const same = storyFigureChanges([{ slug: 'unchanged', text: UNCHANGED }], new FigureLookup(previous), new FigureLookup(next));
    expect(same.stories).toEqual([]);
    expect(storyFiguresMarkdown(same).join('\n')).toContain('No figure cited in a published story changed (1 citations in 1 stories).');
    const first = storyFigureChanges([{ slug: 'a-story', text: STORY }], null, new FigureLookup(next));
    expect(first).toEqual({ compared: false, storiesScanned: 0, citations: 0, unchecked: 0, stories: [] });
    expect(storyFiguresMarkdown(first).join('\n')).toContain('No previous outputs to compare with.');
  });
});

const claim = (id: string, verdict: string, atTime: string, now: [number, number], then: [number, number], specs: number): ClaimLike => ({
  id,
  speaker: `Speaker ${id}`,
  words: `Words of ${id}`,
  verdict,
  verdict_at_the_time: atTime,
  counts: { now: { supporting: now[0], testable: now[1] }, at_the_time: { supporting: then[0], testable: then[1] } },
  specifications: Array.from({ length: specs }, () => ({})),
});

// a: verdict supported → partly supported; b: same verdicts, 5 → 4 supporting; c: removed; d: new; e: unchanged.
const before = {
  data_version: 'old',
  claims: [
    claim('a', 'supported', 'supported', [8, 10], [3, 3], 12),
    claim('b', 'not-supported', 'not-supported', [5, 20], [1, 4], 20),
    claim('c', 'supported', 'supported', [1, 1], [1, 1], 1),
    claim('e', 'supported', 'supported', [1, 1], [1, 1], 1),
  ],
};
const after = {
  data_version: 'new',
  claims: [
    claim('a', 'partly-supported', 'supported', [6, 12], [3, 3], 14),
    claim('b', 'not-supported', 'not-supported', [4, 20], [1, 4], 20),
    claim('d', 'cannot-be-tested', 'cannot-be-tested', [0, 0], [0, 0], 2),
    claim('e', 'supported', 'supported', [1, 1], [1, 1], 1),
  ],
};

describe('claims whose verdict changed', () => {
  it('lists changed, new and removed claims, and the ones whose counts alone moved', () => {
    const r = diffClaims(before, after);
    expect(r.compared).toBe(true);
    expect(r.previousDataVersion).toBe('old');
    expect(r.claims).toBe(4);
    expect(r.changed.map((c) => [c.id, c.old?.verdict ?? null, c.new?.verdict ?? null])).toEqual([
      ['a', 'supported', 'partly-supported'],
      ['d', null, 'cannot-be-tested'],
      ['c', 'supported', null],
    ]);
    expect(r.changed[0]!.old).toEqual({
      verdict: 'supported',
      verdict_at_the_time: 'supported',
      counts: { now: { supporting: 8, testable: 10 }, at_the_time: { supporting: 3, testable: 3 } },
      specifications: 12,
    });
    expect(r.changed[0]!.new!.specifications).toBe(14);
    expect(r.countsChanged.map((c) => c.id)).toEqual(['b']);
    const md = claimChangesMarkdown(r).join('\n');
    expect(md).toContain('3 of 4 claims have a new verdict (or are new or gone).');
    expect(md).toContain(
      '| supported → **partly supported** | supported → supported | 8 of 10 testable specifications support it (with the data of the time: 3 of 3); 12 in all → 6 of 12 testable specifications support it (with the data of the time: 3 of 3); 14 in all |',
    );
    expect(md).toContain('| new claim → cannot be tested |');
    expect(md).toContain('| supported → removed |');
    expect(md).toContain('- `b` (not supported): 5 of 20 testable');
  });

  it('with no previous claims, says so; with no change, says so', () => {
    expect(claimChangesMarkdown(diffClaims(null, after)).join('\n')).toContain('No previous claims to compare with.');
    expect(claimChangesMarkdown(diffClaims(after, after)).join('\n')).toContain('No verdict changed (4 claims).');
  });

  it('puts the section before "Rows read per source", once, however often it runs', () => {
    const md = '# Data report\n\n## What changed\n\nNo figure changed.\n\n## Rows read per source\n\n| a |\n';
    const once = withClaimSection(md, ['## Claims whose verdict changed', '', 'one']);
    expect(once).toBe('# Data report\n\n## What changed\n\nNo figure changed.\n\n## Claims whose verdict changed\n\none\n\n## Rows read per source\n\n| a |\n');
    expect(withClaimSection(once, ['## Claims whose verdict changed', '', 'two'])).toBe(once.replace('one', 'two'));
  });

  it('updates report.md and report.json in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claims-report-'));
    try {
      const p = (n: string) => join(dir, n);
      await writeFile(p('prev.json'), JSON.stringify(before));
      await writeFile(p('claims.json'), JSON.stringify(after));
      await writeFile(p('report.md'), '# Data report\n\n## Rows read per source\n');
      await writeFile(p('report.json'), JSON.stringify({ dataVersion: 'x' }));
      const paths = { previousClaims: p('prev.json'), claims: p('claims.json'), reportMd: p('report.md'), reportJson: p('report.json') };
      await addClaimChangesToReport(paths);
      await addClaimChangesToReport(paths);
      const json = JSON.parse(await readFile(p('report.json'), 'utf8')) as { dataVersion: string; claims: { changed: unknown[] } };
      expect(json.dataVersion).toBe('x');
      expect(json.claims.changed).toHaveLength(3);
      const md = await readFile(p('report.md'), 'utf8');
      expect(md.split('## Claims whose verdict changed').length).toBe(2);
      expect(md.indexOf('## Claims')).toBeLessThan(md.indexOf('## Rows read'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
