/**
 * The props normaliser every chart component calls before it renders:
 *
 *   measure-first  <LineChart measure="cla_rate_per_10k" areas={['england', 'blackpool']} from={2015} title="…, {years}" />
 *                  → fetches the rows (./series.ts) and fills in x / y / z, the unit and the year format;
 *   data + fields  <LineChart data={rows} x="year" y="value" z="area" unit="per10k" … />  (the older form)
 *
 * and validates what the compile-time check (chart-checks.ts) could not know
 * because it depends on data computed by code: the data set is not empty, each
 * field prop names a field of the data, the unit is in the vocabulary and fits
 * the measure, `highlight` names a council in the chart, and the years in the
 * title and subtitle lie within the chart's own years. {from}, {to}, {years}
 * and {year} in a title or subtitle are filled from the chart's data.
 * Errors start with the story's file:line:col (the __loc prop the MDX plugin
 * adds), so they read like the compile-time ones.
 */
import { resolve } from 'node:path';
import type { Datum } from '../charts/types.ts';
import { councilPairs, councils, ofstedCounts, series } from './series.ts';
import { currentIndex } from './cite.ts';
import { CHART_SPECS, isValueRole, nearestField, interpolateTitle, isFlowMeasure, planChart, titleYearProblem, type ChartKind } from './chart-spec.ts';
import { measureUnit, parseUnit, unitConflict } from './units.ts';
import { findArea, levenshtein, nearestStrings } from './refs.ts';
import { recordSources } from './sources-collector.ts';
import { isMeasure, measureSpec } from '../../../contract/measures.ts';
import { financialYear } from '../../../contract/years.ts';

export class ChartPropsError extends Error {
  /** The story's position (from __loc), in the shape Astro's error overlay reads. */
  loc?: { file: string; line: number; column: number };
  constructor(message: string, at?: string) {
    super(message);
    this.name = 'ChartPropsError';
    const m = at ? /^(.*):(\d+):(\d+)$/.exec(at) : null;
    if (m) this.loc = { file: resolve(process.cwd(), m[1]!), line: Number(m[2]), column: Number(m[3]) };
  }
}

const MEASURE_PROPS = ['measure', 'areas', 'from', 'to', 'year', 'region', 'xMeasure', 'years'];

type Props = Record<string, unknown>;

