/**
 * Stacked area: parts of a whole over time (e.g. spending by service line).
 * A stack is only honest where every layer has a value, so an x at which ANY
 * series is missing is dropped for ALL series: the stack shows a gap there,
 * and the description names the gap. Breaks split the areas like lines.
 */
import * as Plot from '@observablehq/plot';
import { formatValue } from '../format.ts';
import {
  annotationMarks,
  annotationBand,
  annotationKey,
  distinct,
  formatX,
  idsFor,
  num,
  output,
  renderVariants,
  requireField,
  requireNumeric,
  segmentOf,
  tableAndCsv,
  xAxisOptions,
  yAxisOptions,
  marginForTicks,
  normaliseUnit,
} from './common.ts';
import { listJoin } from './describe.ts';
import { seriesColor } from './palette.ts';
import type { Annotation, ChartOutput, CommonOptions, XFormat } from './types.ts';

export interface StackedAreaOptions extends CommonOptions {
  x: string;
  y: string;
  /** Series (layer) field, e.g. "service". Layers stack in first-seen order, bottom up. */
  z: string;
  xFormat?: XFormat;
  annotations?: Annotation[];
  breaks?: number[];
}

export function renderStackedArea(o: StackedAreaOptions): ChartOutput {
  const chart = 'StackedArea';
  for (const [f, role] of [
    [o.x, 'x'],
    [o.y, 'y'],
    [o.z, 'z'],
  ] as const)
    requireField(o.data, f, chart, role);
  requireNumeric(o.data, o.y, chart);
  const unit = normaliseUnit(o.unit);
  const xFormat = o.xFormat ?? 'year';
  const breaks = o.breaks ?? [];
  const series = distinct(o.data.map((d) => d[o.z]));
  const xsAll = [...new Set(o.data.map((d) => num(d[o.x])).filter((x): x is number => x !== null))].sort((a, b) => a - b);
  const byKey = new Map(o.data.map((d) => [`${d[o.x]}\u0000${d[o.z]}`, num(d[o.y])]));
  const incomplete = xsAll.filter((x) => series.some((s) => (byKey.get(`${x}\u0000${s}`) ?? null) === null));
  // A gap must separate segments: give each run of complete x values its own segment id.
  const rows: { x: number; y: number; s: string; seg: string }[] = [];
  let run = 0;
  for (const x of xsAll) {
    if (incomplete.includes(x)) {
      run++;
      continue;
    }
    for (const s of series) rows.push({ x, y: byKey.get(`${x}\u0000${s}`)!, s, seg: `${run}-${segmentOf(x, breaks)}` });
  }
  const color = (s: string) => seriesColor(series.indexOf(s));
  const fmt = (v: number) => formatValue(v, unit, o.decimals);

  const total = (x: number) => series.reduce((sum, s) => sum + (byKey.get(`${x}\u0000${s}`) ?? 0), 0);
  const ids = idsFor(o);
  const svgs = renderVariants(
    (v, document) =>
      Plot.plot({
        document,
        width: v.width,
        height: v.narrow ? 260 : 340,
        className: 'plot',
        marginLeft: marginForTicks(
          xsAll.map((x) => total(x)),
          unit,
          v,
        ),
        marginRight: 28,
        marginTop: 28 + annotationBand(o.annotations, v),
        x: xAxisOptions(xsAll, xFormat, v, o.xLabel),
        y: yAxisOptions(unit, v, o.yLabel),
        color: { domain: series, range: series.map(color) },
        marks: [
          ...[...new Set(rows.map((r) => r.seg))].map((seg) =>
            Plot.areaY(
              rows.filter((r) => r.seg === seg),
              Plot.stackY({ order: series }, { x: 'x', y: 'y', fill: 's', z: 's', fillOpacity: 0.85, className: 'chart-area' }),
            ),
          ),
          Plot.ruleY([0]),
          ...annotationMarks(o.annotations ?? [], xsAll, v),
        ],
      }) as unknown as Element,
    ids,
  );

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
  return output('stacked-area', o, {
    ...svgs,
    description,
    legend: series.map((s) => ({ label: s, color: color(s), shape: 'swatch' as const })),
    table,
    csv,
    annotationKey: annotationKey(o.annotations, xFormat),
  });
}
