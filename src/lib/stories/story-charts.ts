/**
 * Two story-specific charts, declared as chart units with defineChart
 * (src/lib/charts/unit.ts) so they get the same checks, block, description,
 * table and CSV as every other chart:
 *
 *  - renderIntervals: one estimate per year with its 95% interval drawn as a
 *    vertical rule (Spearman's rho, R²), and an optional reference line
 *    (e.g. zero, or a claimed value). Intervals are never joined into a line.
 *  - renderGradeStrip: spend per child per council, one beeswarm row per
 *    Ofsted grade (worst at the top), with each grade's median marked.
 */
import * as Plot from '@observablehq/plot';
import { median } from '../../../contract/stats.ts';
import { formatValue, type Unit } from '../format.ts';
import { num, tableAndCsv, xAxisOptions, yAxisOptions } from '../charts/common.ts';
import { GRADE_COLORS, INK, MUTED, OFSTED_GRADES, seriesColor, type Grade } from '../charts/palette.ts';
import { dodgedFlagMarks, flaggedPoints } from '../charts/flags.ts';
import type { CommonOptions } from '../charts/types.ts';
import { defineChart } from '../charts/unit.ts';

export interface IntervalOptions extends CommonOptions {
  /** Year field. */
  x: string;
  estimate: string;
  lo: string;
  hi: string;
  reference?: { value: number; label: string } | undefined;
  /** y domain, e.g. [-0.6, 0.6]. */
  domain?: [number, number] | undefined;
}

interface IntervalPoint {
  x: number;
  e: number;
  lo: number;
  hi: number;
}

interface IntervalChannels {
  unit: Unit;
  pts: IntervalPoint[];
  xs: number[];
  f: (v: number) => string;
}

export const renderIntervals = defineChart<IntervalOptions, IntervalChannels>({
  name: 'Intervals',
  kind: 'intervals',
  fields: (o) => [o.x, o.estimate, o.lo, o.hi].map((f) => ({ field: f, role: f })),
  channels(o, unit) {
    const pts = o.data
      .map((d) => ({ x: num(d[o.x]), e: num(d[o.estimate]), lo: num(d[o.lo]), hi: num(d[o.hi]) }))
      .filter((p): p is IntervalPoint => p.x !== null && p.e !== null && p.lo !== null && p.hi !== null);
    return { unit, pts, xs: pts.map((p) => p.x), f: (v) => formatValue(v, unit, o.decimals ?? 2) };
  },
  plot: ({ unit, pts, xs, f }, v, o) => ({
    height: v.narrow ? 240 : 300,
    marginTop: 24,
    marginLeft: 48,
    marginRight: 20,
    marginBottom: 30,
    x: { ...xAxisOptions(xs, 'year', v), domain: [Math.min(...xs) - 0.6, Math.max(...xs) + 0.6] },
    y: { ...yAxisOptions(unit, v, o.yLabel), ...(o.domain ? { domain: o.domain } : {}) },
    marks: [
      ...(o.reference
        ? [
            Plot.ruleY([o.reference.value], { stroke: MUTED, strokeDasharray: '4,3' }),
            Plot.text([o.reference], {
              y: 'value',
              x: Math.min(...xs) - 0.5,
              text: 'label',
              textAnchor: 'start',
              dy: -7,
              fill: MUTED,
              className: 'chart-annotation',
            }),
          ]
        : []),
      Plot.ruleX(pts, { x: 'x', y1: 'lo', y2: 'hi', stroke: seriesColor(0), strokeWidth: v.narrow ? 2 : 3, strokeOpacity: 0.55 }),
      Plot.dot(pts, {
        x: 'x',
        y: 'e',
        r: v.narrow ? 3.5 : 4.5,
        fill: seriesColor(0),
        stroke: 'var(--color-bg, #fff)',
        ariaLabel: (p: IntervalPoint) => `${p.x}: ${f(p.e)} (95% interval ${f(p.lo)} to ${f(p.hi)})`,
        className: 'chart-point',
      }),
    ],
  }),
  text({ pts, xs, f }, o) {
    const crossing = o.reference ? pts.filter((p) => p.lo <= o.reference!.value && p.hi >= o.reference!.value).map((p) => p.x) : [];
    let description = `Estimates with 95% intervals for ${pts.length} years, ${xs[0]} to ${xs.at(-1)}: ${pts.map((p) => `${p.x} ${f(p.e)} (${f(p.lo)} to ${f(p.hi)})`).join('; ')}.`;
    if (o.reference)
      description += ` The interval includes ${o.reference.label.toLowerCase()} (${f(o.reference.value)}) in ${crossing.length ? crossing.join(', ') : 'no year'}.`;
    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.x, kind: 'x' },
        { key: o.estimate, kind: 'value' },
        { key: o.lo, kind: 'value' },
        { key: o.hi, kind: 'value' },
      ],
      o,
    );
    return { description, legend: [{ label: 'Estimate and 95% interval', color: seriesColor(0), shape: 'line' }], table, csv };
  },
});

