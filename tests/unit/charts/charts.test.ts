/**
 * Chart library tests: one SVG file snapshot per chart type and variant
 * (tests/unit/charts/__snapshots__/*.svg), plus behaviour: descriptions state
 * first/last/max correctly, nulls are gaps (counted path segments), breaks
 * split lines, the CSV equals the data, and the SVG is accessible.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import * as C from '../../../src/lib/charts/index.ts';
import type { ChartOutput } from '../../../src/lib/charts/index.ts';
import * as F from '../../fixtures/charts/examples.ts';

const charts: Record<string, () => ChartOutput> = {
  line: () =>
    C.renderLineChart({
      title: 'Children looked after',
      data: F.claEngland,
      x: 'year',
      y: 'children',
      unit: 'count',
      yLabel: 'Children looked after',
      annotations: [{ date: 2014, label: 'Innovation programme' }],
    }),
  'line-series-break': () =>
    C.renderLineChart({
      title: 'Spending by region',
      data: F.spendTwoSeries,
      x: 'year',
      y: 'spend',
      z: 'area',
      unit: 'gbp',
      xFormat: 'financial-year',
      breaks: [2016],
      yLabel: 'Spending',
    }),
  bar: () => C.renderBarChart({ title: 'Rates by council', data: F.ratesByCouncil, x: 'la', y: 'rate', unit: 'per10k', highlight: 'Hartlepool' }),
  'bar-years': () => C.renderBarChart({ title: 'Children looked after by year', data: F.claEngland, x: 'year', y: 'children', unit: 'count' }),
  'stacked-area': () =>
    C.renderStackedArea({ title: 'Spending by service', data: F.spendByService, x: 'year', y: 'gbp', z: 'service', unit: 'gbp', xFormat: 'financial-year' }),
  scatter: () =>
    C.renderScatter({
      ...F.scatterOptions,
      xLabel: 'IDACI score',
      yLabel: 'Rate',
      labels: ['Blackpool'],
      highlight: 'Leeds',
    }),
  'dot-strip': () =>
    C.renderDotStrip({
      title: 'Rates across councils',
      data: F.stripCouncils,
      x: 'rate',
      label: 'la',
      unit: 'per10k',
      xLabel: 'Rate',
      highlight: 'Council 10',
      reference: { value: 70, label: 'England' },
    }),
  'small-multiples': () =>
    C.renderSmallMultiples({ title: 'Rates by region', data: F.regionsMultiples, x: 'year', y: 'rate', facet: 'region', unit: 'per10k' }),
  likert: () => C.renderLikertBar({ title: 'Ofsted grades', data: F.ofstedByYear, y: 'year', z: 'grade', x: 'councils' }),
};

function svgEl(markup: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return document.querySelector('svg')!;
}

/** Number of drawn segments in a path: one per moveto command. */
function segments(d: string): number {
  return (d.match(/M/g) ?? []).length;
}

describe.each(Object.keys(charts))('%s chart', (name) => {
  const out = charts[name]!();
  it('matches the SVG file snapshots (narrow and wide)', async () => {
    await expect(out.svgNarrow).toMatchFileSnapshot(`./__snapshots__/${name}.narrow.svg`);
    await expect(out.svgWide).toMatchFileSnapshot(`./__snapshots__/${name}.wide.svg`);
  });
  it('is an accessible image: role="img", labelled by the title and described by the description; no aria-label on role-less elements; no <style>', () => {
    for (const markup of [out.svgNarrow, out.svgWide]) {
      const svg = svgEl(markup);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-labelledby')).toBe(out.titleId);
      expect(svg.getAttribute('aria-describedby')).toBe(out.descId);
      expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.hasAttribute('width')).toBe(false);
      expect(svg.hasAttribute('height')).toBe(false);
      const labelled = [...svg.querySelectorAll('[aria-label]')].filter((el) => !el.hasAttribute('role'));
      expect(labelled).toEqual([]);
      expect(svg.querySelectorAll('style').length).toBe(0);
      expect(markup).not.toMatch(/\sstyle=/);
    }
  });
  it('has a non-empty description and a table with one row per data row', () => {
    expect(out.description.length).toBeGreaterThan(20);
    expect(out.csv.split('\r\n').length - 2).toBe(out.table.rows.length);
  });
});

