/**
 * What each chart component takes, shared by the compile-time check
 * (chart-checks.ts) and the props normaliser the components call
 * (chart-props.ts). PURE: no data access.
 *
 * Two ways to give a chart its data:
 *   measure-first  <LineChart measure="cla_rate_per_10k" areas={['england', 'blackpool']} from={2015} … />
 *                  the chart fetches the rows itself and knows their fields (no x/y/z to write);
 *   data + fields  <LineChart data={rows} x="year" y="value" z="area" … />   (the older form, still accepted).
 */
import { financialYear } from '../../../contract/years.ts';
import type { HelperName } from './expr.ts';

export const CHART_KINDS = ['LineChart', 'BarChart', 'StackedArea', 'Scatter', 'DotStrip', 'SmallMultiples', 'LikertBar'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export function isChartKind(name: string): name is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(name);
}

/** Props every chart takes (the chart block and the common renderer options). */
const COMMON = [
  'title',
  'data',
  'id',
  'unit',
  'decimals',
  'xLabel',
  'yLabel',
  'missingReasonField',
  'columnLabels',
  'flags',
  'period',
  'subtitle',
  'headingLevel',
  'notes',
  'source',
  'hideTable',
];
/** The measure-first props. */
const MEASURE = ['measure', 'areas', 'from', 'to', 'year', 'region'];

export interface ChartSpec {
  /** Field props (names of columns in the data), required in the data + fields form. */
  fields: string[];
  optionalFields: string[];
  own: string[];
  /** Measure-first props this chart accepts. */
  measureFirst: string[];
}

export const CHART_SPECS: Record<ChartKind, ChartSpec> = {
  LineChart: {
    fields: ['x', 'y'],
    optionalFields: ['z'],
    own: ['xFormat', 'annotations', 'breaks', 'zero', 'directLabels', 'reference'],
    measureFirst: ['measure', 'areas', 'from', 'to'],
  },
  BarChart: { fields: ['x', 'y'], optionalFields: [], own: ['xFormat', 'sort', 'highlight', 'annotations'], measureFirst: MEASURE },
  StackedArea: { fields: ['x', 'y', 'z'], optionalFields: [], own: ['xFormat', 'annotations', 'breaks'], measureFirst: ['measure', 'areas', 'from', 'to'] },
  Scatter: {
    fields: ['x', 'y', 'label'],
    optionalFields: [],
    own: ['xUnit', 'labels', 'highlight', 'fit'],
    measureFirst: ['measure', 'xMeasure', 'year', 'region'],
  },
  DotStrip: { fields: ['x', 'label'], optionalFields: [], own: ['highlight', 'reference'], measureFirst: ['measure', 'year', 'region'] },
  SmallMultiples: { fields: ['x', 'y', 'facet'], optionalFields: [], own: ['xFormat', 'breaks'], measureFirst: ['measure', 'areas', 'from', 'to'] },
  LikertBar: { fields: ['y', 'z', 'x'], optionalFields: [], own: ['yFormat'], measureFirst: ['years'] },
};

export function knownProps(kind: ChartKind): string[] {
  const s = CHART_SPECS[kind];
  return [...new Set([...COMMON, ...s.fields, ...s.optionalFields, ...s.own, ...s.measureFirst])];
}

/** The columns each data helper of ./series.ts returns (missingReason is added to any row with a missing value). */
export const HELPER_COLUMNS: Record<HelperName, string[]> = {
  series: ['year', 'area', 'value'],
  councils: ['la', 'region', 'value'],
  councilPairs: ['la', 'region', 'x', 'y'],
  spendByService: ['year', 'service', 'gbp'],
  ofstedCounts: ['year', 'grade', 'councils'],
};

/** The numeric columns of each helper's rows (what a value axis can plot). */
export const HELPER_NUMERIC: Record<HelperName, string[]> = {
  series: ['value'],
  councils: ['value'],
  councilPairs: ['x', 'y'],
  spendByService: ['gbp'],
  ofstedCounts: ['councils'],
};

