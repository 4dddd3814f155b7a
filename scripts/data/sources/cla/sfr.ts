/**
 * SFR "underlying data" CSVs, 2010–2017: children looked after at 31 March,
 * children starting and children ceasing to be looked after, one file each per
 * year (manifest ids cla-sfr-YYYY-{cla,starts,ceases}).
 *
 * A ROW is one geography: England, a region (or Inner/Outer London), or an LA.
 * A FILE is one year ending 31 March, the year in its manifest id; the files
 * have no year column, only year suffixes on some column names. The figures are
 * as FIRST PUBLISHED in that year's release (release "SFRnn/YYYY", releaseOrder
 * YYYY), so later releases (EES, the national time series) supersede them.
 *
 * Two layouts:
 *   2010      geog_l ∈ {National, GOR, LA}, geog_c (England 921, regions by
 *             letter, LAs by 3-digit code), geog_n; no E-codes; totals in
 *             MarTotal_2010 / StartTotal_2010 / CeasedTotal_2010. National
 *             figures are rounded to the nearest 100, regional to 10.
 *   2011–2017 New_geog_code (E92/E12/E06/E08/E09/E10), geog_l ∈ {NATIONAL,
 *             REGION, LA}, geog_c (England 999), geog_n (upper case for
 *             England and regions); 2017 adds a leading LA_order column.
 *             Totals in CLA_MarYYYY, CLA_startedYYYY, CLA_cease (2011–2016) /
 *             CLA_cease2017. National and regional figures rounded to 10.
 *
 * Known quirks, handled explicitly (anything else unexpected is a DataError):
 *   - SFR34_ADM2015.csv labels its 2015 starts column "CLA_started2014"; that
 *     label is accepted for the 2015 starts file only.
 *   - SFR50_CLA2017.csv has an Isles of Scilly row (E06000053, 420) with an
 *     empty geog_l (and zeros in every column); it is read as an LA row.
 *     Isles of Scilly is absent from every other 2011–2017 file (151 LAs).
 *   - Inner London and Outer London rows (letters H/I in 2011+) are sub-regions
 *     sharing London's E12 code and are not emitted.
 * England's code E92000001 is attached to the 2010 national row (which has no
 * E-code) and regions get their E12 code from their name (./regions.ts).
 */
import { ENGLAND_CODE, isLaCode, isOldLaCode, isRegionCode } from '../../../../contract/codes.ts';
import { readCsv } from '../../core/csv.ts';
import type { AcquiredFile } from '../../core/acquire.ts';
import type { GeoLevel, MeasureId, Observation } from '../../core/types.ts';
import { FileObservations, type Draft } from './emit.ts';
import type { Value } from '../../../../contract/missing.ts';
import { isLondonSubregion, regionCodeOf } from './regions.ts';

export type SfrKind = 'cla' | 'starts' | 'ceases';

export const SFR_ID = /^cla-sfr-(\d{4})-(cla|starts|ceases)$/;
export const SFR_YEARS = { first: 2010, last: 2017 } as const;

const MEASURE_OF: Record<SfrKind, MeasureId> = { cla: 'cla_count', starts: 'cla_starts', ceases: 'cla_ceases' };

/** Candidate names of the total column, most specific first. */
export function totalColumnCandidates(kind: SfrKind, year: number): string[] {
  if (year === 2010) return [{ cla: 'MarTotal_2010', starts: 'StartTotal_2010', ceases: 'CeasedTotal_2010' }[kind]];
  switch (kind) {
    case 'cla':
      return [`CLA_Mar${year}`];
    case 'starts':
      // SFR34_ADM2015.csv mislabels its 2015 column as CLA_started2014.
      return year === 2015 ? [`CLA_started${year}`, 'CLA_started2014'] : [`CLA_started${year}`];
    case 'ceases':
      return [`CLA_cease${year}`, 'CLA_cease'];
  }
}

/** Rows whose geographic level the publisher left blank, identified exactly. */
const BLANK_LEVEL_FIXES: ReadonlyArray<{ source: string; oldCode: string; code: string; level: 'LA' }> = [
  { source: 'cla-sfr-2017-cla', oldCode: '420', code: 'E06000053', level: 'LA' },
];

const LEVELS_2010: Record<string, GeoLevel> = { National: 'national', GOR: 'regional', LA: 'la' };
const LEVELS_LATER: Record<string, GeoLevel> = { NATIONAL: 'national', REGION: 'regional', LA: 'la' };

export interface SfrOptions {
  /** Require a plausible number of LA rows (150–153); off for small test fixtures. */
  coverage: boolean;
}

export interface SfrResult {
  observations: Observation[];
  rows: number;
}

export function parseSfrId(id: string): { year: number; kind: SfrKind } | undefined {
  const m = SFR_ID.exec(id);
  if (!m) return undefined;
  return { year: Number(m[1]), kind: m[2] as SfrKind };
}

