/**
 * Measures that apply to any geography (LA, region, England) for a year, with
 * their order of preference between sources and the rates and per-child figures
 * derived from them. See derive/panel.ts for the column-by-column rules.
 */
import { WORKFORCE_MEASURES } from '../../../contract/measures.ts';
import type { PanelNumericColumn } from '../../../contract/outputs.ts';
import { isMissing, missing, type MissingReason, type Value } from '../../../contract/missing.ts';
import type { MeasureId } from '../core/types.ts';
import type { ObservationStore } from '../harmonise.ts';
import { BLOCKS, type BlockId, type SpendMeasure } from '../sources/spend/blocks.ts';

export interface DeflatorLookup {
  /** Multiply a cash figure for `year` (ending 31 March) by this to get constant prices; missing if no deflator. */
  factor(year: number): Value;
  /** Human label of the price base, e.g. "2024-25 prices". */
  baseLabel: string;
}

export type Cell = { value: number | null; reason?: MissingReason };

export function cellOf(v: Value | undefined, reasonIfAbsent: MissingReason = 'no_source'): Cell {
  if (v === undefined) return { value: null, reason: reasonIfAbsent };
  if (isMissing(v)) return { value: null, reason: v.missing };
  return { value: v };
}

/** Rate per 10,000, rounded as DfE rounds (`digits` decimal places). */
export function ratePer10k(count: Value | undefined, population: Value | undefined, digits: number): Value {
  if (count === undefined) return missing('no_source');
  if (isMissing(count)) return count;
  if (population === undefined) return missing('no_denominator');
  if (isMissing(population)) return missing('no_denominator');
  if (population <= 0) return missing('no_denominator');
  const f = 10 ** digits;
  return Math.round((count / population) * 10000 * f) / f;
}

export function divide(a: Value, b: Value, reasonIfNoB: MissingReason): Value {
  if (isMissing(a)) return a;
  if (isMissing(b) || b === 0) return isMissing(b) ? missing(reasonIfNoB) : missing(reasonIfNoB);
  return a / b;
}

const SPEND_BASES = ['lait-s251', 's251', 's251-2008'] as const;
/** The total, then the spending blocks carried in the panel (spend_other_gbp, a small remainder, is only inside the total). */
const SPEND_COLUMNS: readonly Exclude<SpendMeasure, 'spend_other_gbp'>[] = [
  'spend_total_gbp',
  ...BLOCKS.filter((m): m is Exclude<BlockId, 'spend_other_gbp'> => m !== 'spend_other_gbp'),
];

/** The population denominator for a geography-year, in order of preference. */
export function populationOf(store: ObservationStore, code: string, year: number): Value | undefined {
  return store.getFirst('population_0_17', code, year, ['ons-mid-year', 'cla-denominator', 'sfr-2010'])?.value;
}

/** Value of a measure (published, then computed rate). */
function measure(store: ObservationStore, m: MeasureId, code: string, year: number): Value | undefined {
  return store.getFirst(m, code, year, [undefined])?.value;
}

export type Cells = Partial<Record<PanelNumericColumn, Cell>>;

/** Every measure for one geography-year, with the spending basis used. */
export function measuresFor(store: ObservationStore, code: string, year: number, deflators: DeflatorLookup): { cells: Cells; basis: string | null } {
  const cells: Cells = {};
  const set = (c: PanelNumericColumn, v: Value | undefined, reasonIfAbsent: MissingReason = 'no_source') => {
    cells[c] = cellOf(v, reasonIfAbsent);
  };

  const pop = populationOf(store, code, year);
  set('population_0_17', pop);

  const cla = measure(store, 'cla_count', code, year);
  set('cla_count', cla);
  set('cla_rate_per_10k', measure(store, 'cla_rate_per_10k', code, year) ?? (cla === undefined ? undefined : ratePer10k(cla, pop, 0)));
  set('cla_starts', measure(store, 'cla_starts', code, year));
  set('cla_ceases', measure(store, 'cla_ceases', code, year));

  const cin = measure(store, 'cin_count', code, year);
  set('cin_count', cin);
  set('cin_rate_per_10k', measure(store, 'cin_rate_per_10k', code, year) ?? (cin === undefined ? undefined : ratePer10k(cin, pop, 1)));
  const cpp = measure(store, 'cpp_count', code, year);
  set('cpp_count', cpp);
  set('cpp_rate_per_10k', measure(store, 'cpp_rate_per_10k', code, year) ?? (cpp === undefined ? undefined : ratePer10k(cpp, pop, 1)));

  let basis: string | null = null;
  for (const b of SPEND_BASES) {
    if (store.get('spend_total_gbp', code, year, b)) {
      basis = b;
      break;
    }
  }
  const absent: MissingReason = basis ? 'no_source' : year === 2015 ? 'definition_break' : 'no_source';
  // Outturn is returned in pounds and pence (S251) or pounds (LAIT); sums carry float noise, so round to the pound.
  const pounds = (v: Value | undefined) => (v === undefined || isMissing(v) ? v : Math.round(v));
  for (const c of SPEND_COLUMNS) set(c, pounds(basis ? store.get(c, code, year, basis)?.value : undefined), absent);
  const total = basis ? store.get('spend_total_gbp', code, year, basis)?.value : undefined;
  const perChild: Value | undefined = total === undefined ? undefined : pop === undefined ? missing('no_denominator') : divide(total, pop, 'no_denominator');
  set('spend_per_child_gbp', perChild === undefined || isMissing(perChild) ? perChild : Math.round(perChild), cells.spend_total_gbp?.reason);
  const factor = deflators.factor(year);
  const real: Value | undefined =
    perChild === undefined ? undefined : isMissing(perChild) ? perChild : isMissing(factor) ? factor : Math.round(perChild * factor);
  set('spend_per_child_real_gbp', real, cells.spend_total_gbp?.reason);
  // Social work workforce (snapshot at 30 September, filed under the year ending the next 31 March). A joint
  // service's rates describe the one workforce its councils share (basis "joint:<A>/<B>").
  for (const m of WORKFORCE_MEASURES) {
    const joint = store.basesOf(m).filter((b) => b?.startsWith('joint:') && b.includes(code));
    set(m, store.getFirst(m, code, year, [undefined, ...joint])?.value);
  }
  return { cells, basis };
}

/** Split cells into plain values and the reasons for the empty ones. */
export function splitCells<C extends PanelNumericColumn>(
  cells: Partial<Record<C, Cell>>,
): {
  values: Partial<Record<C, number | null>>;
  missing: Partial<Record<C, MissingReason>>;
} {
  const values: Partial<Record<C, number | null>> = {};
  const reasons: Partial<Record<C, MissingReason>> = {};
  for (const [c, cell] of Object.entries(cells) as [C, Cell][]) {
    values[c] = cell.value;
    if (cell.value === null) reasons[c] = cell.reason ?? 'no_source';
  }
  return { values, missing: reasons };
}
