/**
 * LAIT (DfE Local Authority Interactive Tool) "big data set": S251 outturn
 * finance measures, 2015-16 .. 2024-25.
 *
 * DATA MODEL
 *  - The file is a long parquet table: one row per measure (`Short Desc`) ×
 *    area (`LA Number`, `LA and Regions`) × year (`Years`), value in `Values`
 *    as TEXT with DfE markers ("-" for councils that did not exist or did not
 *    report). We read only the eight finance measures in LAIT_MEASURES.
 *  - Years are financial years "2023-24 (OT)" (OT = outturn), filed under the
 *    year ending 31 March (2024).
 *  - Areas: `LA Number` 970 = England, 980–990 = regions (987/988 are Inner/Outer
 *    London, which overlap London 986; they are kept and labelled as LAIT names
 *    them), anything else = an upper-tier LA by its DfE three-digit code
 *    (including 908–943, e.g. 908 Cornwall, which are LAs, not regions).
 *    England and regional rows are DfE's own aggregates: for 2024-25 DfE removed
 *    Wandsworth and Middlesbrough from them for data quality (data dictionary),
 *    so England 2024-25 is not the sum of the LA rows.
 *  - Units: £ gross (all blocks), except C&YPExpenditure in the November 2024
 *    file, which is in £ thousands with decimals (UNIT_FACTOR). C&YPExpenditure
 *    is the S251 CYP budget excluding CERA and equals the sum of the seven
 *    blocks; the loader checks that, which also catches a unit mistake.
 *  - Releases: lait-2024-11 (2015-16 .. 2022-23) and lait-2026-04 (2016-17 ..
 *    2024-25). The later release wins; loadSpend keeps the older figure only
 *    where the later file lacks the year (2015-16) or gives a different value
 *    (a revision, e.g. England TotalLACFinance 2017-18 £4.477bn → £4.537bn).
 *
 * Parsing ~640k rows with hyparquet takes ~0.6–0.8 s per file on this machine.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { fileOf, type SourceFiles } from '../../core/acquire.ts';
import { DataError } from '../../core/errors.ts';
import { isMissing, MarkerError, UNKNOWN_MARKER_HINT, parseCell, type Value } from '../../../../contract/missing.ts';
import type { GeoLevel } from '../../core/types.ts';
import { BLOCKS, type SpendMeasure } from './blocks.ts';

export const LAIT_MEASURES: Record<string, SpendMeasure> = {
  'C&YPExpenditure': 'spend_total_gbp',
  TotalLACFinance: 'spend_cla_gbp',
  SafeguardingFinance: 'spend_safeguarding_gbp',
  FamilySupportFinance: 'spend_family_support_gbp',
  SureStartFinance: 'spend_early_help_gbp',
  YoungPeopleFinance: 'spend_young_people_gbp',
  YouthJusticeFinance: 'spend_youth_justice_gbp',
  'OtherChildren&FamilyFinance': 'spend_other_gbp',
};

/**
 * Multiply the file's values by this to get £ (per source id and measure): a quirk
 * of one past release (the November 2024 file gave C&YPExpenditure in £ thousands).
 * A new release has no entry here: its units are checked (loadLaitFile) and a
 * changed unit is an error that points here.
 */
export const UNIT_FACTOR: Record<string, Partial<Record<string, number>>> = {
  'lait-2024-11': { 'C&YPExpenditure': 1000 },
};

export interface LaitRelease {
  id: string;
  release: string;
  releaseOrder: number;
}

/**
 * The LAIT data files in the manifest (ids lait-YYYY-MM, the month of the
 * release; the data dictionaries lait-dictionary-… are not data files), oldest
 * first. Release order YYYYMM. A new release is a new manifest entry.
 */
export function laitReleases(files: SourceFiles): LaitRelease[] {
  return [...files.values()]
    .map((f) => f.entry.id)
    .filter((id) => /^lait-\d{4}-\d{2}$/.test(id))
    .sort()
    .map((id) => {
      const ym = id.slice('lait-'.length);
      return { id, release: `LAIT ${ym}`, releaseOrder: Number(ym.replace('-', '')) };
    });
}

