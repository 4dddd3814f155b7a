/**
 * The LA panel as CSV (RFC 4180, UTF-8, CRLF line ends), for /data/la-panel.csv.
 *
 * Columns follow la-panel.json's `columns` order, except the `missing` object,
 * which becomes a last column `missing_reasons`: "column:reason" pairs joined by
 * "; " for every empty cell, so a blank is never mistaken for zero.
 */
import type { ColumnDoc, PanelRow } from '../../../scripts/data/contract.ts';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function panelCsv(columns: readonly ColumnDoc[], rows: readonly PanelRow[]): string {
  const names = columns.filter((c) => c.type !== 'object').map((c) => c.name);
  const header = [...names, 'missing_reasons'];
  const lines = [header.map(cell).join(',')];
  for (const row of rows) {
    const r = row as unknown as Record<string, unknown>;
    const reasons = Object.entries(row.missing)
      .map(([k, v]) => `${k}:${v}`)
      .join('; ');
    lines.push([...names.map((n) => cell(r[n])), cell(reasons)].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
