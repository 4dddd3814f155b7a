/**
 * Explore Education Statistics (EES) tidy files of the CLA release
 * "Children looked after in England including adoptions":
 *
 *   cla_number_and_rate_per_10k_children.csv (releases 2022, 2024, 2025)
 *     A ROW is one measure (children looked after at/on 31 March; starting;
 *     ceasing) for one geography (National / Regional / Local authority) in one
 *     year ending 31 March (time_period, time_identifier "Reporting year").
 *     Each release re-publishes five years (2022: 2018–2022; 2024: 2020–2024;
 *     2025: 2021–2025), revising earlier figures; the release's year is its
 *     releaseOrder so the newest publication wins. Columns renamed in 2025:
 *     population_count → population_type, number → children_count, and the
 *     measure label "at 31 March" → "on 31 March".
 *     Emitted: the count (cla_count / cla_starts / cla_ceases); the publisher's
 *     rate_per_10000 as cla_rate_per_10k for the at-31-March rows only (rates
 *     of starting/ceasing have no measure in the model and are not emitted);
 *     population_estimate (the ONS 0–17 denominator the release used) once per
 *     geography and year as population_0_17 with basis "cla-denominator". The
 *     three rows of a geography-year must carry the same estimate.
 *     LAs that did not exist in a year are present with `z`; they become
 *     typed Missing values, not zeros. Inner/Outer London (E13) rows are not
 *     emitted (see ./regions.ts).
 *
 *   cla_time_series_1994_2024.csv (2024 release; national only)
 *     A ROW is one national measure in one year 1994–2024. Emitted: CLA at
 *     31 March, starts and ceases (as "during the year"); the UASC and adoption
 *     series are recognised and not emitted. releaseOrder 2024, the same as the
 *     2024 tidy file; loadCla checks the two agree where they overlap.
 */
import { rateProblem } from '../../core/ranges.ts';
import type { AcquiredFile } from '../../core/acquire.ts';
import { ENGLAND_CODE, isLaCode, isOldLaCode, isRegionCode } from '../../../../contract/codes.ts';
import { readCsv } from '../../core/csv.ts';
import { EES_GEO_COLUMNS } from '../../core/ees.ts';
import { isMissing, type Value } from '../../../../contract/missing.ts';
import type { Table } from '../../core/table.ts';
import type { MeasureId, Observation } from '../../core/types.ts';
import { FileObservations } from './emit.ts';
import { LONDON_SUBREGIONS, normaliseRegionName, regionCodeOf } from './regions.ts';

export interface EesSourceSpec {
  releaseOrder: number;
  /** Years (ending 31 March) the file covers, inclusive: the span of its England (National) rows. */
  firstYear: number;
  lastYear: number;
}

/**
 * Which reader a CLA manifest entry needs, from its id: `cla-ees-<release>` is a
 * tidy file, `cla-timeseries-<release>` the national time series. A new release
 * is a new manifest entry with the next id; nothing here lists releases.
 */
export const EES_TIDY_PREFIX = 'cla-ees-';
export const EES_SERIES_PREFIX = 'cla-timeseries-';
export const isEesTidy = (id: string): boolean => id.startsWith(EES_TIDY_PREFIX);
export const isEesSeries = (id: string): boolean => id.startsWith(EES_SERIES_PREFIX);

/**
 * The release's order: its year, from the manifest's `release` ("2026"). An EES
 * CLA release of year Y reports up to 31 March Y, so the file's latest
 * time_period must be Y (checked in specOf).
 */
export function releaseOrderOf(table: Table, file: AcquiredFile): number {
  const release = file.entry.release;
  if (!/^\d{4}$/.test(release)) {
    throw table.error(
      `the manifest release "${release}" is not a four-digit year`,
      { value: release },
      'give the entry in data/sources.json the year of the release, e.g. "2026"',
    );
  }
  return Number(release);
}

/** The span of the file from its own National rows' time_period values, checked against the release. */
function specOf(table: Table, file: AcquiredFile): EesSourceSpec {
  const releaseOrder = releaseOrderOf(table, file);
  const level = table.col('geographic_level');
  const tp = table.col('time_period');
  const years: number[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    if (table.text(r, level) !== 'National') continue;
    const raw = table.text(r, tp);
    if (/^\d{4}$/.test(raw)) years.push(Number(raw));
  }
  if (years.length === 0) throw table.error('the file has no National (England) rows with a four-digit time_period', { column: 'time_period' });
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  if (lastYear !== releaseOrder) {
    throw table.error(
      `the file's latest year is ${lastYear} but the manifest calls it release ${releaseOrder}`,
      { column: 'time_period', value: String(lastYear) },
      'the release of year Y reports to 31 March Y: fix the release (or the id) of this entry in data/sources.json',
    );
  }
  return { releaseOrder, firstYear, lastYear };
}

