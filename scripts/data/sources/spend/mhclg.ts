/**
 * MHCLG local authority revenue outturn: England net current expenditure on
 * children's social care, as national context for the S251/LAIT series.
 *
 * A NEW RELEASE IS ONE MANIFEST ENTRY. Every `spend` entry whose `role` is
 * "revenue-outturn-rs" (Revenue Outturn Summary) or "revenue-outturn-rsx"
 * (Service Expenditure Summary) is read (MHCLG_ROLES); nothing in this module
 * lists files, years or sheet names. For each file:
 *  - the data sheet is the entry's `sheet` when it names one; else it is found
 *    by its name ("RS LA Data …", "RSX_LA_Data_…") and content: of the sheets so
 *    named, the one whose header and title fit the role's layout (the RS
 *    workbooks also carry "(2)" capital charges and "(3)" sheets in the same
 *    shape, whose titles say so);
 *  - the columns are found by their headers (MHCLG_LAYOUTS: the layout, not a
 *    year, is code);
 *  - the financial year is the one the sheet states (its title rows, e.g.
 *    "Revenue Outturn Summary (RS): 2011-12 data", and its name, e.g.
 *    "RSX_LA_Data_202425"); every statement must agree, and with the entry's
 *    `release` when that starts with a financial year;
 *  - a sheet that is missing or does not fit is refused, naming the file, the
 *    sheet, the row and column looked at, and what to change.
 *
 * DATA MODEL
 *  - One workbook per financial year; a wide sheet with one row per authority
 *    (all ~440 English authorities) and an ENGLAND row, which we read. Values
 *    are £ thousand; we return £.
 *  - RS layout (2011-12 .. 2014-15 .xls, 2017-18 .xlsx): titled "Net current
 *    expenditure (£ thousand)", column "Children Social Care".
 *  - RSX layout (2022-23 on, .ods): columns "Children Social Care - Net Current
 *    Expenditure (C7 = C3 - C6)" and "… - Total Expenditure (C3 = C1 + C2)"
 *    (gross, also returned); a title row says "£ thousand".
 *  - Year = year ending 31 March (2011-12 → 2012).
 *  - SCOPE BREAK: from 2014-15 the children's social care line (RO3) absorbed
 *    Sure Start / early years and services for young people that were
 *    previously reported under education, so 2014-15 on (£8.09bn) is not
 *    comparable with 2011-12 .. 2013-14 (£6.42bn .. £6.91bn). Each year carries
 *    its scope. Years without an entry are simply absent.
 *
 * Only the candidate sheets of each workbook are parsed: ~0.5–0.9 s per file
 * in isolation, 2–6 s each on the shared 2-core machine under load; the .xls
 * files are the slowest.
 */
import { seriesOf } from '../../../../contract/manifest.ts';
import type { AcquiredFile, SourceFiles } from '../../core/acquire.ts';
import { isMissing, type Value } from '../../../../contract/missing.ts';
import { readWorkbook, sheetGrid, sheetNames, sheetTable, type Workbook } from '../../core/sheet.ts';
import { DataError } from '../../core/errors.ts';

export type MhclgScope = 'rs-pre-2014-15' | 'ro3-2014-15-on';

export const MHCLG_SCOPE_NOTE: Record<MhclgScope, string> = {
  'rs-pre-2014-15':
    "Children's social care as reported before 2014-15: excludes Sure Start, early years and services for young people (then reported under education).",
  'ro3-2014-15-on':
    "From 2014-15 children's social care includes Sure Start, early years and services for young people previously reported under education: not comparable with 2013-14 and earlier.",
};

/** The first year (ending 31 March) of the wider RO3 scope: 2014-15, a fact about the past. */
const RO3_SCOPE_FROM = 2015;

/** A column layout of the data sheet (not a year: every release of a layout shares it). */
export interface MhclgLayout {
  name: 'RS' | 'RSX';
  net: RegExp;
  gross?: RegExp;
  /** Text that must appear above the header (unit and measure check). */
  title: RegExp;
}

const RS: MhclgLayout = { name: 'RS', net: /^children social care$/i, title: /net current expenditure \(£ thousand\)/i };
const RSX: MhclgLayout = {
  name: 'RSX',
  net: /^children social care - net current expenditure/i,
  gross: /^children social care - total expenditure/i,
  title: /£ thousand/i,
};