/** Field props that name the plotted value (so a suggestion should be a numeric field). */
export function isValueRole(kind: ChartKind, field: string): boolean {
  if (field === 'y') return kind !== 'LikertBar';
  if (field === 'x') return kind === 'DotStrip' || kind === 'Scatter' || kind === 'LikertBar';
  return false;
}

/** The nearest field to suggest: among numeric fields for a value role, else among all. */
export function nearestField(col: string, columns: readonly string[], numeric: readonly string[], valueRole: boolean): string | undefined {
  const pool = valueRole && numeric.length ? numeric : columns;
  return [...pool].sort((a, b) => lev(col.toLowerCase(), a.toLowerCase()) - lev(col.toLowerCase(), b.toLowerCase()) || a.localeCompare(b))[0];
}

function lev(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A measure-first chart as a helper call plus the fields it fills in. */
export interface Plan {
  helper: HelperName;
  args: unknown[];
  fields: Record<string, string>;
  /** The measure whose unit the value axis takes (and, for Scatter, the x measure). */
  measure?: string;
  xMeasure?: string;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; message: string } | null;

/**
 * The helper call a measure-first chart stands for, or null when the chart
 * uses data + fields. `props` are the literal values (or undefined).
 */
export function planChart(kind: ChartKind, props: Record<string, unknown>): PlanResult {
  const spec = CHART_SPECS[kind];
  const used = spec.measureFirst.filter((p) => props[p] !== undefined);
  if (!used.length) return null;
  if (props.data !== undefined) return { ok: false, message: `give either data={…} or ${used.map((u) => `${u}=`).join(', ')}, not both.` };
  const measure = props.measure as string | undefined;
  const areas = props.areas === undefined ? undefined : Array.isArray(props.areas) ? (props.areas as string[]) : [props.areas as string];
  const range = { ...(props.from !== undefined ? { from: props.from } : {}), ...(props.to !== undefined ? { to: props.to } : {}) };
  const region = props.region !== undefined ? { region: props.region } : {};
  const need = (what: string, example: string) => ({ ok: false as const, message: `${kind} with ${used.join(', ')} also needs ${what}. Example: ${example}` });
  switch (kind) {
    case 'LineChart':
    case 'StackedArea':
    case 'SmallMultiples': {
      const ex = `<${kind} measure="cla_rate_per_10k" areas={['england', 'blackpool']} from={2015} title="…" />`;
      if (!measure) return need('measure="…"', ex);
      if (!areas?.length) return need("areas={['england', …]}", ex);
      const third: Record<string, string> = kind === 'SmallMultiples' ? { facet: 'area' } : { z: 'area' };
      return { ok: true, plan: { helper: 'series', args: [measure, areas, range], fields: { x: 'year', y: 'value', ...third }, measure } };
    }
    case 'BarChart': {
      if (!measure) return need('measure="…"', `<BarChart measure="cla_rate_per_10k" year={2024} region="north-west" title="…" />`);
      if (props.year !== undefined)
        return { ok: true, plan: { helper: 'councils', args: [measure, props.year, region], fields: { x: 'la', y: 'value' }, measure } };
      if (areas?.length === 1) return { ok: true, plan: { helper: 'series', args: [measure, areas, range], fields: { x: 'year', y: 'value' }, measure } };
      return need(
        'year={…} (one bar per council) or areas={[one area]} (one bar per year)',
        `<BarChart measure="cla_rate_per_10k" year={2024} region="north-west" title="…" />`,
      );
    }
    case 'DotStrip':
      if (!measure || props.year === undefined)
        return need('measure="…" and year={…}', `<DotStrip measure="cla_rate_per_10k" year={2024} highlight="blackpool" title="…" />`);
      return { ok: true, plan: { helper: 'councils', args: [measure, props.year, region], fields: { x: 'value', label: 'la' }, measure } };
    case 'Scatter': {
      const xm = props.xMeasure as string | undefined;
      if (!measure || !xm || props.year === undefined)
        return need(
          'measure="…" (up), xMeasure="…" (across) and year={…}',
          `<Scatter xMeasure="idaci_score" measure="cla_rate_per_10k" year={2024} title="…" />`,
        );
      return {
        ok: true,
        plan: { helper: 'councilPairs', args: [xm, measure, props.year, region], fields: { x: 'x', y: 'y', label: 'la' }, measure, xMeasure: xm },
      };
    }
    case 'LikertBar':
      return { ok: true, plan: { helper: 'ofstedCounts', args: [props.years], fields: { y: 'year', z: 'grade', x: 'councils' } } };
  }
}

/** Placeholders a chart title or subtitle may contain, filled from the chart's own data. */
export const TITLE_PLACEHOLDERS = ['from', 'to', 'years', 'year'];

export interface YearMention {
  text: string;
  years: number[];
}

/**
 * Years written in a title: "2024" → [2024]; "2024-25" (a financial year) →
 * [2025], the year ending 31 March; "2015–2025" / "2015 to 2025" → [2015, 2025].
 */
export function yearsMentioned(text: string): YearMention[] {
  const out: YearMention[] = [];
  const re = /\b((?:19|20)\d{2})(?:\s*(?:[-–—]|to)\s*((?:19|20)\d{2}|\d{2})\b)?/g;
  for (const m of text.matchAll(re)) {
    // "2023-24 prices", "at 2023-24 prices": a price base, not a year the chart shows.
    if (/^\s*prices\b/.test(text.slice(m.index! + m[0].length))) continue;
    const a = Number(m[1]);
    const b = m[2];
    if (b === undefined) out.push({ text: m[0], years: [a] });
    else if (b.length === 2) out.push({ text: m[0], years: Number(b) === (a + 1) % 100 ? [a + 1] : [a, Math.floor(a / 100) * 100 + Number(b)] });
    else out.push({ text: m[0], years: [a, Number(b)] });
  }
  return out;
}

/** "2015–2025", "2015", or "2014-15 to 2024-25" for financial years. */
export function formatYear(year: number, financial: boolean): string {
  return financial ? financialYear(year) : String(year);
}

export function describeSpan(years: readonly number[], financial = false): string {
  if (!years.length) return 'no years';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? formatYear(lo, financial) : `${formatYear(lo, financial)}${financial ? ' to ' : '–'}${formatYear(hi, financial)}`;
}

/** A problem with a title's years, or null: every year it names must lie within the chart's years. */
export function titleYearProblem(prop: 'title' | 'subtitle', text: string, chartYears: readonly number[], financial: boolean): string | null {
  if (!chartYears.length) return null;
  const lo = Math.min(...chartYears);
  const hi = Math.max(...chartYears);
  for (const m of yearsMentioned(text)) {
    if (m.years.some((y) => y < lo || y > hi)) {
      return `${prop}: says "${m.text}" but the chart's data cover ${describeSpan(chartYears, financial)}. Write {from}, {to} or {years} in the ${prop} to print the chart's own years, e.g. "Children in care, {years}".`;
    }
  }
  return null;
}

/** Fill {from} {to} {years} {year} from the chart's years; unknown placeholders are left for the checks to report. */
export function interpolateTitle(text: string, chartYears: readonly number[], financial: boolean): string {
  if (!chartYears.length) return text;
  const lo = Math.min(...chartYears);
  const hi = Math.max(...chartYears);
  const values: Record<string, string> = {
    from: formatYear(lo, financial),
    to: formatYear(hi, financial),
    years: describeSpan(chartYears, financial),
    year: formatYear(hi, financial),
  };
  return text.replace(/\{(\w+)\}/g, (all, k: string) => values[k] ?? all);
}

export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((k) => !TITLE_PLACEHOLDERS.includes(k));
}

/** Spending and flows are counted over the year to 31 March: the measure-first charts print them as financial years. */
export function isFlowMeasure(measure: string | undefined): boolean {
  return !!measure && /^(cla_starts|cla_ceases|spend_)/.test(measure);
}
