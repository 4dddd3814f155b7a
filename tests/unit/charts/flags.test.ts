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
