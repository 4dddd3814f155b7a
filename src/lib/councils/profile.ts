/**
 * A council's headline figures, each with its year and comparisons, and the
 * summary sentences written from them. Pure: takes the panel rows, England
 * and regional series and the council list, so tests can feed small fixtures.
 *
 * Data model: a panel row is one upper-tier council in one year (ending
 * 31 March). For each headline measure the council's figure is its LATEST
 * year with a value; England, its region and its statistical neighbours are
 * compared in that same year. The neighbours are DfE's 2021 statistical
 * neighbour groupings (las.json statisticalNeighbours, closest first); the
 * comparison is the median of those neighbours with a value that year, and
 * names them. The rank is among all councils with a panel row that year and
 * a value (rank.ts); councils without a value are counted, not ranked.
 * A council with no value in any year gets a `missing` reason (the reason on
 * its latest row) instead of a figure — never a zero.
 */
import type { AreaYear, LaInfo, PanelNumericColumn, PanelRow } from '../../../contract/outputs.ts';
import { MISSING_REASONS, type MissingReason } from '../../../contract/missing.ts';
import { describeRank, rankOf, type RankResult } from './rank.ts';
import { isSmallCouncil } from '../small-councils.ts';
import { formatFinancialYear } from '../format.ts';
import { atPrices, formatMeasure, measureDef, versusEngland, yearLabel, yearPhrase, type MeasureDef } from './measures.ts';

import { ENGLAND_CODE } from '../../../contract/codes.ts';
import { median as medianOf } from '../../../contract/stats.ts';

export interface Comparison {
  label: string;
  value: number | null;
  /** Plain-English reason when value is null. */
  missingText: string | null;
  /** For the neighbour median: the neighbours used (names). */
  members?: string[];
}

export interface HeadlineFigure {
  def: MeasureDef;
  year: number | null;
  value: number | null;
  missing: MissingReason | null;
  missingText: string | null;
  rank: RankResult | null;
  england: Comparison | null;
  region: Comparison | null;
  neighbours: Comparison | null;
  sentence: string;
  /** The same measure a year earlier, when the council has a figure for it. */
  previous?: { year: number; value: number } | null;
  /** Why the council's latest year has no figure, when its figure is from an earlier year ("There is no figure for 2024-25: …"). */
  staleNote?: string | null;
  /** Every council's figure in the same year: lowest, median, highest and how many, for the "where it sits" strip. */
  field?: { min: number; median: number; max: number; n: number } | null;
}

export interface ProfileInput {
  la: LaInfo;
  /** All panel rows (every council, every year). */
  panel: readonly PanelRow[];
  england: readonly AreaYear[];
  regions: readonly AreaYear[];
  las: readonly LaInfo[];
  /**
   * The real-terms price base, as the year ending 31 March of the base financial year (england.json
   * deflators.baseYear): names the prices of spend_per_child_real_gbp ("at 2023-24 prices").
   */
  priceBaseYear?: number;
}

/** The median of the values (contract/stats.ts), or null when there are none. */
export function median(values: readonly number[]): number | null {
  return values.length ? medianOf(values) : null;
}

function reasonText(r: MissingReason | undefined | null): string {
  return r ? MISSING_REASONS[r] : MISSING_REASONS.blank;
}

function areaComparison(series: readonly AreaYear[], code: string, year: number, measure: PanelNumericColumn, label: string): Comparison | null {
  const row = series.find((a) => a.code === code && a.year === year);
  if (!row) return null;
  const v = row.values[measure];
  if (v === undefined) return null;
  return { label, value: v ?? null, missingText: v === null || v === undefined ? reasonText(row.missing[measure]) : null };
}

