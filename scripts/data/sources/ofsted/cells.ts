/**
 * Reading Ofsted spreadsheets cell by cell, and the two vocabularies every
 * Ofsted table shares: grades and dates.
 *
 * WHY NOT core/sheet.ts `sheetGrid`. Ofsted's ODS files format whole columns
 * as dates. Through `sheet_to_json(raw: true)` SheetJS then turns a date
 * cell into a JavaScript Date (stringified in the machine's time zone) and a
 * TEXT cell that sits in a date-formatted column (a header such as
 * "Inspection date", or a grade such as "Good") into `Invalid Date`. Reading
 * the worksheet's cell objects directly keeps what the publisher stored:
 * text cells as text, date cells as spreadsheet serial numbers (days since
 * 1899-12-30), which we print as plain decimal text so that `Table` and its
 * error reporting work unchanged.
 */
import * as XLSX from '@e965/xlsx';
import type { OfstedGrade } from '../../../../contract/outputs.ts';
import { YEAR_MAX } from '../../../../contract/schemas.ts';
import { DataError } from '../../core/errors.ts';
import { Table } from '../../core/table.ts';
import type { Workbook } from '../../core/sheet.ts';

export interface Where {
  source: string;
  file: string;
}

/** Collapse runs of whitespace (headers carry line breaks and double spaces). */
export function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * All cells of a sheet as text: strings as stored, numbers (incl. date serials)
 * as plain decimal text, empty cells as "". Error cells (#N/A…) are an error.
 */
export function cellGrid(wb: Workbook, sheet: string, where: Where): string[][] {
  const ws = wb.Sheets[sheet];
  if (!ws) throw new DataError({ ...where, sheet }, `sheet "${sheet}" is missing`, `sheets found: ${wb.SheetNames.join(', ')}`);
  const ref = ws['!ref'];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  const grid: string[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (!cell || cell.v === undefined || cell.v === null) row.push('');
      else if (cell.t === 'e') {
        throw new DataError({ ...where, sheet, row: r + 1, column: XLSX.utils.encode_col(c), value: cell.w ?? cell.v }, 'the cell holds a spreadsheet error');
      } else if (cell.v instanceof Date) {
        // Only reached if a caller parsed with cellDates: true. Convert back to a serial day number (UTC, no time zone drift).
        row.push(String(Math.round(cell.v.getTime() / 86_400_000 + 25_569)));
      } else row.push(String(cell.v));
    }
    grid.push(row);
  }
  // Drop trailing entirely blank rows.
  while (grid.length > 0 && grid[grid.length - 1]!.every((c) => c.trim() === '')) grid.pop();
  return grid;
}

/**
 * A Table from the rows of a grid: header at 0-based index `headerIndex`,
 * data rows from the next row until the first blank row (or `end`, exclusive).
 */
export function gridTable(grid: string[][], headerIndex: number, where: Where & { sheet: string }, end = grid.length): Table {
  const header = (grid[headerIndex] ?? []).map(tidy);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < end; i++) {
    const r = grid[i]!;
    if (r.every((c) => c.trim() === '')) break;
    rows.push(r);
    rowNumbers.push(i + 1);
  }
  return new Table({ ...where, header, rows, headerRow: headerIndex + 1, rowNumbers });
}

// ---------------------------------------------------------------- grades

/**
 * Published judgement text → grade. "Requires improvement to be good" (the
 * SIF/ILACS wording) becomes 'Requires improvement'. A dash or a blank is "no
 * judgement" (null): the 2023 file uses " -" where a judgement was not made.
 * Anything else (including the pre-2013 "Adequate") is an error: a new word in
 * the vocabulary needs a person to decide what it means.
 */
const GRADE_WORDS: ReadonlyMap<string, OfstedGrade> = new Map([
  ['outstanding', 'Outstanding'],
  ['good', 'Good'],
  ['requires improvement to be good', 'Requires improvement'],
  ['requires improvement', 'Requires improvement'],
  ['inadequate', 'Inadequate'],
]);

export function parseGrade(raw: string): OfstedGrade | null | undefined {
  const t = tidy(raw).toLowerCase();
  if (t === '' || t === '-' || t === '–') return null;
  return GRADE_WORDS.get(t);
}

export function gradeAt(table: Table, row: number, column: string): OfstedGrade | null {
  const raw = table.text(row, column);
  const g = parseGrade(raw);
  if (g === undefined) {
    throw table.error(
      'not an Ofsted grade',
      { row, column, value: raw },
      'expected Outstanding, Good, Requires improvement (to be good), Inadequate, "-" or blank',
    );
  }
  return g;
}

// ---------------------------------------------------------------- dates

/** Day 0 of the 1900 date system as used by Excel and by ODS (null date 1899-12-30). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialToIso(serial: number): string {
  return new Date(SERIAL_EPOCH_MS + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

function validYmd(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

/**
 * A date cell → ISO date, or undefined if the text is not a date. Accepted:
 *   - a spreadsheet serial day number, as the ODS files store dates ("45117" = 2023-07-10);
 *     whole numbers only (a time of day would be a different kind of cell);
 *   - ISO text "2023-07-10";
 *   - British text "10/07/2023" or "10/07/23" (day first, as the d2i scrape writes; 2-digit years are 20yy).
 * A bare 4-digit number is NOT read as a serial (it would be a year, and serial
 * 2023 is 1905-07-15): the caller's range check rejects it either way.
 */
export function parseDate(raw: string): string | undefined {
  const t = raw.trim();
  if (/^\d{5}$/.test(t)) return serialToIso(Number(t));
  let m = /^(\d{4})-(\d{2})-(\d{2})(T00:00:00(\.000)?Z?)?$/.exec(t);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return validYmd(y, Number(m[2]), Number(m[1]));
  }
  return undefined;
}

/** The earliest date any LA children's services judgement can carry (SLAC, Ofsted's first framework for them, began in 2009). */
export const FIRST_JUDGEMENT_DATE = '2009-01-01';

/**
 * The last date a file can carry: the day its manifest entry says it was published, or the last day
 * of the month ("2024-11" → "2024-11-30"); with no publication date, the last day of the schema's
 * last year (YEAR_MAX). No judgement is published after the file that lists it.
 */
export function publishedBound(entry: { published?: string | undefined }): string {
  const p = entry.published ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return p;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `${p}-${String(new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${YEAR_MAX}-12-31`;
}

/** Earliest and latest dates any judgement can carry, without a file's own bound. */
export const DATE_RANGE = { min: FIRST_JUDGEMENT_DATE, max: `${YEAR_MAX}-12-31` } as const;

/** A date cell of a table: ISO date, or null if blank. Text that is not a date, or a date out of range, is an error. */
export function dateAt(table: Table, row: number, column: string, range: { min: string; max: string } = DATE_RANGE): string | null {
  const raw = table.text(row, column);
  if (raw === '') return null;
  const iso = parseDate(raw);
  if (iso === undefined) {
    throw table.error('not a date', { row, column, value: raw }, 'expected a spreadsheet date, YYYY-MM-DD or DD/MM/YYYY');
  }
  if (iso < range.min || iso > range.max) {
    throw table.error(
      `date ${iso} is outside ${range.min} to ${range.max}`,
      { row, column, value: raw },
      'a text year or a mistyped date; check the cell in the source',
    );
  }
  return iso;
}