/** The manifest roles (family "spend") this module reads, and the layout of each role's files. */
export const MHCLG_ROLES = { 'revenue-outturn-rs': RS, 'revenue-outturn-rsx': RSX } as const satisfies Record<string, MhclgLayout>;
export type MhclgRole = keyof typeof MHCLG_ROLES;
export const MHCLG_LAYOUTS: readonly MhclgLayout[] = Object.values(MHCLG_ROLES);

/** Sheet names of the per-authority data sheets: "RS LA Data 2011-12 (1)", "RS LA Data 2017-18", "RSX_LA_Data_202425". */
export const MHCLG_SHEET_NAME = /^RSX?[ _]+LA[ _]+Data(?![a-z])/i;

/** A financial year written "2011-12" or "201112"; the second part must follow the first. */
const FINANCIAL_YEAR = /(?<!\d)((?:19|20)\d{2})-?(\d{2})(?!\d)/g;

/** Years ending 31 March stated in `text` ("2024-25" → 2025). */
export function financialYearsIn(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(FINANCIAL_YEAR)) {
    const start = Number(m[1]);
    if ((start + 1) % 100 === Number(m[2])) out.add(start + 1);
  }
  return [...out];
}

const tidy = (c: string): string => c.replace(/\s+/g, ' ').trim();
const hasCol = (row: string[], re: RegExp) => row.some((c) => re.test(tidy(c)));
const isHeaderOf = (layout: MhclgLayout) => (row: string[]) => hasCol(row, /^local authority$/i) && hasCol(row, layout.net);

interface Where {
  source: string;
  file: string;
}

/** How far down a sheet the header row is looked for. */
const HEADER_SEARCH = 40;

type Fit = { ok: true; grid: string[][]; headerAt: number } | { ok: false; problem: string; row?: number; column?: string };

/** Whether a sheet's cells have the layout: a header row with "Local authority" and the layout's columns, under a title that fits. */
function fitLayout(grid: string[][], layout: MhclgLayout): Fit {
  const top = grid.slice(0, HEADER_SEARCH);
  const headerAt = top.findIndex(isHeaderOf(layout));
  if (headerAt < 0) {
    const la = top.findIndex((r) => hasCol(r, /^local authority$/i));
    if (la < 0) return { ok: false, problem: `no row in the first ${HEADER_SEARCH} has a "Local authority" column`, column: 'Local authority' };
    return {
      ok: false,
      problem: `the header (row ${la + 1}) has no column matching /${layout.net.source}/ (columns: ${top[la]!.map(tidy).filter(Boolean).slice(0, 12).join(' | ')} …)`,
      row: la + 1,
      column: layout.net.source,
    };
  }
  if (layout.gross && !hasCol(grid[headerAt]!, layout.gross)) {
    return {
      ok: false,
      problem: `the header (row ${headerAt + 1}) has no column matching /${layout.gross.source}/`,
      row: headerAt + 1,
      column: layout.gross.source,
    };
  }
  if (!layout.title.test(grid.slice(0, headerAt).flat().join(' '))) {
    return {
      ok: false,
      problem: `the rows above the header (rows 1–${headerAt}) do not say /${layout.title.source}/: not the net current expenditure table, or another unit`,
    };
  }
  return { ok: true, grid, headerAt };
}

const LAYOUT_HINT =
  'if the publisher renamed a column or changed the unit, the layout changed: update MHCLG_LAYOUTS in scripts/data/sources/spend/mhclg.ts (and its tests)';

/**
 * The data sheet of a workbook: `named` (the manifest entry's `sheet`) when given, else the one sheet
 * named like a data sheet whose header and title fit the layout. Refused with the file, the sheet, the
 * row and column looked at, and what to change.
 */
