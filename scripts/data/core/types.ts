/**
 * The pipeline's shared model.
 *
 * YEAR. Every figure is filed under the year ending 31 March ("year 2024"):
 *   - counts at 31 March 2024 (children looked after, in need, on a plan);
 *   - flows during the year to 31 March 2024 (starts, ceases);
 *   - the 2023-24 financial year (1 April 2023 to 31 March 2024) for spending;
 *   - the Ofsted judgement in force on 31 March 2024;
 *   - the population denominator DfE uses for that year, which is the ONS
 *     mid-year estimate for mid-2023 (DfE's own convention).
 *
 * OBSERVATION. A source module turns a file into observations: one measure, for
 * one geography, in one year, from one source release, with a typed value
 * (a number or a Missing with a reason). Geographies are as the source names
 * them; src/geography harmonises them afterwards.
 */
import { OBSERVED_MEASURES, type ObservedMeasure } from '../../../contract/measures.ts';
import type { Value } from '../../../contract/missing.ts';

export type GeoLevel = 'national' | 'regional' | 'la';

/** Numeric measures that sources can supply: the observed measures of the registry (contract/measures.ts). */
export const MEASURES = OBSERVED_MEASURES;
export type MeasureId = ObservedMeasure;

export interface Observation {
  measure: MeasureId;
  level: GeoLevel;
  /** ONS/GSS code as given by the source (E92000001, E12…, E06/E08/E09/E10…), if it gives one. */
  code?: string;
  /** DfE three-digit LA code (or LAIT region number) as given by the source, if it gives one. */
  oldCode?: string;
  /** Name as given by the source (trimmed). */
  name: string;
  /** Year ending 31 March. */
  year: number;
  value: Value;
  /** Manifest id of the source. */
  source: string;
  /**
   * Release the figure comes from, as a sortable label (e.g. "2025" for the
   * 2025 EES release, "SFR50/2017"). When two releases give the same measure,
   * geography and year, the one with the greater `releaseOrder` wins and the
   * other is recorded as a revision.
   */
  release: string;
  releaseOrder: number;
  /** Optional qualifier, e.g. the spending series basis ("s251-2008", "lait"). */
  basis?: string;
  /**
   * Where in the source file the value was read, for error messages (sources that range-check
   * row by row as they read, like CLA, leave it out).
   */
  at?: SourceCell;
}

/**
 * A cell of a source file. `row` is 1-based as a person counts it (the header of a CSV is row 1;
 * a parquet file has no header row, so its first record is row 1). A value that is the sum of
 * several lines (an S251 spending block) names all of them in `rows`; `row` is then the line that
 * pulls the sum furthest in its own direction (the most negative line of a negative sum, the
 * largest line of a positive one), the likeliest culprit when the sum is out of range.
 */
export interface SourceCell {
  row: number;
  /** The column header, as the file gives it. */
  column: string;
  rows?: readonly number[];
}

/** What a source family module returns. */
export interface FamilyResult {
  observations: Observation[];
  /** Rows read per manifest source id (for the editors' report). */
  rowsRead: Record<string, number>;
}