/** Normalise and validate a chart's props; returns the renderer's options (and the block props, unchanged). */
export function normaliseChartProps<T>(kind: ChartKind, input: object, astroLocals?: object): T {
  const locals = astroLocals as Record<string, unknown> | undefined;
  const { __loc, ...props } = input as Props & { __loc?: string };
  const where = `${__loc ? `${__loc}: ` : ''}<${kind}${typeof props.title === 'string' ? ` title="${props.title}"` : ''} … />`;
  const fail = (msg: string): never => {
    throw new ChartPropsError(`${where}\n    ${msg}`, __loc);
  };
  const index = currentIndex();
  const out: Props = { ...props };
  for (const k of MEASURE_PROPS) delete out[k];

  if (out.unit !== undefined) {
    const u = parseUnit(out.unit);
    if (!u.ok) fail(u.message);
    else out.unit = u.unit;
  }
  if (out.xUnit !== undefined) {
    const u = parseUnit(out.xUnit);
    if (!u.ok) fail(u.message.replace(/^unit:/, 'xUnit:'));
    else out.xUnit = u.unit;
  }

  const planned = planChart(kind, props);
  let measure: string | undefined;
  // Years of a chart of councils in one year (its rows carry no year field).
  let planYears: number[] = [];
  if (planned && !planned.ok) fail(planned.message);
  if (planned?.ok) {
    const p = planned.plan;
    measure = p.measure;
    let rows: Datum[];
    try {
      const a = p.args as never as [never, never, never, never];
      rows =
        p.helper === 'series'
          ? series(a[0], a[1], a[2])
          : p.helper === 'councils'
            ? councils(a[0], a[1], a[2])
            : p.helper === 'councilPairs'
              ? councilPairs(a[0], a[1], a[2], a[3])
              : ofstedCounts(a[0]);
    } catch (e) {
      return fail((e as Error).message);
    }
    const carried = (rows as { measures?: string[] }).measures ?? [p.measure, p.xMeasure];
    // A proportion (0–1) is charted as a percentage.
    const scale = (m: string | undefined) => (m && index.measureUnits?.[m] === 'proportion' ? 100 : 1);
    const ys = scale(p.measure);
    const xs = scale(p.xMeasure);
    if (ys !== 1 || xs !== 1) {
      rows = rows.map((r) => ({
        ...r,
        ...(typeof r.value === 'number' ? { value: r.value * ys } : {}),
        ...(typeof r.y === 'number' ? { y: r.y * ys } : {}),
        ...(typeof r.x === 'number' && p.helper === 'councilPairs' ? { x: r.x * xs } : {}),
      }));
    }
    out.data = rows;
    if ((p.helper === 'councils' || p.helper === 'councilPairs') && typeof props.year === 'number') {
      planYears = [props.year];
      // Each mark's tooltip names the year: "at 31 March 2024" for a count or rate, "in 2023-24" for spending.
      if (out.period === undefined) out.period = isFlowMeasure(p.measure) ? `in ${financialYear(props.year)}` : `at 31 March ${props.year}`;
    }
    Object.assign(out, p.fields);
    if (out.unit === undefined && p.measure) out.unit = measureUnit(index.measureUnits?.[p.measure]);
    if (kind === 'Scatter' && out.xUnit === undefined && p.xMeasure) out.xUnit = measureUnit(index.measureUnits?.[p.xMeasure]);
    // A scatter of two measures names them (axes, tooltips and the description), not "x" and "y".
    if (kind === 'Scatter') {
      if (out.xLabel === undefined && p.xMeasure && isMeasure(p.xMeasure)) out.xLabel = measureSpec(p.xMeasure).label;
      if (out.yLabel === undefined && p.measure && isMeasure(p.measure)) out.yLabel = measureSpec(p.measure).label;
    }
    if (out.xFormat === undefined && p.fields.x === 'year' && isFlowMeasure(p.measure)) out.xFormat = 'financial-year';
    if (kind === 'LikertBar' && out.yFormat === undefined && out.xFormat === undefined) out.yFormat = 'year';
    recordSources(
      locals,
      carried.flatMap((m) => index.measureSources?.[m ?? ''] ?? []),
    );
  } else {
    measure = (props.data as { measures?: string[] } | undefined)?.measures?.[0];
    recordSources(
      locals,
      ((props.data as { measures?: string[] } | undefined)?.measures ?? []).flatMap((m) => index.measureSources?.[m] ?? []),
    );
  }

  const data = out.data;
  if (!Array.isArray(data)) return fail(`data: expected a list of rows, got ${data === undefined ? 'nothing' : typeof data}. Give measure="…" or data={…}.`);
  if (!data.length) fail(`data: the data set is empty, so the chart would be empty. Check the filter or the years that produced it.`);
  const columns = [...new Set(data.flatMap((r) => Object.keys(r ?? {})))];
  const spec = CHART_SPECS[kind];
  for (const f of [...spec.fields, ...spec.optionalFields]) {
    const col = out[f];
    if (col === undefined) {
      if (spec.fields.includes(f) && !(f === 'z' && kind === 'LineChart'))
        fail(`missing ${f}="…": the name of the field in the data to plot. The data's fields are ${columns.map((c) => `"${c}"`).join(', ')}.`);
      continue;
    }
    if (typeof col !== 'string' || !columns.includes(col)) {
      const numeric = columns.filter((c) => c !== 'year' && data.some((r) => typeof r[c] === 'number'));
      const near = typeof col === 'string' ? nearestField(col, columns, numeric, isValueRole(kind, f)) : undefined;
      fail(
        `${f}="${String(col)}" is not a field of the data. The data's fields are ${columns.map((c) => `"${c}"`).join(', ')}.${near ? ` Nearest: "${near}".` : ''}`,
      );
    }
  }
  // In a story, a chart whose values are all missing would draw nothing (the same year on <Fig> is an error).
  // Pages (no __loc) may draw an empty chart on purpose, e.g. a council with no figures for a measure.
  const valueField = (kind === 'DotStrip' || kind === 'LikertBar' ? out.x : out.y) as string;
  if (__loc && !data.some((r) => typeof r[valueField] === 'number' && Number.isFinite(r[valueField]))) {
    const reasons = [...new Set(data.map((r) => r[(out.missingReasonField as string | undefined) ?? 'missingReason']).filter(Boolean))];
    fail(
      `${valueField === out.y ? 'y' : 'x'}="${valueField}": every value is missing${reasons.length ? ` (${reasons.join(', ')})` : ''}, so the chart would be empty. Pick years or areas the measure covers.`,
    );
  }
  if (typeof out.unit === 'string' && measure) {
    const c = unitConflict(measure, index.measureUnits?.[measure], out.unit as never);
    if (c) fail(c);
  }

  // highlight: a council slug (the one way to name a council) or the name the chart shows.
  if (typeof out.highlight === 'string') {
    const labelField = (kind === 'BarChart' ? out.x : out.label) as string;
    const shown = [...new Set(data.map((r) => r[labelField]).filter((v): v is string => typeof v === 'string'))];
    const area = findArea(index, out.highlight);
    const name = shown.includes(out.highlight) ? out.highlight : area && shown.includes(area.name) ? area.name : null;
    if (!name) {
      const among = index.areas.filter((a) => shown.includes(a.name));
      const near = among.length
        ? among
            .map((a) => a.slug)
            .sort((a, b) => levenshtein((out.highlight as string).toLowerCase(), a) - levenshtein((out.highlight as string).toLowerCase(), b))
            .slice(0, 3)
            .map((s) => `"${s}"`)
        : nearestStrings(out.highlight, shown, 3).map((s) => `"${s}"`);
      fail(
        `highlight: ${area ? `${area.name} is not in this chart` : `no council "${out.highlight}" in this chart`}. Nearest valid choices: ${near.join(', ')}.`,
      );
    }
    out.highlight = name;
  }

  // Titles: {from} {to} {years} {year} come from the chart's own years; a year written out must lie within them.
  const yearField = [out.x, out.y === 'year' ? 'year' : undefined, 'year'].find(
    (f) =>
      typeof f === 'string' &&
      data.some((r) => isYear(r[f])) &&
      data.every((r) => r[f as string] === null || r[f as string] === undefined || isYear(r[f as string])),
  );
  const years = yearField ? [...new Set(data.map((r) => r[yearField as string]).filter(isYear))] : planYears;
  const financial = out.xFormat === 'financial-year' || out.yFormat === 'financial-year';
  for (const prop of ['title', 'subtitle'] as const) {
    const t = out[prop];
    if (typeof t !== 'string') continue;
    // Checked in stories (which carry __loc); a page's own charts are the developers' responsibility.
    const p = __loc ? titleYearProblem(prop, t.replace(/\{\w+\}/g, ''), years, financial) : null;
    if (p) fail(p);
    out[prop] = interpolateTitle(t, years, financial);
  }
  return out as T;
}

const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100;

/** Measure-first props (see chart-spec.ts, planChart). Areas and regions are named as in <Fig la="…">: slugs. */
export interface MeasureFirstProps {
  measure?: string;
  xMeasure?: string;
  areas?: string | string[];
  from?: number;
  to?: number;
  year?: number;
  years?: number[];
  region?: string;
}
/** A chart component's props: the renderer's options (data + fields), or measure-first. __loc is added by the MDX check. */
export type ChartInput<T extends { title: string }> = (T | (Partial<T> & MeasureFirstProps & { title: string })) & { __loc?: string };
