/**
 * The measures council pages, the map and the compare page talk about, with
 * the words and units used to write about them. One place, so the headline
 * figures, the map legend and the compare chart all say the same thing.
 *
 * Years are years ending 31 March: counts and rates are at 31 March of the
 * year, spending covers the financial year ending then (2024 = 2023-24).
 */
import { measureSpec } from '../../../contract/measures.ts';
import type { PanelNumericColumn } from '../../../contract/outputs.ts';
import { formatFinancialYear, formatValue, type Unit } from '../format.ts';

export interface MeasureDef {
  measure: PanelNumericColumn;
  /** Short label for headings, legends and selects. */
  label: string;
  /** Noun phrase after a number: "182 children in care per 10,000 children". */
  noun: string;
  /** The verb a sentence about a council uses: "had 182 children in care…", "spent £1,328 per child…". */
  verb: 'had' | 'spent';
  /** What the rank is about: "rate", "number", "spending per child". */
  rankNoun: string;
  unit: Unit;
  decimals: number;
  /** How the year is spoken. */
  timing: 'at-31-march' | 'financial-year';
  /** Which end is "worse" is not implied; rank words are neutral (highest/lowest). */
}

/** The measures council pages, the map and the compare page use, in the order their selects list them. */
type CouncilMeasure = 'cla_rate_per_10k' | 'cla_count' | 'cin_rate_per_10k' | 'cpp_rate_per_10k' | 'spend_per_child_gbp' | 'spend_per_child_real_gbp';

/** How each council measure is written about; its label and timing come from the registry (contract/measures.ts). */
const WORDING: Record<CouncilMeasure, Omit<MeasureDef, 'measure' | 'label' | 'timing'>> = {
  cla_rate_per_10k: { noun: 'children in care per 10,000 children', verb: 'had', rankNoun: 'rate', unit: 'number', decimals: 0 },
  cla_count: { noun: 'children in care', verb: 'had', rankNoun: 'number', unit: 'count', decimals: 0 },
  cin_rate_per_10k: { noun: 'children in need per 10,000 children', verb: 'had', rankNoun: 'rate', unit: 'number', decimals: 1 },
  cpp_rate_per_10k: { noun: 'children on child protection plans per 10,000 children', verb: 'had', rankNoun: 'rate', unit: 'number', decimals: 1 },
  spend_per_child_gbp: { noun: 'per child on children’s services (cash)', verb: 'spent', rankNoun: 'spending per child', unit: 'gbp', decimals: 0 },
  spend_per_child_real_gbp: {
    noun: 'per child on children’s services (real terms)',
    verb: 'spent',
    rankNoun: 'spending per child',
    unit: 'gbp',
    decimals: 0,
  },
};

function councilTiming(m: CouncilMeasure): MeasureDef['timing'] {
  const t = measureSpec(m).timing;
  if (t !== 'at-31-march' && t !== 'financial-year') throw new Error(`${m}: council pages speak of years at 31 March or by financial year, not ${t}.`);
  return t;
}

export const MEASURES: Record<string, MeasureDef> = /*#__PURE__*/ Object.fromEntries(
  (Object.keys(WORDING) as CouncilMeasure[]).map((m) => [m, { measure: m, label: measureSpec(m).label, ...WORDING[m], timing: councilTiming(m) }]),
);

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

/** The prices real-terms figures are in: "at 2023-24 prices", or "in real terms" where the data name no base. */
export function pricesPhrase(baseYear: number | undefined): string {
  return baseYear === undefined ? 'in real terms' : `at ${formatFinancialYear(baseYear)} prices`;
}

/** A real-terms measure worded with its price base from the data ("Spending per child, at 2023-24 prices"); other measures unchanged. */
export function atPrices(def: MeasureDef, baseYear: number | undefined): MeasureDef {
  if (baseYear === undefined || def.measure !== 'spend_per_child_real_gbp') return def;
  const prices = pricesPhrase(baseYear);
  return { ...def, label: `Spending per child, ${prices}`, noun: `per child on children’s services (${prices})` };
}

/**
 * A council's figure against England's, in words a reader takes in at once: "about the same as
 * England (67)" within 5%, "12% above England’s 330.3", "2.7 times England’s 67", "twice England’s 67".
 */
export function versusEngland(def: MeasureDef, value: number, england: number): string {
  const e = formatMeasure(def, england);
  if (england <= 0) return `England: ${e}`;
  // None at all is not "100% below": a small council with no children in care that year.
  if (value === 0) return `against England’s ${e}`;
  const ratio = value / england;
  if (Math.abs(ratio - 1) < 0.05) return `about the same as England (${e})`;
  if (ratio >= 1.95) {
    const times = Math.round(ratio * 10) / 10;
    return `${times === 2 ? 'twice' : `${times.toFixed(1)} times`} England’s ${e}`;
  }
  const pct = Math.round(Math.abs(ratio - 1) * 100);
  return `${pct}% ${ratio > 1 ? 'above' : 'below'} England’s ${e}`;
}
