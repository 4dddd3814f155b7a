/**
 * Line chart: one line per series (`z`), x usually a year. A null y is a gap
 * (Plot's `defined`), and a year in `breaks` starts a new segment (the series
 * is not joined across a change of definition), via the line's `z` channel
 * set to series + segment while the colour still follows the series.
 */
import * as Plot from '@observablehq/plot';
import {
  annotationMarks,
  annotationBand,
  annotationKey,
  distinct,
  num,
  output,
  reasonText,
  renderVariants,
  requireField,
  requireNumeric,
  segmentOf,
  tableAndCsv,
  xAxisOptions,
  yAxisOptions,
  idsFor,
  formatX,
  marginForTicks,
  normaliseUnit,
} from './common.ts';
import { capitalise, describeSeries } from './describe.ts';
import { formatValue } from '../format.ts';
import { seriesColor } from './palette.ts';
import type { Annotation, ChartOutput, CommonOptions, XFormat } from './types.ts';

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
}

export function renderLineChart(o: LineChartOptions): ChartOutput {
  const chart = 'LineChart';
  requireField(o.data, o.x, chart, 'x');
  requireField(o.data, o.y, chart, 'y');
  requireNumeric(o.data, o.y, chart);
  if (o.z) requireField(o.data, o.z, chart, 'z');
  const unit = normaliseUnit(o.unit);
  const xFormat = o.xFormat ?? 'year';
  const breaks = o.breaks ?? [];
  const series = o.z ? distinct(o.data.map((d) => d[o.z!])) : [''];
  const rows = o.data.map((d) => ({
    x: num(d[o.x]) ?? NaN,
    y: num(d[o.y]),
    s: o.z ? String(d[o.z]) : '',
  }));
  if (rows.some((r) => Number.isNaN(r.x))) throw new Error(`${chart}: x field "${o.x}" must be numeric in every row`);
  rows.forEach((r) => Object.assign(r, { seg: `${r.s}\u0000${segmentOf(r.x, breaks)}` }));
  const xs = rows.map((r) => r.x);
  const color = (s: string) => seriesColor(series.indexOf(s));

  const ids = idsFor(o);
  const svgs = renderVariants(
    (v, document) =>
      Plot.plot({
        document,
        width: v.width,
        height: v.narrow ? 260 : 340,
        marginTop: 28 + annotationBand(o.annotations, v),
        marginLeft: marginForTicks(
          rows.map((r) => r.y),
          unit,
          v,
        ),
        marginRight: 28,
        marginBottom: 30,
        className: 'plot',
        x: xAxisOptions(xs, xFormat, v, o.xLabel),
        y: { ...yAxisOptions(unit, v, o.yLabel), ...(o.zero === false ? {} : { zero: true }) },
        marks: [
          ...annotationMarks(o.annotations ?? [], xs, v),
          ...series.map((s) =>
            Plot.lineY(
              rows.filter((r) => r.s === s),
              { x: 'x', y: 'y', z: 'seg', stroke: color(s), strokeWidth: 2.5, className: 'chart-line' },
            ),
          ),
          // Points isolated by gaps or breaks would be invisible as lines: draw every defined point small, the latest bigger.
          ...series.map((s) =>
            Plot.dot(
              rows.filter((r) => r.s === s && r.y !== null),
              {
                x: 'x',
                y: 'y',
                r: 2.5,
                fill: color(s),
                stroke: 'none',
                ariaLabel: (r: { x: number; y: number; s: string }) => `${r.s ? r.s + ': ' : ''}${formatX(r.x, xFormat)}: ${fmtValue(r.y)}`,
                className: 'chart-point',
              },
            ),
          ),
        ],
      }) as unknown as Element,
    ids,
  );
  function fmtValue(v: number) {
    return formatValue(v, unit, o.decimals);
  }

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
  return output('line', o, {
    ...svgs,
    description,
    legend: o.z ? series.map((s) => ({ label: s, color: color(s), shape: 'line' as const })) : [],
    table,
    csv,
    annotationKey: annotationKey(o.annotations, xFormat),
  });
}
