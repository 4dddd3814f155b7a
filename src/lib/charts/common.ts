/**
 * Helpers shared by the chart renderers: reading numbers out of plain data
 * (null stays null), the table and CSV of a chart, x/y formatting, the policy
 * annotations, series breaks and the two rendered widths.
 *
 * WHY TWO WIDTHS. A single SVG scaled from 640 px down to a 320 px phone
 * halves its text (10 px labels become 5 px). So every chart is rendered
 * twice, at NARROW (360 units, fewer ticks, wrapped labels) and WIDE (640
 * units), and charts.css shows one of them with a container query on the
 * figure's own width (breakpoint 520 px). The narrow variant is 340 units wide
 * with 13-unit text, so on a 360 px phone (a ~327 px column) text renders at
 * about 12.5 px, and at 11 px on a 320 px phone; wide text is 13–17 px. The hidden variant is display:none, so
 * screen readers meet one image. The cost is ~2× SVG bytes per chart.
 */
import * as Plot from '@observablehq/plot';
import { MISSING_REASONS } from '../../../contract/missing.ts';
import { formatFinancialYear, formatNumber, formatTick, formatValue, MISSING_TEXT, type Unit } from '../format.ts';
import { toCsv } from './csv.ts';
import { createDocument } from './document.ts';
import { FLAG_CSV_FIELD, FLAG_FOOTNOTE, flaggedRows, flagNotes } from './flags.ts';
import { MUTED } from './palette.ts';
import { finishSvg, slug } from './svg.ts';
import type { Annotation, ChartOutput, ChartTable, ChartText, CommonOptions, Datum, UnitInput, XFormat } from './types.ts';

export interface Variant {
  narrow: boolean;
  width: number;
  fontSize: number;
}
export const NARROW: Variant = { narrow: true, width: 340, fontSize: 13 };
export const WIDE: Variant = { narrow: false, width: 640, fontSize: 13 };

/** A finite number, or null (missing). Strings are never parsed: data must arrive typed. */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** '£' → 'gbp', '%' → 'percent', 'per 10,000' → 'per10k'; undefined → 'number'. */
export function normaliseUnit(u: UnitInput | undefined): Unit {
  if (u === undefined) return 'number';
  if (u === '£') return 'gbp';
  if (u === '%') return 'percent';
  if (u === 'per 10,000') return 'per10k';
  return u;
}

export function requireField(data: readonly Datum[], field: string, chart: string, role: string): void {
  if (data.length === 0) throw new Error(`${chart}: no data rows`);
  if (!data.some((d) => field in d)) {
    const have = Object.keys(data[0] ?? {}).join(', ');
    throw new Error(`${chart}: ${role} field "${field}" is not in the data (fields: ${have})`);
  }
}

/** Rejects numeric fields that hold strings like "c" or "12": markers must already be null + missingReason. */
export function requireNumeric(data: readonly Datum[], field: string, chart: string): void {
  data.forEach((d, i) => {
    const v = d[field];
    if (v !== null && v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) {
      throw new Error(
        `${chart}: row ${i + 1}, field "${field}": ${JSON.stringify(v)} is not a number or null (missing values must be null with a missingReason)`,
      );
    }
  });
}

export function reasonText(d: Datum, field: string): string | null {
  const r = d[field];
  if (typeof r !== 'string' || r === '') return null;
  return r in MISSING_REASONS ? MISSING_REASONS[r as keyof typeof MISSING_REASONS] : r;
}

export function formatX(x: unknown, fmt: XFormat): string {
  if (typeof x === 'number') {
    if (fmt === 'financial-year' && Number.isInteger(x)) return formatFinancialYear(x);
    if (fmt === 'year' || fmt === 'financial-year') return String(x);
    return formatNumber(x, Number.isInteger(x) ? 0 : 1);
  }
  return x === null || x === undefined ? MISSING_TEXT : String(x);
}

export function idsFor(opts: CommonOptions): { id: string; titleId: string; descId: string } {
  const id = opts.id ? slug(opts.id) : slug(opts.title);
  return { id, titleId: `${id}-title`, descId: `${id}-desc` };
}

export interface FieldSpec {
  key: string;
  /** 'x' fields use the x format; 'value' fields use the unit; 'text' as is. */
  kind: 'x' | 'value' | 'text';
  unit?: Unit;
  /** Column header in the table (columnLabels wins); default: the field name in sentence case. */
  label?: string | undefined;
}

