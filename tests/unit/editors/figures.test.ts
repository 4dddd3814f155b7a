/**
 * Figure references: resolution against a small hand-written index, nearest
 * suggestions, and the compile-time MDX check (Sätteri, Astro 7's processor)
 * reporting file:line.
 */
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { buildIndex, describeYears, levenshtein, nearestStrings, resolveRef, slugify, type FigureIndex } from '../../../src/lib/figures/refs.ts';
import remarkFigures, { checkElement, FigureReferenceError, literalValue, satteriFiguresPlugin } from '../../../src/lib/figures/remark-figures.ts';
import { renderIds } from '../../../src/lib/figures/generate-ids.ts';

const row = (la_code: string, la_name: string, year: number, v: Record<string, number | null>) => ({ la_code, la_name, year, ...v });
const index: FigureIndex = buildIndex({
  measures: ['cla_count', 'cla_rate_per_10k', 'cin_count'],
  panel: {
    rows: [
      row('E06000009', 'Blackpool', 2023, { cla_count: 600, cla_rate_per_10k: 210, cin_count: null }),
      row('E06000009', 'Blackpool', 2024, { cla_count: 520, cla_rate_per_10k: 182, cin_count: 1773 }),
      row('E06000008', 'Blackburn with Darwen', 2024, { cla_count: 400, cla_rate_per_10k: 100, cin_count: 900 }),
      row('E09000001', 'City of London', 2024, { cla_count: null, cla_rate_per_10k: null, cin_count: null }),
    ],
  },
  las: {
    las: [
      { code: 'E06000009', name: 'Blackpool', slug: 'blackpool', status: 'current' },
      { code: 'E06000008', name: 'Blackburn with Darwen', slug: 'blackburn-with-darwen', status: 'current' },
      { code: 'E09000001', name: 'City of London', slug: 'city-of-london', status: 'current' },
    ],
  },
  england: { series: [2023, 2024].map((year) => ({ code: 'E92000001', name: 'England', year, values: { cla_count: 83000, cla_rate_per_10k: 70 } })) },
  regions: { series: [{ code: 'E12000002', name: 'North West', year: 2024, values: { cla_count: 15000, cla_rate_per_10k: 96 } }] },
});

describe('resolveRef', () => {
  it('resolves slugs, codes, "england" and region slugs', () => {
    expect(resolveRef(index, { m: 'cla_count', area: 'blackpool', year: 2024 })).toMatchObject({ ok: true, code: 'E06000009' });
    expect(resolveRef(index, { m: 'cla_count', area: 'E06000009', year: 2024 })).toMatchObject({ ok: true, code: 'E06000009' });
    expect(resolveRef(index, { m: 'cla_count', area: 'england', year: 2023 })).toMatchObject({ ok: true, code: 'E92000001' });
    expect(resolveRef(index, { m: 'cla_rate_per_10k', area: 'north-west', year: 2024 })).toMatchObject({ ok: true, code: 'E12000002' });
  });
  it('a row with a missing value is not an error (the component prints the reason)', () => {
    expect(resolveRef(index, { m: 'cla_count', area: 'city-of-london', year: 2024 })).toMatchObject({ ok: true });
  });
  it('an unknown measure names the field and suggests the nearest', () => {
    const r = resolveRef(index, { m: 'cla_rate_per10k', area: 'blackpool', year: 2024 });
    expect(r).toMatchObject({ ok: false, field: 'm' });
    if (!r.ok) expect(r.suggestions[0]).toBe('cla_rate_per_10k');
  });
  it('a misspelt council suggests the nearest slugs with names and codes', () => {
    const r = resolveRef(index, { m: 'cla_count', area: 'blackpol', year: 2024 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe('la');
      expect(r.suggestions[0]).toBe('"blackpool" (Blackpool, E06000009)');
    }
  });
  it('a year with no row names the years the area has', () => {
    const r = resolveRef(index, { m: 'cla_count', area: 'blackpool', year: 2019 });
    expect(r).toMatchObject({ ok: false, field: 'year', suggestions: ['2023', '2024'] });
    if (!r.ok) expect(r.problem).toContain('2023–2024');
  });
  it('a year the series does not cover anywhere is an error', () => {
    const r = resolveRef(index, { m: 'cin_count', area: 'blackpool', year: 2023 });
    expect(r).toMatchObject({ ok: false, field: 'year' });
    if (!r.ok) expect(r.problem).toContain('"cin_count" has no 2023 figures for any area');
  });
  it('England and regions only carry their own series', () => {
    expect(resolveRef(index, { m: 'cin_count', area: 'england', year: 2024 })).toMatchObject({ ok: false, field: 'm' });
  });
});

describe('helpers', () => {
  it('levenshtein, nearest strings, slugify, year ranges', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(nearestStrings('blackbur', ['blackpool', 'blackburn-with-darwen', 'bolton'], 1)).toEqual(['blackburn-with-darwen']);
    expect(slugify('Yorkshire and The Humber')).toBe('yorkshire-and-the-humber');
    expect(describeYears([2010, 2011, 2012, 2015, 2016])).toBe('2010–2012, 2015–2016');
  });
  it('literal attribute values', () => {
    expect(literalValue({ type: 'mdxJsxAttribute', name: 'year', value: { type: 'mdxJsxAttributeValueExpression', value: '2024' } })).toEqual({
      literal: true,
      value: 2024,
    });
    expect(literalValue({ type: 'mdxJsxAttribute', name: 'la', value: 'blackpool' })).toEqual({ literal: true, value: 'blackpool' });
    expect(literalValue({ type: 'mdxJsxAttribute', name: 'year', value: { type: 'mdxJsxAttributeValueExpression', value: 'latest' } })).toEqual({
      literal: false,
    });
  });
  it('generated ids are TypeScript unions of the index', () => {
    const ts = renderIds(index);
    expect(ts).toContain('export type CouncilSlug = "blackburn-with-darwen" | "blackpool" | "city-of-london";');
    expect(ts).toContain('export type FigureYear = 2023 | 2024;');
    expect(ts).toContain('export type RegionSlug = "north-west";');
  });
});

