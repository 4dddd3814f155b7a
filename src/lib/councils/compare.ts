/**
 * The compare page's data and URL state.
 *
 * Payload: for each offered measure, every council's series over the panel's
 * years (null = missing; the reason key alongside), plus England. Values are
 * rounded to display precision to keep the embedded JSON small.
 * URL: ?c=<slug>,<slug>…&m=<measure>. Unknown slugs are dropped (and
 * reported), duplicates removed, at most MAX_COUNCILS kept; an unknown
 * measure falls back to the default.
 * Flags: the anomaly screen's findings per measure (the page passes
 * councilChartFlags, as on council pages; this module stays free of the data
 * loader because the island imports it), as [areaIndex, yearIndex, note], so
 * the island rings a flagged council-year and prints its note.
 */
import type { AreaYear, LaInfo, PanelRow } from '../../../contract/outputs.ts';
import type { ChartFlag } from '../charts/types.ts';
import { atPrices, MEASURES, type MeasureDef } from './measures.ts';
import { ENGLAND_CODE } from '../../../contract/codes.ts';

export const MAX_COUNCILS = 5;
export const COMPARE_MEASURES = ['cla_rate_per_10k', 'cin_rate_per_10k', 'cpp_rate_per_10k', 'spend_per_child_real_gbp'] as const;
export const DEFAULT_COMPARE = { slugs: ['blackpool', 'leeds', 'kent'], measure: 'cla_rate_per_10k' };

/**
 * The councils of the default comparison among `known` (current councils' slugs, in the order
 * they are offered): the editorial choice where those councils exist, else the first three known,
 * so a geography without them (a fixture, a future reorganisation) still draws a comparison.
 */
export function defaultCompareSlugs(known: Iterable<string>): string[] {
  const all = [...known];
  const chosen = DEFAULT_COMPARE.slugs.filter((s) => all.includes(s));
  return chosen.length > 0 ? chosen : all.slice(0, DEFAULT_COMPARE.slugs.length);
}

export interface CompareState {
  slugs: string[];
  measure: string;
  dropped: string[];
}

export function parseCompareParams(search: string, knownSlugs: ReadonlySet<string>, measures: readonly string[] = COMPARE_MEASURES): CompareState {
  const p = new URLSearchParams(search);
  const raw = (p.get('c') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const slugs: string[] = [];
  const dropped: string[] = [];
  for (const s of raw) {
    if (!knownSlugs.has(s)) dropped.push(s);
    else if (!slugs.includes(s) && slugs.length < MAX_COUNCILS) slugs.push(s);
    else if (!slugs.includes(s)) dropped.push(s);
  }
  const m = p.get('m') ?? '';
  return { slugs, measure: measures.includes(m) ? m : DEFAULT_COMPARE.measure, dropped };
}

export function compareQuery(state: { slugs: readonly string[]; measure: string }): string {
  const q = new URLSearchParams();
  if (state.slugs.length) q.set('c', state.slugs.join(','));
  q.set('m', state.measure);
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

export interface ComparePayload {
  years: number[];
  areas: Array<{ s: string; n: string; f?: 1 }>;
  measures: Array<{ key: string; label: string; unit: string; decimals: number; timing: string }>;
  /** v[measure][areaIndex][yearIndex]; England under e[measure][yearIndex]. */
  v: Record<string, Array<Array<number | null>>>;
  e: Record<string, Array<number | null>>;
  /** fl[measure]: flagged council-years, [areaIndex, yearIndex, note], oldest first per council. */
  fl: Record<string, Array<[number, number, string]>>;
}

export function comparePayload(
  panel: readonly PanelRow[],
  las: readonly LaInfo[],
  england: readonly AreaYear[],
  /** A council's chart flags for a measure; each flag's `where` holds its `year`. */
  flagsFor: (la: LaInfo, def: MeasureDef) => readonly ChartFlag[] = () => [],
  /** The deflators' base year (england.json), which names the prices of the real-terms measure. */
  priceBaseYear?: number,
): ComparePayload {
  const years = [...new Set(panel.map((r) => r.year))].sort((a, b) => a - b);
  const areas = [...las].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const byKey = new Map(panel.map((r) => [`${r.la_code} ${r.year}`, r] as const));
  const out: ComparePayload = {
    years,
    areas: areas.map((l) => (l.status === 'former' ? { s: l.slug, n: `${l.name} (to ${l.lastYear})`, f: 1 } : { s: l.slug, n: l.name })),
    measures: [],
    v: {},
    e: {},
    fl: {},
  };
  for (const key of COMPARE_MEASURES) {
    const def = atPrices(MEASURES[key]!, priceBaseYear);
    const f = 10 ** def.decimals;
    const r = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * f) / f);
    out.measures.push({ key, label: def.label, unit: def.unit, decimals: def.decimals, timing: def.timing });
    out.v[key] = areas.map((l) => years.map((y) => r(byKey.get(`${l.code} ${y}`)?.[def.measure])));
    out.fl[key] = areas.flatMap((l, i) =>
      flagsFor(l, def).flatMap((flag) => {
        const j = years.indexOf(Number(flag.where.year));
        return j < 0 ? [] : [[i, j, flag.note] as [number, number, string]];
      }),
    );
    out.e[key] = years.map((y) => r(england.find((a) => a.code === ENGLAND_CODE && a.year === y)?.values[def.measure]));
  }
  return out;
}
