/**
 * Bar chart. With a numeric x (years) bars are vertical columns; with
 * category x (council names) bars are horizontal so long names stay readable
 * on a phone, in data order unless `sort` is set. A null value draws no bar and
 * a "no data" label, never a zero-length bar.
 */
import * as Plot from '@observablehq/plot';
import { formatValue, type Unit } from '../format.ts';
import { annotationBand, annotationKey, annotationMarks, formatX, marginForTicks, num, tableAndCsv, yAxisOptions, yearTicks } from './common.ts';
import { listJoin } from './describe.ts';
import { HIGHLIGHT, seriesColor } from './palette.ts';
import type { Annotation, CommonOptions, XFormat } from './types.ts';
import { defineChart } from './unit.ts';

export interface BarChartOptions extends CommonOptions {
  /** Category (or year) field. */
  x: string;
  /** Value field. */
  y: string;
  xFormat?: XFormat;
  /** 'descending' | 'ascending' sorts horizontal bars by value. */
  sort?: 'descending' | 'ascending';
  /** A category to draw in the highlight colour. */
  highlight?: string;
  annotations?: Annotation[];
}

interface BarRow {
  k: string | number;
  label: string;
  v: number | null;
}

interface BarChannels {
  unit: Unit;
  vertical: boolean;
  xFormat: XFormat;
  rows: BarRow[];
  missingRows: BarRow[];
  fill: (r: { label: string }) => string;
  fmt: (v: number) => string;
  tip: (r: BarRow) => string;
}

export const renderBarChart = defineChart<BarChartOptions, BarChannels>({
  name: 'BarChart',
  kind: 'bar',
  fields: (o) => [
    { field: o.x, role: 'x' },
    { field: o.y, role: 'y', numeric: true },
  ],
  channels(o, unit) {
    const vertical = o.data.every((d) => typeof d[o.x] === 'number');
    const xFormat: XFormat = o.xFormat ?? (vertical ? 'year' : 'category');
    let rows: BarRow[] = o.data.map((d) => ({ k: d[o.x] as string | number, label: formatX(d[o.x], xFormat), v: num(d[o.y]) }));
    if (o.sort) rows = [...rows].sort((a, b) => ((a.v ?? -Infinity) - (b.v ?? -Infinity)) * (o.sort === 'ascending' ? 1 : -1));
    const fmt = (v: number) => formatValue(v, unit, o.decimals);
    return {
      unit,
      vertical,
      xFormat,
      rows,
      missingRows: rows.filter((r) => r.v === null),
      fill: (r) => (o.highlight && r.label === o.highlight ? HIGHLIGHT : seriesColor(0)),
      fmt,
      tip: (r) => `${r.label}: ${r.v === null ? 'no data' : fmt(r.v)}${o.period ? ` ${o.period}` : ''}`,
    };
  },
  plot(c, v, o) {
    const { rows, missingRows, unit, fill, tip, xFormat } = c;
    if (c.vertical) {
      const xs = rows.map((r) => r.k as number);
      return {
        height: v.narrow ? 240 : 320,
        marginLeft: marginForTicks(
          rows.map((r) => r.v),
          unit,
          v,
        ),
        marginTop: 28 + annotationBand(o.annotations, v),
        x: { type: 'band', interval: 1, label: o.xLabel ?? null, ticks: yearTicks(xs, v.narrow ? 4 : 8), tickFormat: (t: number) => formatX(t, xFormat) },
        y: yAxisOptions(unit, v, o.yLabel),
        marks: [
          // Annotations first, so a rule through a bar's centre runs behind the bar.
          ...annotationMarks(o.annotations ?? [], xs, v),
          Plot.barY(
            rows.filter((r) => r.v !== null),
            { x: 'k', y: 'v', fill: fill, ariaLabel: tip, className: 'chart-bar', inset: 1 },
          ),
          Plot.text(missingRows, { x: 'k', y: 0, text: () => 'n/a', dy: -8, fill: 'var(--chart-muted)', className: 'chart-missing' }),
          Plot.ruleY([0]),
        ],
      };
    }
    // Long council names wrap onto two lines (axis lineWidth, in ems) rather than being clipped.
    const longest = Math.max(...rows.map((r) => r.label.length));
    const maxMargin = v.narrow ? 120 : 220;
    const marginLeft = Math.min(maxMargin, 14 + longest * v.fontSize * 0.58);
    const wraps = 14 + longest * v.fontSize * 0.58 > maxMargin;
    return {
      height: 40 + rows.length * (wraps ? 34 : v.narrow ? 22 : 24),
      marginLeft,
      marginRight: 24,
      marginTop: 34,
      y: { domain: rows.map((r) => r.label), label: null, axis: null },
      x: { ...yAxisOptions(unit, v, o.yLabel), axis: 'top' },
      marks: [
        Plot.barX(
          rows.filter((r) => r.v !== null),
          { y: 'label', x: 'v', fill, ariaLabel: tip, className: 'chart-bar', insetTop: 2, insetBottom: 2 },
        ),
        Plot.text(missingRows, { y: 'label', x: 0, text: () => 'no data', textAnchor: 'start', dx: 4, fill: 'var(--chart-muted)', className: 'chart-missing' }),
        Plot.ruleX([0]),
        Plot.axisY({ tickSize: 0, label: null, lineWidth: (marginLeft - 14) / v.fontSize, className: 'plot-y-axis' }),
      ],
    };
  },
  text(c, o) {
    const { rows, missingRows, vertical, fmt, xFormat } = c;
    const defined = rows.filter((r): r is typeof r & { v: number } => r.v !== null);
    const sortedDesc = [...defined].sort((a, b) => b.v - a.v);
    const hi = sortedDesc[0];
    const lo = sortedDesc[sortedDesc.length - 1];
    let description = `Bar chart${o.yLabel ? ` of ${o.yLabel.toLowerCase()}` : ''}, ${rows.length} bars. `;
    if (vertical && defined.length >= 2) {
      const first = defined[0]!;
      const last = defined[defined.length - 1]!;
      description += `${first.label}: ${fmt(first.v)}; ${last.label}: ${fmt(last.v)}. `;
    }
    if (hi && lo) description += `Highest ${hi.label} (${fmt(hi.v)}), lowest ${lo.label} (${fmt(lo.v)}).`;
    if (o.highlight) {
      const h = rows.find((r) => r.label === o.highlight);
      if (h)
        description += ` Highlighted: ${h.label}, ${h.v === null ? 'no data' : fmt(h.v)}${h.v !== null ? `, ${ordinal(sortedDesc.findIndex((r) => r.label === h.label) + 1)} highest of ${defined.length}` : ''}.`;
    }
    if (missingRows.length) description += ` No figure for ${listJoin(missingRows.map((r) => r.label))}.`;
    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.x, kind: vertical ? 'x' : 'text', label: o.xLabel },
        { key: o.y, kind: 'value', label: o.yLabel },
      ],
      { ...o, xFormat },
    );
    return { description: description.trim(), legend: [], table, csv, annotationKey: annotationKey(o.annotations, xFormat) };
  },
});

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
