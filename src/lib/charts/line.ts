/**
 * Line chart: one line per series (`z`), x usually a year. A null y is a gap
 * (Plot's `defined`), and a year in `breaks` starts a new segment (the series
 * is not joined across a change of definition), via the line's `z` channel
 * set to series + segment while the colour still follows the series.
 *
 * With few series (DIRECT_LABEL_MAX_SERIES or fewer) each line is labelled at
 * its last value (direct-labels.ts) and the legend is dropped; a `reference`
 * series (England on the compare page) is drawn dashed in the text colour,
 * thicker and behind the others, so it never reads as one of them.
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
  reasonText,
  segmentOf,
  tableAndCsv,
  xAxisOptions,
  yAxisOptions,
} from './common.ts';
import { capitalise, describeSeries } from './describe.ts';
import { directLabelMark, type LabelEnd, labelMargin } from './direct-labels.ts';
import { type FlagPoint, flaggedRows, flagMarks } from './flags.ts';
import { DIRECT_LABEL_MAX_SERIES } from './labels.ts';
import { INK, seriesColor, seriesTextColor } from './palette.ts';
import type { Annotation, CommonOptions, XFormat } from './types.ts';
import { defineChart } from './unit.ts';

export interface LineChartOptions extends CommonOptions {
  x: string;
  y: string;
  z?: string;
  xFormat?: XFormat;
  annotations?: Annotation[];
  /** x values (years) at which a new, unjoined segment starts. */
  breaks?: number[];
  /** Start the y axis at zero (default true). */
  zero?: boolean;
  /**
   * Label each line at its last value instead of a legend. Default: on when
   * there are series (`z`) and at most DIRECT_LABEL_MAX_SERIES of them.
   */
  directLabels?: boolean;
  /** A series (a `z` value) drawn as the reference line: dashed, in the text colour, behind the others. */
  reference?: string;
}

interface LineRow {
  x: number;
  y: number | null;
  s: string;
  seg: string;
}

interface LineChannels {
  unit: Unit;
  xFormat: XFormat;
  breaks: number[];
  series: string[];
  rows: LineRow[];
  xs: number[];
  color: (s: string) => string;
  fmt: (v: number) => string;
  /** Flagged points with a value (a flagged missing value has nothing to ring). */
  flagged: FlagPoint[];
  /** Direct labels (empty when the chart keeps its legend): each series' last defined point. */
  labels: LabelEnd[];
  reference: string | undefined;
}

