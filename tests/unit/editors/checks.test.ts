/**
 * The pure pieces of the compile-time checks: internal links against routes,
 * the unit vocabulary, years named in titles, and the literal evaluator that
 * reads `data={series(…)}` and `export const rows = …` in a story.
 */
import { describe, expect, it } from 'vitest';
import { buildRoutes, checkLink } from '../../../src/lib/figures/links.ts';
import { parseUnit, unitConflict } from '../../../src/lib/figures/units.ts';
import { interpolateTitle, titleYearProblem, yearsMentioned } from '../../../src/lib/figures/chart-spec.ts';
import { addEsm, emptyScope, evaluateSource } from '../../../src/lib/figures/expr.ts';

describe('internal links', () => {
  const routes = buildRoutes(
    [
      'index.astro',
      'about.astro',
      'councils/index.astro',
      'councils/[slug].astro',
      'stories/[...slug].astro',
      'map/[measure]/[year].astro',
      'rss.xml.ts',
      'og/_paths.ts',
    ],
    { '/councils/[slug]/': ['blackpool', 'blackburn-with-darwen'], '/stories/[...slug]/': ['the-ratings'] },
    ['favicon.svg'],
  );
  it('accepts real pages, files, anchors, external links and unenumerated dynamic routes', () => {
    for (const href of [
      '/',
      '/about/',
      '/councils/blackpool/',
      '/councils/blackpool/#spending',
      '/stories/the-ratings/',
      '/map/cla_rate_per_10k/2024/',
      '/rss.xml',
      '/favicon.svg',
      'https://example.org/x',
      '#top',
      'mailto:a@b.c',
    ]) {
      expect(checkLink(routes, href), href).toBeNull();
    }
  });
  it('a misspelt council page names the nearest pages', () => {
    expect(checkLink(routes, '/councils/blackpol/')).toBe(
      'link "/councils/blackpol/": no such page on this site. Nearest pages: "/councils/blackpool/", "/councils/", "/about/".',
    );
  });
  it('a missing trailing slash says what to write', () => {
    expect(checkLink(routes, '/about')).toBe('link "/about": pages end in "/" on this site: write "/about/".');
    expect(checkLink(routes, '/councils/blackpool#x')).toBe('link "/councils/blackpool#x": pages end in "/" on this site: write "/councils/blackpool/#x".');
  });
  it('a source anchor that is not in the manifest names the nearest ids', () => {
    const withSources = { ...buildRoutes(['sources.astro'], {}), anchors: { '/sources/': ['cla-ees-2024', 'cla-ees-2025'] } };
    expect(checkLink(withSources, '/sources/#cla-ees-2025')).toBeNull();
    expect(checkLink(withSources, '/sources/#cla-ees-2052')).toBe(
      'link "/sources/#cla-ees-2052": /sources/ has no "#cla-ees-2052". Nearest: "/sources/#cla-ees-2024", "/sources/#cla-ees-2025".',
    );
  });
  it('private files (_paths.ts) are not routes', () => {
    expect(checkLink(routes, '/og/_paths')).toMatch(/no such page/);
  });
});

describe('units', () => {
  it('one vocabulary, with aliases, and the nearest for a typo', () => {
    expect(parseUnit('per10k')).toEqual({ ok: true, unit: 'per10k' });
    expect(parseUnit('£')).toEqual({ ok: true, unit: 'gbp' });
    const bad = parseUnit('per 10k');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/Nearest: "per10k"/);
  });
  it('a unit that contradicts the measure', () => {
    expect(unitConflict('cla_rate_per_10k', 'per 10,000 children', 'percent')).toMatch(/"percent" contradicts the measure "cla_rate_per_10k"/);
    expect(unitConflict('cla_rate_per_10k', 'per 10,000 children', 'per10k')).toBeNull();
    expect(unitConflict('cla_count', 'children', 'number')).toBeNull();
  });
});

describe('years in titles', () => {
  it('reads years, financial years and ranges; skips price bases', () => {
    expect(yearsMentioned('Spending in 2024-25')).toEqual([{ text: '2024-25', years: [2025] }]);
    expect(yearsMentioned('Children in care, 2015–2025')).toEqual([{ text: '2015–2025', years: [2015, 2025] }]);
    expect(yearsMentioned('2010 to 2015')).toEqual([{ text: '2010 to 2015', years: [2010, 2015] }]);
    expect(yearsMentioned('per child, 2023-24 prices')).toEqual([]);
  });
  it('a title year outside the chart is a problem; placeholders fill from the data', () => {
    expect(titleYearProblem('title', 'Rates, 2024-25', [2015], false)).toMatch(/says "2024-25" but the chart's data cover 2015/);
    expect(titleYearProblem('title', 'Rates, 2015', [2010, 2015], false)).toBeNull();
    expect(interpolateTitle('Rates, {years}', [2011, 2010, 2015], false)).toBe('Rates, 2010–2015');
    expect(interpolateTitle('Spend, {from} to {to}', [2016, 2025], true)).toBe('Spend, 2015-16 to 2024-25');
  });
});

describe('literal evaluator', () => {
  it('reads helper calls inline and through export const, and filters keep the fields', () => {
    const scope = emptyScope();
    addEsm(
      scope,
      "import { series as s } from '../../lib/figures/series.ts';\nexport const rows = s('cla_count', ['england'], { from: 2015 });\nexport const later = rows.filter((r) => r.year > 2020);",
    );
    expect(evaluateSource('rows', scope)).toEqual({
      kind: 'helper',
      name: 'series',
      filtered: false,
      args: [
        { kind: 'value', value: 'cla_count' },
        { kind: 'value', value: ['england'] },
        { kind: 'value', value: { from: 2015 } },
      ],
    });
    expect(evaluateSource('later', scope)).toMatchObject({ kind: 'helper', name: 'series', filtered: true });
    expect(evaluateSource("['a', 2, -3]", scope)).toEqual({ kind: 'value', value: ['a', 2, -3] });
    expect(evaluateSource('analysis()', scope)).toEqual({ kind: 'dynamic' });
  });
  it('a function of the same name from elsewhere is not the helper', () => {
    const scope = emptyScope();
    addEsm(scope, "import { series } from '../../lib/stories/analysis.ts';");
    expect(evaluateSource("series('x')", scope)).toEqual({ kind: 'dynamic' });
  });
});