/** The table (formatted) and the CSV (raw) of exactly the given fields of the data, plus the missing reason column when any row has one. */
export function tableAndCsv(data: readonly Datum[], fields: FieldSpec[], opts: CommonOptions & { xFormat?: XFormat }): { table: ChartTable; csv: string } {
  const reasonField = opts.missingReasonField ?? 'missingReason';
  const hasReason = data.some((d) => typeof d[reasonField] === 'string' && d[reasonField] !== '');
  const csvFields = fields.map((f) => f.key).concat(hasReason ? [reasonField] : []);
  const label = (f: FieldSpec) => opts.columnLabels?.[f.key] ?? f.label ?? sentenceCase(f.key);
  const columns = fields.map((f) => ({ key: f.key, label: label(f), numeric: f.kind === 'value' }));
  const flagged = flaggedRows(data, opts.flags, 'Chart');
  const rows = data.map((d, i) =>
    fields.map((f) => {
      const v = d[f.key];
      if (f.kind === 'x') return formatX(v, opts.xFormat ?? 'year');
      if (f.kind === 'text') return v === null || v === undefined ? MISSING_TEXT : String(v);
      const flag = flagged.get(i);
      const suffix = flag === undefined ? '' : ` (flagged, note ${flag})`;
      const n = num(v);
      if (n !== null) return formatValue(n, f.unit ?? normaliseUnit(opts.unit), opts.decimals) + suffix;
      const why = reasonText(d, reasonField);
      return (why ? `${MISSING_TEXT} (${why})` : MISSING_TEXT) + suffix;
    }),
  );
  if (flagged.size === 0) return { table: { columns, rows }, csv: toCsv(data, csvFields) };
  const notes = opts.flags!.map((f) => f.note);
  const withFlag = data.map((d, i) => ({ ...d, [FLAG_CSV_FIELD]: flagged.has(i) ? notes[flagged.get(i)! - 1] : null }));
  return { table: { columns, rows, footnote: FLAG_FOOTNOTE }, csv: toCsv(withFlag, [...csvFields, FLAG_CSV_FIELD]) };
}

/**
 * Whole-number ticks for a year axis, about `count` of them, starting at the
 * first year (so the start of the series is always labelled) and adding the
 * last year when it is at least 3/4 of a step beyond the last tick.
 */
export function yearTicks(values: number[], count: number): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo;
  const step = [1, 2, 3, 4, 5, 10, 20, 50].find((s) => span / s <= count) ?? 100;
  const ticks: number[] = [];
  for (let t = lo; t <= hi; t += step) ticks.push(t);
  if (hi - ticks[ticks.length - 1]! >= step * 0.75) ticks.push(hi);
  return ticks;
}

export function xAxisOptions(xs: number[], fmt: XFormat, v: Variant, label?: string): Plot.ScaleOptions {
  const isYear = fmt === 'year' || fmt === 'financial-year';
  return {
    label: label ?? null,
    ...(isYear
      ? {
          ticks: yearTicks(xs, fmt === 'financial-year' ? (v.narrow ? 2 : 4) : v.narrow ? 4 : 8),
          tickFormat: (t: number) => formatX(t, fmt),
        }
      : { ticks: v.narrow ? 4 : 8, tickFormat: (t: number) => formatNumber(t, Number.isInteger(t) ? 0 : 1) }),
  };
}

export function yAxisOptions(unit: Unit, v: Variant, label?: string): Plot.ScaleOptions {
  const unitSuffix = unit === 'per10k' && !(label ?? '').includes('10,000') ? ' (per 10,000 children)' : '';
  return {
    grid: true,
    nice: true,
    ticks: v.narrow ? 4 : 6,
    tickFormat: (t: number) => formatTick(t, unit),
    label: label ? `${label}${unitSuffix}` : unitSuffix ? unitSuffix.trim().replace(/[()]/g, '') : null,
  };
}

/** Segment number of an x value: a break at year b starts a new segment at b (b−1 and b are not joined). */
export function segmentOf(x: number, breaks: readonly number[]): number {
  return breaks.filter((b) => x >= b).length;
}

/**
 * Annotations never take more than a fifth of a chart's height. Wide charts
 * give each label a one-line slot (four fit in the 68 of 340 units allowed).
 * Narrow charts with two or more annotations number them instead: "1", "2" …
 * on one line above the frame, and the block shows the key under the chart
 * (annotationKey), since two-line labels for three milestones would take a
 * third of a phone chart.
 */
export function annotationsKeyed(anns: readonly Annotation[] | undefined, v: Variant): boolean {
  return v.narrow && (anns?.length ?? 0) >= 2;
}

