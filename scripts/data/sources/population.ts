/**
 * ONS mid-year population estimates of children aged 0 to 17, by LA
 * (manifest id `population-0-17`), read with the EES tidy-format reader of
 * core/ees.ts (shared with cin.ts and workforce.ts).
 *
 * THE FILE. DfE's republication (EES tidy format) of ONS mid-year estimates,
 * mid-2012 to mid-2024, Census-2021-based, including ONS's July 2025 revisions
 * of mid-2022 and mid-2023. One row = one geography (England, a region, an
 * Inner/Outer London sub-region or an upper-tier LA) at one mid-year, with
 * `age_group` always "Children aged 0 to 17 years" and `population_estimate`
 * a whole number of children. 2,132 data rows; LAs per mid-year: 152 (2012–18),
 * 151 (2019–20), 152 (2021–22), 153 (2023–24). Each mid-year is already on the
 * LA geography of the following 31 March (mid-2019 has BCP; mid-2023 has
 * Cumberland and Westmorland and Furness).
 *
 * WHAT A YEAR MEANS. `time_period` is the MID-YEAR (30 June) of the estimate,
 * although the file labels it "Reporting year". DfE computes the rates of
 * year Y (31 March Y counts, flows in the year to 31 March Y) with the mid-(Y-1)
 * estimate: the CLA 2025 release prints England's 2025 denominator as
 * 12,183,016, which is this file's mid-2024 figure, and the CIN 2024 release's
 * rates for 2013–2022 are reproduced exactly with mid-(Y-1) (tests/official).
 * So an estimate for mid-Y is filed under year Y+1, the year ending 31 March
 * Y+1, which contains 30 June Y: mid-2023 → year 2024; mid-2012 → 2013;
 * mid-2024 → 2025. `basis` is "ons-mid-year".
 *
 * REVISIONS. The estimates for mid-2022 and mid-2023 here are ONS's revised
 * ones (July 2025). DfE's 2023 and 2024 releases used the estimates as first
 * published, so rates in those releases differ slightly from rates computed
 * here (England 2024 CIN: 332.9 published with 11,998,646; 331.2 with this
 * file's 12,059,476). One release only, so releaseOrder is constant.
 *
 * GAPS. Bournemouth (837), Poole (836) and the old Dorset county (835) are "x"
 * for mid-2012 to mid-2018; they stay typed missing (not_available), so LA
 * totals in those years are short of the national figure.
 *
 * LONDON SUB-REGIONS. Rows for Inner London (E13000001) and Outer London
 * (E13000002) overlap the London region and are read and validated but not
 * emitted, here and in the other EES loaders, so regional figures never
 * double-count London.
 */
import { fileOf, type SourceFiles } from '../core/acquire.ts';
import { DataError } from '../core/errors.ts';
import { checkedValue, DEFAULT_MIN_LAS_PER_PERIOD, geoFields, readEesRows, readEesTable, type LoadOptions } from '../core/ees.ts';
import type { FamilyResult, Observation } from '../core/types.ts';

// ---------------------------------------------------------------------------
// Population 0–17.
// ---------------------------------------------------------------------------

export const POPULATION_SOURCE = 'population-0-17';
export const POPULATION_BASIS = 'ons-mid-year';
/** The first mid-year in the file (mid-2012: where DfE's published series starts, a fact about the past). */
export const POPULATION_FIRST_MID_YEAR = 2012;

/** Mid-years in the file: from 2012 to the mid-year its manifest release names ("mid-2024 (Census 2021-based)" → 2024). */
export function populationPeriods(release: string): readonly [number, number] {
  const m = /mid-(\d{4})/i.exec(release);
  if (!m)
    throw new DataError(
      { source: POPULATION_SOURCE, value: release },
      'the manifest release does not name its latest mid-year',
      'write it as in "mid-2025 (Census 2021-based)" in data/sources.json',
    );
  return [POPULATION_FIRST_MID_YEAR, Number(m[1])];
}

/** The year ending 31 March whose rates use the estimate for this mid-year (mid-2023 → 2024). */
export function yearForMidYear(midYear: number): number {
  return midYear + 1;
}

export function loadPopulation(files: SourceFiles, opts: LoadOptions = {}): FamilyResult {
  const t = readEesTable(files, POPULATION_SOURCE);
  const f = fileOf(files, POPULATION_SOURCE);
  const periods = populationPeriods(f.entry.release);
  const rows = readEesRows(t, {
    periods,
    columns: ['population_estimate'],
    fixed: { age_group: 'Children aged 0 to 17 years' },
    minLasPerPeriod: opts.minLasPerPeriod ?? DEFAULT_MIN_LAS_PER_PERIOD,
  });
  const observations: Observation[] = [];
  for (const { r, period, geo } of rows) {
    if (geo.londonSubRegion) continue;
    // England's 0–17 population is about 12 million; no geography has more.
    const value = checkedValue(t, r, 'population_estimate', { min: 1, max: 20_000_000, integer: true });
    observations.push({
      measure: 'population_0_17',
      ...geoFields(geo),
      year: yearForMidYear(period),
      value,
      source: POPULATION_SOURCE,
      release: f.entry.release,
      releaseOrder: periods[1],
      basis: POPULATION_BASIS,
    });
  }
  return { observations, rowsRead: { [POPULATION_SOURCE]: t.rows.length } };
}
