/**
 * One error type for everything wrong with input data. Its message always
 * names the source and, where known, the file, row, column and value, and says
 * what a person could do about it.
 */
export interface DataErrorLocation {
  /** Manifest id of the source, e.g. "cla-ees-2025". */
  source: string;
  /** Path of the file within the raw folder. */
  file?: string;
  /** 1-based row number in the file as a person sees it (header = row 1 for CSV). */
  row?: number;
  /** Sheet name, for spreadsheets. */
  sheet?: string;
  column?: string;
  value?: unknown;
}

export class DataError extends Error {
  constructor(
    readonly location: DataErrorLocation,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(DataError.format(location, problem, hint));
    this.name = 'DataError';
  }

  static format(loc: DataErrorLocation, problem: string, hint?: string): string {
    const where = [
      `source ${loc.source}`,
      loc.file !== undefined ? `file ${loc.file}` : undefined,
      loc.sheet !== undefined ? `sheet "${loc.sheet}"` : undefined,
      loc.row !== undefined ? `row ${loc.row}` : undefined,
      loc.column !== undefined ? `column "${loc.column}"` : undefined,
      loc.value !== undefined ? `value ${JSON.stringify(loc.value)}` : undefined,
    ]
      .filter((s): s is string => s !== undefined)
      .join(', ');
    return `${where}: ${problem}${hint ? `\n  → ${hint}` : ''}`;
  }
}
