/**
 * What the map offers and the compact values the map island swaps in.
 *
 * Model: the map shows England's current upper-tier councils (las.json,
 * status current: the 153 areas of geo/utla.json and geo/hex.json). For a
 * measure and year, a council's value is its panel value that year; a council
 * with no panel row that year (it did not exist yet, e.g. Cumberland before
 * 2024) is missing with reason not_in_geography; a null value keeps the
 * panel's reason. Offered: four rate measures × the latest three years in
 * which any council has a value. Values are rounded to display precision.
 */
import { isSmallCouncil } from '../small-councils.ts';
import type { LaInfo, PanelRow } from '../../../contract/outputs.ts';
import { MISSING_REASONS, type MissingReason } from '../../../contract/missing.ts';
import { MEASURES, type MeasureDef } from '../councils/measures.ts';
import { rankOf } from '../councils/rank.ts';

export const MAP_MEASURES = ['cla_rate_per_10k', 'cin_rate_per_10k', 'cpp_rate_per_10k', 'spend_per_child_real_gbp'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const DEFAULT_MEASURE: MapMeasure = 'cla_rate_per_10k';
export const YEARS_OFFERED = 3;

export interface MapCell {
  code: string;
  name: string;
  slug: string;
  region: string;
  value: number | null;
  reason: MissingReason | null;
  /** Competition rank from the highest (1 = highest), null when missing. */
  rank: number | null;
  tied: boolean;
}

export interface MapView {
  key: MapMeasure;
  def: MeasureDef;
  year: number;
  cells: MapCell[];
}

/** The latest YEARS_OFFERED years with any value for the measure, newest first. */
export function offeredYears(panel: readonly PanelRow[], key: MapMeasure): number[] {
  const m = MEASURES[key]!.measure;
  const years = [...new Set(panel.filter((r) => r[m] !== null).map((r) => r.year))].sort((a, b) => b - a);
  return years.slice(0, YEARS_OFFERED);
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

export function mapView(panel: readonly PanelRow[], las: readonly LaInfo[], key: MapMeasure, year: number): MapView {
  const def = MEASURES[key];
  if (!def) throw new Error(`mapView: unknown measure ${key}`);
  const m = def.measure;
  const current = las.filter((l) => l.status === 'current').sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const rows = new Map(panel.filter((r) => r.year === year).map((r) => [r.la_code, r] as const));
  const base = current.map((l) => {
    const r = rows.get(l.code);
    const v = r ? r[m] : null;
    const reason: MissingReason | null = !r ? 'not_in_geography' : v === null ? ((r.missing[m] as MissingReason | undefined) ?? 'blank') : null;
    return { code: l.code, name: l.name, slug: l.slug, region: l.region, value: v === null ? null : round(v, def.decimals), reason };
  });
  // Small-councils policy (data/small-councils.json): shown with their value, but not ranked or in the field.
  const field = base.filter((c) => !isSmallCouncil(c.code)).map((c) => ({ code: c.code, value: c.value }));
  const cells = base.map((c) => {
    const r = isSmallCouncil(c.code) ? null : rankOf(c.code, field);
    return { ...c, rank: r?.fromTop ?? null, tied: (r?.tiedWith ?? 1) > 1 };
  });
  return { key, def, year, cells };
}

/** Missing councils grouped by reason: [{reason text, names}]. */
export function missingSummary(cells: readonly MapCell[]): Array<{ reason: string; names: string[] }> {
  const by = new Map<string, string[]>();
  for (const c of cells) if (c.value === null) by.set(c.reason ?? 'blank', [...(by.get(c.reason ?? 'blank') ?? []), c.name]);
  return [...by].map(([r, names]) => ({ reason: MISSING_REASONS[r as MissingReason] ?? r, names }));
}

/** The compact payload for the island: codes once, then values per measure and year in the same order. */
export interface IslandPayload {
  codes: string[];
  measures: Array<{ key: MapMeasure; label: string; unit: string; decimals: number; timing: string; years: number[] }>;
  /** values[measure][year] = array aligned with codes (null = missing). */
  values: Record<string, Record<string, Array<number | null>>>;
  /** reasons[measure][year] = {index: reason text key} for missing values. */
  reasons: Record<string, Record<string, Record<number, string>>>;
  reasonText: Record<string, string>;
}

export function islandPayload(panel: readonly PanelRow[], las: readonly LaInfo[]): IslandPayload {
  const out: IslandPayload = { codes: [], measures: [], values: {}, reasons: {}, reasonText: { ...MISSING_REASONS } };
  for (const key of MAP_MEASURES) {
    const def = MEASURES[key]!;
    const years = offeredYears(panel, key);
    out.measures.push({ key, label: def.label, unit: def.unit, decimals: def.decimals, timing: def.timing, years });
    out.values[key] = {};
    out.reasons[key] = {};
    for (const y of years) {
      const view = mapView(panel, las, key, y);
      if (!out.codes.length) out.codes = view.cells.map((c) => c.code);
      out.values[key]![y] = view.cells.map((c) => c.value);
      const rs: Record<number, string> = {};
      view.cells.forEach((c, i) => {
        if (c.value === null) rs[i] = c.reason ?? 'blank';
      });
      out.reasons[key]![y] = rs;
    }
  }
  return out;
}
