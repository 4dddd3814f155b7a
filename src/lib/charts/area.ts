/**
 * Stacked area: parts of a whole over time (e.g. spending by service line).
 * A stack is only honest where every layer has a value, so an x at which ANY
 * series is missing is dropped for ALL series: the stack shows a gap there,
 * and the description names the gap. Breaks split the areas like lines.
 */
import * as Plot from '@observablehq/plot';
import { formatValue, type Unit } from '../format.ts';
import {
  annotationBand,
  annotationKey,
  annotationMarks,
  distinct,
  formatX,
  marginForTicks,
  num,
  segmentOf,
  tableAndCsv,
  xAxisOptions,
  yAxisOptions,
} from './common.ts';
import { listJoin } from './describe.ts';
import { type FlagPoint, flaggedRows, flagMarks } from './flags.ts';
import { seriesColor } from './palette.ts';
import type { Annotation, CommonOptions, XFormat } from './types.ts';
import { defineChart } from './unit.ts';

export interface StackedAreaOptions extends CommonOptions {
  x: string;
  y: string;
  /** Series (layer) field, e.g. "service". Layers stack in first-seen order, bottom up. */
  z: string;
  xFormat?: XFormat;
  annotations?: Annotation[];
  breaks?: number[];
}

interface AreaChannels {
  unit: Unit;
  xFormat: XFormat;
  series: string[];
  xsAll: number[];
  byKey: Map<string, number | null>;
  incomplete: number[];
  rows: { x: number; y: number; s: string; seg: string }[];
  color: (s: string) => string;
  fmt: (v: number) => string;
  total: (x: number) => number;
  /** Flagged values, ringed at the middle of their layer (values in a year not drawn are not ringed). */
  flagged: FlagPoint[];
}

export const renderStackedArea = defineChart<StackedAreaOptions, AreaChannels>({
  name: 'StackedArea',
  kind: 'stacked-area',
  fields: (o) => [
    { field: o.x, role: 'x' },
    { field: o.y, role: 'y', numeric: true },
    { field: o.z, role: 'z' },
  ],
  channels(o, unit) {
    const breaks = o.breaks ?? [];
    const series = distinct(o.data.map((d) => d[o.z]));
    const xsAll = [...new Set(o.data.map((d) => num(d[o.x])).filter((x): x is number => x !== null))].sort((a, b) => a - b);
    const byKey = new Map(o.data.map((d) => [`${d[o.x]}\u0000${d[o.z]}`, num(d[o.y])]));
    const incomplete = xsAll.filter((x) => series.some((s) => (byKey.get(`${x}\u0000${s}`) ?? null) === null));
    // A gap must separate segments: give each run of complete x values its own segment id.
    const rows: AreaChannels['rows'] = [];
    let run = 0;
    for (const x of xsAll) {
      if (incomplete.includes(x)) {
        run++;
        continue;
      }
      for (const s of series) rows.push({ x, y: byKey.get(`${x}\u0000${s}`)!, s, seg: `${run}-${segmentOf(x, breaks)}` });
    }
    const flagged = [...flaggedRows(o.data, o.flags, 'StackedArea')].flatMap(([i, n]) => {
      const x = num(o.data[i]![o.x]);
      const k = series.indexOf(String(o.data[i]![o.z]));
      if (x === null || incomplete.includes(x)) return [];
      const below = series.slice(0, k).reduce((sum, s) => sum + byKey.get(`${x}\u0000${s}`)!, 0);
      return [{ x, y: below + byKey.get(`${x}\u0000${series[k]}`)! / 2, n }];
    });
    return {
      flagged,
      unit,
      xFormat: o.xFormat ?? 'year',
      series,
      xsAll,
      byKey,
      incomplete,
      rows,
      color: (s) => seriesColor(series.indexOf(s)),
      fmt: (v) => formatValue(v, unit, o.decimals),
      total: (x) => series.reduce((sum, s) => sum + (byKey.get(`${x}\u0000${s}`) ?? 0), 0),
    };
  },
  plot: (c, v, o) => ({
    height: v.narrow ? 260 : 340,
    marginLeft: marginForTicks(
      c.xsAll.map((x) => c.total(x)),
      c.unit,
      v,
    ),
    marginRight: 28,
    marginTop: 28 + annotationBand(o.annotations, v),
    x: xAxisOptions(c.xsAll, c.xFormat, v, o.xLabel),
    y: yAxisOptions(c.unit, v, o.yLabel),
    color: { domain: c.series, range: c.series.map(c.color) },
    marks: [
      ...[...new Set(c.rows.map((r) => r.seg))].map((seg) =>
        Plot.areaY(
          c.rows.filter((r) => r.seg === seg),
          Plot.stackY({ order: c.series }, { x: 'x', y: 'y', fill: 's', z: 's', fillOpacity: 0.85, className: 'chart-area' }),
        ),
      ),
      Plot.ruleY([0]),
      ...annotationMarks(o.annotations ?? [], c.xsAll, v),
      ...flagMarks(c.flagged, v),
    ],
  }),
  text(c, o) {
    const { series, xsAll, incomplete, byKey, total, fmt, xFormat } = c;
    const complete = xsAll.filter((x) => !incomplete.includes(x));
    let description = `Stacked area chart${o.yLabel ? ` of ${o.yLabel.toLowerCase()}` : ''}, ${series.length} parts: ${listJoin(series)}.`;
    if (complete.length) {
      const first = complete[0]!;
      const last = complete[complete.length - 1]!;
      const lastTotal = total(last);
      const largest = [...series].sort((a, b) => byKey.get(`${last}\u0000${b}`)! - byKey.get(`${last}\u0000${a}`)!)[0]!;
      description += ` Total ${fmt(total(first))} in ${formatX(first, xFormat)} and ${fmt(lastTotal)} in ${formatX(last, xFormat)}; in ${formatX(last, xFormat)} the largest part was ${largest} (${fmt(byKey.get(`${last}\u0000${largest}`)!)}${lastTotal > 0 ? `, ${Math.round((byKey.get(`${last}\u0000${largest}`)! / lastTotal) * 100)}%` : ''}).`;
    }
    if (incomplete.length) description += ` Not shown: ${listJoin(incomplete.map((x) => formatX(x, xFormat)))}, where not every part has a figure.`;
    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.x, kind: 'x', label: o.xLabel },
        { key: o.z, kind: 'text' },
        { key: o.y, kind: 'value', label: o.yLabel },
      ],
      { ...o, xFormat },
    );
    return {
      description,
      legend: series.map((s) => ({ label: s, color: c.color(s), shape: 'swatch' as const })),
      table,
      csv,
      annotationKey: annotationKey(o.annotations, xFormat),
    };
  },
});
