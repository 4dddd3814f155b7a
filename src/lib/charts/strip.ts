/**
 * Dot strip (beeswarm) of one value per council, so a reader sees where a
 * council sits among all others. Dots are stacked with Plot's dodgeY so none
 * overlap; the highlighted council is drawn on top in the highlight colour with
 * its name, and the England/median reference can be drawn as a rule.
 * Councils with a missing value are not plotted; the description counts them.
 * Flagged values (the `flags` option) get a ring and their number, dodged with the dots.
 */
import * as Plot from '@observablehq/plot';
import { median } from '../../../contract/stats.ts';
import { formatValue, type Unit } from '../format.ts';
import { num, tableAndCsv, yAxisOptions } from './common.ts';
import { ordinal } from './bar.ts';
import { dodgedFlagMarks, flaggedPoints } from './flags.ts';
import { HIGHLIGHT, INK, MUTED, seriesColor } from './palette.ts';
import type { CommonOptions } from './types.ts';
import { defineChart } from './unit.ts';

export interface DotStripOptions extends CommonOptions {
  /** Value field. */
  x: string;
  /** Name field (e.g. "la_name"). */
  label: string;
  highlight?: string;
  /** A reference value drawn as a rule, e.g. the England rate. */
  reference?: { value: number; label: string };
}

interface DotStripChannels {
  all: { name: string; v: number | null }[];
  pts: { name: string; v: number }[];
  fmt: (v: number) => string;
  tip: (p: { name: string; v: number }) => string;
  h: { name: string; v: number } | undefined;
  side: (x: number) => { anchor: 'start' | 'end'; dx: number };
  unit: Unit;
  /** Index into `pts` → flag number, for the flagged values (every one is drawn). */
  flagged: Map<number, number>;
}

