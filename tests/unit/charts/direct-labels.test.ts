/**
 * Direct labels on line charts: up to DIRECT_LABEL_MAX_SERIES series are
 * labelled at their last value and the legend is dropped; more series keep
 * the legend. Labels never overlap (their boxes, from the tspans), keep the
 * order of the lines' last values, and stay inside the SVG.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import * as C from '../../../src/lib/charts/index.ts';
import type { Datum } from '../../../src/lib/charts/index.ts';
import { DIRECT_LABEL_MAX_SERIES } from '../../../src/lib/charts/labels.ts';

// Illustrative rows (invented values): series that end close together, so their labels must be nudged apart.
function rows(names: string[]): Datum[] {
  return [2019, 2020, 2021, 2022].flatMap((year) => names.map((area, i) => ({ year, area, value: 50 + i * 0.8 + (year - 2019) })));
}
const five = ['Kingston upon Hull, City of', 'Bournemouth, Christchurch and Poole', 'Leeds', 'Kent', 'England'];

function labels(markup: string) {
  const svg = parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg')!;
  const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  const list = [...svg.querySelectorAll('text.chart-direct-label')].map((t) => {
    const ys = [...t.querySelectorAll('tspan')].map((s) => Number(s.getAttribute('y')));
    return {
      name: t.getAttribute('data-series')!,
      x: Number(t.querySelector('tspan')!.getAttribute('x')),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      lines: ys.length,
    };
  });
  return { list, w: w!, h: h! };
}

describe('direct labels on a line chart', () => {
  const out = C.renderLineChart({ title: 'Five', data: rows(five), x: 'year', y: 'value', z: 'area', reference: 'England' });

  it(`labels each of ${DIRECT_LABEL_MAX_SERIES} series and drops the legend`, () => {
    expect(out.legend).toEqual([]);
    for (const markup of [out.svgNarrow, out.svgWide])
      expect(
        labels(markup)
          .list.map((l) => l.name)
          .sort(),
      ).toEqual([...five].sort());
  });

  it('labels do not overlap, keep the order of the last values (highest at the top) and stay in the SVG', () => {
    for (const markup of [out.svgNarrow, out.svgWide]) {
      const { list, w, h } = labels(markup);
      const line = 13 * 1.2;
      const boxes = list.map((l) => ({ ...l, y0: l.top - line / 2, y1: l.bottom + line / 2 })).sort((a, b) => a.y0 - b.y0);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y0).toBeGreaterThanOrEqual(boxes[i - 1]!.y1);
      // The data put the last series highest: England at the top, Hull at the bottom.
      expect(boxes.map((b) => b.name)).toEqual([...five].reverse());
      for (const b of boxes) {
        expect(b.y0).toBeGreaterThanOrEqual(0);
        expect(b.y1).toBeLessThanOrEqual(h);
        expect(b.x).toBeLessThan(w);
      }
    }
  });

  it('long names wrap to two lines at most in the narrow variant', () => {
    const hull = labels(out.svgNarrow).list.find((l) => l.name.startsWith('Kingston'))!;
    expect(hull.lines).toBe(2);
  });

  it('the reference series is drawn dashed in the text colour, and labelled in it', () => {
    const svg = parseHTML(`<!doctype html><html><body>${out.svgWide}</body></html>`).document.querySelector('svg')!;
    const ref = svg.querySelector('.chart-line--reference')!;
    expect(ref.getAttribute('stroke-dasharray')).toBe('6,4');
    expect(ref.getAttribute('stroke')).toBe('var(--chart-ink, currentColor)');
    expect(svg.querySelector('text[data-series="England"]')!.getAttribute('fill')).toBe('var(--chart-ink, currentColor)');
  });

  it('a chart with more series keeps its legend and has no direct labels', () => {
    const six = C.renderLineChart({ title: 'Six', data: rows(['A', 'B', 'C', 'D', 'E', 'F']), x: 'year', y: 'value', z: 'area' });
    expect(six.legend.map((l) => l.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(labels(six.svgWide).list).toEqual([]);
  });

  it('an unknown reference series is an error naming the series', () => {
    expect(() => C.renderLineChart({ title: 'x', data: rows(['A']), x: 'year', y: 'value', z: 'area', reference: 'England' })).toThrow(
      /reference "England".*series: A/,
    );
  });
});
