/**
 * Range checks for every numeric measure, applied where data enter.
 *
 * The limits are data, not code paths: one row per measure below. Counts,
 * rates, populations and spending are never negative; counts are whole numbers;
 * a rate per 10,000 children cannot exceed 10,000 and a percentage cannot exceed
 * 100. The checks catch sign slips and shifted columns (a rate read from a count
 * column), not plausibility: implausible but possible values are the anomaly
 * screen's job (scripts/data/derive/anomalies.ts).
 */
import { isMissing, type Value } from '../../../contract/missing.ts';
import { DataError } from './errors.ts';
import type { MeasureId, Observation } from './types.ts';

export interface Range {
  min: number;
  max: number;
  integer?: boolean;
  unit: string;
}

const COUNT: Range = { min: 0, max: 10_000_000, integer: true, unit: 'children' };
const PER_10K: Range = { min: 0, max: 10_000, unit: 'per 10,000 children' };
const GBP: Range = { min: 0, max: 100_000_000_000, unit: '£' };
const PCT: Range = { min: 0, max: 100, unit: '%' };

export const MEASURE_RANGES: Readonly<Record<MeasureId, Range>> = {
  cla_count: COUNT,
  cla_rate_per_10k: PER_10K,
  cla_starts: COUNT,
  cla_ceases: COUNT,
  cin_count: COUNT,
  cin_rate_per_10k: PER_10K,
  cpp_count: COUNT,
  cpp_rate_per_10k: PER_10K,
  population_0_17: { min: 0, max: 20_000_000, unit: 'children' },
  spend_total_gbp: GBP,
  spend_cla_gbp: GBP,
  spend_safeguarding_gbp: GBP,
  spend_family_support_gbp: GBP,
  spend_early_help_gbp: GBP,
  spend_young_people_gbp: GBP,
  spend_youth_justice_gbp: GBP,
  spend_other_gbp: GBP,
  sw_fte: { min: 0, max: 100_000, unit: 'FTE' },
  sw_turnover_rate: PCT,
  sw_agency_rate: PCT,
  sw_vacancy_rate: PCT,
  sw_caseload: { min: 0, max: 200, unit: 'cases per FTE' },
};

/** Why `value` is outside the range of `measure`, or null if it is inside (or missing). */
export function rangeProblem(measure: MeasureId, value: Value): string | null {
  if (isMissing(value)) return null;
  const r = MEASURE_RANGES[measure];
  if (value < r.min || value > r.max) {
    return `${measure} = ${value} is outside its possible range [${r.min}, ${r.max}] (${r.unit})${value < 0 ? ': counts, rates, populations and spending are never negative' : ''}`;
  }
  if (r.integer && !Number.isInteger(value)) return `${measure} = ${value} is not a whole number (a count of ${r.unit})`;
  return null;
}

/**
 * A published rate per 10,000 must agree with its count and denominator, within the rounding of
 * the printed rate (DfE prints whole numbers to 2017 and one decimal place after): |rate − count /
 * population × 10,000| ≤ half a unit of the last printed digit, plus 0.05 for the rounding of inputs.
 */
export function rateProblem(rate: Value, count: Value, population: Value): string | null {
  if (isMissing(rate) || isMissing(count) || isMissing(population) || population <= 0) return null;
  const computed = (count / population) * 10_000;
  const decimals = Number.isInteger(rate) ? 0 : 1;
  const tolerance = 0.5 * 10 ** -decimals + 0.05 + (decimals === 0 ? 0.5 : 0);
  if (Math.abs(rate - computed) > tolerance) {
    return `the rate ${rate} per 10,000 does not match its count and denominator (${count} / ${population} × 10,000 = ${computed.toFixed(2)})`;
  }
  return null;
}

/**
 * The same range check over every observation of every source, for sources that do not check
 * row by row as they read (CLA does, naming the row and column). Names the source, its file,
 * the row and column the value was read from where the observation carries them (`at`; spending
 * does), otherwise the measure as the column, and the area, year and value. A value summed from
 * several lines names the line most likely at fault as the row and lists the others.
 */
export function checkObservationRanges(observations: readonly Observation[], fileOf: (source: string) => string | undefined): void {
  for (const o of observations) {
    const found = rangeProblem(o.measure, o.value);
    if (found === null) continue;
    // A sum of lines carries floating-point noise (-25357261.669999998): show it to 12 significant digits.
    const value = typeof o.value === 'number' ? Number(o.value.toPrecision(12)) : o.value;
    const problem = rangeProblem(o.measure, value) ?? found;
    const file = fileOf(o.source);
    const lines =
      o.at?.rows && o.at.rows.length > 1 ? ` (the sum of the lines in rows ${o.at.rows.join(', ')}; row ${o.at.row} is the line that moves it most)` : '';
    throw new DataError(
      { source: o.source, ...(file !== undefined ? { file } : {}), ...(o.at ? { row: o.at.row } : {}), column: o.at?.column ?? o.measure, value },
      `${o.name} (${o.code ?? o.oldCode ?? o.level}) ${o.year}: ${problem}${lines}`,
      'correct the value in the source file, or ask the publisher whether it is a typing error',
    );
  }
}
