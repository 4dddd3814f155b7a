/**
 * MHCLG local authority revenue outturn: England net current expenditure on
 * children's social care, as national context for the S251/LAIT series.
 *
 * DATA MODEL
 *  - One workbook per financial year; a wide sheet with one row per authority
 *    (all ~440 English authorities) and an ENGLAND row, which we read. Values
 *    are £ thousand; we return £.
 *  - RS (Revenue Outturn Summary) 2011-12 .. 2014-15 (.xls) and 2017-18 (.xlsx):
 *    sheet "RS LA Data YYYY-YY (1)" / "RS LA Data 2017-18", titled "Net current
 *    expenditure (£ thousand)", column "Children Social Care".
 *  - RSX 2022-23 .. 2024-25 (.ods): sheet "RSX_LA_Data_…", columns
 *    "Children Social Care - Net Current Expenditure (C7 = C3 - C6)" and
 *    "… - Total Expenditure (C3 = C1 + C2)" (gross, also returned).
 *  - Year = year ending 31 March (2011-12 → 2012).
 *  - SCOPE BREAK: from 2014-15 the children's social care line (RO3) absorbed
 *    Sure Start / early years and services for young people that were
 *    previously reported under education, so 2014-15 on (£8.09bn) is not
 *    comparable with 2011-12 .. 2013-14 (£6.42bn .. £6.91bn). Each year carries
 *    its scope. No RS/RO files for 2015-16, 2016-17, 2018-19 .. 2021-22 exist in
 *    the mirror; those years are simply absent.
 *
 * Only the one needed sheet of each workbook is parsed: ~0.5–0.9 s per file
 * in isolation, 2–6 s each on the shared 2-core machine under load (all eight
 * ~25 s at worst); the .xls files are the slowest.
 */
import { fileOf, type SourceFiles } from '../../core/acquire.ts';
import { isMissing, type Value } from '../../../../contract/missing.ts';
import { readWorkbook, sheetGrid, sheetTable } from '../../core/sheet.ts';
import { DataError } from '../../core/errors.ts';

export type MhclgScope = 'rs-pre-2014-15' | 'ro3-2014-15-on';

export const MHCLG_SCOPE_NOTE: Record<MhclgScope, string> = {
  'rs-pre-2014-15':
    "Children's social care as reported before 2014-15: excludes Sure Start, early years and services for young people (then reported under education).",
  'ro3-2014-15-on':
    "From 2014-15 children's social care includes Sure Start, early years and services for young people previously reported under education: not comparable with 2013-14 and earlier.",
};

interface MhclgSpec {
  id: string;
  year: number;
  sheet: string;
  net: RegExp;
  gross?: RegExp;
  /** Text that must appear above the header (unit and measure check). */
  title: RegExp;
}

export const MHCLG_SPECS: MhclgSpec[] = [
  { id: 'mhclg-rs-2011-12', year: 2012, sheet: 'RS LA Data 2011-12 (1)', net: /^children social care$/i, title: /net current expenditure \(£ thousand\)/i },
  { id: 'mhclg-rs-2012-13', year: 2013, sheet: 'RS LA Data 2012-13 (1)', net: /^children social care$/i, title: /net current expenditure \(£ thousand\)/i },
  { id: 'mhclg-rs-2013-14', year: 2014, sheet: 'RS LA Data 2013-14 (1)', net: /^children social care$/i, title: /net current expenditure \(£ thousand\)/i },
  { id: 'mhclg-rs-2014-15', year: 2015, sheet: 'RS LA Data 2014-15 (1)', net: /^children social care$/i, title: /net current expenditure \(£ thousand\)/i },
  { id: 'mhclg-rs-2017-18', year: 2018, sheet: 'RS LA Data 2017-18', net: /^children social care$/i, title: /net current expenditure \(£ thousand\)/i },
  ...(
    [
      ['mhclg-rsx-2022-23', 2023, 'RSX_LA_Data_2022-23'],
      ['mhclg-rsx-2023-24', 2024, 'RSX_LA_Data_2023-24'],
      ['mhclg-rsx-2024-25', 2025, 'RSX_LA_Data_202425'],
    ] as const
  ).map(([id, year, sheet]) => ({
    id,
    year,
    sheet,
    net: /^children social care - net current expenditure/i,
    gross: /^children social care - total expenditure/i,
    title: /£ thousand/i,
  })),
];

export interface MhclgNationalYear {
  year: number;
  source: string;
  /** England net current expenditure on children's social care, £. */
  netCurrentGbp: Value;
  /** Gross (total) expenditure, £, where the file gives it (RSX only). */
  grossGbp?: Value;
  scope: MhclgScope;
  note: string;
}

export function parseMhclgNational(bytes: Uint8Array, spec: MhclgSpec, where: { source: string; file: string }): MhclgNationalYear {
  const wb = readWorkbook(bytes, where, [spec.sheet]);
  const grid = sheetGrid(wb, spec.sheet, where);
  const hasCol = (row: string[], re: RegExp) => row.some((c) => re.test(c.replace(/\s+/g, ' ').trim()));
  const headerAt = grid.findIndex((r) => hasCol(r, /^local authority$/i) && hasCol(r, spec.net));
  const above = grid.slice(0, Math.max(headerAt, 0)).flat().join(' ');
  if (headerAt >= 0 && !spec.title.test(above)) {
    throw new DataError({ ...where, sheet: spec.sheet }, `the sheet title does not say ${spec.title.source}: the measure or unit may have changed`);
  }
  const table = sheetTable(wb, spec.sheet, where, (r) => hasCol(r, /^local authority$/i) && hasCol(r, spec.net));
  const colMatching = (re: RegExp) => {
    const i = table.header.findIndex((h) => re.test(h));
    if (i < 0) throw table.error(`no column matching ${re.source}`, {}, `columns found: ${table.header.slice(0, 30).join(' | ')} …`);
    return i;
  };
  const cName = table.col('Local authority');
  const cNet = colMatching(spec.net);
  const cGross = spec.gross ? colMatching(spec.gross) : undefined;
  const englandRows = table.rows.map((_, i) => i).filter((i) => table.text(i, cName).toUpperCase() === 'ENGLAND');
  if (englandRows.length !== 1) {
    throw table.error(
      `expected one ENGLAND row, found ${englandRows.length}`,
      { column: 'Local authority' },
      'the file may be truncated or the layout changed',
    );
  }
  const r = englandRows[0]!;
  const thousands = (v: Value): Value => (isMissing(v) ? v : Math.round(v * 1000));
  const netCurrentGbp = thousands(table.value(r, cNet));
  const scope: MhclgScope = spec.year >= 2015 ? 'ro3-2014-15-on' : 'rs-pre-2014-15';
  return {
    year: spec.year,
    source: spec.id,
    netCurrentGbp,
    ...(cGross !== undefined ? { grossGbp: thousands(table.value(r, cGross)) } : {}),
    scope,
    note: MHCLG_SCOPE_NOTE[scope],
  };
}

/** England net current expenditure on children's social care, by year (years without a file are absent). */
export function loadMhclgNational(files: SourceFiles, ids: readonly string[] = MHCLG_SPECS.map((s) => s.id)): MhclgNationalYear[] {
  return MHCLG_SPECS.filter((s) => ids.includes(s.id)).map((spec) => {
    const f = fileOf(files, spec.id);
    return parseMhclgNational(f.bytes, spec, { source: f.entry.id, file: f.entry.path });
  });
}
