/**
 * Flagged values on charts: a flag names one data row; that point (and only
 * that one) gets a ring and its number, its table cell says "flagged", the
 * CSV gets a flag column, and the note appears under the chart. A chart
 * without flags is unchanged (the SVG snapshots in charts.test.ts).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import * as C from '../../../src/lib/charts/index.ts';
import type { Datum } from '../../../src/lib/charts/index.ts';
import { FLAG_FOOTNOTE } from '../../../src/lib/charts/flags.ts';
import { renderGradeStrip } from '../../../src/lib/stories/story-charts.ts';
import * as F from '../../fixtures/charts/examples.ts';

// Illustrative rows (invented values): two areas, 2017–2021; Bedford 2019 is the flagged one.
const data: Datum[] = [2017, 2018, 2019, 2020, 2021].flatMap((year) => [
  { year, area: 'Bedford', value: year === 2019 ? 15.2 : 40 + (year - 2017) },
  { year, area: 'England', value: 42 + (year - 2017) / 2 },
]);
const note = '2019, Bedford: the count behind this rate is a third of the years either side. Kept and raised with the publisher.';
const options = { title: 'Plans per 10,000', data, x: 'year', y: 'value', z: 'area', decimals: 1, flags: [{ where: { year: 2019, area: 'Bedford' }, note }] };

function svg(markup: string) {
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg')!;
}

describe('a flagged value on a line chart', () => {
  const out = C.renderLineChart(options);
  const plain = C.renderLineChart({ ...options, flags: [] });

  it('draws one ring, centred on the flagged point only, with its number', () => {
    for (const markup of [out.svgNarrow, out.svgWide]) {
      const s = svg(markup);
      const rings = [...s.querySelectorAll('.chart-flag circle')];
      expect(rings).toHaveLength(1);
      const point = s.querySelector('[data-label="Bedford: 2019: 15.2"]')!;
      expect(point).not.toBeNull();
      expect(rings[0]!.getAttribute('cx')).toBe(point.getAttribute('cx'));
      expect(rings[0]!.getAttribute('cy')).toBe(point.getAttribute('cy'));
      expect(s.querySelector('g.chart-flag')!.getAttribute('fill')).toBe('none');
      // No other point shares the ring's position.
      const others = [...s.querySelectorAll('.chart-point circle')].filter((c) => c !== point);
      expect(others.some((c) => c.getAttribute('cx') === point.getAttribute('cx') && c.getAttribute('cy') === point.getAttribute('cy'))).toBe(false);
      expect([...s.querySelectorAll('.chart-flag-label text')].map((t) => t.textContent)).toEqual(['1']);
    }
  });

  it('puts the note under the chart and in the description', () => {
    expect(out.flagNotes).toEqual([`Flagged value 1: ${note}`]);
    expect(out.description).toContain(note);
  });

  it('marks the flagged cell of the table only, with a footnote, and adds the note to the CSV', () => {
    const flaggedCells = out.table.rows.filter((r) => r.some((c) => c.includes('flagged')));
    expect(flaggedCells).toEqual([['2019', 'Bedford', '15.2 (flagged, note 1)']]);
    expect(out.table.footnote).toBe(FLAG_FOOTNOTE);
    const lines = out.csv.split('\r\n');
    expect(lines[0]).toBe('year,area,value,flag');
    expect(lines.filter((l) => l.includes('Kept and raised'))).toEqual([`2019,Bedford,15.2,"${note}"`]);
    expect(lines.filter((l) => l.endsWith(','))).toHaveLength(data.length - 1);
  });

  it('without flags, renders as before: no ring, no note, no footnote, no flag column', () => {
    for (const m of [plain.svgNarrow, plain.svgWide]) expect(svg(m).querySelectorAll('.chart-flag').length).toBe(0);
    expect(plain.flagNotes).toBeUndefined();
    expect(plain.table.footnote).toBeUndefined();
    expect(plain.csv.split('\r\n')[0]).toBe('year,area,value');
    expect(plain.table.rows.flat().some((c) => c.includes('flagged'))).toBe(false);
  });

  it('a flag that matches no row is an error naming the chart and the flag', () => {
    expect(() => C.renderLineChart({ ...options, flags: [{ where: { year: 2019, area: 'Bedfordshire' }, note }] })).toThrow(
      /LineChart: flag 1 \{"year":2019,"area":"Bedfordshire"\} matches no data row/,
    );
  });

  it('matches the SVG file snapshots (narrow and wide)', async () => {
    await expect(out.svgNarrow).toMatchFileSnapshot('./__snapshots__/line-flagged.narrow.svg');
    await expect(out.svgWide).toMatchFileSnapshot('./__snapshots__/line-flagged.wide.svg');
  });
});

// The story charts that draw one dot per council: the ring must sit on that council's dot, which
// Plot places (dodged, for the strips) — so the test reads the dot's position from the rendered SVG.
function ringsOn(markup: string, dotLabel: RegExp): { ring: Element; dot: Element; rings: number; labels: string[] } {
  const s = svg(markup);
  const rings = [...s.querySelectorAll('.chart-flag circle')];
  const dot = [...s.querySelectorAll('.chart-point circle')].find((c) => dotLabel.test(c.getAttribute('data-label') ?? ''))!;
  return { ring: rings[0]!, dot, rings: rings.length, labels: [...s.querySelectorAll('.chart-flag-label text')].map((t) => t.textContent ?? '') };
}

describe('flagged values on dot strips and scatters', () => {
  const stripNote = '2025, Council 10: the count behind this rate is a third of the years either side. Checked and kept.';
  const strip = C.renderDotStrip({
    title: 'Rates across councils',
    data: F.stripCouncils,
    x: 'rate',
    label: 'la',
    unit: 'per10k',
    flags: [{ where: { la: 'Council 10' }, note: stripNote }],
  });
  const scatter = C.renderScatter({
    ...F.scatterOptions,
    flags: [{ where: { la: 'Hartlepool' }, note: 'Hartlepool: flagged for the test.' }],
  });
  const gradeRows: Datum[] = [
    { council: 'A', grade: 'Good', spend: 800 },
    { council: 'B', grade: 'Good', spend: 810 },
    { council: 'C', grade: 'Good', spend: 805 },
    { council: 'D', grade: 'Inadequate', spend: 1200 },
    { council: 'E', grade: 'Requires improvement', spend: 1000 },
  ];
  const grades = renderGradeStrip({
    title: 'Spend by grade',
    data: gradeRows,
    x: 'spend',
    grade: 'grade',
    label: 'council',
    unit: 'gbp',
    flags: [{ where: { council: 'C' }, note: 'C: flagged for the test.' }],
  });

  it('a dot strip rings the flagged council’s dot (dodged with the others), once, with its number', () => {
    for (const m of [strip.svgNarrow, strip.svgWide]) {
      const { ring, dot, rings, labels } = ringsOn(m, /^Council 10: /);
      expect(rings).toBe(1);
      expect(ring.getAttribute('cx')).toBe(dot.getAttribute('cx'));
      expect(ring.getAttribute('cy')).toBe(dot.getAttribute('cy'));
      expect(labels).toEqual(['1']);
    }
    expect(strip.flagNotes).toEqual([`Flagged value 1: ${stripNote}`]);
    expect(strip.description).toContain(stripNote);
    expect(strip.table.rows.filter((r) => r.some((c) => c.includes('flagged')))).toEqual([['Council 10', '50 per 10,000 (flagged, note 1)']]);
    expect(strip.csv.split('\r\n')[0]).toBe('la,rate,missingReason,flag');
  });

  it('a scatter rings the flagged point', () => {
    for (const m of [scatter.svgNarrow, scatter.svgWide]) {
      const { ring, dot, rings } = ringsOn(m, /^Hartlepool: /);
      expect(rings).toBe(1);
      expect([ring.getAttribute('cx'), ring.getAttribute('cy')]).toEqual([dot.getAttribute('cx'), dot.getAttribute('cy')]);
    }
    expect(scatter.table.rows.find((r) => r[0] === 'Hartlepool')![2]).toBe('160 per 10,000 (flagged, note 1)');
  });

  it('the grade strip rings the flagged council in its grade’s row', () => {
    for (const m of [grades.svgNarrow, grades.svgWide]) {
      const s = svg(m);
      const ring = s.querySelector('.chart-flag circle')!;
      const dot = [...s.querySelectorAll('.chart-point circle')].find((c) => (c.getAttribute('data-label') ?? '').startsWith('C (Good)'))!;
      expect(s.querySelectorAll('.chart-flag circle')).toHaveLength(1);
      // Faceted: the ring and the dot are in the same facet group, at the same position within it.
      expect(ring.closest('g[aria-hidden], g.chart-flag')?.parentElement?.getAttribute('transform')).toBe(
        dot.closest('g.chart-point')?.parentElement?.getAttribute('transform'),
      );
      expect([ring.getAttribute('cx'), ring.getAttribute('cy')]).toEqual([dot.getAttribute('cx'), dot.getAttribute('cy')]);
    }
  });

  it('a flag on a council with no value to draw, or on no council, fails', () => {
    expect(() => C.renderDotStrip({ title: 't', data: F.stripCouncils, x: 'rate', label: 'la', flags: [{ where: { la: 'Council 34' }, note: 'n' }] })).toThrow(
      /DotStrip: flag 1 \{"la":"Council 34"\} matches row 34, which has no value to draw/,
    );
    expect(() =>
      C.renderScatter({ title: 't', data: F.scatterCouncils, x: 'idaci', y: 'rate', label: 'la', flags: [{ where: { la: 'Rutland' }, note: 'n' }] }),
    ).toThrow(/Scatter: flag 1 .* no value to draw/);
    expect(() => C.renderDotStrip({ title: 't', data: F.stripCouncils, x: 'rate', label: 'la', flags: [{ where: { la: 'Nowhere' }, note: 'n' }] })).toThrow(
      /DotStrip: flag 1 \{"la":"Nowhere"\} matches no data row/,
    );
  });

  it('matches the SVG file snapshots (narrow and wide)', async () => {
    await expect(strip.svgNarrow).toMatchFileSnapshot('./__snapshots__/dot-strip-flagged.narrow.svg');
    await expect(strip.svgWide).toMatchFileSnapshot('./__snapshots__/dot-strip-flagged.wide.svg');
    await expect(scatter.svgNarrow).toMatchFileSnapshot('./__snapshots__/scatter-flagged.narrow.svg');
    await expect(scatter.svgWide).toMatchFileSnapshot('./__snapshots__/scatter-flagged.wide.svg');
    await expect(grades.svgWide).toMatchFileSnapshot('./__snapshots__/grade-strip-flagged.wide.svg');
  });
});