const COLUMNS = ['Short Desc', 'Years', 'LA and Regions', 'Values', 'LA Number'] as const;
/** Plausible years (ending 31 March) of a LAIT figure: LAIT starts in 2010 (a fact); none can be later than the year after its release. */
export const FIRST_YEAR = 2010;
/** Largest accepted gap between C&YPExpenditure and the sum of the seven blocks, £. */
export const TOTAL_TOLERANCE_GBP = 5;

export interface LaitValue {
  measure: SpendMeasure;
  level: GeoLevel;
  oldCode: string;
  name: string;
  year: number;
  value: Value;
  /** 1-based row in the parquet file. */
  row: number;
}

export interface LaitFile {
  source: string;
  values: LaitValue[];
  rowsRead: number;
  /** Area-years where the publisher's total disagrees with its own blocks. */
  inconsistencies: LaitInconsistency[];
}

export function levelOf(laNumber: number): GeoLevel {
  if (laNumber === 970) return 'national';
  if (laNumber >= 980 && laNumber <= 990) return 'regional';
  return 'la';
}

/** "2023-24 (OT)" → 2024; anything else is an error. */
export function laitYear(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2}) \(OT\)$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = start + 1;
  if (end % 100 !== Number(m[2])) return undefined;
  return end;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function parseLait(bytes: Uint8Array, where: { source: string; file: string }, minFinanceRows?: number): Promise<LaitFile> {
  const file = toArrayBuffer(bytes);
  let names: string[];
  try {
    names = parquetSchema(parquetMetadata(file)).children.map((c) => c.element.name);
  } catch (e) {
    throw new DataError(where, `not a readable parquet file: ${(e as Error).message}`, 'the file may be truncated; re-acquire it');
  }
  for (const c of COLUMNS) {
    if (!names.includes(c)) {
      throw new DataError({ ...where, column: c }, `expected column "${c}" is missing`, `columns found: ${names.join(', ')}`);
    }
  }
  const rows = (await parquetReadObjects({ file, columns: [...COLUMNS], compressors })) as Record<string, unknown>[];
  return laitFromRows(rows, where, minFinanceRows);
}