export function readSfr(file: AcquiredFile, opts: SfrOptions): SfrResult {
  const { entry } = file;
  const parsed = parseSfrId(entry.id);
  if (!parsed) throw new Error(`${entry.id} is not an SFR CLA source id (cla-sfr-YYYY-cla|starts|ceases)`);
  const { year, kind } = parsed;
  const where = { source: entry.id, file: entry.path };
  const table = readCsv(file.bytes, { ...where, ...(entry.encoding ? { encoding: entry.encoding } : {}), minRows: 1 });

  if (year < SFR_YEARS.first || year > SFR_YEARS.last) {
    throw table.error(`year ${year} is outside the SFR range ${SFR_YEARS.first}–${SFR_YEARS.last}`, { value: year });
  }
  if (!entry.release.endsWith(`/${year}`)) {
    throw table.error(
      `the manifest release "${entry.release}" does not match the year ${year} in the source id`,
      { value: entry.release },
      'fix data/sources.json',
    );
  }

  const is2010 = year === 2010;
  table.requireColumns(is2010 ? ['geog_l', 'geog_c', 'geog_n'] : ['New_geog_code', 'geog_l', 'geog_c', 'geog_n']);
  const total = table.colOneOf(totalColumnCandidates(kind, year));
  const levels = is2010 ? LEVELS_2010 : LEVELS_LATER;
  const measure = MEASURE_OF[kind];
  const out = new FileObservations(table, { source: entry.id, release: entry.release, releaseOrder: year });
  table.assertUniqueKeys((r) => `${table.text(r, 'geog_l')}|${table.text(r, 'geog_c')}`, 'geography (geog_l, geog_c)');

  // SFR27/2010 prints the mid-2009 ONS estimate of children aged 0-17 beside the count: the only
  // denominator for 2010 (ONS figures in the mirror start at mid-2012). Emitted as population_0_17
  // for 2010 with basis "sfr-2010", the last choice of derive/measures.ts.
  const POP_2010 = 'Mid2009Pop0-17';
  const withPop = is2010 && kind === 'cla' && table.has(POP_2010);
  const add = (r: number, d: Omit<Draft, 'value' | 'column'>, value: Value) => {
    out.add(r, { ...d, value, column: total.name });
    if (withPop) out.add(r, { ...d, measure: 'population_0_17', basis: 'sfr-2010', value: table.value(r, POP_2010), column: POP_2010 });
  };

  let laRows = 0;
  for (let r = 0; r < table.rows.length; r++) {
    const levelText = table.text(r, 'geog_l');
    const oldCode = table.text(r, 'geog_c');
    const name = table.text(r, 'geog_n');
    const eCode = is2010 ? undefined : table.text(r, 'New_geog_code');
    let level = levels[levelText];
    if (level === undefined && levelText === '') {
      const fix = BLANK_LEVEL_FIXES.find((f) => f.source === entry.id && f.oldCode === oldCode && f.code === eCode);
      if (fix) level = levels[fix.level];
    }
    if (level === undefined) {
      throw table.error(
        `unknown geographic level (expected one of ${Object.keys(levels).join(', ')})`,
        { row: r, column: 'geog_l', value: levelText },
        'if the publisher added a level or left one blank, add it explicitly to the SFR layout in scripts/data/sources/cla/sfr.ts',
      );
    }
    const value = table.value(r, total.index);

    if (level === 'national') {
      if (name.toLowerCase() !== 'england') throw table.error('the national row is not England', { row: r, column: 'geog_n', value: name });
      if (eCode !== undefined && eCode !== ENGLAND_CODE) {
        throw table.error(`England's code should be ${ENGLAND_CODE}`, { row: r, column: 'New_geog_code', value: eCode });
      }
      add(r, { measure, level, code: ENGLAND_CODE, name, year }, value);
    } else if (level === 'regional') {
      if (!is2010 && isLondonSubregion(name)) {
        // Inner/Outer London: not regions (see header); the SFR files give them London's code.
        if (eCode !== regionCodeOf('London')) {
          throw table.error(`${name} should carry London's code ${regionCodeOf('London')}`, { row: r, column: 'New_geog_code', value: eCode });
        }
        continue;
      }
      const code = regionCodeOf(name);
      if (code === undefined) {
        throw table.error(
          'unknown region name',
          { row: r, column: 'geog_n', value: name },
          'add the region to scripts/data/sources/cla/regions.ts if it is genuine',
        );
      }
      if (eCode !== undefined && (!isRegionCode(eCode) || eCode !== code)) {
        throw table.error(`region code does not match its name (expected ${code})`, { row: r, column: 'New_geog_code', value: eCode });
      }
      add(r, { measure, level, code, name, year }, value);
    } else {
      if (!isOldLaCode(oldCode)) {
        throw table.error('LA code is not a 3-digit DfE code', { row: r, column: 'geog_c', value: oldCode });
      }
      if (eCode !== undefined && !isLaCode(eCode)) {
        throw table.error('LA code is not an E06/E08/E09/E10 code', { row: r, column: 'New_geog_code', value: eCode });
      }
      if (name === '') throw table.error('LA row has no name', { row: r, column: 'geog_n', value: name });
      laRows++;
      add(r, { measure, level, ...(eCode !== undefined ? { code: eCode } : {}), oldCode, name, year }, value);
    }
  }
  out.requireEngland([{ measure, year }]);
  if (opts.coverage && (laRows < 150 || laRows > 153)) {
    throw table.error(`${laRows} LA rows; 150–153 expected`, {}, 'the file looks truncated or has extra rows');
  }
  return { observations: out.observations, rows: table.rows.length };
}