export function findMhclgSheet(wb: Workbook, layout: MhclgLayout, where: Where, named?: string): { sheet: string; grid: string[][]; headerAt: number } {
  if (named !== undefined) {
    if (!wb.SheetNames.includes(named)) {
      throw new DataError(
        { ...where, sheet: named },
        'the sheet named by the manifest entry ("sheet") is not in the file',
        `sheets found: ${wb.SheetNames.join(', ')}. Correct "sheet" in this entry of data/sources.json, or remove it to let the reader find the data sheet by its name and header`,
      );
    }
    const fit = fitLayout(sheetGrid(wb, named, where), layout);
    if (!fit.ok) {
      throw new DataError(
        { ...where, sheet: named, ...(fit.row !== undefined ? { row: fit.row } : {}), ...(fit.column !== undefined ? { column: fit.column } : {}) },
        `the sheet does not have the MHCLG ${layout.name} layout: ${fit.problem}`,
        `if "sheet" in this entry of data/sources.json names the wrong sheet, correct it (sheets found: ${wb.SheetNames.join(', ')}); ${LAYOUT_HINT}`,
      );
    }
    return { sheet: named, ...fit };
  }
  const candidates = wb.SheetNames.filter((s) => MHCLG_SHEET_NAME.test(s));
  const fits: { sheet: string; grid: string[][]; headerAt: number }[] = [];
  const why: string[] = [];
  for (const sheet of candidates) {
    const fit = fitLayout(sheetGrid(wb, sheet, where), layout);
    if (fit.ok) fits.push({ sheet, ...fit });
    else why.push(`"${sheet}": ${fit.problem}`);
  }
  if (fits.length === 1) return fits[0]!;
  if (fits.length === 0) {
    throw new DataError(
      where,
      `no sheet has the MHCLG ${layout.name} layout: looked for a sheet named like "RS LA Data <year>" or "RSX_LA_Data_<year>" with a "Local authority" column, a column matching /${layout.net.source}/${layout.gross ? ` and one matching /${layout.gross.source}/` : ''}, titled /${layout.title.source}/`,
      `sheets found: ${wb.SheetNames.join(', ')}${why.length ? `; ${why.join('; ')}` : ''}. Name the data sheet with "sheet" in this entry of data/sources.json; ${LAYOUT_HINT}`,
    );
  }
  throw new DataError(
    where,
    `${fits.length} sheets have the MHCLG ${layout.name} layout (${fits.map((f) => `"${f.sheet}"`).join(', ')}): cannot tell which holds net current expenditure`,
    'name the data sheet with "sheet" in this entry of data/sources.json',
  );
}

/** The financial year (ending 31 March) the sheet states in its name and title rows, checked against the entry's `release`. */
export function mhclgYear(sheet: string, titleRows: string[][], where: Where & { release?: string }): number {
  const stated = [...new Set([...financialYearsIn(sheet), ...financialYearsIn(titleRows.flat().join(' '))])].sort();
  if (stated.length !== 1) {
    throw new DataError(
      { ...where, sheet },
      stated.length === 0
        ? 'the sheet does not state its financial year (looked for "YYYY-YY" or "YYYYYY" in its name and the rows above the header)'
        : `the sheet states more than one financial year: ${stated.map((y) => `${y - 1}-${String(y % 100).padStart(2, '0')}`).join(', ')}`,
      'the file may not be a single year of revenue outturn; check it is the right file',
    );
  }
  const year = stated[0]!;
  const fromRelease = where.release !== undefined ? financialYearsIn(where.release.split(/\s/)[0] ?? '') : [];
  if (fromRelease.length === 1 && fromRelease[0] !== year) {
    const fy = (y: number) => `${y - 1}-${String(y % 100).padStart(2, '0')}`;
    throw new DataError(
      { ...where, sheet },
      `the file is for ${fy(year)} but the manifest entry's release says ${fy(fromRelease[0]!)}`,
      'the wrong file, or the wrong `release` in data/sources.json',
    );
  }
  return year;
}

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

/** What the reader takes from a manifest entry besides the bytes. */
export interface MhclgFile extends Where {
  role: MhclgRole;
  release?: string;
  /** The entry's `sheet`, when it names the data sheet. */
  sheet?: string;
}

