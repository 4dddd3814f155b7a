/**
 * Spreadsheet reading (.xls, .xlsx, .ods) with SheetJS.
 *
 * We use `@e965/xlsx`, a republication of SheetJS Community Edition 0.20.3 on
 * the npm registry. The registry's own `xlsx` package is frozen at 0.18.5,
 * which has known high-severity advisories (prototype pollution, ReDoS) fixed
 * in 0.19.3/0.20.2; SheetJS now publishes only off the registry. SheetJS is the
 * one well-kept JavaScript library that reads all three formats the sources use,
 * including legacy BIFF .xls (MHCLG revenue outturn 2011-12 to 2014-15).
 *
 * Cells are returned as text (formatted as the publisher stored them, numbers
 * unformatted) so that the same marker parsing applies as for CSV.
 */
import * as XLSX from '@e965/xlsx';
import { DataError } from './errors.ts';
import { Table } from './table.ts';

export type Workbook = XLSX.WorkBook;

/** `formulas`: keep cell formulas (cell.f), e.g. to read HYPERLINK targets. */
export function readWorkbook(bytes: Uint8Array, where: { source: string; file: string }, sheets?: string[], formulas = false): Workbook {
  return quietly(where, () => XLSX.read(bytes, { type: 'array', cellDates: false, cellHTML: false, cellFormula: formulas, ...(sheets ? { sheets } : {}) }));
}

/**
 * Run a SheetJS read. SheetJS prints "ODS number format may be incorrect" for conditional number formats it
 * does not model; they affect display formats only, never the stored values we read, so that noise is dropped.
 */
function quietly<T>(where: { source: string; file: string }, read: () => T): T {
  const warn = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('ODS number format may be incorrect')) return;
    warn(...args);
  };
  try {
    return read();
  } catch (e) {
    throw new DataError(where, `the spreadsheet could not be read: ${(e as Error).message}`, 'the file may be truncated or not a spreadsheet; re-acquire it');
  } finally {
    console.error = warn;
  }
}

/** The sheet names of a workbook, without parsing its cells (to pick which sheets to read). */
export function sheetNames(bytes: Uint8Array, where: { source: string; file: string }): string[] {
  return quietly(where, () => XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames);
}

/** All cells of a sheet as a grid of strings (raw values, numbers as plain decimal text). */
export function sheetGrid(wb: Workbook, sheet: string, where: { source: string; file: string }): string[][] {
  const ws = wb.Sheets[sheet];
  if (!ws) {
    throw new DataError({ ...where, sheet }, `sheet "${sheet}" is missing`, `sheets found: ${wb.SheetNames.join(', ')}`);
  }
  const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '', blankrows: true });
  return grid.map((r) => r.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : String(c))));
}

/**
 * Build a Table from a sheet, finding the header row as the first row for which
 * `isHeader` is true (publishers put titles and notes above the header).
 * Data rows run until the first entirely blank row if `stopAtBlank`, else to the end
 * (blank rows skipped).
 */
export function sheetTable(
  wb: Workbook,
  sheet: string,
  where: { source: string; file: string },
  isHeader: (row: string[]) => boolean,
  opts: { stopAtBlank?: boolean; maxHeaderSearch?: number } = {},
): Table {
  const grid = sheetGrid(wb, sheet, where);
  const limit = Math.min(grid.length, opts.maxHeaderSearch ?? 40);
  let h = -1;
  for (let i = 0; i < limit; i++) {
    if (isHeader(grid[i]!.map((c) => c.trim()))) {
      h = i;
      break;
    }
  }
  if (h < 0) {
    throw new DataError({ ...where, sheet }, `no header row found in the first ${limit} rows`, 'the layout of the sheet has changed; update the source schema');
  }
  const header = grid[h]!.map((c) => c.replace(/\s+/g, ' ').trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = h + 1; i < grid.length; i++) {
    const r = grid[i]!;
    if (r.every((c) => c.trim() === '')) {
      if (opts.stopAtBlank) break;
      continue;
    }
    rows.push(r);
    rowNumbers.push(i + 1);
  }
  return new Table({ source: where.source, file: where.file, sheet, header, rows, headerRow: h + 1, rowNumbers });
}
