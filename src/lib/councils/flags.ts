/**
 * Flagged values on a council page's charts: the anomaly screen's findings
 * (/data/anomalies.json, with the editors' decisions in data/anomaly-decisions.json)
 * turned into chart flags (src/lib/charts/flags.ts). A chart of a measure is
 * flagged where the measure itself was flagged, or a measure it is computed
 * from (a rate from its count, spending per child from the total: DEPENDENTS
 * in src/lib/data.ts, the same rule that excludes values from analyses).
 */
import type { z } from 'zod';
import type { AnomaliesFileSchema } from '../../../contract/schemas.ts';
import type { PanelNumericColumn } from '../../../contract/outputs.ts';
import type { ChartFlag, Datum } from '../charts/types.ts';
import { DEPENDENTS } from '../data.ts';
import { formatFinancialYear } from '../format.ts';

export type Anomaly = z.infer<typeof AnomaliesFileSchema>[number];
export type Decision = NonNullable<Anomaly['decision']>;

/** Reader names of the measures the screen checks. */
export const ANOMALY_MEASURE_LABELS: Partial<Record<PanelNumericColumn, string>> = {
  spend_total_gbp: 'Total spend on children’s services',
  spend_cla_gbp: 'Spend on children looked after',
  spend_safeguarding_gbp: 'Spend on safeguarding',
  spend_family_support_gbp: 'Spend on family support',
  spend_per_child_gbp: 'Spend per child',
  cla_count: 'Children looked after',
  cin_count: 'Children in need',
  cpp_count: 'Children on child protection plans',
  population_0_17: 'Children aged 0 to 17',
};

/** What each decision means for the figure, as the reader sees it. */
export const DECISION_TEXT: Record<Decision, string> = {
  keep: 'Checked and kept',
  'exclude-from-analysis': 'Shown as published, but left out of the analyses behind the stories and claims',
  'query-with-publisher': 'Kept; raised with the publisher',
};
export const UNDECIDED_TEXT = 'Under review';

export function measureLabel(m: PanelNumericColumn): string {
  return ANOMALY_MEASURE_LABELS[m] ?? m.replace(/_/g, ' ');
}

/** Years end on 31 March; spending is by financial year (2019 → "2018-19"). */
export function anomalyPeriod(m: PanelNumericColumn, year: number): string {
  return m.startsWith('spend_') ? formatFinancialYear(year) : String(year);
}

/** The anomalies that flag a chart of `measure`: on the measure itself or on one it is computed from. */
export function anomaliesBehind(anomalies: readonly Anomaly[], measure: PanelNumericColumn): Anomaly[] {
  return anomalies.filter((a) => a.measure === measure || (DEPENDENTS[a.measure] ?? []).includes(measure));
}

/** "2018-19: Total spend on children’s services, from which this figure is computed: … . Kept; raised with the publisher." */
export function flagNote(a: Anomaly, measure: PanelNumericColumn, period: string): string {
  const what = a.measure === measure ? measureLabel(a.measure) : `${measureLabel(a.measure)}, from which this figure is computed`;
  const reason = a.reason.replace(/\.$/, '');
  return `${period}, ${a.la_name}: ${what}: ${reason}. ${a.decision ? DECISION_TEXT[a.decision] : UNDECIDED_TEXT}.`;
}

export interface FlagTarget {
  /** The chart measure (a panel column). */
  measure: PanelNumericColumn;
  /** Field values of the council's row for a year, e.g. (y) => ({ year: y, area: 'Bedford' }). */
  where: (year: number) => Record<string, string | number>;
  /** How the chart prints years. */
  financialYear?: boolean;
}

/**
 * Chart flags for one council's anomalies on a chart of `target.measure`,
 * oldest first; two findings in the same year (a count and the population
 * behind one rate) share one flag and one note.
 */
export function councilChartFlags(anomalies: readonly Anomaly[], target: FlagTarget): ChartFlag[] {
  const byYear = new Map<number, Anomaly[]>();
  const sorted = [...anomaliesBehind(anomalies, target.measure)].sort((a, b) => a.year - b.year || a.measure.localeCompare(b.measure));
  for (const a of sorted) byYear.set(a.year, [...(byYear.get(a.year) ?? []), a]);
  return [...byYear].map(([year, list]) => ({
    where: target.where(year),
    note: list.map((a) => flagNote(a, target.measure, target.financialYear ? formatFinancialYear(year) : String(year))).join(' '),
  }));
}

export interface YearChartTarget {
  /** The measures the chart draws (a scatter: both axes). */
  measures: readonly PanelNumericColumn[];
  /** The one year the chart shows. */
  year: number;
  /** Field of the chart's rows holding the council name (the flag's `where`). */
  label: string;
  /** Whether a row is drawn (has every value the chart plots). */
  drawn: (row: Datum) => boolean;
}

/**
 * Flags for a chart of every council in one year (a story's dot strip or scatter): each council
 * whose drawn value was flagged (on a charted measure or one it is computed from) gets a ring and
 * a note, numbered in the rows' order. A council whose value an editor excluded from analysis and
 * that the chart does not draw goes into `leftOut`: one note saying how many and which, for the
 * chart's notes.
 */
export function yearChartFlags(anomalies: readonly Anomaly[], rows: readonly Datum[], t: YearChartTarget): { flags: ChartFlag[]; leftOut: string | null } {
  const inYear = anomalies.filter((a) => a.year === t.year);
  const behind = (m: PanelNumericColumn) => anomaliesBehind(inYear, m).map((a) => ({ a, m }));
  const found = t.measures.flatMap(behind);
  const period = (m: PanelNumericColumn) => anomalyPeriod(m, t.year);
  const flags: ChartFlag[] = [];
  const drawnNames = new Set<string>();
  for (const row of rows) {
    const name = row[t.label];
    if (typeof name !== 'string' || !t.drawn(row)) continue;
    drawnNames.add(name);
    const mine = found.filter(({ a }) => a.la_name === name);
    if (mine.length) flags.push({ where: { [t.label]: name }, note: mine.map(({ a, m }) => flagNote(a, m, period(m))).join(' ') });
  }
  const out = new Map<string, string[]>();
  for (const { a } of found) {
    if (a.decision !== 'exclude-from-analysis' || drawnNames.has(a.la_name)) continue;
    const what = `${measureLabel(a.measure).toLowerCase()}, ${anomalyPeriod(a.measure, a.year)}`;
    out.set(a.la_name, [...new Set([...(out.get(a.la_name) ?? []), what])]);
  }
  if (out.size === 0) return { flags, leftOut: null };
  const list = [...out].map(([name, whats]) => `${name} (${whats.join('; ')})`).join(', ');
  const n = out.size;
  return {
    flags,
    leftOut: `${n} ${n === 1 ? 'council is' : 'councils are'} left out because ${n === 1 ? 'the published figure behind its value looks' : 'the published figures behind their values look'} misreported: ${list}. ${n === 1 ? 'Its council page shows the figure' : 'Their council pages show the figures'} as published.`,
  };
}