export function parseMhclgNational(bytes: Uint8Array, where: MhclgFile): MhclgNationalYear {
  const loc = { source: where.source, file: where.file };
  const layout = MHCLG_ROLES[where.role];
  // Parse only the sheets that can be the data sheet (the .xls workbooks are slow to read whole).
  const read = where.sheet !== undefined ? [where.sheet] : sheetNames(bytes, loc).filter((s) => MHCLG_SHEET_NAME.test(s));
  const wb = readWorkbook(bytes, loc, read.length ? read : undefined);
  const { sheet, grid, headerAt } = findMhclgSheet(wb, layout, loc, where.sheet);
  const table = sheetTable(wb, sheet, loc, isHeaderOf(layout));
  const year = mhclgYear(sheet, grid.slice(0, headerAt), where);
  const colMatching = (re: RegExp) => {
    const i = table.header.findIndex((h) => re.test(h));
    if (i < 0) throw table.error(`no column matching ${re.source}`, {}, `columns found: ${table.header.slice(0, 30).join(' | ')} …`);
    return i;
  };
  const cName = table.col('Local authority');
  const cNet = colMatching(layout.net);
  const cGross = layout.gross ? colMatching(layout.gross) : undefined;
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
  const scope: MhclgScope = year >= RO3_SCOPE_FROM ? 'ro3-2014-15-on' : 'rs-pre-2014-15';
  return {
    year,
    source: where.source,
    netCurrentGbp,
    ...(cGross !== undefined ? { grossGbp: thousands(table.value(r, cGross)) } : {}),
    scope,
    note: MHCLG_SCOPE_NOTE[scope],
  };
}

/** Whether a manifest role is one this module reads. */
export const isMhclgRole = (role: string | undefined): role is MhclgRole => role !== undefined && Object.hasOwn(MHCLG_ROLES, role);

/**
 * The manifest entries of the given roles, in manifest order. An entry of the same series as one of
 * them (mhclg-rsx-2025-26 beside mhclg-rsx-2024-25) but without its role is refused rather than
 * left out, and so is an unknown "revenue-outturn-…" role (a typo would drop a year silently).
 */
export function mhclgFiles(files: SourceFiles, roles: readonly MhclgRole[] = Object.keys(MHCLG_ROLES) as MhclgRole[]): AcquiredFile[] {
  const spend = [...files.values()].filter((f) => f.entry.family === 'spend');
  const picked = spend.filter((f) => isMhclgRole(f.entry.role) && roles.includes(f.entry.role));
  const seriesRole = new Map(picked.map((f) => [seriesOf(f.entry.id), f.entry]));
  for (const f of spend) {
    const e = f.entry;
    if (e.role?.startsWith('revenue-outturn') && !isMhclgRole(e.role)) {
      throw new DataError(
        { source: e.id, value: e.role },
        'unknown role for MHCLG revenue outturn',
        `the roles read are ${Object.keys(MHCLG_ROLES).join(', ')}; correct "role" in this entry of data/sources.json`,
      );
    }
    const same = seriesRole.get(seriesOf(e.id));
    if (same && e.role !== same.role) {
      throw new DataError(
        { source: e.id, file: e.path },
        `the entry is of the same series as ${same.id} but has ${e.role ? `role "${e.role}"` : 'no role'}, so it would not be read as MHCLG revenue outturn`,
        `give it "role": "${same.role}" in data/sources.json, as the entry it follows has`,
      );
    }
  }
  return picked;
}

/**
 * England net current expenditure on children's social care, by year (years without a file are
 * absent). Two entries for the same year (a revised release added beside the first) are refused.
 */
export function loadMhclgNational(files: SourceFiles, roles?: readonly MhclgRole[]): MhclgNationalYear[] {
  const out = mhclgFiles(files, roles).map((f) =>
    parseMhclgNational(f.bytes, {
      source: f.entry.id,
      file: f.entry.path,
      role: f.entry.role as MhclgRole,
      release: f.entry.release,
      ...(f.entry.sheet !== undefined ? { sheet: f.entry.sheet } : {}),
    }),
  );
  const byYear = new Map<number, MhclgNationalYear>();
  for (const y of out) {
    const prev = byYear.get(y.year);
    if (prev) {
      throw new DataError(
        { source: y.source, file: files.get(y.source)?.entry.path },
        `${prev.source} and ${y.source} are both revenue outturn for the year ending 31 March ${y.year}`,
        'a revised release replaces the earlier one: change the earlier entry (path, sha256 "") rather than adding a second',
      );
    }
    byYear.set(y.year, y);
  }
  return out.sort((a, b) => a.year - b.year);
}