/** The latest-year figure for one measure, with comparisons and a summary sentence. */
export function headlineFigure(input: ProfileInput, key: string): HeadlineFigure {
  const def = atPrices(measureDef(key), input.priceBaseYear);
  const m = def.measure;
  const { la, panel } = input;
  const own = panel.filter((r) => r.la_code === la.code).sort((a, b) => a.year - b.year);
  const withValue = own.filter((r) => r[m] !== null);
  const latest = withValue.at(-1);
  if (!latest) {
    const last = own.at(-1);
    const missing = (last?.missing[m] as MissingReason | undefined) ?? (last ? 'blank' : 'no_source');
    const missingText = reasonText(missing);
    return {
      def,
      year: last?.year ?? null,
      value: null,
      missing,
      missingText,
      rank: null,
      england: null,
      region: null,
      neighbours: null,
      sentence: `${la.name} has no figure for ${def.label.toLowerCase()} in any year: ${missingText.charAt(0).toLowerCase()}${missingText.slice(1)}.`,
    };
  }
  const year = latest.year;
  const value = latest[m] as number;
  // Small-councils policy (data/small-councils.json): not ranked, and not in the field others are ranked in.
  const field = panel.filter((r) => r.year === year && !isSmallCouncil(r.la_code)).map((r) => ({ code: r.la_code, value: r[m] }));
  const rank = isSmallCouncil(la.code) ? null : rankOf(la.code, field);
  const england = areaComparison(input.england, ENGLAND_CODE, year, m, 'England');
  const region = areaComparison(input.regions, latest.region_code, year, m, latest.region);
  const byCode = new Map(input.las.map((l) => [l.code, l] as const));
  const nRows = la.statisticalNeighbours
    .map((c) => panel.find((r) => r.la_code === c && r.year === year))
    .filter((r): r is PanelRow => r !== undefined && r[m] !== null);
  const nValues = nRows.map((r) => r[m] as number);
  const neighbours: Comparison | null = la.statisticalNeighbours.length
    ? {
        label: 'Statistical neighbours (median)',
        value: median(nValues),
        missingText: nValues.length ? null : 'None of the council’s statistical neighbours has a figure for this year',
        members: nRows.map((r) => byCode.get(r.la_code)?.name ?? r.la_name),
      }
    : null;
  const stale = own.at(-1) && own.at(-1)!.year !== year ? own.at(-1)! : null;
  let staleNote: string | null = null;
  // Reporter's order: when, who, what; then how it compares with England and where it sits among the councils.
  const when = yearPhrase(def, year);
  let sentence = `${when.charAt(0).toUpperCase()}${when.slice(1)} ${la.name} ${def.verb} ${formatMeasure(def, value)} ${def.noun}`;
  const comparisons = [
    ...(england?.value != null ? [versusEngland(def, value, england.value)] : []),
    ...(rank && key !== 'cla_count' ? [`the ${describeRank(rank)} ${def.rankNoun} of the ${rank.of} councils with a figure`] : []),
  ];
  if (comparisons.length) sentence += `: ${comparisons.join(', and ')}`;
  sentence += '.';
  if (stale) {
    const r = stale.missing[m] as MissingReason | undefined;
    staleNote = `There is no figure for ${yearLabel(def, stale.year)}: ${reasonText(r).charAt(0).toLowerCase()}${reasonText(r).slice(1)}.`;
    sentence += ` ${staleNote}`;
  }
  const prevRow = own.find((r) => r.year === year - 1);
  const previous = prevRow && prevRow[m] !== null ? { year: year - 1, value: prevRow[m] as number } : null;
  const all = field.map((f) => f.value).filter((v): v is number => typeof v === 'number');
  const fieldSummary = all.length ? { min: Math.min(...all), median: median(all)!, max: Math.max(...all), n: all.length } : null;
  return { def, year, value, missing: null, missingText: null, rank, england, region, neighbours, sentence, previous, staleNote, field: fieldSummary };
}

/** Spending per child appears twice: in cash for the latest year with a figure, and in real terms for the latest year with a deflator. */
export const HEADLINE_KEYS = [
  'cla_count',
  'cla_rate_per_10k',
  'cin_rate_per_10k',
  'cpp_rate_per_10k',
  'spend_per_child_gbp',
  'spend_per_child_real_gbp',
] as const;

export function headlineFigures(input: ProfileInput): HeadlineFigure[] {
  return HEADLINE_KEYS.map((k) => headlineFigure(input, k));
}

/** "above England", "below England", "the same as England" for a sentence or a badge. */
export function versus(value: number, other: number | null, label: string): string {
  if (other === null) return '';
  if (value === other) return `the same as ${label}`;
  return value > other ? `above ${label}` : `below ${label}`;
}

/**
 * How common the council’s Ofsted judgement counted at 31 March of its latest
 * year was (Ofsted’s rule): "41 of 150 councils", in England, its region and among its
 * statistical neighbours (councils with a judgement that year). Null when
 * the council has no judgement counted that year.
 */
export function ofstedComparison(input: ProfileInput): { england: string; region: string; neighbours: string } | null {
  const { la, panel } = input;
  const latest = panel
    .filter((r) => r.la_code === la.code)
    .sort((a, b) => a.year - b.year)
    .at(-1);
  if (!latest?.ofsted_overall) return null;
  const grade = latest.ofsted_overall;
  const field = panel.filter((r) => r.year === latest.year && r.ofsted_overall !== null);
  const count = (rows: PanelRow[]) => `${rows.filter((r) => r.ofsted_overall === grade).length} of ${rows.length}`;
  const neighbours = field.filter((r) => la.statisticalNeighbours.includes(r.la_code));
  return {
    england: `${count(field)} councils`,
    region: `${count(field.filter((r) => r.region_code === latest.region_code))} councils`,
    neighbours: neighbours.length ? `${count(neighbours)} neighbours` : 'no neighbour has a judgement',
  };
}