describe('checkElement', () => {
  const attr = (name: string, value: string | { type: string; value: string }) => ({ type: 'mdxJsxAttribute', name, value });
  const expr = (value: string) => ({ type: 'mdxJsxAttributeValueExpression', value });
  it('accepts a valid citation and skips dynamic values', () => {
    expect(checkElement(index, 'Fig', [attr('m', 'cla_count'), attr('la', 'blackpool'), attr('year', expr('2024'))])).toEqual([]);
    expect(checkElement(index, 'Fig', [attr('m', 'cla_count'), attr('la', 'blackpool'), attr('year', expr('latest'))])).toEqual([]);
  });
  it('flags unknown and missing attributes and a quoted year', () => {
    expect(checkElement(index, 'Fig', [attr('m', 'cla_count'), attr('la', 'blackpool'), attr('yaer', expr('2024'))]).join('\n')).toMatch(
      /unknown attribute "yaer"[\s\S]*missing attribute year/,
    );
    expect(checkElement(index, 'Fig', [attr('m', 'cla_count'), attr('la', 'blackpool'), attr('year', '2024')])[0]).toContain('year={2024}');
  });
  it('checks Fact and KeyFigure with their attribute names', () => {
    expect(checkElement(index, 'Fact', [attr('measure', 'cla_count'), attr('code', 'E06000099'), attr('year', expr('2024'))])[0]).toContain(
      'code: unknown area "E06000099"',
    );
  });
});

describe('Sätteri plugin: compile-time errors with file and line', () => {
  const compile = (src: string) =>
    mdxToJs(src, {
      fileURL: pathToFileURL('/proj/src/content/stories/bad-story.mdx'),
      mdastPlugins: [satteriFiguresPlugin({ root: '/proj', index: () => index })],
    } as never);
  it('passes a good story', async () => {
    await expect(Promise.resolve().then(() => compile('Blackpool: <Fig m="cla_count" la="blackpool" year={2024} />.\n'))).resolves.toBeTruthy();
  });
  it('fails a bad one, naming file:line:column, the element, the field and the nearest choices', async () => {
    const src =
      '# Title\n\nFine: <Fig m="cla_count" la="blackpool" year={2024} />.\n\nBad: <Fig m="cla_count" la="blackpol" year={2024} />\n\n<Fig m="cla_count" la="blackpool" year={2019} />\n';
    let err: unknown;
    try {
      await compile(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FigureReferenceError);
    const msg = (err as Error).message;
    expect(msg).toContain('2 mistakes in this story, found when it compiled');
    expect(msg).toContain('src/content/stories/bad-story.mdx:5:6: <Fig m="cla_count" la="blackpol" year={2024} />');
    expect(msg).toContain('Nearest valid choices: "blackpool" (Blackpool, E06000009)');
    expect(msg).toMatch(/bad-story\.mdx:7:1: .*\n\s+year: no 2019 data for Blackpool .*Nearest valid choices: 2023, 2024/);
  });
});

describe('the plugins tell each checked element its own line (__loc), for render-time errors', () => {
  it('Sätteri: charts and figures, nested ones included', () => {
    const src =
      '# T\n\n<LineChart title="T" measure="cla_count" areas={[\'blackpool\']}>\n  Note: <Fig m="cla_count" la="blackpool" year={2024} />.\n</LineChart>\n';
    const { code } = mdxToJs(src, {
      fileURL: pathToFileURL('/proj/src/content/stories/s.mdx'),
      mdastPlugins: [satteriFiguresPlugin({ root: '/proj', index: () => index, routes: null })],
    } as never) as { code: string };
    expect(code).toContain('__loc: "src/content/stories/s.mdx:3:1"');
    expect(code).toContain('__loc: "src/content/stories/s.mdx:4:9"');
  });
  it('remark: the same checks on an MDX tree, and __loc added when it passes', () => {
    const attr = (name: string, value: unknown) => ({ type: 'mdxJsxAttribute', name, value });
    const chart = (areas: string) => ({
      type: 'mdxJsxFlowElement',
      name: 'LineChart',
      attributes: [attr('title', 'T'), attr('measure', 'cla_count'), attr('areas', { type: 'mdxJsxAttributeValueExpression', value: areas })],
      children: [],
      position: { start: { line: 7, column: 1 } },
    });
    const run = remarkFigures({ root: '/proj', index: () => index, routes: null });
    const good = { type: 'root', children: [chart("['blackpool']")] };
    run(good as never, { path: '/proj/src/content/stories/r.mdx' });
    expect(good.children[0]!.attributes.at(-1)).toEqual({ type: 'mdxJsxAttribute', name: '__loc', value: 'src/content/stories/r.mdx:7:1' });
    expect(() => run({ type: 'root', children: [chart("['blackpol']")] } as never, { path: '/proj/src/content/stories/r.mdx' })).toThrow(
      /r\.mdx:7:1: .*\n\s+areas: unknown area "blackpol".*"blackpool" \(Blackpool, E06000009\)/,
    );
  });
});
