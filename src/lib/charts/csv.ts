/**
 * CSV for the "Download CSV" link: RFC 4180 (comma separated, CRLF line ends,
 * a field is quoted when it contains a comma, quote, CR/LF or leading/trailing
 * space; quotes are doubled). Values are written as they are in the data
 * (numbers unformatted, full precision); missing values are empty fields.
 */
import type { Cell, Datum } from './types.ts';

export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly Datum[], fields: readonly string[]): string {
  const lines = [fields.map(csvField).join(',')];
  for (const r of rows) lines.push(fields.map((f) => csvField(r[f])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A data: URI that downloads the CSV with JavaScript off. A UTF-8 BOM is prepended so Excel reads "£" and accents correctly. */
export function csvDataUri(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF' + csv)}`;
}