/** Measure labels of the tidy file (population_count / population_type). */
const TIDY_MEASURES: Readonly<Record<string, MeasureId>> = {
  'Children looked after at 31 March each year': 'cla_count',
  'Children looked after on 31 March each year': 'cla_count',
  'Children starting to be looked after each year': 'cla_starts',
  'Children ceasing to be looked after each year': 'cla_ceases',
};

/** Measure labels of the national time series; null = recognised, not emitted. */
const SERIES_MEASURES: Readonly<Record<string, MeasureId | null>> = {
  'Children looked after at 31 March': 'cla_count',
  'Children starting to be looked after during the year': 'cla_starts',
  'Children ceasing to be looked after during the year': 'cla_ceases',
  'Children looked after at 31 March who were unaccompanied asylum-seeking children': null,
  'Children looked after who were adopted during the year': null,
};

const LEVELS = { National: 'national', Regional: 'regional', 'Local authority': 'la' } as const;

export interface EesOptions {
  /** Require at least 150 LA rows per measure and year; off for small test fixtures. */
  coverage: boolean;
}

export interface EesResult {
  observations: Observation[];
  rows: number;
}

function readYear(table: Table, r: number, spec: EesSourceSpec): number {
  const raw = table.text(r, 'time_period');
  if (!/^\d{4}$/.test(raw)) throw table.error('time_period is not a four-digit year', { row: r, column: 'time_period', value: raw });
  const year = Number(raw);
  if (year < spec.firstYear || year > spec.lastYear) {
    throw table.error(`year outside the range the file covers (${spec.firstYear}–${spec.lastYear}, the years of its England rows)`, {
      row: r,
      column: 'time_period',
      value: raw,
    });
  }
  const ident = table.text(r, 'time_identifier');
  if (ident !== 'Reporting year') throw table.error('expected time_identifier "Reporting year"', { row: r, column: 'time_identifier', value: ident });
  return year;
}

function sameValue(a: Value, b: Value): boolean {
  if (isMissing(a) || isMissing(b)) return isMissing(a) && isMissing(b) && a.missing === b.missing;
  return a === b;
}

