/**
 * Chart rows for a council page: the council against England and its region
 * over time, spending per child with its basis breaks, and spending by block.
 * Rows are flat objects for the chart components (src/components/charts/):
 * a missing value is null with its reason in `missingReason`, never 0.
 */
import type { AreaYear, PanelNumericColumn, PanelRow } from '../../../contract/outputs.ts';
import { ENGLAND_CODE } from '../../../contract/codes.ts';
import { measureSpec, SPEND_BLOCK_MEASURES } from '../../../contract/measures.ts';

export interface SeriesRow {
  year: number;
  area: string;
  value: number | null;
  missingReason?: string;
  [k: string]: string | number | null | undefined;
}

/** The council's rows for `measure`, then England's and the region's over the council's years. */
export function versusSeries(rows: readonly PanelRow[], england: readonly AreaYear[], regions: readonly AreaYear[], measure: PanelNumericColumn): SeriesRow[] {
  if (!rows.length) return [];
  const years = rows.map((r) => r.year);
  const regionCode = rows.at(-1)!.region_code;
  const out: SeriesRow[] = [];
  const push = (year: number, area: string, v: number | null | undefined, reason: string | undefined) => {
    const row: SeriesRow = { year, area, value: v ?? null };
    if (row.value === null) row.missingReason = reason ?? 'blank';
    out.push(row);
  };
  for (const r of rows) push(r.year, r.la_name, r[measure], r.missing[measure]);
  for (const [series, code] of [
    [england, ENGLAND_CODE],
    [regions, regionCode],
  ] as const) {
    for (const a of series) if (a.code === code && years.includes(a.year)) push(a.year, a.name, a.values[measure], a.missing[measure]);
  }
  return out;
}

/** Years where the spending basis changes from the previous year with a basis: a break in the series. */
export function basisBreaks(rows: readonly PanelRow[]): number[] {
  const breaks: number[] = [];
  let prev: string | null = null;
  for (const r of rows) {
    if (r.spend_basis === null) continue;
    if (prev !== null && r.spend_basis !== prev) breaks.push(r.year);
    prev = r.spend_basis;
  }
  return breaks;
}

/** The spending blocks the council pages chart (the registry's Section 251 blocks in the panel, contract/measures.ts). */
export const SPEND_BLOCKS: Array<{ measure: PanelNumericColumn; label: string }> = SPEND_BLOCK_MEASURES.flatMap((m) => {
  const spec = measureSpec(m);
  return spec.panel ? [{ measure: m as PanelNumericColumn, label: spec.label }] : [];
});

/** Spending by block, £ million cash, one row per block per year. */
export function spendBlocks(rows: readonly PanelRow[]): Array<{ year: number; block: string; spend: number | null; missingReason?: string }> {
  const out: Array<{ year: number; block: string; spend: number | null; missingReason?: string }> = [];
  for (const r of rows) {
    for (const b of SPEND_BLOCKS) {
      const v = r[b.measure];
      out.push(
        v === null
          ? { year: r.year, block: b.label, spend: null, missingReason: r.missing[b.measure] ?? 'blank' }
          : { year: r.year, block: b.label, spend: Math.round(v / 1e5) / 10 },
      );
    }
  }
  return out;
}
