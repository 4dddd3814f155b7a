/**
 * A rectangular table read from a CSV file or a spreadsheet sheet, with the
 * bookkeeping needed to report errors by file, row and column.
 */
import { DataError } from './errors.ts';
import { MarkerError, parseCell, UNKNOWN_MARKER_HINT, type Value } from '../../../contract/missing.ts';

export interface TableInit {
  source: string;
  file: string;
  sheet?: string;
  header: string[];
  rows: string[][];
  /** 1-based row number of the header line in the file (data row i is at headerRow + 1 + i unless rowNumbers is given). */
  headerRow: number;
  /** Explicit 1-based file row numbers of each data row (spreadsheets with gaps). */
  rowNumbers?: number[];
}

/**
 * Data rows of every table built, per source, for the editors' report ("rows read"). Keyed by
 * file, sheet and header row so that a table rebuilt over the same rows counts once.
 */
const ROWS_SEEN = new Map<string, Map<string, number>>();

/** Rows read per source since the last call (and reset). */
export function takeRowCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [source, tables] of ROWS_SEEN) out[source] = [...tables.values()].reduce((a, b) => a + b, 0);
  ROWS_SEEN.clear();
  return out;
}

export class Table {
  readonly source: string;
  readonly file: string;
  readonly sheet: string | undefined;
  readonly header: string[];
  readonly rows: string[][];
  readonly headerRow: number;
  private readonly rowNumbers: number[] | undefined;
  private readonly index = new Map<string, number>();

  constructor(init: TableInit) {
    this.source = init.source;
    this.file = init.file;
    this.sheet = init.sheet;
    this.header = init.header.map((h) => h.trim());
    this.rows = init.rows;
    this.headerRow = init.headerRow;
    this.rowNumbers = init.rowNumbers;
    const seen = ROWS_SEEN.get(init.source) ?? new Map<string, number>();
    seen.set(`${init.file}|${init.sheet ?? ''}|${init.headerRow}`, init.rows.length);
    ROWS_SEEN.set(init.source, seen);
    this.header.forEach((h, i) => {
      if (!this.index.has(h)) this.index.set(h, i);
    });
  }

  /** The file row number (1-based, as a person counts) of data row i. */
  rowNumber(i: number): number {
    return this.rowNumbers?.[i] ?? this.headerRow + 1 + i;
  }

  error(problem: string, at: { row?: number; column?: string; value?: unknown } = {}, hint?: string): DataError {
    return new DataError(
      {
        source: this.source,
        file: this.file,
        ...(this.sheet !== undefined ? { sheet: this.sheet } : {}),
        ...(at.row !== undefined ? { row: this.rowNumber(at.row) } : {}),
        ...(at.column !== undefined ? { column: at.column } : {}),
        ...(at.value !== undefined ? { value: at.value } : {}),
      },
      problem,
      hint,
    );
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  /** Index of a column; throws a DataError listing the columns found if it is absent. */
  col(column: string): number {
    const i = this.index.get(column);
    if (i === undefined) {
      throw this.error(
        `expected column "${column}" is missing`,
        { column },
        `columns found: ${this.header.map((h) => JSON.stringify(h)).join(', ')}. If the publisher renamed it, update the source's schema.`,
      );
    }
    return i;
  }

  /** The first of several candidate names that is present (publishers rename columns between releases). */
  colOneOf(candidates: readonly string[]): { name: string; index: number } {
    for (const name of candidates) {
      const index = this.index.get(name);
      if (index !== undefined) return { name, index };
    }
    throw this.error(
      `none of the expected columns ${candidates.map((c) => `"${c}"`).join(' / ')} is present`,
      {},
      `columns found: ${this.header.map((h) => JSON.stringify(h)).join(', ')}`,
    );
  }

  requireColumns(columns: readonly string[]): void {
    for (const c of columns) this.col(c);
  }

  text(row: number, column: string | number): string {
    const i = typeof column === 'number' ? column : this.col(column);
    return (this.rows[row]?.[i] ?? '').trim();
  }

  /** A numeric cell: a number or a typed missing value. Unknown text is an error naming row and column. */
  value(row: number, column: string | number): Value {
    const i = typeof column === 'number' ? column : this.col(column);
    const raw = this.rows[row]?.[i] ?? '';
    try {
      return parseCell(raw);
    } catch (e) {
      if (e instanceof MarkerError) {
        throw this.error(
          'not a number or a known missing-value marker',
          {
            row,
            column: this.header[i] ?? String(i),
            value: raw,
          },
          UNKNOWN_MARKER_HINT,
        );
      }
      throw e;
    }
  }

  /** Throw if any key repeats; `key` builds the key of a data row. */
  assertUniqueKeys(key: (row: number) => string, what = 'key'): void {
    const seen = new Map<string, number>();
    for (let r = 0; r < this.rows.length; r++) {
      const k = key(r);
      const first = seen.get(k);
      if (first !== undefined) {
        throw this.error(
          `duplicate ${what} ${JSON.stringify(k)} (first seen at row ${this.rowNumber(first)})`,
          { row: r },
          'a row is repeated in the source; remove the duplicate or check the file was not concatenated twice',
        );
      }
      seen.set(k, r);
    }
  }
}
