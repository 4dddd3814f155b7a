/**
 * Scatter plot of councils (or any units) with an ordinary least-squares line
 * y = a + b·x fitted to the rows where both x and y are present, optional
 * text labels for named points and one highlighted point. Rows with a missing
 * x or y are not plotted; the description says how many and the table shows
 * them with "—". Flagged values (the `flags` option) get a ring and their number.
 */
import * as Plot from '@observablehq/plot';
import { ols } from '../../../contract/stats.ts';
import { formatNumber, formatValue, type Unit } from '../format.ts';
import { marginForTicks, normaliseUnit, num, tableAndCsv, yAxisOptions } from './common.ts';
import { type FlagPoint, flaggedPoints, flagMarks } from './flags.ts';
import { HIGHLIGHT, INK, seriesColor } from './palette.ts';
import { ordinal } from './bar.ts';
import type { CommonOptions, UnitInput } from './types.ts';
import { defineChart } from './unit.ts';

export interface ScatterOptions extends CommonOptions {
  x: string;
  y: string;
  /** Name field for points (tooltips, labels, highlight), e.g. "la_name". */
  label: string;
  xUnit?: UnitInput;
  /** Names of points to label on the chart. */
  labels?: string[];
  /** Name of the point to highlight (also the default of the select). */
  highlight?: string;
  /** Draw the least-squares line (default true). */
  fit?: boolean;
}

export interface Fit {
  intercept: number;
  slope: number;
  r2: number;
  n: number;
}

/**
 * Ordinary least squares of y on x (contract/stats.ts `ols`). Needs ≥ 2 points with distinct x;
 * a horizontal line (every y equal) explains everything there is to explain, so its R² is 1.
 */
