/**
 * Compile-time checks of the chart components in an MDX story, against the
 * FigureIndex (refs.ts), as <Fig> is checked: unknown props, units against the
 * one vocabulary (units.ts), measures / areas / years given measure-first or
 * through a data helper of ./series.ts (inline or via `export const rows =
 * series(…)`), fields against the helper's columns, an empty data set,
 * `highlight` against the councils in the chart, and years named in the title
 * against the chart's own years. Values the checker cannot know (data from
 * other code) are checked when the page renders, by chart-props.ts, whose
 * errors carry the same file:line (the plugin passes it in as __loc).
 */
import { describeYears, findArea, nearestStrings, nearestYears, suggestAreas, type AreaEntry, type FigureIndex } from './refs.ts';
import {
  CHART_SPECS,
  HELPER_COLUMNS,
  HELPER_NUMERIC,
  isFlowMeasure,
  isValueRole,
  nearestField,
  knownProps,
  planChart,
  titleYearProblem,
  unknownPlaceholders,
  TITLE_PLACEHOLDERS,
  type ChartKind,
} from './chart-spec.ts';
import type { Evaluated, HelperName } from './expr.ts';
import { parseUnit, unitConflict } from './units.ts';

export const DYNAMIC = Symbol('dynamic');
type Arg = unknown | typeof DYNAMIC;

/** What the checker knows about a chart's rows. `labels`/`years` are null when they depend on values it cannot know. */
export interface Simulated {
  columns: string[];
  /** Columns holding numbers (known for helper rows). */
  numeric?: string[];
  /** Councils or areas the rows name (the values of the label / z field). */
  labels: AreaEntry[] | null;
  years: number[] | null;
  measure?: string;
  xMeasure?: string;
}

export type SimResult = { ok: true; sim: Simulated } | { ok: false; messages: string[] };

export function argValue(e: Evaluated): Arg {
  return e.kind === 'value' ? e.value : DYNAMIC;
}

function measureProblem(index: FigureIndex, m: Arg, what: string): string | null {
  if (m === DYNAMIC) return null;
  if (typeof m !== 'string') return `${what}: expected a measure name in quotes, e.g. "cla_rate_per_10k".`;
  if (index.measures.includes(m)) return null;
  return `${what}: unknown measure "${m}". Nearest valid choices: ${nearestStrings(m, index.measures, 4)
    .map((s) => `"${s}"`)
    .join(', ')}.`;
}

function resolveArea(index: FigureIndex, id: unknown, what: string, measure: Arg): { area?: AreaEntry; problem?: string } {
  if (typeof id !== 'string') return { problem: `${what}: expected an area name in quotes, e.g. "blackpool".` };
  const area = findArea(index, id);
  if (!area)
    return {
      problem: `${what}: unknown area "${id}": use "england", a region slug or a council slug. Nearest valid choices: ${suggestAreas(index, id).join(', ')}.`,
    };
  if (typeof measure === 'string' && area.measures && !area.measures.includes(measure)) {
    return {
      problem: `${what}: ${area.name} has no "${measure}" series (England and regions carry: ${area.measures.slice(0, 8).join(', ')}…); use councils for this measure.`,
    };
  }
  return { area };
}

function yearProblem(index: FigureIndex, m: string, y: Arg, what: string): string | null {
  if (y === DYNAMIC) return null;
  if (typeof y !== 'number' || !Number.isInteger(y))
    return `${what}: the year must be a whole number in braces, such as {2024} (the year ending 31 March), not ${JSON.stringify(y)}.`;
  const covered = index.measureYears[m] ?? [];
  if (covered.includes(y)) return null;
  return `${what}: "${m}" has no ${y} figures for any council (the series covers ${describeYears(covered)}), so the chart would be empty. Nearest valid choices: ${nearestYears(covered, y).join(', ')}.`;
}

const councilsIn = (index: FigureIndex, year: number, region?: string) =>
  index.areas.filter((a) => a.kind === 'la' && a.years.includes(year) && (!region || a.region === region));

/**
 * What a helper call returns, or the problems with its arguments. `name(i)`
 * names argument i as the editor wrote it ("measure", "areas", or
 * `series(…) argument 2`).
 */
