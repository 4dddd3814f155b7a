/**
 * Small multiples: one small line chart per facet (e.g. per region), all on
 * the same y scale so heights compare. Gaps and breaks behave as in
 * LineChart. Facets wrap into 2 columns (narrow) or 4 columns (wide).
 */
import * as Plot from '@observablehq/plot';
import { formatValue, type Unit } from '../format.ts';
import { distinct, formatX, marginForTicks, num, segmentOf, tableAndCsv, yAxisOptions } from './common.ts';
import { describeSeries } from './describe.ts';
import { INK, seriesColor } from './palette.ts';
import type { CommonOptions, XFormat } from './types.ts';
import { defineChart } from './unit.ts';

export interface SmallMultiplesOptions extends CommonOptions {
  x: string;
  y: string;
  /** Facet field: one panel per distinct value, in first-seen order. */
  facet: string;
  xFormat?: XFormat;
  breaks?: number[];
}

interface MultiplesRow {
  x: number;
  y: number | null;
  f: string;
  i: number;
  seg: string;
}

interface MultiplesChannels {
  unit: Unit;
  xFormat: XFormat;
  facets: string[];
  rows: MultiplesRow[];
  x0: number;
  x1: number;
  fmt: (v: number) => string;
}

export const renderSmallMultiples = defineChart<SmallMultiplesOptions, MultiplesChannels>({
  name: 'SmallMultiples',
  kind: 'small-multiples',
  fields: (o) => [
    { field: o.x, role: 'x' },
    { field: o.y, role: 'y', numeric: true },
    { field: o.facet, role: 'facet' },
  ],
  channels(o, unit) {
    const breaks = o.breaks ?? [];
    const facets = distinct(o.data.map((d) => d[o.facet]));
    const rows = o.data.map((d) => {
      const x = num(d[o.x]);
      if (x === null) throw new Error(`SmallMultiples: x field "${o.x}" must be numeric in every row`);
      const f = String(d[o.facet]);
      return { x, y: num(d[o.y]), f, i: facets.indexOf(f), seg: `${f}\u0000${segmentOf(x, breaks)}` };
    });
    const xs = rows.map((r) => r.x);
    return {
      unit,
      xFormat: o.xFormat ?? 'year',
      facets,
      rows,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      fmt: (v) => formatValue(v, unit, o.decimals),
    };
  },
  plot(c, v, o) {
    const { facets, rows, unit, xFormat, x0, x1, fmt } = c;
    const cols = v.narrow ? 2 : 4;
    const nRows = Math.ceil(facets.length / cols);
    const facet = (r: { i: number }) => ({ fx: r.i % cols, fy: Math.floor(r.i / cols) });
    const withFacet = rows.map((r) => ({ ...r, ...facet(r) }));
    const labels = facets.map((f, i) => ({ f, ...facet({ i }) }));
    return {
      height: 40 + nRows * (v.narrow ? 130 : 140),
      marginLeft: marginForTicks(
        rows.map((r) => r.y),
        unit,
        v,
      ),
      marginRight: 12,
      marginTop: 24,
      marginBottom: 28,
      fx: { axis: null, padding: 0.16 },
      fy: { axis: null, padding: 0.22 },
      // End years only; inset keeps the end labels inside their panel so neighbouring panels do not collide.
      x: { ticks: [x0, x1], tickFormat: (t: number) => formatX(t, xFormat), label: null, inset: v.narrow ? 16 : 18 },
      // Zero-based, with headroom at the top of each panel for its label.
      y: { ...yAxisOptions(unit, v, o.yLabel), ticks: 3, zero: true, insetTop: v.fontSize + 8 },
      marks: [
        Plot.frame({ stroke: 'var(--chart-rule)', strokeOpacity: 0.6 }),
        Plot.lineY(withFacet, { x: 'x', y: 'y', z: 'seg', fx: 'fx', fy: 'fy', stroke: seriesColor(0), strokeWidth: 2, className: 'chart-line' }),
        Plot.dot(
          withFacet.filter((r) => r.y !== null),
          {
            x: 'x',
            y: 'y',
            fx: 'fx',
            fy: 'fy',
            r: 1.8,
            fill: seriesColor(0),
            ariaLabel: (r: { f: string; x: number; y: number }) => `${r.f}, ${formatX(r.x, xFormat)}: ${fmt(r.y)}`,
            className: 'chart-point',
          },
        ),
        Plot.text(labels, {
          fx: 'fx',
          fy: 'fy',
          text: 'f',
          frameAnchor: 'top-left',
          dx: 4,
          dy: 4,
          fill: INK,
          fontWeight: 'bold',
          lineWidth: v.narrow ? 12 : 14,
          className: 'chart-facet-label',
        }),
      ],
    };
  },
  text(c, o) {
    const { facets, unit, xFormat, x0, x1 } = c;
    const parts = facets.map(
      (f) =>
        `${f}: ${describeSeries(
          o.data.filter((d) => String(d[o.facet]) === f).map((d) => ({ x: num(d[o.x])!, y: num(d[o.y]), xText: formatX(d[o.x], xFormat) })),
          unit,
          o.decimals,
        )}`,
    );
    const description = `Small multiples: ${facets.length} line charts of ${o.yLabel ? o.yLabel.toLowerCase() : o.y} on the same scale, ${formatX(x0, xFormat)} to ${formatX(x1, xFormat)}. ${parts.join(' ')}`;
    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.facet, kind: 'text' },
        { key: o.x, kind: 'x', label: o.xLabel },
        { key: o.y, kind: 'value', label: o.yLabel },
      ],
      { ...o, xFormat },
    );
    return { description, legend: [], table, csv };
  },
});
