/**
 * The measures council pages, the map and the compare page talk about, with
 * the words and units used to write about them. One place, so the headline
 * figures, the map legend and the compare chart all say the same thing.
 *
 * Years are years ending 31 March: counts and rates are at 31 March of the
 * year, spending covers the financial year ending then (2024 = 2023-24).
 */
import type { PanelNumericColumn } from '../../../contract/outputs.ts';
import { formatFinancialYear, formatValue, type Unit } from '../format.ts';

export interface MeasureDef {
  measure: PanelNumericColumn;
  /** Short label for headings, legends and selects. */
  label: string;
  /** Noun phrase after a number: "182 children in care per 10,000 children". */
  noun: string;
  /** What the rank is about: "rate", "number", "spending per child". */
  rankNoun: string;
  unit: Unit;
  decimals: number;
  /** How the year is spoken. */
  timing: 'at-31-march' | 'financial-year';
  /** Which end is "worse" is not implied; rank words are neutral (highest/lowest). */
}

export const MEASURES: Record<string, MeasureDef> = {
  cla_rate_per_10k: {
    measure: 'cla_rate_per_10k',
    label: 'Children looked after per 10,000 children',
    noun: 'children in care per 10,000 children',
    rankNoun: 'rate',
    unit: 'number',
    decimals: 0,
    timing: 'at-31-march',
  },
  cla_count: {
    measure: 'cla_count',
    label: 'Children looked after',
    noun: 'children in care',
    rankNoun: 'number',
    unit: 'count',
    decimals: 0,
    timing: 'at-31-march',
  },
  cin_rate_per_10k: {
    measure: 'cin_rate_per_10k',
    label: 'Children in need per 10,000 children',
    noun: 'children in need per 10,000 children',
    rankNoun: 'rate',
    unit: 'number',
    decimals: 1,
    timing: 'at-31-march',
  },
  cpp_rate_per_10k: {
    measure: 'cpp_rate_per_10k',
    label: 'Child protection plans per 10,000 children',
    noun: 'children on child protection plans per 10,000 children',
    rankNoun: 'rate',
    unit: 'number',
    decimals: 1,
    timing: 'at-31-march',
  },
  spend_per_child_gbp: {
    measure: 'spend_per_child_gbp',
    label: 'Spending per child, cash',
    noun: 'spent per child on children’s services (cash)',
    rankNoun: 'spending per child',
    unit: 'gbp',
    decimals: 0,
    timing: 'financial-year',
  },
  spend_per_child_real_gbp: {
    measure: 'spend_per_child_real_gbp',
    label: 'Spending per child, 2023-24 prices',
    noun: 'spent per child on children’s services (2023-24 prices)',
    rankNoun: 'spending per child',
    unit: 'gbp',
    decimals: 0,
    timing: 'financial-year',
  },
};

export type MeasureKey = keyof typeof MEASURES;

export function measureDef(key: string): MeasureDef {
  const m = MEASURES[key];
  if (!m) throw new Error(`Unknown measure "${key}". Measures: ${Object.keys(MEASURES).join(', ')}`);
  return m;
}

/** "at 31 March 2025" or "in 2023-24". */
export function yearPhrase(def: MeasureDef, year: number): string {
  return def.timing === 'financial-year' ? `in ${formatFinancialYear(year)}` : `at 31 March ${year}`;
}
/** "2025" or "2023-24", for compact labels. */
export function yearLabel(def: MeasureDef, year: number): string {
  return def.timing === 'financial-year' ? formatFinancialYear(year) : String(year);
}

/** The value in the measure's unit: "182", "618.6", "£2,884". */
export function formatMeasure(def: MeasureDef, v: number | null | undefined): string {
  return formatValue(v, def.unit, def.decimals);
}
