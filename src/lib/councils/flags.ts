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
import type { ChartFlag } from '../charts/types.ts';
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