export function simulateHelper(index: FigureIndex, helper: HelperName, args: Arg[], name: (i: number, key?: string) => string): SimResult {
  const columns = HELPER_COLUMNS[helper];
  const problems: string[] = [];
  const opts = (i: number): Record<string, Arg> => {
    const o = args[i];
    if (o === DYNAMIC) return { from: DYNAMIC, to: DYNAMIC, region: DYNAMIC };
    return o && typeof o === 'object' ? (o as Record<string, Arg>) : {};
  };
  const regionCode = (r: Arg, what: string): string | undefined | typeof DYNAMIC => {
    if (r === undefined) return undefined;
    if (r === DYNAMIC) return DYNAMIC;
    const got = resolveArea(index, r, what, DYNAMIC);
    if (got.problem) problems.push(got.problem);
    else if (got.area!.kind !== 'region')
      problems.push(
        `${what}: "${String(r)}" is not a region. Regions: ${index.areas
          .filter((a) => a.kind === 'region')
          .map((a) => `"${a.slug}"`)
          .join(', ')}.`,
      );
    return got.area?.code;
  };
  switch (helper) {
    case 'series':
    case 'spendByService': {
      const m = helper === 'series' ? args[0] : 'spend_total_gbp';
      if (helper === 'series') {
        const mp = measureProblem(index, m, name(0));
        if (mp) return { ok: false, messages: [mp] };
      }
      const rawAreas = helper === 'series' ? args[1] : args[0];
      const o = opts(helper === 'series' ? 2 : 1);
      const list = rawAreas === DYNAMIC ? null : Array.isArray(rawAreas) ? rawAreas : [rawAreas];
      if (!list) return { ok: true, sim: { columns, labels: null, years: null, ...(typeof m === 'string' ? { measure: m } : {}) } };
      if (!list.length) return { ok: false, messages: [`${name(helper === 'series' ? 1 : 0)}: no areas: name at least one, e.g. ['england'].`] };
      const areas: AreaEntry[] = [];
      for (const id of list) {
        const r = resolveArea(index, id, name(helper === 'series' ? 1 : 0), m);
        if (r.problem) problems.push(r.problem);
        else areas.push(r.area!);
      }
      for (const key of ['from', 'to'] as const) {
        const v = o[key];
        if (v !== undefined && v !== DYNAMIC && (typeof v !== 'number' || !Number.isInteger(v)))
          problems.push(`${name(2, key)}: expected a year such as {2015}, not ${JSON.stringify(v)}.`);
      }
      if (problems.length) return { ok: false, messages: problems };
      if (o.from === DYNAMIC || o.to === DYNAMIC || typeof m !== 'string') return { ok: true, sim: { columns, labels: areas, years: null } };
      const from = o.from as number | undefined;
      const to = o.to as number | undefined;
      const covered = index.measureYears[m] ?? [];
      const years = [...new Set(areas.flatMap((a) => a.years))]
        .filter((y) => covered.includes(y) && (from === undefined || y >= from) && (to === undefined || y <= to))
        .sort((a, b) => a - b);
      if (!years.length) {
        const span = from !== undefined || to !== undefined ? ` between ${from ?? 'the start'} and ${to ?? 'the latest year'}` : '';
        return {
          ok: false,
          messages: [
            `${name(helper === 'series' ? 1 : 0)}: no data: "${m}" has no figures for ${areas.map((a) => a.name).join(', ')}${span}, so the chart would be empty (the series covers ${describeYears(covered)}).`,
          ],
        };
      }
      return { ok: true, sim: { columns, labels: areas, years, measure: m } };
    }
    case 'councils':
    case 'councilPairs': {
      const ms = helper === 'councils' ? [args[0]] : [args[0], args[1]];
      ms.forEach((m, i) => {
        const p = measureProblem(index, m, name(i));
        if (p) problems.push(p);
      });
      const yi = helper === 'councils' ? 1 : 2;
      const y = args[yi];
      if (!problems.length)
        for (const [i, m] of ms.entries())
          if (typeof m === 'string') {
            const p = yearProblem(index, m, y, name(yi));
            if (p && !problems.includes(p)) problems.push(p);
            void i;
          }
      const region = regionCode(opts(yi + 1).region, name(yi + 1, 'region'));
      if (problems.length) return { ok: false, messages: problems };
      const measure = (helper === 'councils' ? ms[0] : ms[1]) as string;
      const xMeasure = helper === 'councilPairs' ? (ms[0] as string) : undefined;
      if (y === DYNAMIC || region === DYNAMIC) return { ok: true, sim: { columns, labels: null, years: null, measure, ...(xMeasure ? { xMeasure } : {}) } };
      const labels = councilsIn(index, y as number, region);
      if (!labels.length)
        return { ok: false, messages: [`${name(yi)}: no councils have rows for ${String(y)}${region ? ' in that region' : ''}, so the chart would be empty.`] };
      return { ok: true, sim: { columns, labels, years: [y as number], measure, ...(xMeasure ? { xMeasure } : {}) } };
    }
    case 'ofstedCounts': {
      const ys = args[0];
      if (ys === DYNAMIC) return { ok: true, sim: { columns, labels: null, years: null } };
      if (!Array.isArray(ys) || !ys.length) return { ok: false, messages: [`${name(0)}: expected a list of years such as {[2015, 2020, 2025]}.`] };
      const all = [...new Set(index.areas.filter((a) => a.kind === 'la').flatMap((a) => a.years))];
      const bad = ys.filter((y) => !all.includes(y as number));
      if (bad.length) return { ok: false, messages: [`${name(0)}: no council rows for ${bad.join(', ')} (the data cover ${describeYears(all)}).`] };
      return { ok: true, sim: { columns, labels: null, years: ys as number[] } };
    }
  }
}

