/** CSV writing with PapaParse (quotes where needed, LF line ends, stable column order). */
import Papa from 'papaparse';

/** Guard against spreadsheet formula injection from text cells, but leave negative numbers alone. */
const FORMULA_START = /^[=+@\t\r]|^-(?![\d.])/;

export function toCsv<T extends Record<string, unknown>>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const data = rows.map((r) =>
    columns.map((c) => {
      const v = r[c];
      return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }),
  );
  return `${Papa.unparse({ fields: [...columns], data }, { newline: '\n', quotes: false, escapeFormulae: FORMULA_START })}\n`;
}
