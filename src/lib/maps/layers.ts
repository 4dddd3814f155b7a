/**
 * A map layer and its view for one year, shared by the build (MapView.astro)
 * and the map island, so the server-rendered map and a map recoloured in the
 * browser are the same map.
 *
 * Model: a layer is one measure (or the Ofsted grade) over every year the
 * data have, as compact arrays aligned with `codes` (England's current
 * upper-tier councils, A–Z). The build writes one layer per file
 * (/map/layers/<key>.json, mapdata.ts layerData) and the island fetches a
 * layer only when a reader picks it.
 *
 * The view of a year:
 *   - numeric layers: quantile classes (classify.ts) over the RANKED councils
 *     with a figure; the small councils (data/small-councils.json, listed in
 *     `unranked`) are left out of the breaks and the ranks and drawn with
 *     UNRANKED_FILL, their own figure still in their label;
 *   - the grade layer: one colour per Ofsted grade (GRADE_COLOURS), no ranks;
 *   - a missing value is hatched (MISSING_FILL) and keeps its reason.
 * Pure and dependency-light: no Node modules, no panel.
 */
import { financialYear } from '../../../contract/years.ts';
import { formatValue, type Unit } from '../format.ts';
import { rankOf } from '../councils/rank.ts';
import { ordinal } from '../councils/rank.ts';
import { legend as numericLegend, MISSING_FILL, quantileClasses, fillOf, SCHEME } from './classify.ts';

export const UNRANKED_FILL = 'url(#map-unranked)';

/** Ofsted's four overall grades, best first. */
export const GRADES = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'] as const;
export type Grade = (typeof GRADES)[number];
/** ColorBrewer RdBu, 4 classes (colour-blind safe), in GRADES order: blue for the better grades, red for the worse. */
export const GRADE_COLOURS: Readonly<Record<Grade, string>> = {
  Outstanding: '#0571b0',
  Good: '#92c5de',
  'Requires improvement': '#f4a582',
  Inadequate: '#ca0020',
};

export type LayerKind = 'numeric' | 'grade';

/** What the selects need: no values. */
export interface LayerMeta {
  key: string;
  kind: LayerKind;
  /** Short label for headings, selects and the table. */
  label: string;
  unit: Unit;
  decimals: number;
  timing: 'at-31-march' | 'financial-year';
  /** Every year with any value, newest first. */
  years: number[];
}

export interface LayerData extends LayerMeta {
  /** Council codes, A–Z by name; every array below is aligned with it. */
  codes: string[];
  /** Councils shown but not ranked nor used for the colour breaks (the small-councils rule). */
  unranked: string[];
  /** The rule's words for readers. */
  unrankedNote: string;
  /** values[year][i]: a number (numeric), a grade (grade), or null. */
  values: Record<string, Array<number | string | null>>;
  /** reasons[year][i]: the missing reason's key, for each null value. */
  reasons: Record<string, Record<number, string>>;
  /** Reason key → words. */
  reasonText: Record<string, string>;
}

export interface LayerCell {
  code: string;
  value: number | string | null;
  /** Missing reason in words, or null. */
  reason: string | null;
  /** Competition rank from the highest (numeric layers, ranked councils with a figure). */
  rank: number | null;
  tied: boolean;
  unranked: boolean;
  fill: string;
}

export interface KeyItem {
  fill: string;
  label: string;
  count: number;
  kind: 'class' | 'unranked' | 'missing';
}

export interface LayerView {
  cells: LayerCell[];
  key: KeyItem[];
  /** Councils ranked (numeric) or with a grade (grade layer). */
  of: number;
  /** How the colours were chosen, for the line under the title. */
  method: string;
}

export function yearText(meta: Pick<LayerMeta, 'timing'>, y: number): string {
  return meta.timing === 'financial-year' ? financialYear(y) : String(y);
}
export function layerTitle(meta: Pick<LayerMeta, 'timing' | 'label'>, y: number): string {
  return `${meta.label}, ${meta.timing === 'financial-year' ? `in ${yearText(meta, y)}` : `at 31 March ${y}`}`;
}
export function formatLayerValue(meta: Pick<LayerMeta, 'unit' | 'decimals'>, v: number | string | null): string {
  if (v === null) return 'no figure';
  return typeof v === 'string' ? v : formatValue(v, meta.unit, meta.decimals);
}

