/**
 * Ofsted grades as a diverging stacked bar, one bar per row group (a year, a
 * region): Inadequate and Requires improvement extend left of zero, Good and
 * Outstanding right, as percentages of the councils judged in that group, so
 * "share at least Good" reads off the right-hand side. Grades are always in
 * the order Inadequate, Requires improvement, Good, Outstanding. A null count
 * is a missing value (reason in the table), never zero; a group with any
 * missing count is listed in the description and not drawn.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format.ts';
import { distinct, formatX, num, tableAndCsv } from './common.ts';
import { listJoin } from './describe.ts';
import { GRADE_COLORS, OFSTED_GRADES, type Grade } from './palette.ts';
import type { CommonOptions, XFormat } from './types.ts';
import { defineChart } from './unit.ts';

export interface LikertBarOptions extends CommonOptions {
  /** Group field: one bar per value (e.g. "year" or "region"), in first-seen order. */
  y: string;
  /** Grade field; values must be the four Ofsted grades. */
  z: string;
  /** Count field (number of councils). */
  x: string;
  /** How y values print when numeric (years). */
  yFormat?: XFormat;
}

export interface LikertSegment {
  group: string;
  grade: Grade;
  count: number;
  pct: number;
  x1: number;
  x2: number;
}

/** Percentages and diverging extents per group; groups with a missing count are returned separately. */
export function likertSegments(o: LikertBarOptions): { segments: LikertSegment[]; incomplete: string[]; groups: string[] } {
  const fmtG = (v: unknown) => formatX(v, o.yFormat ?? 'year');
  const groups = distinct(o.data.map((d) => fmtG(d[o.y])));
  const segments: LikertSegment[] = [];
  const incomplete: string[] = [];
  for (const g of groups) {
    const rows = o.data.filter((d) => fmtG(d[o.y]) === g);
    const counts = new Map<Grade, number | null>();
    for (const d of rows) {
      const grade = d[o.z];
      if (!OFSTED_GRADES.includes(grade as Grade))
        throw new Error(`LikertBar: group ${g}: "${String(grade)}" is not an Ofsted grade (${OFSTED_GRADES.join(', ')})`);
      if (counts.has(grade as Grade)) throw new Error(`LikertBar: group ${g}: grade "${String(grade)}" appears twice`);
      counts.set(grade as Grade, num(d[o.x]));
    }
    if ([...counts.values()].some((c) => c === null)) {
      incomplete.push(g);
      continue;
    }
    const c = (k: Grade) => counts.get(k) ?? 0; // a grade with no row: no council had it
    const total = OFSTED_GRADES.reduce((s, k) => s + c(k), 0);
    if (total === 0) {
      incomplete.push(g);
      continue;
    }
    const p = (k: Grade) => (c(k) / total) * 100;
    const ri = p('Requires improvement');
    const inad = p('Inadequate');
    const good = p('Good');
    const ext: Record<Grade, [number, number]> = {
      Inadequate: [-(ri + inad), -ri],
      'Requires improvement': [-ri, 0],
      Good: [0, good],
      Outstanding: [good, good + p('Outstanding')],
    };
    for (const k of OFSTED_GRADES) segments.push({ group: g, grade: k, count: c(k), pct: p(k), x1: ext[k][0], x2: ext[k][1] });
  }
  return { segments, incomplete, groups };
}

interface LikertChannels {
  segments: LikertSegment[];
  incomplete: string[];
  drawn: string[];
  pct: (v: number) => string;
}

export const renderLikertBar = defineChart<LikertBarOptions, LikertChannels>({
  name: 'LikertBar',
  kind: 'likert',
  fields: (o) => [
    { field: o.x, role: 'x (count)', numeric: true },
    { field: o.y, role: 'y (group)' },
    { field: o.z, role: 'z (grade)' },
  ],
  channels(o) {
    const { segments, incomplete, groups } = likertSegments(o);
    return { segments, incomplete, drawn: groups.filter((g) => !incomplete.includes(g)), pct: (v) => `${formatNumber(v, 0)}%` };
  },
  plot(c, v) {
    const { drawn, segments, pct } = c;
    const longest = Math.max(...drawn.map((g) => g.length));
    return {
      height: 44 + drawn.length * (v.narrow ? 28 : 34),
      marginLeft: Math.min(v.narrow ? 110 : 200, 14 + longest * v.fontSize * 0.55),
      marginRight: 22,
      marginTop: 34,
      marginBottom: 6,
      x: {
        domain: [-100, 100],
        ticks: v.narrow ? [-100, -50, 0, 50, 100] : [-100, -75, -50, -25, 0, 25, 50, 75, 100],
        tickFormat: (t: number) => `${Math.abs(t)}%`,
        axis: 'top',
        label: v.narrow ? '← below Good · Good or better →' : '← Inadequate or requires improvement · Good or outstanding →',
        labelAnchor: 'center',
        labelArrow: false,
      },
      y: { domain: drawn, label: null, tickSize: 0 },
      color: { domain: [...OFSTED_GRADES], range: OFSTED_GRADES.map((g) => GRADE_COLORS[g]) },
      marks: [
        Plot.barX(segments, {
          y: 'group',
          x1: 'x1',
          x2: 'x2',
          fill: 'grade',
          insetTop: 3,
          insetBottom: 3,
          ariaLabel: (s: LikertSegment) => `${s.group}, ${s.grade}: ${formatNumber(s.count)} (${pct(s.pct)})`,
          className: 'chart-bar',
        }),
        Plot.ruleX([0], { stroke: 'var(--chart-ink)', strokeWidth: 1.5 }),
      ],
    };
  },
  text(c, o) {
    const { drawn, segments, incomplete, pct } = c;
    const lines = drawn.map((g) => {
      const seg = (k: Grade) => segments.find((s) => s.group === g && s.grade === k)!;
      const good = seg('Good').pct + seg('Outstanding').pct;
      const total = OFSTED_GRADES.reduce((s, k) => s + seg(k).count, 0);
      return `${g}: ${pct(good)} Good or Outstanding, ${pct(seg('Inadequate').pct)} Inadequate (${formatNumber(total)} judged).`;
    });
    let description = `Diverging bar chart of Ofsted grades (${OFSTED_GRADES.join(', ')}), ${drawn.length} bars. ${lines.join(' ')}`;
    if (incomplete.length) description += ` Not shown: ${listJoin(incomplete)}, where a count is missing.`;
    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: o.y, kind: 'x' },
        { key: o.z, kind: 'text' },
        { key: o.x, kind: 'value', unit: 'count' },
      ],
      { ...o, xFormat: o.yFormat ?? 'year' },
    );
    return {
      description,
      legend: OFSTED_GRADES.map((g) => ({ label: g, color: GRADE_COLORS[g], shape: 'swatch' as const })),
      table,
      csv,
    };
  },
});
