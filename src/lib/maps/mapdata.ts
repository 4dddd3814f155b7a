/**
 * The map's layers, built from the panel (build side; the view of a year is
 * layers.ts, shared with the island).
 *
 * Model: the map shows England's current upper-tier councils (las.json,
 * status current: the 153 areas of geo/utla.json and geo/odi-hex.json). The
 * layers are every measure a council page shows (councils/measures.ts, read
 * through its exports) and the Ofsted grade Ofsted counted at 31 March
 * (panel ofsted_overall), each over EVERY year in which any council has a
 * value. For a layer and year, a council's value is its panel value that
 * year, rounded to display precision; a council with no panel row that year
 * (it did not exist yet, e.g. Cumberland before 2024) is missing with reason
 * not_in_geography; a null value keeps the panel's reason.
 */
import type { LaInfo, PanelRow } from '../../../contract/outputs.ts';
import { MISSING_REASONS, type MissingReason } from '../../../contract/missing.ts';
import { atPrices, MEASURES, measureDef } from '../councils/measures.ts';
import { isSmallCouncil, SMALL_COUNCILS_CAVEAT } from '../small-councils.ts';
import type { LayerData, LayerMeta } from './layers.ts';

export const GRADE_LAYER = 'ofsted_overall';
export { DEFAULT_MEASURE, viewHref } from './viewhref.ts';
import { DEFAULT_MEASURE } from './viewhref.ts';

/** Every layer key: the council-page measures, then the Ofsted grade. */
export function mapLayerKeys(): string[] {
  return [...Object.keys(MEASURES), GRADE_LAYER];
}

type Column = keyof PanelRow;
function columnOf(key: string): Column {
  return key === GRADE_LAYER ? 'ofsted_overall' : measureDef(key).measure;
}

/** Every year with any value for the layer, newest first. */
export function offeredYears(panel: readonly PanelRow[], key: string): number[] {
  const col = columnOf(key);
  return [...new Set(panel.filter((r) => r[col] !== null && r[col] !== undefined).map((r) => r.year))].sort((a, b) => b - a);
}

/** `priceBaseYear`: the deflators' base year (england.json), which names the prices of the real-terms layer. */
export function layerMeta(panel: readonly PanelRow[], key: string, priceBaseYear?: number): LayerMeta {
  const years = offeredYears(panel, key);
  if (!years.length) throw new Error(`map layer ${key}: no council has a value in any year of the panel (la-panel.json)`);
  if (key === GRADE_LAYER) return { key, kind: 'grade', label: 'Ofsted overall grade', unit: 'number', decimals: 0, timing: 'at-31-march', years };
  const d = atPrices(measureDef(key), priceBaseYear);
  return { key, kind: 'numeric', label: d.label, unit: d.unit, decimals: d.decimals, timing: d.timing, years };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** The current councils the map draws, A–Z by name. */
export function mapCouncils(las: readonly LaInfo[]): LaInfo[] {
  return las.filter((l) => l.status === 'current').sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function layerData(panel: readonly PanelRow[], las: readonly LaInfo[], key: string, priceBaseYear?: number): LayerData {
  const meta = layerMeta(panel, key, priceBaseYear);
  const col = columnOf(key);
  const councils = mapCouncils(las);
  const codes = councils.map((l) => l.code);
  const values: LayerData['values'] = {};
  const reasons: LayerData['reasons'] = {};
  const used = new Set<string>();
  for (const year of meta.years) {
    const rows = new Map(panel.filter((r) => r.year === year).map((r) => [r.la_code, r] as const));
    const rs: Record<number, string> = {};
    values[year] = codes.map((code, i) => {
      const r = rows.get(code);
      const v = r ? (r[col] as number | string | null) : null;
      if (v === null || v === undefined) {
        const reason: MissingReason = !r ? 'not_in_geography' : ((r.missing[col as keyof PanelRow['missing']] as MissingReason | undefined) ?? 'blank');
        rs[i] = reason;
        used.add(reason);
        return null;
      }
      return typeof v === 'number' ? round(v, meta.decimals) : v;
    });
    reasons[year] = rs;
  }
  const reasonText = Object.fromEntries([...used].sort().map((r) => [r, MISSING_REASONS[r as MissingReason] ?? r]));
  // Small-councils policy (data/small-councils.json): shown with their own value, not ranked nor in the colour breaks.
  const unranked = meta.kind === 'numeric' ? codes.filter(isSmallCouncil) : [];
  return { ...meta, codes, unranked, unrankedNote: unranked.length ? SMALL_COUNCILS_CAVEAT : '', values, reasons, reasonText };
}

/**
 * How many of each layer's latest years are pre-rendered pages (/map/<key>/<year>/), which work without
 * JavaScript. Earlier years are choices of the island only, shared as the layer's latest page with
 * ?year=<year>: pre-rendering every year would add some 60 heavy pages to every build and browser test run.
 */
export const PRERENDERED_YEARS = 3;

export function prerenderedYears(panel: readonly PanelRow[], key: string): number[] {
  return offeredYears(panel, key).slice(0, PRERENDERED_YEARS);
}