/** Height of the top margin band reserved for annotation labels. */
export function annotationBand(anns: readonly Annotation[] | undefined, v: Variant): number {
  if (!anns?.length) return 0;
  if (annotationsKeyed(anns, v)) return v.fontSize + 6;
  return anns.length * annotationSlot(v);
}
function annotationSlot(v: Variant): number {
  return (v.fontSize + 3) * (v.narrow ? 2 : 1);
}

/** The key for numbered annotations, shown under narrow charts: "1 Innovation Programme £100m (2014) · 2 …". */
export function annotationKey(anns: readonly Annotation[] | undefined, fmt: XFormat): string | undefined {
  if (!anns || anns.length < 2) return undefined;
  return anns.map((a, i) => `${i + 1} ${a.label} (${formatX(a.date, fmt)})`).join(' · ');
}

/**
 * Vertical rules with labels. Labels sit ABOVE the plot frame, in the band
 * reserved by annotationBand (one slot per annotation, first annotation
 * highest; or one shared line of numbers when keyed), so they never overprint
 * the data; the rule runs up to its label.
 */
export function annotationMarks(anns: readonly Annotation[], xs: number[], v: Variant): Plot.Markish[] {
  if (anns.length === 0) return [];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (annotationsKeyed(anns, v)) {
    const above = v.fontSize + 6;
    return anns.flatMap((a, i) => [
      Plot.ruleX([a.date], { stroke: MUTED, strokeDasharray: '4,3', strokeWidth: 1, insetTop: -above + v.fontSize + 4 }),
      Plot.text([{ ...a, n: String(i + 1) }], {
        x: 'date',
        text: 'n',
        frameAnchor: 'top',
        textAnchor: 'middle',
        lineAnchor: 'top',
        dy: -above + 2,
        fill: MUTED,
        fontWeight: 700,
        className: 'chart-annotation',
      }),
    ]);
  }
  const slot = annotationSlot(v);
  return anns.flatMap((a, i) => {
    const right = hi > lo && (a.date - lo) / (hi - lo) > 0.6;
    const above = (anns.length - i) * slot; // distance of this label's slot above the frame top
    return [
      Plot.ruleX([a.date], { stroke: MUTED, strokeDasharray: '4,3', strokeWidth: 1, insetTop: -above + 2 }),
      Plot.text([a], {
        x: 'date',
        text: 'label',
        frameAnchor: 'top',
        textAnchor: right ? 'end' : 'start',
        lineAnchor: 'top',
        dx: right ? -4 : 4,
        dy: -above + 2,
        fill: MUTED,
        lineWidth: v.narrow ? 12 : 24,
        className: 'chart-annotation',
      }),
    ];
  });
}

/** Left margin that fits the longest y tick label (estimated at 0.6 em per character). */
export function marginForTicks(values: readonly (number | null)[], unit: Unit, v: Variant, min = 36): number {
  const nums = values.filter((x): x is number => x !== null);
  if (nums.length === 0) return min;
  const extent = Math.max(...nums.map(Math.abs));
  // The nice top tick can be up to ~2× the max; format a representative big tick.
  const longest = Math.max(formatTick(extent * 1.5, unit).length, formatTick(-Math.abs(Math.min(0, ...nums)), unit).length);
  return Math.max(min, Math.round(12 + longest * v.fontSize * 0.62));
}

/** Renders the chart at both widths and finishes the SVGs. */
export function renderVariants(
  make: (v: Variant, document: Document) => Element,
  ids: { titleId: string; descId: string },
): { svgNarrow: string; svgWide: string } {
  const out = [NARROW, WIDE].map((v) => {
    const document = createDocument();
    const el = make(v, document);
    el.setAttribute('font-size', String(v.fontSize));
    return finishSvg(el as SVGSVGElement, { ...ids, className: v.narrow ? 'chart-svg--narrow' : 'chart-svg--wide' });
  });
  return { svgNarrow: out[0]!, svgWide: out[1]! };
}

/** Assembles the output object. */
export function output(kind: string, opts: CommonOptions, parts: ChartText & { svgNarrow: string; svgWide: string }): ChartOutput {
  const { annotationKey: key, ...rest } = parts;
  const flags = opts.flags?.length ? { flagNotes: flagNotes(opts.flags) } : {};
  if (flags.flagNotes) rest.description += ` ${flags.flagNotes.join(' ')}`;
  return { kind, ...idsFor(opts), ...rest, ...(key ? { annotationKey: key } : {}), ...flags };
}

/** "la_name" → "La name", "year" → "Year". */
export function sentenceCase(field: string): string {
  const s = field
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Distinct values in first-seen order. */
export function distinct(values: Iterable<unknown>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v !== null && v !== undefined) seen.add(String(v));
  return [...seen];
}