/** The row-level work, separated from parquet decoding so it can be tested with small in-memory rows. */
export function laitFromRows(rows: readonly Record<string, unknown>[], where: { source: string; file: string }, minFinanceRows = 1000): LaitFile {
  const factors = UNIT_FACTOR[where.source] ?? {};
  // Outturn cannot be for a year ending after the release: lait-2026-04 → at most 2026-27 (year 2027), a loose sanity bound.
  const releaseYear = /^lait-(\d{4})-\d{2}$/.exec(where.source)?.[1];
  const lastYear = releaseYear ? Number(releaseYear) + 1 : Number.POSITIVE_INFINITY;
  const values: LaitValue[] = [];
  const seen = new Map<string, number>();
  const fail = (i: number, column: string, value: unknown, problem: string, hint?: string): DataError =>
    new DataError({ ...where, row: i + 1, column, value }, problem, hint);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const code = String(r['Short Desc'] ?? '');
    const measure = LAIT_MEASURES[code];
    if (!measure) continue;
    const yearText = String(r.Years ?? '');
    const year = laitYear(yearText);
    if (year === undefined) throw fail(i, 'Years', yearText, 'the year is not a financial year like "2023-24 (OT)"');
    if (year < FIRST_YEAR || year > lastYear) throw fail(i, 'Years', yearText, `the year is outside ${FIRST_YEAR}–${lastYear}`);
    const laNumber = r['LA Number'];
    if (typeof laNumber !== 'number' || !Number.isInteger(laNumber) || laNumber < 100 || laNumber > 999) {
      throw fail(i, 'LA Number', laNumber, 'the LA number is not a three-digit DfE code');
    }
    const name = String(r['LA and Regions'] ?? '').trim();
    if (name === '') throw fail(i, 'LA and Regions', r['LA and Regions'], 'the area name is empty');
    const raw = r.Values;
    let value: Value;
    try {
      value = parseCell(raw === null || raw === undefined ? '' : String(raw));
    } catch (e) {
      if (e instanceof MarkerError) throw fail(i, 'Values', raw, 'not a number or a known missing-value marker', UNKNOWN_MARKER_HINT);
      throw e;
    }
    const factor = factors[code];
    if (factor !== undefined && !isMissing(value)) value = Math.round(value * factor * 100) / 100;
    const key = `${code}|${laNumber}|${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw fail(i, 'Short Desc', key, `duplicate measure × area × year (first seen at row ${first + 1})`);
    }
    seen.set(key, i);
    values.push({ measure, level: levelOf(laNumber), oldCode: String(laNumber), name, year, value, row: i + 1 });
  }
  if (values.length < minFinanceRows) {
    throw new DataError(
      where,
      `only ${values.length} finance rows; at least ${minFinanceRows} expected (the file looks truncated or the measures were renamed)`,
    );
  }
  const inconsistencies = checkTotals(values, where);
  return { source: where.source, values, rowsRead: rows.length, inconsistencies };
}

export interface LaitInconsistency {
  oldCode: string;
  name: string;
  year: number;
  total: number;
  sumOfBlocks: number;
}

/**
 * C&YPExpenditure should equal the sum of the seven blocks wherever all are
 * numbers. DfE's own files break this in a handful of places (Slough 2017-18
 * by £0.86m and the England/South East aggregates with it; North East 2017-18
 * by £60m in the 2024-11 file only; East of England and England 2022-23 by
 * £55m), so small disagreements are returned as inconsistencies for the
 * editors' report. A factor near 1000 (a unit error) or disagreement in more
 * than 2% of area-years (and more than 10) is an error.
 */
function checkTotals(values: LaitValue[], where: { source: string; file: string }): LaitInconsistency[] {
  const groups = new Map<string, Map<SpendMeasure, LaitValue>>();
  for (const v of values) {
    const k = `${v.oldCode}|${v.year}`;
    const g = groups.get(k) ?? new Map<SpendMeasure, LaitValue>();
    g.set(v.measure, v);
    groups.set(k, g);
  }
  const out: LaitInconsistency[] = [];
  groups: for (const g of groups.values()) {
    const total = g.get('spend_total_gbp');
    if (!total || isMissing(total.value)) continue;
    let sum = 0;
    for (const b of BLOCKS) {
      const part = g.get(b);
      if (!part || isMissing(part.value)) continue groups;
      sum += part.value;
    }
    if (Math.abs(sum - total.value) <= TOTAL_TOLERANCE_GBP) continue;
    const ratio = sum === 0 ? Infinity : total.value / sum;
    if (ratio > 100 || ratio < 0.01) {
      throw new DataError(
        { ...where, row: total.row, column: 'Values', value: total.value },
        `C&YPExpenditure for ${total.name} ${total.year} is ${total.value} but the seven finance blocks add up to £${sum} (a factor of ${ratio.toPrecision(3)})`,
        'the unit of C&YPExpenditure has changed in this release: set UNIT_FACTOR in lait.ts',
      );
    }
    out.push({ oldCode: total.oldCode, name: total.name, year: total.year, total: total.value, sumOfBlocks: sum });
  }
  if (out.length > Math.max(10, 0.02 * groups.size)) {
    throw new DataError(
      where,
      `C&YPExpenditure disagrees with the sum of the seven finance blocks in ${out.length} of ${groups.size} area-years (e.g. ${out[0]!.name} ${out[0]!.year})`,
      'the measures may have been redefined; check the LAIT data dictionary',
    );
  }
  return out;
}

/** `minFinanceRows`: the real files' default (1000) unless a small test fixture lowers it. */
export async function loadLaitFile(files: SourceFiles, id: string, minFinanceRows?: number): Promise<LaitFile> {
  const f = fileOf(files, id);
  return parseLait(f.bytes, { source: f.entry.id, file: f.entry.path }, minFinanceRows);
}