export function leastSquares(points: readonly { x: number; y: number }[]): Fit | null {
  if (points.length < 2) return null;
  const fit = ols(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  if (Number.isNaN(fit.slope)) return null;
  return { slope: fit.slope, intercept: fit.intercept, r2: Number.isNaN(fit.r2) ? 1 : fit.r2, n: fit.n };
}

interface ScatterChannels {
  all: { name: string; x: number | null; y: number | null }[];
  pts: { name: string; x: number; y: number }[];
  fit: Fit | null;
  x0: number;
  x1: number;
  fmtY: (v: number) => string;
  fmtX: (v: number) => string;
  tip: (p: { name: string; x: number; y: number }) => string;
  labelled: { name: string; x: number; y: number }[];
  unit: Unit;
  xUnit: Unit;
  /** The flagged points (every one is drawn). */
  flagged: FlagPoint[];
}

export const renderScatter = defineChart<ScatterOptions, ScatterChannels>({
  name: 'Scatter',
  kind: 'scatter',
  fields: (o) => [
    { field: o.x, role: 'x', numeric: true },
    { field: o.y, role: 'y', numeric: true },
    { field: o.label, role: 'label' },
  ],
  channels(o, unit) {
    const xUnit = normaliseUnit(o.xUnit);
    const all = o.data.map((d) => ({ name: String(d[o.label] ?? ''), x: num(d[o.x]), y: num(d[o.y]) }));
    const pts = all.filter((p): p is { name: string; x: number; y: number } => p.x !== null && p.y !== null);
    const fit = o.fit === false ? null : leastSquares(pts);
    const xs = pts.map((p) => p.x);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const fmtY = (v: number) => formatValue(v, unit, o.decimals);
    const fmtX = (v: number) => formatValue(v, xUnit, o.decimals);
    const tip = (p: { name: string; x: number; y: number }) =>
      `${p.name}: ${o.xLabel ?? o.x} ${fmtX(p.x)}, ${o.yLabel ?? o.y} ${fmtY(p.y)}${o.period ? ` ${o.period}` : ''} (${ordinal(pts.filter((q) => q.y > p.y).length + 1)} highest of ${pts.length})`;
    const labelled = pts.filter((p) => o.labels?.includes(p.name) || p.name === o.highlight);
    const flagged = [...flaggedPoints(o.data, o.flags, 'Scatter', (i) => all[i]!.x !== null && all[i]!.y !== null)].map(([j, n]) => ({
      x: pts[j]!.x,
      y: pts[j]!.y,
      n,
    }));
    return { all, pts, fit, x0, x1, fmtY, fmtX, tip, labelled, unit, xUnit, flagged };
  },
  plot(c, v, o) {
    const { pts, fit, x0, x1, tip, labelled, unit, xUnit, flagged } = c;
    return {
      height: v.narrow ? 300 : 400,
      marginLeft: marginForTicks(
        pts.map((p) => p.y),
        unit,
        v,
      ),
      marginRight: 20,
      marginBottom: 40,
      marginTop: 24,
      x: { ...yAxisOptions(xUnit, v, o.xLabel), grid: false, ticks: v.narrow ? 4 : 7, labelAnchor: 'right', labelArrow: true },
      y: yAxisOptions(unit, v, o.yLabel),
      marks: [
        Plot.dot(pts, {
          x: 'x',
          y: 'y',
          r: v.narrow ? 3.5 : 4,
          fill: seriesColor(0),
          fillOpacity: 0.55,
          stroke: seriesColor(0),
          strokeWidth: 0.75,
          ariaLabel: tip,
          className: 'chart-point chart-point--select',
        }),
        ...(fit
          ? [
              Plot.line(
                [x0, x1].map((x) => ({ x, y: fit.intercept + fit.slope * x })),
                { x: 'x', y: 'y', stroke: INK, strokeWidth: 1.5, strokeDasharray: '6,4', className: 'chart-fit' },
              ),
            ]
          : []),
        Plot.dot(
          pts.filter((p) => p.name === o.highlight),
          { x: 'x', y: 'y', r: 6, fill: HIGHLIGHT, stroke: 'var(--chart-bg)', strokeWidth: 1.5, className: 'chart-highlight' },
        ),
        Plot.text(labelled, {
          x: 'x',
          y: 'y',
          text: 'name',
          dy: -10,
          fill: INK,
          stroke: 'var(--chart-bg)',
          strokeWidth: 3,
          paintOrder: 'stroke',
          className: 'chart-label',
        }),
        ...flagMarks(flagged, v),
      ],
    };
  },
  text(c, o) {
    const { all, pts, fit, x0, x1, fmtY, fmtX, tip, unit, xUnit } = c;
    const missingCount = all.length - pts.length;
    let description = `${pts.length} points, one per area: ${o.yLabel ?? o.y} (up) against ${o.xLabel ?? o.x} (across).`;
    if (fit) {
      const dir = fit.slope > 0 ? 'higher' : 'lower';
      // In words, not a formula: where the trend line starts and ends, and how much of the spread it accounts for.
      const atLo = fit.intercept + fit.slope * x0;
      const atHi = fit.intercept + fit.slope * x1;
      description += ` On average a higher ${o.xLabel ?? o.x} goes with a ${dir} ${o.yLabel ?? o.y}: the trend line runs from ${fmtY(atLo)} at ${fmtX(x0)} to ${fmtY(atHi)} at ${fmtX(x1)}, and accounts for about ${formatNumber(fit.r2 * 100, 0)}% of the differences${fit.r2 < 0.1 ? ', so the link is weak' : ''}.`;
    }
    const byY = [...pts].sort((a, b) => b.y - a.y);
    if (byY.length)
      description += ` Highest ${o.yLabel ?? o.y}: ${byY[0]!.name} (${fmtY(byY[0]!.y)}); lowest: ${byY[byY.length - 1]!.name} (${fmtY(byY[byY.length - 1]!.y)}).`;
    const h = pts.find((p) => p.name === o.highlight);
    if (h) description += ` Highlighted: ${tip(h)}.`;
    if (missingCount)
      description += ` ${missingCount} ${missingCount === 1 ? 'row has' : 'rows have'} a missing value and ${missingCount === 1 ? 'is' : 'are'} not plotted.`;

    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.label, kind: 'text' },
        { key: o.x, kind: 'value', unit: xUnit, label: o.xLabel },
        { key: o.y, kind: 'value', unit, label: o.yLabel },
      ],
      o,
    );
    return {
      description,
      legend: fit ? [{ label: 'Least-squares line', color: INK, shape: 'line' }] : [],
      table,
      csv,
      highlightOptions: pts.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'en-GB')),
      ...(o.highlight ? { highlighted: o.highlight } : {}),
    };
  },
});