/** Props as the checker sees them: a literal value, DYNAMIC, or an evaluated expression (data=). */
export interface ChartProps {
  values: Map<string, Arg>;
  data?: Evaluated;
}

/** A council named in highlight=: its slug or its name, among the chart's councils. */
export function highlightProblem(index: FigureIndex, value: string, labels: readonly AreaEntry[]): string | null {
  const v = value.trim();
  if (labels.some((a) => a.slug === v.toLowerCase() || a.name === v || a.code === v)) return null;
  const anywhere = findArea(index, v);
  const nearest = suggestAreas(index, v, labels);
  if (anywhere) return `highlight: ${anywhere.name} is not in this chart. Councils in the chart include: ${nearest.join(', ')}.`;
  return `highlight: no council "${value}" in this chart. Nearest valid choices: ${nearest.join(', ')}.`;
}

/** Problems for one chart element. */
export function checkChart(index: FigureIndex, kind: ChartKind, props: ChartProps): string[] {
  const problems: string[] = [];
  const known = knownProps(kind);
  for (const name of props.values.keys()) {
    if (name === '__loc' || known.includes(name)) continue;
    const near = nearestStrings(name, known, 2);
    problems.push(
      `unknown prop "${name}". ${kind} takes: ${known.join(', ')}.${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''}`,
    );
  }
  const get = (k: string) => props.values.get(k);
  if (get('title') === undefined) problems.push(`missing title="…" (the chart's heading and accessible name).`);

  const unitV = get('unit');
  let unit: ReturnType<typeof parseUnit> | null = null;
  if (unitV !== undefined && unitV !== DYNAMIC) {
    unit = parseUnit(unitV);
    if (!unit.ok) problems.push(unit.message);
  }
  const xUnitV = get('xUnit');
  if (xUnitV !== undefined && xUnitV !== DYNAMIC) {
    const u = parseUnit(xUnitV);
    if (!u.ok) problems.push(u.message.replace(/^unit:/, 'xUnit:'));
  }

  // Measure-first, or data + fields.
  const literal: Record<string, unknown> = {};
  for (const [k, v] of props.values) literal[k] = v;
  if (props.data) literal.data = props.data;
  const planned = planChart(kind, literal);
  let sim: Simulated | null = null;
  const spec = CHART_SPECS[kind];
  let fields: Record<string, Arg> = {};
  if (planned && !planned.ok) problems.push(planned.message);
  else if (planned?.ok) {
    const p = planned.plan;
    const argNames: Record<string, string[]> = {
      series: ['measure', 'areas', 'from'],
      councils: ['measure', 'year', 'region'],
      councilPairs: ['xMeasure', 'measure', 'year', 'region'],
      ofstedCounts: ['years'],
      spendByService: ['areas', 'from'],
    };
    const r = simulateHelper(index, p.helper, p.args as Arg[], (i, key) => key ?? argNames[p.helper]![i] ?? 'data');
    if (!r.ok) problems.push(...r.messages);
    else sim = r.sim;
    fields = { ...p.fields };
    for (const f of [...spec.fields, ...spec.optionalFields]) {
      if (get(f) !== undefined)
        problems.push(
          `${f}="…" is not needed with measure="…": the chart fills in its fields itself (${Object.entries(p.fields)
            .map(([k, v]) => `${k}="${v}"`)
            .join(', ')}). Remove it.`,
        );
    }
  } else {
    if (!props.data) problems.push(`no data: give measure="…" (and areas={[…]} or year={…}), or data={…} with ${spec.fields.join(', ')}.`);
    for (const f of spec.fields)
      if (get(f) === undefined && !(f === 'z' && kind === 'LineChart')) problems.push(`missing ${f}="…": the name of the field in the data to plot.`);
    for (const f of [...spec.fields, ...spec.optionalFields]) if (get(f) !== undefined) fields[f] = get(f);
    if (props.data?.kind === 'helper') {
      const h = props.data;
      const r = simulateHelper(index, h.name, h.args.map(argValue), (i, key) => `data: ${h.name}(…) ${key ? `option ${key}` : `argument ${i + 1}`}`);
      if (!r.ok) problems.push(...r.messages);
      else sim = { ...r.sim, numeric: HELPER_NUMERIC[h.name], ...(h.filtered ? { labels: null, years: null } : {}) };
      if (!r.ok) sim = { columns: HELPER_COLUMNS[h.name], labels: null, years: null };
    } else if (props.data?.kind === 'value') {
      const d = props.data.value;
      if (!Array.isArray(d) || !d.length) problems.push(`data: the data set is empty, so the chart would be empty.`);
      else sim = { columns: [...new Set(d.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))], labels: null, years: null };
    }
  }

  if (sim) {
    for (const [f, col] of Object.entries(fields)) {
      if (col === DYNAMIC || col === undefined) continue;
      if (typeof col !== 'string' || !sim.columns.includes(col)) {
        const near = typeof col === 'string' ? nearestField(col, sim.columns, sim.numeric ?? [], isValueRole(kind, f)) : undefined;
        problems.push(
          `${f}="${String(col)}" is not a field of the data. The data's fields are ${sim.columns.map((c) => `"${c}"`).join(', ')}.${near ? ` Nearest: "${near}".` : ''}`,
        );
      }
    }
    if (unit?.ok && sim.measure) {
      const c = unitConflict(sim.measure, index.measureUnits?.[sim.measure], unit.unit);
      if (c) problems.push(c);
    }
    const hl = get('highlight');
    if (typeof hl === 'string' && sim.labels) {
      const p = highlightProblem(index, hl, sim.labels);
      if (p) problems.push(p);
    }
    const financial = get('xFormat') === 'financial-year' || (planned?.ok === true && get('xFormat') === undefined && isFlowMeasure(sim.measure));
    for (const prop of ['title', 'subtitle'] as const) {
      const t = get(prop);
      if (typeof t !== 'string') continue;
      const unknown = unknownPlaceholders(t);
      if (unknown.length)
        problems.push(`${prop}: {${unknown[0]}} is not a placeholder. A ${prop} may use ${TITLE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
      if (sim.years) {
        const p = titleYearProblem(prop, t.replace(/\{\w+\}/g, ''), sim.years, financial);
        if (p) problems.push(p);
      }
    }
  } else if (typeof get('highlight') === 'string' && planned === null && props.data?.kind !== 'dynamic') {
    // nothing known about the rows: checked at render
  }
  return problems;
}
