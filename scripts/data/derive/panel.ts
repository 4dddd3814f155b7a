/**
 * The LA panel: one row per upper-tier LA per year (ending 31 March) in which
 * the LA existed, from 2010 to the latest year any council-level return covers
 * (panelYears: read from the data, never a constant; each measure keeps its own
 * latest year, so spending can end a year before children looked after).
 *
 * Each column comes from one place, in a fixed order of preference, and every
 * empty cell carries a reason:
 *   population_0_17      ONS mid-year estimate for mid-(Y-1) (latest ONS revision, as DfE
 *                        uses for year-Y rates); else the denominator printed in the DfE CLA
 *                        release; else the 2009 mid-year figure printed in SFR27/2010.
 *   cla_count/starts/ceases  DfE, latest release covering the year.
 *   cla_rate_per_10k     as printed by DfE (2018 on); earlier years computed from the count
 *                        and population_0_17, rounded to a whole number as DfE does.
 *   cin_*, cpp_*         DfE children in need census; rates as printed, or computed likewise.
 *   spend_*              Section 251 outturn (2009–2014) or LAIT (2016–2025), gross £, cash;
 *                        `spend_basis` names the series so breaks can be shown. 2015 is a gap.
 *   spend_per_child_gbp  spend_total_gbp / population_0_17.
 *   spend_per_child_real_gbp  the same in constant prices (see deflators).
 *   ofsted_overall/_framework/_published  Ofsted's own rule for its "as at 31 March Y"
 *                        statistics: the latest judgement from an inspection carried out by
 *                        31 March Y and published by the cut-off, 30 April (to 2023) or 30 June
 *                        (derive/ofsted-in-force.ts).
 *   ofsted_in_force_*    the publication-date rule: latest judgement published by 31 March Y.
 *   imd_*, idaci_*       English Indices of Deprivation 2019 (one vintage for every year).
 */
import type { Inspection, LaInfo, OfstedGrade, PanelNumericColumn, PanelRow } from '../../../contract/outputs.ts';
import type { Value } from '../../../contract/missing.ts';
import { MEASURES, type MeasureId, type Observation } from '../core/types.ts';
import { cellOf, measuresFor, splitCells, type DeflatorLookup } from './measures.ts';
import type { ObservationStore } from '../harmonise.ts';

/** The panel starts at 31 March 2010: the first year of the modelled geography and of the SFR series (a fact about the past). */
export const FIRST_YEAR = 2010;

/**
 * Measures whose latest council-level year sets the panel's last year: the
 * year-end returns (children looked after, in need, spending). Not the workforce
 * census (a September snapshot filed under the following year, so ahead of the
 * rest) nor the population denominator (published for a year before its returns).
 */
export const PANEL_YEAR_MEASURES: ReadonlySet<MeasureId> = new Set(MEASURES.filter((m) => !m.startsWith('sw_') && m !== 'population_0_17'));

/** The panel's years: FIRST_YEAR to the latest year with a council-level figure of a PANEL_YEAR_MEASURES measure. */
export function panelYears(observations: Iterable<Pick<Observation, 'level' | 'measure' | 'year'>>): { first: number; last: number } {
  let last = -Infinity;
  for (const o of observations) if (o.level === 'la' && PANEL_YEAR_MEASURES.has(o.measure) && o.year > last) last = o.year;
  if (!Number.isFinite(last) || last < FIRST_YEAR) throw new Error(`no council-level figures from ${FIRST_YEAR} on: the panel would be empty`);
  return { first: FIRST_YEAR, last };
}

export interface DeprivationLookup {
  get(code: string): { imd_score: Value; imd_rank: Value; idaci_score: Value; idaci_rank: Value } | undefined;
}

export interface OfstedLookup {
  /** Latest judgement published on or before the date. */
  inForce(code: string, isoDate: string): Inspection | null;
  /** Ofsted's rule for year Y (inspected by 31 March, published by 30 June); defaults to inForce on 31 March. */
  countedAt?(code: string, year: number): Inspection | null;
}

export interface PanelInputs {
  store: ObservationStore;
  las: readonly LaInfo[];
  regionName: (code: string) => string;
  deflators: DeflatorLookup;
  deprivation: DeprivationLookup;
  ofsted: OfstedLookup;
  years: { first: number; last: number };
}

export function buildPanel(inp: PanelInputs): PanelRow[] {
  const { first, last } = inp.years;
  const rows: PanelRow[] = [];
  const las = [...inp.las].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code));
  for (const la of las) {
    const from = Math.max(first, la.firstYear);
    const to = Math.min(last, la.lastYear ?? last);
    for (let year = from; year <= to; year++) rows.push(panelRow(inp, la, year));
  }
  return rows;
}

export function panelRow(inp: PanelInputs, la: LaInfo, year: number): PanelRow {
  const code = la.code;
  const { cells, basis } = measuresFor(inp.store, code, year, inp.deflators);
  const dep = inp.deprivation.get(code);
  cells.imd_score = cellOf(dep?.imd_score);
  cells.imd_rank = cellOf(dep?.imd_rank);
  cells.idaci_score = cellOf(dep?.idaci_score);
  cells.idaci_rank = cellOf(dep?.idaci_rank);

  const inForce = inp.ofsted.inForce(code, `${year}-03-31`);
  const insp = inp.ofsted.countedAt ? inp.ofsted.countedAt(code, year) : inForce;
  const { values, missing: missingMap } = splitCells<PanelNumericColumn>(cells);
  const overall: OfstedGrade | null = insp?.overall ?? null;
  const missingAll: PanelRow['missing'] = { ...missingMap };
  if (!overall) missingAll.ofsted_overall = 'not_inspected';
  return {
    la_code: code,
    la_old_code: la.oldCode,
    la_name: la.name,
    region_code: la.regionCode,
    region: la.region,
    year,
    ...(values as Record<PanelNumericColumn, number | null>),
    spend_basis: basis,
    ofsted_overall: overall,
    ofsted_framework: insp?.framework ?? null,
    ofsted_published: insp?.published ?? null,
    ofsted_in_force_overall: inForce?.overall ?? null,
    ofsted_in_force_published: inForce?.published ?? null,
    missing: missingAll,
  };
}