export interface GradeStripOptions extends CommonOptions {
  /** Value field (spend per child). */
  x: string;
  /** Grade field. */
  grade: string;
  /** Name field. */
  label: string;
}

interface GradePoint {
  name: string;
  grade: Grade;
  v: number;
}

interface GradeStripChannels {
  unit: Unit;
  pts: GradePoint[];
  groups: { grade: Grade; vs: number[] }[];
  medians: { grade: Grade; v: number; n: number }[];
  f: (v: number) => string;
  /** Index into `pts` → flag number, for the flagged values (every one is drawn). */
  flagged: Map<number, number>;
}

export const renderGradeStrip = defineChart<GradeStripOptions, GradeStripChannels>({
  name: 'GradeStrip',
  kind: 'grade-strip',
  fields: (o) => [o.x, o.grade, o.label].map((f) => ({ field: f, role: f })),
  channels(o, unit) {
    const all = o.data.map((d) => ({ name: String(d[o.label]), grade: String(d[o.grade]) as Grade, v: num(d[o.x]) }));
    const drawn = (p: (typeof all)[number]): p is GradePoint => p.v !== null && (OFSTED_GRADES as readonly string[]).includes(p.grade);
    const pts = all.filter(drawn);
    const bad = o.data.find((d) => !(OFSTED_GRADES as readonly string[]).includes(String(d[o.grade])));
    if (bad) throw new Error(`GradeStrip: "${String(bad[o.grade])}" is not an Ofsted grade (${OFSTED_GRADES.join(', ')}).`);
    const groups = OFSTED_GRADES.map((g) => ({ grade: g, vs: pts.filter((p) => p.grade === g).map((p) => p.v) })).filter((g) => g.vs.length);
    const medians = groups.map((g) => ({ grade: g.grade, v: median(g.vs), n: g.vs.length }));
    const flagged = flaggedPoints(o.data, o.flags, 'GradeStrip', (i) => drawn(all[i]!));
    return { unit, pts, groups, medians, f: (v) => formatValue(v, unit, o.decimals), flagged };
  },
  plot({ unit, pts, groups, medians, f, flagged }, v, o) {
    const r = v.narrow ? 2.6 : 3.4;
    const dodge = { anchor: 'middle' as const, padding: 0.5 };
    const rowH = v.narrow ? 74 : 92;
    return {
      height: 40 + rowH * groups.length,
      marginTop: 8,
      marginLeft: v.narrow ? 12 : 16,
      marginRight: 16,
      marginBottom: 34,
      x: { ...yAxisOptions(unit, v, o.xLabel), grid: true, ticks: v.narrow ? 4 : 7, labelAnchor: 'center', labelArrow: false },
      fy: { domain: groups.map((g) => g.grade), axis: null, padding: 0.05 },
      y: { axis: null },
      marks: [
        Plot.text(medians, {
          fy: 'grade',
          frameAnchor: 'top-left',
          text: (m: { grade: string; n: number; v: number }) => `${m.grade} (${m.n}): median ${f(m.v)}`,
          dy: 2,
          fill: INK,
          fontWeight: 'bold',
          className: 'chart-label',
        }),
        Plot.dot(
          pts,
          Plot.dodgeY(dodge, {
            x: 'v',
            fy: 'grade',
            r,
            fill: (p: { grade: Grade }) => GRADE_COLORS[p.grade],
            stroke: INK,
            strokeWidth: 0.4,
            fillOpacity: 0.85,
            ariaLabel: (p: { name: string; grade: string; v: number }) => `${p.name} (${p.grade}): ${f(p.v)}`,
            className: 'chart-point',
          }),
        ),
        Plot.tickX(medians, { x: 'v', fy: 'grade', stroke: INK, strokeWidth: 2, insetTop: 18 }),
        ...dodgedFlagMarks(pts, flagged, { x: 'v', fy: 'grade' }, { ...dodge, r }, v),
      ],
    };
  },
  text({ pts, medians, f }, o) {
    const description = `Spend per child for ${pts.length} councils, by the Ofsted grade counted at 31 March: ${medians.map((m) => `${m.grade}, ${m.n} councils, median ${f(m.v)}`).join('; ')}.`;
    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.label, kind: 'text' },
        { key: o.grade, kind: 'text' },
        { key: o.x, kind: 'value', label: o.xLabel },
      ],
      o,
    );
    return {
      description,
      legend: OFSTED_GRADES.map((g) => ({ label: g, color: GRADE_COLORS[g], shape: 'swatch' as const })),
      table,
      csv,
    };
  },
});