export function layerView(layer: LayerData, year: number): LayerView {
  const values = layer.values[String(year)];
  if (!values) throw new Error(`map layer ${layer.key}: no year ${year} (years: ${layer.years.join(', ')})`);
  if (values.length !== layer.codes.length) throw new Error(`map layer ${layer.key} ${year}: ${values.length} values for ${layer.codes.length} councils`);
  const reasons = layer.reasons[String(year)] ?? {};
  const unranked = new Set(layer.unranked);
  const reasonOf = (i: number) => {
    const k = reasons[i];
    return k === undefined ? null : (layer.reasonText[k] ?? k);
  };
  const nMissing = values.filter((v) => v === null).length;
  const missingItem: KeyItem = { fill: MISSING_FILL, label: 'No figure', count: nMissing, kind: 'missing' };

  if (layer.kind === 'grade') {
    const cells = layer.codes.map((code, i) => {
      const v = values[i] ?? null;
      if (v !== null && !(GRADES as readonly string[]).includes(String(v)))
        throw new Error(`map layer ${layer.key} ${year}: ${code} has grade ${JSON.stringify(v)}, expected one of ${GRADES.join(', ')}`);
      const fill = v === null ? MISSING_FILL : GRADE_COLOURS[v as Grade];
      return { code, value: v, reason: v === null ? reasonOf(i) : null, rank: null, tied: false, unranked: false, fill };
    });
    const key: KeyItem[] = GRADES.map((g) => ({ fill: GRADE_COLOURS[g], label: g, count: values.filter((v) => v === g).length, kind: 'class' as const }));
    return {
      cells,
      key: [...key, { ...missingItem, label: 'No judgement' }],
      of: layer.codes.length - nMissing,
      method: 'One colour for each of Ofsted’s four grades: the latest judgement Ofsted counted at 31 March.',
    };
  }

  const num = values.map((v) => {
    if (v !== null && typeof v !== 'number') throw new Error(`map layer ${layer.key} ${year}: value ${JSON.stringify(v)} is not a number`);
    return v as number | null;
  });
  const field = layer.codes.map((code, i) => ({ code, value: unranked.has(code) ? null : num[i]! }));
  const rankedValues = field.map((f) => f.value);
  const classes = quantileClasses(rankedValues, SCHEME.length, layer.decimals);
  const cells = layer.codes.map((code, i) => {
    const v = num[i]!;
    const isUnranked = unranked.has(code) && v !== null;
    const r = isUnranked ? null : rankOf(code, field);
    const fill = v === null ? MISSING_FILL : isUnranked ? UNRANKED_FILL : fillOf(classes, v);
    return { code, value: v, reason: v === null ? reasonOf(i) : null, rank: r?.fromTop ?? null, tied: (r?.tiedWith ?? 1) > 1, unranked: isUnranked, fill };
  });
  const of = rankedValues.filter((v) => v !== null).length;
  const nUnranked = cells.filter((c) => c.unranked).length;
  const classItems: KeyItem[] = numericLegend(classes, rankedValues, (v) => formatValue(v, layer.unit, layer.decimals)).map((i) => ({
    fill: i.colour,
    label: i.label,
    count: i.count,
    kind: 'class',
  }));
  const key = [...classItems];
  if (nUnranked) key.push({ fill: UNRANKED_FILL, label: 'Not ranked (few children)', count: nUnranked, kind: 'unranked' });
  key.push(missingItem);
  return {
    cells,
    key,
    of,
    method: `Quantile classes: each colour holds about a fifth of the ${of} ranked councils with a figure. Darker = higher.`,
  };
}

/** "Blackpool: 184, highest of 151" · "Isles of Scilly: 60, not ranked (few children)" · "Kent: Good" · "X: no figure, suppressed…". */
export function cellLabel(meta: Pick<LayerMeta, 'unit' | 'decimals' | 'kind'>, name: string, c: LayerCell, of: number): string {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  if (c.value === null) return `${name}: no figure${c.reason ? `, ${lower(c.reason)}` : ''}`;
  const v = formatLayerValue(meta, c.value);
  if (meta.kind === 'grade') return `${name}: ${v}`;
  if (c.unranked || c.rank === null) return `${name}: ${v}, not ranked (few children)`;
  const pos = c.rank === 1 ? 'highest' : `${ordinal(c.rank)} highest`;
  return `${name}: ${v}, ${c.tied ? 'joint ' : ''}${pos} of ${of}`;
}

/** Table order: rank (numeric) or grade (best first), then name; unranked and missing last. */
export function tableOrder(meta: Pick<LayerMeta, 'kind'>, cells: readonly LayerCell[], nameOf: (code: string) => string): LayerCell[] {
  const gradeIdx = (v: LayerCell['value']) => (v === null ? Infinity : (GRADES as readonly string[]).indexOf(String(v)));
  const primary = (c: LayerCell) => (meta.kind === 'grade' ? gradeIdx(c.value) : c.rank !== null ? c.rank : c.value !== null ? 1e9 : Infinity);
  return [...cells].sort((a, b) => primary(a) - primary(b) || nameOf(a.code).localeCompare(nameOf(b.code), 'en-GB'));
}