export const renderLineChart = defineChart<LineChartOptions, LineChannels>({
  name: 'LineChart',
  kind: 'line',
  fields: (o) => [
    { field: o.x, role: 'x' },
    { field: o.y, role: 'y', numeric: true },
    { field: o.z, role: 'z' },
  ],
  channels(o, unit) {
    const breaks = o.breaks ?? [];
    const series = o.z ? distinct(o.data.map((d) => d[o.z!])) : [''];
    const rows: LineRow[] = o.data.map((d) => {
      const x = num(d[o.x]) ?? Number.NaN;
      const s = o.z ? String(d[o.z]) : '';
      return { x, y: num(d[o.y]), s, seg: `${s}\u0000${segmentOf(x, breaks)}` };
    });
    if (rows.some((r) => Number.isNaN(r.x))) throw new Error(`LineChart: x field "${o.x}" must be numeric in every row`);
    const flagged = [...flaggedRows(o.data, o.flags, 'LineChart')].flatMap(([i, n]) => {
      const r = rows[i]!;
      return r.y === null ? [] : [{ x: r.x, y: r.y, n }];
    });
    if (o.reference !== undefined && !series.includes(o.reference))
      throw new Error(`LineChart: reference "${o.reference}" is not a series of field "${o.z}" (series: ${series.join(', ')})`);
    let ci = 0;
    const colourIndex = new Map(series.map((s) => [s, s === o.reference ? -1 : ci++]));
    const color = (s: string) => (s === o.reference ? INK : seriesColor(colourIndex.get(s)!));
    const direct = o.z !== undefined && (o.directLabels ?? series.length <= DIRECT_LABEL_MAX_SERIES);
    const labels = direct
      ? series.flatMap((s) => {
          const last = rows
            .filter((r) => r.s === s && r.y !== null)
            .sort((a, b) => a.x - b.x)
            .at(-1);
          return last ? [{ name: s, x: last.x, y: last.y!, color: s === o.reference ? INK : seriesTextColor(colourIndex.get(s)!) }] : [];
        })
      : [];
    return {
      flagged,
      labels,
      reference: o.reference,
      unit,
      xFormat: o.xFormat ?? 'year',
      breaks,
      series,
      rows,
      xs: rows.map((r) => r.x),
      color,
      fmt: (v) => formatValue(v, unit, o.decimals),
    };
  },
  plot: (c, v, o) => {
    const marginLeft = marginForTicks(
      c.rows.map((r) => r.y),
      c.unit,
      v,
    );
    // The reference line first, so the councils draw over it.
    const order = c.reference === undefined ? c.series : [c.reference, ...c.series.filter((s) => s !== c.reference)];
    return {
      height: v.narrow ? 260 : 340,
      marginTop: 28 + annotationBand(o.annotations, v),
      marginLeft,
      marginRight: c.labels.length ? labelMargin(c.labels, c.xs, v, marginLeft) : 28,
      marginBottom: 30,
      x: xAxisOptions(c.xs, c.xFormat, v, o.xLabel),
      y: { ...yAxisOptions(c.unit, v, o.yLabel), ...(o.zero === false ? {} : { zero: true }) },
      marks: [
        ...annotationMarks(o.annotations ?? [], c.xs, v),
        ...order.map((s) =>
          Plot.lineY(
            c.rows.filter((r) => r.s === s),
            s === c.reference
              ? { x: 'x', y: 'y', z: 'seg', stroke: c.color(s), strokeWidth: 3, strokeDasharray: '6,4', className: 'chart-line chart-line--reference' }
              : { x: 'x', y: 'y', z: 'seg', stroke: c.color(s), strokeWidth: 2.5, className: 'chart-line' },
          ),
        ),
        // Points isolated by gaps or breaks would be invisible as lines: draw every defined point small, the latest bigger.
        ...order.map((s) =>
          Plot.dot(
            c.rows.filter((r) => r.s === s && r.y !== null),
            {
              x: 'x',
              y: 'y',
              r: 2.5,
              fill: c.color(s),
              stroke: 'none',
              ariaLabel: (r: { x: number; y: number; s: string }) => `${r.s ? r.s + ': ' : ''}${formatX(r.x, c.xFormat)}: ${c.fmt(r.y)}`,
              className: 'chart-point',
            },
          ),
        ),
        ...flagMarks(c.flagged, v),
        ...(c.labels.length ? [directLabelMark(c.labels, v)] : []),
      ],
    };
  },
  text(c, o) {
    const { series, xFormat, breaks, unit } = c;
    const reasonField = o.missingReasonField ?? 'missingReason';
    const parts = series.map((s) => {
      const pts = o.data.filter((d) => (o.z ? String(d[o.z]) === s : true)).map((d) => ({ x: num(d[o.x])!, y: num(d[o.y]), xText: formatX(d[o.x], xFormat) }));
      const missingReasons = distinct(o.data.filter((d) => (o.z ? String(d[o.z]) === s : true) && num(d[o.y]) === null).map((d) => reasonText(d, reasonField)));
      const text = describeSeries(pts, unit, o.decimals) + (missingReasons.length ? ` Reason: ${missingReasons.join('; ')}.` : '');
      return s ? `${s}: ${text}` : capitalise(text);
    });
    const measure = o.yLabel ? ` of ${o.yLabel.toLowerCase()}` : '';
    const breakText = breaks.length ? ` The line is broken at ${breaks.map((b) => formatX(b, xFormat)).join(', ')} where the figures are not comparable.` : '';
    const annText = o.annotations?.length ? ` Marked: ${o.annotations.map((a) => `${a.label} (${formatX(a.date, xFormat)})`).join('; ')}.` : '';
    const description = `Line chart${measure}${series.length > 1 ? `, ${series.length} series` : ''}. ${parts.join(' ')}${breakText}${annText}`;
    const { table, csv } = tableAndCsv(
      o.data,
      [{ key: o.x, kind: 'x', label: o.xLabel }, ...(o.z ? [{ key: o.z, kind: 'text' as const }] : []), { key: o.y, kind: 'value', label: o.yLabel }],
      { ...o, xFormat },
    );
    return {
      description,
      legend: o.z && c.labels.length === 0 ? series.map((s) => ({ label: s, color: c.color(s), shape: 'line' as const })) : [],
      table,
      csv,
      annotationKey: annotationKey(o.annotations, xFormat),
    };
  },
});
