/**
 * The Explore Education Statistics (EES) tidy-format reader shared by the DfE loaders of
 * population.ts, cin.ts and workforce.ts: the geography columns every EES file has, the
 * validated rows with their period and geography (England, region, Inner/Outer London
 * sub-region, LA or joint LA), the period-coverage and truncation checks, and checked values.
 *
 * LONDON SUB-REGIONS. Rows for Inner London (E13000001) and Outer London (E13000002) overlap
 * the London region: they are read and validated but flagged londonSubRegion, and the loaders
 * never emit them, so regional figures never double-count London.
 */
import { fileOf, type SourceFiles } from './acquire.ts';
import { readCsv } from './csv.ts';
import { DataError } from './errors.ts';
import { ENGLAND_CODE, isLaCode, isOldLaCode } from '../../../contract/codes.ts';
import { isMissing, type Value } from '../../../contract/missing.ts';
import type { Table } from './table.ts';
import type { GeoLevel, Observation } from './types.ts';

/** The geography columns every EES tidy file has. */
export const EES_GEO_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
] as const;

const LEVELS: Readonly<Record<string, GeoLevel>> = {
  National: 'national',
  Regional: 'regional',
  'Local authority': 'la',
};

const REGION_OR_SUBREGION = /^E1[23]\d{6}$/;

export interface EesGeo {
  level: GeoLevel;
  /** E92000001, an E12/E13 code, or an LA code (or, for joint LA rows, "A / B"). */
  code: string;
  oldCode?: string;
  name: string;
  /** Inner or Outer London (E13): read and validated, never emitted. */
  londonSubRegion: boolean;
}

/** One validated data row of an EES file. */
export interface EesRow {
  /** Index of the row in the Table (for Table.value / Table.error). */
  r: number;
  /** time_period as printed (the loader decides what year it stands for). */
  period: number;
  geo: EesGeo;
}

export interface EesSpec {
  /** Inclusive range of time_period the release must cover, every year present. */
  periods: readonly [number, number];
  /** Columns beyond the geography columns that must be present. */
  columns: readonly string[];
  /** Columns whose text must equal a fixed value on every row (e.g. category). */
  fixed?: Readonly<Record<string, string>>;
  /** Fewer LA rows than this in any period means a truncated or filtered file. */
  minLasPerPeriod: number;
  /**
   * LA rows whose codes join two councils ("E06000061 / E06000062") are an
   * error unless this is set (only the workforce file reports joint services).
   */
  allowJointLas?: boolean;
}

/** Real files have 150–153 LA rows per year; a test with a hand-written excerpt passes a smaller number. */
export const DEFAULT_MIN_LAS_PER_PERIOD = 140;

export interface LoadOptions {
  /** Override the truncation guard (hand-written fixtures hold only a few LAs). */
  minLasPerPeriod?: number;
}

export function readEesTable(files: SourceFiles, id: string): Table {
  const f = fileOf(files, id);
  return readCsv(f.bytes, { source: id, file: f.entry.path, ...(f.entry.encoding ? { encoding: f.entry.encoding } : {}) });
}

/** Validate an EES tidy table and return its rows with parsed periods and geographies. */
export function readEesRows(t: Table, spec: EesSpec): EesRow[] {
  t.requireColumns([...EES_GEO_COLUMNS, ...spec.columns, ...Object.keys(spec.fixed ?? {})]);
  const [minP, maxP] = spec.periods;
  const out: EesRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const periodText = t.text(r, 'time_period');
    if (!/^\d{4}$/.test(periodText)) {
      throw t.error('time_period is not a four-digit year', { row: r, column: 'time_period', value: periodText });
    }
    const period = Number(periodText);
    if (period < minP || period > maxP) {
      throw t.error(
        `time_period ${period} is outside the release's range ${minP}–${maxP}`,
        { row: r, column: 'time_period', value: periodText },
        'a new release may have added years; update the source spec after checking the new data',
      );
    }
    const ti = t.text(r, 'time_identifier');
    if (ti !== 'Reporting year') {
      throw t.error('time_identifier is not "Reporting year"', { row: r, column: 'time_identifier', value: ti });
    }
    for (const [col, expected] of Object.entries(spec.fixed ?? {})) {
      const v = t.text(r, col);
      if (v !== expected)
        throw t.error(`expected "${expected}"`, { row: r, column: col, value: v }, 'the file may hold a breakdown this loader does not model');
    }
    out.push({ r, period, geo: eesGeo(t, r, spec.allowJointLas ?? false) });
  }
  t.assertUniqueKeys((r) => {
    const row = out[r]!;
    return `${row.period} ${row.geo.level} ${row.geo.code} ${row.geo.oldCode ?? ''}`;
  }, 'period and geography');
  checkCoverage(t, out, spec);
  return out;
}