export const renderDotStrip = defineChart<DotStripOptions, DotStripChannels>({
  name: 'DotStrip',
  kind: 'dot-strip',
  fields: (o) => [
    { field: o.x, role: 'x', numeric: true },
    { field: o.label, role: 'label' },
  ],
  channels(o, unit) {
    const all = o.data.map((d) => ({ name: String(d[o.label] ?? ''), v: num(d[o.x]) }));
    const pts = all.filter((p): p is { name: string; v: number } => p.v !== null);
    const fmt = (v: number) => formatValue(v, unit, o.decimals);
    // Tooltip text: name, value and rank (1 = highest), e.g. "Blackpool: 184 (1st highest of 151)".
    const rankOf = (v: number) => pts.filter((q) => q.v > v).length + 1;
    const tip = (p: { name: string; v: number }) =>
      `${p.name}: ${fmt(p.v)}${o.period ? ` ${o.period}` : ''} (${ordinal(rankOf(p.v))} highest of ${pts.length})`;
    const h = pts.find((p) => p.name === o.highlight);

    const lo = Math.min(...pts.map((p) => p.v), o.reference?.value ?? Infinity);
    const hi = Math.max(...pts.map((p) => p.v), o.reference?.value ?? -Infinity);
    const side = (x: number) => (hi > lo && (x - lo) / (hi - lo) > 0.5 ? { anchor: 'end' as const, dx: -4 } : { anchor: 'start' as const, dx: 4 });
    const flagged = flaggedPoints(o.data, o.flags, 'DotStrip', (i) => all[i]!.v !== null);
    return { all, pts, fmt, tip, h, side, unit, flagged };
  },
  plot(c, v, o) {
    const { pts, fmt, tip, h, side, unit, flagged } = c;
    const r = v.narrow ? 3 : 4;
    const dodge = { anchor: 'middle' as const, padding: 1 };
    const marginTop = 2 * (v.fontSize + 6) + 4;
    const marginBottom = 36;
    return {
      height:
        marginTop +
        marginBottom +
        swarmHeight(
          pts.map((p) => p.v),
          v.width - 40,
          r,
        ),
      marginLeft: 20,
      marginRight: 20,
      marginTop,
      marginBottom,
      x: { ...yAxisOptions(unit, v, o.xLabel), grid: false, ticks: v.narrow ? 4 : 7, labelAnchor: 'center', labelArrow: false, nice: true },
      y: { axis: null },
      marks: [
        ...(o.reference
          ? [
              Plot.ruleX([o.reference.value], { stroke: MUTED, strokeDasharray: '4,3' }),
              Plot.text([o.reference], {
                x: 'value',
                text: (d: { label: string; value: number }) => `${d.label} ${fmt(d.value)}`,
                frameAnchor: 'top',
                lineAnchor: 'bottom',
                dy: -(v.fontSize + 8),
                textAnchor: side(o.reference.value).anchor,
                dx: side(o.reference.value).dx,
                fill: MUTED,
                className: 'chart-annotation',
              }),
            ]
          : []),
        Plot.dot(
          pts,
          Plot.dodgeY(dodge, {
            x: 'v',
            r,
            fill: seriesColor(0),
            fillOpacity: 0.6,
            stroke: seriesColor(0),
            strokeWidth: 0.75,
            ariaLabel: tip,
            className: 'chart-point chart-point--select',
          }),
        ),
        ...(h
          ? [
              Plot.ruleX([h], { x: 'v', stroke: HIGHLIGHT, strokeWidth: 2, insetTop: -(v.fontSize + 2), className: 'chart-highlight' }),
              // The highlight label sits just above the frame (the reference label one line higher), running into the roomier side.
              Plot.text([h], {
                x: 'v',
                text: (p: { name: string; v: number }) => `${p.name} ${fmt(p.v)}`,
                frameAnchor: 'top',
                lineAnchor: 'bottom',
                dy: -4,
                textAnchor: side(h.v).anchor,
                dx: side(h.v).dx,
                fill: INK,
                fontWeight: 'bold',
                className: 'chart-label',
              }),
            ]
          : []),
        ...dodgedFlagMarks(pts, flagged, { x: 'v' }, { ...dodge, r }, v),
      ],
    };
  },
  text(c, o) {
    const { all, pts, fmt, h } = c;
    const sorted = [...pts].sort((a, b) => b.v - a.v);
    const mid = sorted.length ? median(sorted.map((p) => p.v)) : null;
    let description = `${o.xLabel ?? o.x}: one dot for each of ${pts.length} areas.`;
    if (sorted.length)
      description += ` Highest ${sorted[0]!.name} (${fmt(sorted[0]!.v)}), lowest ${sorted[sorted.length - 1]!.name} (${fmt(sorted[sorted.length - 1]!.v)}), median ${fmt(mid!)}.`;
    if (o.reference) description += ` ${o.reference.label}: ${fmt(o.reference.value)}.`;
    if (h) description += ` Highlighted: ${h.name}, ${fmt(h.v)}, ${ordinal(sorted.findIndex((p) => p.name === h.name) + 1)} highest of ${pts.length}.`;
    const missingCount = all.length - pts.length;
    if (missingCount) description += ` ${missingCount} with no figure ${missingCount === 1 ? 'is' : 'are'} not shown.`;

    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.label, kind: 'text' },
        { key: o.x, kind: 'value', label: o.xLabel },
      ],
      o,
    );
    return {
      description,
      legend: h ? [{ label: h.name, color: HIGHLIGHT, shape: 'line' }] : [],
      table,
      csv,
      highlightOptions: pts.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'en-GB')),
      ...(o.highlight ? { highlighted: o.highlight } : {}),
    };
  },
});

/**
 * Height the beeswarm needs so no dot is pushed outside the frame: dots are
 * binned by pixel column (one bin per dot diameter) and the fullest bin,
 * stacked both ways from the middle, sets the height. Dots in neighbouring
 * bins also collide, so dodge stacks higher than the bin count alone: the
 * factor 1.4 was checked on a 152-council skewed distribution at both widths.
 */
export function swarmHeight(values: readonly number[], plotWidth: number, r: number): number {
  if (values.length === 0) return 60;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const d = 2 * r + 1;
  const bins = new Map<number, number>();
  for (const x of values) {
    const px = hi > lo ? ((x - lo) / (hi - lo)) * plotWidth : 0;
    const b = Math.floor(px / d);
    bins.set(b, (bins.get(b) ?? 0) + 1);
  }
  const fullest = Math.max(...bins.values());
  return Math.max(60, Math.ceil(fullest * d * 1.4) + 2 * d);
}