export function readEesTidy(file: AcquiredFile, opts: EesOptions): EesResult {
  const { entry } = file;
  const table = readCsv(file.bytes, { source: entry.id, file: entry.path, ...(entry.encoding ? { encoding: entry.encoding } : {}), minRows: 1 });
  table.requireColumns([...EES_GEO_COLUMNS, 'population_estimate', 'rate_per_10000']);
  const spec = specOf(table, file);
  const measureCol = table.colOneOf(['population_type', 'population_count']);
  const numberCol = table.colOneOf(['children_count', 'number']);
  const out = new FileObservations(table, { source: entry.id, release: entry.release, releaseOrder: spec.releaseOrder });
  /** population_estimate per geography-year, to check the three measure rows agree and emit it once. */
  const populations = new Map<string, { row: number; value: Value }>();
  const laRows = new Map<string, number>();

  for (let r = 0; r < table.rows.length; r++) {
    const year = readYear(table, r, spec);
    const levelText = table.text(r, 'geographic_level');
    const level = LEVELS[levelText as keyof typeof LEVELS];
    if (level === undefined) {
      throw table.error(`unknown geographic level (expected ${Object.keys(LEVELS).join(', ')})`, { row: r, column: 'geographic_level', value: levelText });
    }
    const label = table.text(r, measureCol.index);
    const measure = TIDY_MEASURES[label];
    if (measure === undefined) {
      throw table.error(
        'unknown measure label',
        { row: r, column: measureCol.name, value: label },
        `expected one of: ${Object.keys(TIDY_MEASURES).join('; ')}`,
      );
    }
    const country = table.text(r, 'country_code');
    if (country !== ENGLAND_CODE) throw table.error(`country_code should be ${ENGLAND_CODE}`, { row: r, column: 'country_code', value: country });

    let geo: { code: string; oldCode?: string; name: string };
    if (level === 'national') {
      geo = { code: ENGLAND_CODE, name: table.text(r, 'country_name') };
    } else if (level === 'regional') {
      const code = table.text(r, 'region_code');
      const name = table.text(r, 'region_name');
      const sub = LONDON_SUBREGIONS[normaliseRegionName(name)];
      if (sub !== undefined) {
        if (code !== sub) throw table.error(`${name} should have code ${sub}`, { row: r, column: 'region_code', value: code });
        continue; // Inner/Outer London: not a region (see ./regions.ts).
      }
      if (!isRegionCode(code)) throw table.error('region code is not an E12 code', { row: r, column: 'region_code', value: code });
      if (regionCodeOf(name) !== code) {
        throw table.error(`region name and code disagree (the name maps to ${regionCodeOf(name) ?? 'no known region'})`, {
          row: r,
          column: 'region_name',
          value: name,
        });
      }
      geo = { code, name };
    } else {
      const code = table.text(r, 'new_la_code');
      const oldCode = table.text(r, 'old_la_code');
      if (!isLaCode(code)) throw table.error('LA code is not an E06/E08/E09/E10 code', { row: r, column: 'new_la_code', value: code });
      if (!isOldLaCode(oldCode)) throw table.error('LA code is not a 3-digit DfE code', { row: r, column: 'old_la_code', value: oldCode });
      const name = table.text(r, 'la_name');
      if (name === '') throw table.error('LA row has no name', { row: r, column: 'la_name', value: name });
      geo = { code, oldCode, name };
      const k = `${measure}|${year}`;
      laRows.set(k, (laRows.get(k) ?? 0) + 1);
    }

    const base = { level, ...geo, year };
    const count = table.value(r, numberCol.index);
    out.add(r, { ...base, measure, value: count, column: numberCol.name });
    const pop = table.value(r, 'population_estimate');
    if (measure === 'cla_count') {
      const rate = table.value(r, 'rate_per_10000');
      out.add(r, { ...base, measure: 'cla_rate_per_10k', value: rate, column: 'rate_per_10000' });
      const inconsistent = rateProblem(rate, count, pop);
      if (inconsistent !== null) {
        throw table.error(
          inconsistent,
          { row: r, column: 'rate_per_10000', value: table.text(r, 'rate_per_10000') },
          "one of the rate, the count or population_estimate in this row is wrong; check the row against the publisher's release",
        );
      }
    }
    const popKey = `${level}|${geo.code}|${year}`;
    const prior = populations.get(popKey);
    if (prior === undefined) {
      populations.set(popKey, { row: r, value: pop });
      out.add(r, { ...base, measure: 'population_0_17', basis: 'cla-denominator', value: pop, column: 'population_estimate' });
    } else if (!sameValue(prior.value, pop)) {
      throw table.error(`population_estimate differs from the one at row ${table.rowNumber(prior.row)} for the same area and year`, {
        row: r,
        column: 'population_estimate',
        value: table.text(r, 'population_estimate'),
      });
    }
  }

  const pairs: Array<{ measure: MeasureId; year: number }> = [];
  for (let y = spec.firstYear; y <= spec.lastYear; y++) {
    for (const measure of new Set(Object.values(TIDY_MEASURES))) pairs.push({ measure, year: y });
  }
  out.requireEngland(pairs);
  if (opts.coverage) {
    for (const { measure, year } of pairs) {
      const n = laRows.get(`${measure}|${year}`) ?? 0;
      if (n < 150) throw table.error(`only ${n} LA rows for ${measure} in ${year}; at least 150 expected`, {}, 'the file looks truncated or filtered');
    }
  }
  return { observations: out.observations, rows: table.rows.length };
}

export function readTimeSeries(file: AcquiredFile): EesResult {
  const { entry } = file;
  const table = readCsv(file.bytes, { source: entry.id, file: entry.path, ...(entry.encoding ? { encoding: entry.encoding } : {}), minRows: 1 });
  table.requireColumns(['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'population_count', 'number']);
  const spec = specOf(table, file);
  const out = new FileObservations(table, { source: entry.id, release: entry.release, releaseOrder: spec.releaseOrder });
  for (let r = 0; r < table.rows.length; r++) {
    const year = readYear(table, r, spec);
    const levelText = table.text(r, 'geographic_level');
    if (levelText !== 'National') {
      throw table.error('the national time series should hold only National rows', { row: r, column: 'geographic_level', value: levelText });
    }
    const country = table.text(r, 'country_code');
    if (country !== ENGLAND_CODE) throw table.error(`country_code should be ${ENGLAND_CODE}`, { row: r, column: 'country_code', value: country });
    const label = table.text(r, 'population_count');
    if (!(label in SERIES_MEASURES)) {
      throw table.error(
        'unknown measure label',
        { row: r, column: 'population_count', value: label },
        `expected one of: ${Object.keys(SERIES_MEASURES).join('; ')}`,
      );
    }
    const measure = SERIES_MEASURES[label];
    const value = table.value(r, 'number'); // validated for every row, emitted or not
    if (measure === null || measure === undefined) continue;
    out.add(r, { measure, level: 'national', code: ENGLAND_CODE, name: table.text(r, 'country_name'), year, value });
  }
  const pairs: Array<{ measure: MeasureId; year: number }> = [];
  for (let y = spec.firstYear; y <= spec.lastYear; y++) pairs.push({ measure: 'cla_count', year: y });
  out.requireEngland(pairs);
  return { observations: out.observations, rows: table.rows.length };
}
