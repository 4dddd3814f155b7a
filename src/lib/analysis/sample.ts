/**
 * Which council-years enter the cross-council analyses.
 *
 * Data model: one la-panel row = one upper-tier council in one year ending
 * 31 March. Spend is the financial year ending that 31 March (Section 251
 * gross spend on children's and young people's services excluding schools,
 * divided by the ONS 0–17 population); the Ofsted grade is the overall
 * judgement in force on that 31 March; IDACI is the 2019 index for every year.
 *
 * The City of London (E09000001) and the Isles of Scilly (E06000053) are left
 * out by default: each has a few hundred children, spend per child several
 * times the national figure (City of London about £7,000), and Ofsted
 * inspects them differently. Including them would let two tiny councils drive
 * a regression; rank statistics are less affected but are computed on the
 * same sample for consistency.
 */
import type { OfstedGrade, PanelNumericColumn, PanelRow } from '../../../contract/outputs.ts';
import { num } from './types.ts';
import { SMALL_COUNCILS } from '../small-councils.ts';

/** The small councils, from the site-wide policy (data/small-councils.json). */
export const EXCLUDED_BY_DEFAULT: Readonly<Record<string, string>> = SMALL_COUNCILS;

/** Ordinal coding of the Ofsted scale, worst to best. */
export const GRADE_ORDER: readonly OfstedGrade[] = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'];

export function gradeScore(g: OfstedGrade): number {
  return GRADE_ORDER.indexOf(g) + 1;
}

export interface SampleRow {
  code: string;
  name: string;
  year: number;
  x: number;
  row: PanelRow;
}

/** Rows of `year` with a usable value in `column`, excluding the tiny councils unless asked. */
export function sampleYear(panel: readonly PanelRow[], year: number, column: PanelNumericColumn, opts: { includeTiny?: boolean } = {}): SampleRow[] {
  const out: SampleRow[] = [];
  const seen = new Set<string>();
  for (const r of panel) {
    if (r.year !== year) continue;
    if (!opts.includeTiny && r.la_code in EXCLUDED_BY_DEFAULT) continue;
    const x = num(r[column]);
    if (x === null) continue;
    if (seen.has(r.la_code)) throw new Error(`la-panel has two rows for ${r.la_code} in ${year}.`);
    seen.add(r.la_code);
    out.push({ code: r.la_code, name: r.la_name, year, x, row: r });
  }
  return out;
}

export function panelYears(panel: readonly PanelRow[]): number[] {
  return [...new Set(panel.map((r) => r.year))].sort((a, b) => a - b);
}