function eesGeo(t: Table, r: number, allowJoint: boolean): EesGeo {
  const levelText = t.text(r, 'geographic_level');
  const level = LEVELS[levelText];
  if (level === undefined) {
    throw t.error('unknown geographic_level (expected National, Regional or Local authority)', { row: r, column: 'geographic_level', value: levelText });
  }
  const country = t.text(r, 'country_code');
  if (country !== ENGLAND_CODE) throw t.error(`country_code is not ${ENGLAND_CODE}`, { row: r, column: 'country_code', value: country });
  const region = t.text(r, 'region_code');
  const oldCode = t.text(r, 'old_la_code');
  const laCode = t.text(r, 'new_la_code');
  const laName = t.text(r, 'la_name');
  const expectEmpty = (cols: string[]) => {
    for (const c of cols) {
      const v = t.text(r, c);
      if (v !== '') throw t.error(`should be empty on a ${levelText} row`, { row: r, column: c, value: v });
    }
  };
  if (level === 'national') {
    expectEmpty(['region_code', 'old_la_code', 'new_la_code', 'la_name']);
    const name = t.text(r, 'country_name');
    if (name === '') throw t.error('country_name is empty', { row: r, column: 'country_name' });
    return { level, code: country, name, londonSubRegion: false };
  }
  if (!REGION_OR_SUBREGION.test(region)) {
    throw t.error('region_code is not an E12 (region) or E13 (Inner/Outer London) code', { row: r, column: 'region_code', value: region });
  }
  if (level === 'regional') {
    expectEmpty(['old_la_code', 'new_la_code', 'la_name']);
    const name = t.text(r, 'region_name');
    if (name === '') throw t.error('region_name is empty', { row: r, column: 'region_name' });
    return { level, code: region, name, londonSubRegion: region.startsWith('E13') };
  }
  const laCodes = laCode.split(' / ');
  const oldCodes = oldCode.split(' / ');
  if (laCodes.length > 1 && !allowJoint) {
    throw t.error('new_la_code joins several councils; this source is expected to report councils one by one', {
      row: r,
      column: 'new_la_code',
      value: laCode,
    });
  }
  if (laCodes.length !== oldCodes.length || laCodes.length > 2) {
    throw t.error('old_la_code and new_la_code name different numbers of councils', { row: r, column: 'old_la_code', value: `${oldCode} | ${laCode}` });
  }
  for (const c of laCodes) {
    if (!isLaCode(c)) throw t.error('new_la_code is not an upper-tier LA code (E06/E08/E09/E10 + 6 digits)', { row: r, column: 'new_la_code', value: laCode });
  }
  for (const c of oldCodes) {
    if (!isOldLaCode(c)) throw t.error('old_la_code is not a three-digit DfE LA code', { row: r, column: 'old_la_code', value: oldCode });
  }
  if (laName === '') throw t.error('la_name is empty', { row: r, column: 'la_name' });
  return { level, code: laCode, oldCode, name: laName, londonSubRegion: false };
}

/** Every period in range has exactly one England row and enough LA rows; a truncated file fails here. */
function checkCoverage(t: Table, rows: readonly EesRow[], spec: EesSpec): void {
  const [minP, maxP] = spec.periods;
  for (let p = minP; p <= maxP; p++) {
    const inP = rows.filter((x) => x.period === p);
    const nat = inP.filter((x) => x.geo.level === 'national').length;
    const las = inP.filter((x) => x.geo.level === 'la').length;
    if (nat !== 1 || las < spec.minLasPerPeriod) {
      throw t.error(
        `time_period ${p} has ${nat} England row(s) and ${las} LA rows; expected 1 and at least ${spec.minLasPerPeriod}`,
        { column: 'time_period', value: String(p) },
        'the file looks truncated or filtered; re-acquire it from the publisher',
      );
    }
  }
}

/** A numeric cell with a range check; markers pass through as typed Missing. */
export function checkedValue(t: Table, r: number, column: string, range: { min: number; max?: number; integer?: boolean }): Value {
  const v = t.value(r, column);
  if (isMissing(v)) return v;
  if (v < range.min || (range.max !== undefined && v > range.max) || (range.integer === true && !Number.isInteger(v))) {
    const want = `${range.integer ? 'a whole number ' : ''}between ${range.min} and ${range.max ?? '∞'}`;
    throw t.error(`value out of range: expected ${want}`, { row: r, column, value: t.rows[r]?.[t.col(column)] ?? '' });
  }
  return v;
}

export function geoFields(geo: EesGeo): Pick<Observation, 'level' | 'code' | 'oldCode' | 'name'> {
  return { level: geo.level, code: geo.code, ...(geo.oldCode !== undefined ? { oldCode: geo.oldCode } : {}), name: geo.name };
}