describe('descriptions state the data', () => {
  it('line: first, last, highest, lowest and the gap with its reason', () => {
    const d = charts.line!().description;
    expect(d).toContain('Rose from 64,400 in 2010 to 83,630 in 2024');
    expect(d).toContain('highest 83,840 in 2023');
    expect(d).toContain('lowest 64,400 in 2010');
    expect(d).toContain('No figure for 2015');
    expect(d).toContain('Not available from the publisher');
    expect(d).toContain('Innovation programme (2014)');
  });
  it('line with series: each series, financial years and the break', () => {
    const d = charts['line-series-break']!().description;
    expect(d).toContain('North East: rose from £210m in 2010-11 to £300m in 2017-18');
    expect(d).toContain('South West: rose from £250m in 2010-11 to £335m in 2017-18');
    expect(d).toContain('lowest £248m in 2011-12');
    expect(d).toContain('broken at 2015-16');
  });
  it('a fall and an unchanged series are worded correctly', () => {
    const fall = C.renderLineChart({
      title: 'x',
      data: [
        { y: 2020, v: 10 },
        { y: 2021, v: 12 },
        { y: 2022, v: 5 },
      ],
      x: 'y',
      y: 'v',
    }).description;
    expect(fall).toContain('Fell from 10 in 2020 to 5 in 2022 (down 50%); highest 12 in 2021, lowest 5 in 2022.');
    const flat = C.renderLineChart({
      title: 'x',
      data: [
        { y: 2020, v: 7 },
        { y: 2021, v: 7 },
      ],
      x: 'y',
      y: 'v',
    }).description;
    expect(flat).toContain('Was 7 in both 2020 and 2021');
  });
  it('bar: highest, lowest, highlighted rank and missing', () => {
    const d = charts.bar!().description;
    expect(d).toContain('Highest Blackpool (208 per 10,000), lowest Richmond upon Thames (28 per 10,000)');
    expect(d).toContain('Highlighted: Hartlepool, 160 per 10,000, 2nd highest of 6');
    expect(d).toContain('No figure for Rutland');
  });
  it('stacked area: totals and the dropped incomplete year', () => {
    const d = charts['stacked-area']!().description;
    expect(d).toContain('Total £7.5bn in 2018-19 and £9.9bn in 2022-23');
    expect(d).toContain('Not shown: 2020-21');
  });
  it('scatter: least-squares fit matches a hand computation', () => {
    const fit = C.leastSquares([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 6 },
    ])!;
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(0, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
    // y = 1 + 0.5x with noise: x = 0..3, y = 1, 2, 2, 3 → slope 0.6, intercept 1.1
    const noisy = C.leastSquares([
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: 2 },
      { x: 3, y: 3 },
    ])!;
    expect(noisy.slope).toBeCloseTo(0.6, 12);
    expect(noisy.intercept).toBeCloseTo(1.1, 12);
    expect(
      C.leastSquares([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toBeNull();
    // A horizontal line: slope 0, and it explains all there is (R² 1, where ols alone says NaN).
    expect(
      C.leastSquares([
        { x: 0, y: 5 },
        { x: 1, y: 5 },
        { x: 2, y: 5 },
      ]),
    ).toEqual({ slope: 0, intercept: 5, r2: 1, n: 3 });
    expect(C.leastSquares([{ x: 1, y: 1 }])).toBeNull();
    const d = charts.scatter!().description;
    // Trend line in words, values from tests/fixtures/charts/scatter_reference.py (numpy.polyfit): 19.00 at 0.06, 160.34 at 0.33, R² 0.7554.
    expect(d).toContain('8 points, one per area');
    expect(d).toContain('the trend line runs from 19 per 10,000 at 0.06 to 160 per 10,000 at 0.33, and accounts for about 76% of the differences');
    expect(d).not.toMatch(/y = |× x|R²/);
    expect(d).toContain('1 row has a missing value and is not plotted');
  });
  it('a change that rounds to 0% is "less than 1%", never "(down 0%)"', () => {
    const d = C.renderLineChart({
      title: 'x',
      data: [
        { y: 2020, v: 1000 },
        { y: 2021, v: 998 },
      ],
      x: 'y',
      y: 'v',
    }).description;
    expect(d).toContain('Fell from 1,000 in 2020 to 998 in 2021 (down less than 1%)');
    expect(d).not.toContain('0%)');
  });
  it('reader-facing words: no chart-type jargon such as "Dot strip of 33 values"', () => {
    const d = charts['dot-strip']!().description;
    expect(d).toContain('Rate: one dot for each of 33 areas.');
    expect(d).not.toMatch(/Dot strip of/);
  });
  it('dot strip: median, rank of the highlighted council and the missing one', () => {
    const d = charts['dot-strip']!().description;
    expect(d).toContain('median 64 per 10,000');
    expect(d).toContain('Highlighted: Council 10, 50 per 10,000, 24th highest of 33');
    expect(d).toContain('1 with no figure is not shown');
  });
  it('likert: shares of Good or Outstanding from the counts', () => {
    const d = charts.likert!().description;
    // 2018: (49 + 11) / 152 = 39.5% → 39%; 2024: (71 + 30) / 153 = 66.0%
    expect(d).toContain('2018: 39% Good or Outstanding, 20% Inadequate (152 judged)');
    expect(d).toContain('2024: 66% Good or Outstanding, 7% Inadequate (153 judged)');
  });
});

describe('missing values are gaps, never zero', () => {
  const linePath = (markup: string) => [...svgEl(markup).querySelectorAll('.chart-line path')].map((p) => p.getAttribute('d') ?? '');

  it('a null splits the line into two segments', () => {
    const out = charts.line!();
    for (const m of [out.svgNarrow, out.svgWide]) {
      const paths = linePath(m);
      expect(paths).toHaveLength(1);
      expect(segments(paths[0]!)).toBe(2);
    }
  });
  it('without the null the same line is one segment (the test can fail)', () => {
    const filled = F.claEngland.map((d) => (d.children === null ? { year: d.year, children: 69000 } : d));
    const out = C.renderLineChart({ title: 'x', data: filled, x: 'year', y: 'children' });
    expect(segments(linePath(out.svgWide)[0]!)).toBe(1);
  });
  it('a break starts a new path per series; a null within a segment splits it again', () => {
    const paths = linePath(charts['line-series-break']!().svgWide);
    // North East: [2011–2012] gap [2014] | break | [2016–2018]; South West: [2011–2014] | break | [2016–2018]
    const segs = paths.map(segments).sort();
    expect(paths).toHaveLength(4);
    expect(segs).toEqual([1, 1, 1, 2]);
  });
  it('no point is drawn for a missing value and no bar for a missing bar', () => {
    const out = charts.line!();
    expect(svgEl(out.svgWide).querySelectorAll('.chart-point circle')).toHaveLength(14);
    const bars = svgEl(charts.bar!().svgWide).querySelectorAll('.chart-bar rect');
    expect(bars).toHaveLength(6);
    expect(charts.bar!().svgWide).toContain('no data');
  });
  it('the table shows "—" with the reason for a missing value, never 0', () => {
    const t = charts.line!().table;
    const row = t.rows.find((r) => r[0] === '2015')!;
    expect(row[1]).toBe('— (Not available from the publisher (x, .. or :))');
  });
  it('strings in value fields are rejected (markers must become null first)', () => {
    expect(() => C.renderLineChart({ title: 'x', data: [{ year: 2020, v: 'c' }], x: 'year', y: 'v' })).toThrow(/row 1, field "v": "c" is not a number or null/);
    expect(() => C.renderLineChart({ title: 'x', data: [{ year: 2020, v: 1 }], x: 'year', y: 'value' })).toThrow(/y field "value" is not in the data/);
    expect(() => C.renderLikertBar({ title: 'x', data: [{ y: 2020, g: 'Excellent', n: 1 }], y: 'y', z: 'g', x: 'n' })).toThrow(/not an Ofsted grade/);
  });
});

describe('CSV', () => {
  it('is exactly the chart data: header, rows, empty for missing, reason column', () => {
    expect(charts.bar!().csv).toBe(
      [
        'la,rate,missingReason',
        'Blackpool,208,',
        'Hartlepool,160,',
        'Middlesbrough,155,',
        '"Kingston upon Hull, City of",118,',
        'Rutland,,suppressed',
        'Wokingham,30,',
        'Richmond upon Thames,28,',
        '',
      ].join('\r\n'),
    );
  });
  it('quotes commas, quotes, newlines and edge spaces; doubles quotes', () => {
    expect(C.toCsv([{ a: 'say "hi"', b: 'x\ny', c: ' pad', d: 1.5, e: null }], ['a', 'b', 'c', 'd', 'e'])).toBe(
      'a,b,c,d,e\r\n"say ""hi""","x\ny"," pad",1.5,\r\n',
    );
  });
  it('the data: URI round-trips (with a BOM for Excel)', () => {
    const csv = charts.scatter!().csv;
    const uri = C.csvDataUri(csv);
    expect(uri.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(uri).not.toMatch(/[\s"'<>#]/);
    expect(decodeURIComponent(uri.slice('data:text/csv;charset=utf-8,'.length))).toBe('\uFEFF' + csv);
  });
});

describe('mobile text and annotations', () => {
  // The narrow SVG fills the text column of a 360 px phone: 360 − 2 × 16 px padding ≈ 327 px (measured in Chromium: 327.3).
  const PHONE_COLUMN = 327;
  it.each(Object.keys(charts))('%s: every text of the narrow variant renders at 11 px or more in a 327 px column', (name) => {
    const svg = svgEl(charts[name]!().svgNarrow);
    const viewWidth = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const base = Number(svg.getAttribute('font-size'));
    const sizes = [base, ...[...svg.querySelectorAll('[font-size]')].map((el) => Number(el.getAttribute('font-size')))].filter((n) => Number.isFinite(n));
    expect(Math.min(...sizes) * (PHONE_COLUMN / viewWidth)).toBeGreaterThanOrEqual(11);
  });
  const three = [
    { date: 2014, label: 'Innovation Programme £100m' },
    { date: 2016, label: '£200m to 2020' },
    { date: 2019, label: '£20m improvement fund' },
  ];
  const withThree = () => C.renderLineChart({ title: 'Spend', data: F.claEngland, x: 'year', y: 'children', unit: 'count', annotations: three });
  it('three annotations take at most a fifth of the chart height at both widths', () => {
    // The band is the plot height the annotations take: same data and ticks without annotations gives the full plot height,
    // and the gridline spacing shrinks in proportion to the height left.
    const bare = C.renderLineChart({ title: 'Spend', data: F.claEngland, x: 'year', y: 'children', unit: 'count' });
    const out = withThree();
    for (const key of ['svgNarrow', 'svgWide'] as const) {
      const a = svgEl(out[key]);
      const b = svgEl(bare[key]);
      const height = Number(a.getAttribute('viewBox')!.split(' ')[3]);
      const gridYs = (svg: Element) => [...svg.querySelectorAll('.plot-y-grid line')].map((l) => Number(l.getAttribute('y1'))).sort((p, q) => q - p);
      const [ga, gb] = [gridYs(a), gridYs(b)];
      expect(ga.length).toBe(gb.length);
      const spanA = ga[0]! - ga.at(-1)!;
      const spanB = gb[0]! - gb.at(-1)!;
      const plotHeightBare = height - 28 - 30; // marginTop 28 and marginBottom 30 of the line chart
      const band = plotHeightBare * (1 - spanA / spanB);
      expect(band).toBeGreaterThan(0);
      expect(band).toBeLessThanOrEqual(height / 5);
    }
  });
  it('narrow charts number their annotations and the block gets the key', () => {
    const out = withThree();
    const narrowTexts = [...svgEl(out.svgNarrow).querySelectorAll('.chart-annotation text')].map((t) => t.textContent);
    expect(narrowTexts).toEqual(['1', '2', '3']);
    expect(out.annotationKey).toBe('1 Innovation Programme £100m (2014) · 2 £200m to 2020 (2016) · 3 £20m improvement fund (2019)');
    const wideTexts = [...svgEl(out.svgWide).querySelectorAll('.chart-annotation text')].map((t) => t.textContent);
    expect(wideTexts).toEqual(three.map((a) => a.label));
  });
});

describe('dot strip sizing', () => {
  it('152 councils: every dot of the beeswarm stays inside the plot frame at both widths', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const data = Array.from({ length: 152 }, (_, i) => ({ la: `LA ${i}`, rate: Math.round(30 + 50 * (rnd() + rnd() + rnd()) + (rnd() < 0.05 ? 80 : 0)) }));
    const out = C.renderDotStrip({ title: 't', data, x: 'rate', label: 'la', highlight: 'LA 5', reference: { value: 70, label: 'England' } });
    for (const [markup, fontSize] of [
      [out.svgNarrow, 12],
      [out.svgWide, 13],
    ] as const) {
      const svg = svgEl(markup);
      const height = Number(svg.getAttribute('viewBox')!.split(' ')[3]);
      const top = 2 * (fontSize + 6) + 4;
      const bottom = height - 36;
      const circles = [...svg.querySelectorAll('.chart-point circle')];
      expect(circles).toHaveLength(152);
      for (const c of circles) {
        const cy = Number(c.getAttribute('cy'));
        const r = Number(c.getAttribute('r'));
        expect(cy - r).toBeGreaterThanOrEqual(top - 0.5);
        expect(cy + r).toBeLessThanOrEqual(bottom + 0.5);
      }
    }
  });
});

describe('table', () => {
  it('headers default to the axis labels or the field name in sentence case; columnLabels win', () => {
    expect(charts.line!().table.columns.map((c) => c.label)).toEqual(['Year', 'Children looked after']);
    const o = C.renderBarChart({ title: 't', data: F.ratesByCouncil, x: 'la', y: 'rate', columnLabels: { la: 'Council' } });
    expect(o.table.columns.map((c) => [c.label, c.numeric])).toEqual([
      ['Council', false],
      ['Rate', true],
    ]);
    expect(o.table.rows[4]).toEqual(['Rutland', '— (Suppressed by the publisher to protect confidentiality (c))']);
  });
  it("unit aliases '£', '%' and 'per 10,000' format like gbp, percent and per10k", () => {
    const data = [
      { year: 2020, v: 1.5e9 },
      { year: 2021, v: 2e9 },
    ];
    expect(C.renderLineChart({ title: 't', data, x: 'year', y: 'v', unit: '£' }).description).toContain('from £1.5bn in 2020 to £2bn in 2021');
    expect(
      C.renderLineChart({
        title: 't',
        data: [
          { year: 2020, v: 12 },
          { year: 2021, v: 15 },
        ],
        x: 'year',
        y: 'v',
        unit: '%',
      }).table.rows[1]![1],
    ).toBe('15%');
    expect(
      C.renderLineChart({
        title: 't',
        data: [
          { year: 2020, v: 70 },
          { year: 2021, v: 71 },
        ],
        x: 'year',
        y: 'v',
        unit: 'per 10,000',
      }).table.rows[0]![1],
    ).toBe('70 per 10,000');
  });
});

describe('ids', () => {
  it('default from the title slug; the id prop wins', () => {
    expect(charts.line!().titleId).toBe('children-looked-after-title');
    const o = C.renderBarChart({ title: 'Rates by council', id: 'Fig 2', data: F.ratesByCouncil, x: 'la', y: 'rate' });
    expect([o.id, o.titleId, o.descId]).toEqual(['fig-2', 'fig-2-title', 'fig-2-desc']);
  });
});
