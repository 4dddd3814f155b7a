/**
 * Flagged values: figures flagged for checking (on council pages, the
 * anomaly screen's findings with the editors' decisions). A flag names one
 * data row by its field values; the chart draws a ring in the text colour
 * around that row's point with the flag's number beside it, the table cell
 * reads "… (flagged, note 1)" with a footnote, the CSV gets a "flag" column,
 * and the notes under the chart say what was flagged and decided.
 *
 * Everything here is added only when a chart has flags, so a chart without
 * them renders byte for byte as before.
 */
import * as Plot from '@observablehq/plot';
import type { Variant } from './common.ts';
import { INK } from './palette.ts';
import type { ChartFlag, Datum } from './types.ts';

/** CSV column holding a flagged row's note. */
export const FLAG_CSV_FIELD = 'flag';

/** Explains a flagged table cell (the table's footnote). */
export const FLAG_FOOTNOTE =
  '“Flagged”: the figure looks out of line with the area’s other years or with similar areas and was checked; the numbered note under the chart says what was decided. It is shown as published.';

function matches(d: Datum, where: ChartFlag['where']): boolean {
  return Object.entries(where).every(([k, v]) => d[k] === v);
}

/**
 * Data row index → flag number (1-based, the order of `flags`). A flag that
 * matches no row is an error naming the chart, the flag and the fields.
 */
export function flaggedRows(data: readonly Datum[], flags: readonly ChartFlag[] | undefined, chart: string): Map<number, number> {
  const out = new Map<number, number>();
  (flags ?? []).forEach((f, i) => {
    const hits = data.flatMap((d, j) => (matches(d, f.where) ? [j] : []));
    if (hits.length === 0) {
      const have = Object.keys(data[0] ?? {}).join(', ');
      throw new Error(
        `${chart}: flag ${i + 1} ${JSON.stringify(f.where)} matches no data row (fields: ${have}). Give the x (and series) values of the flagged row exactly as they are in the data.`,
      );
    }
    for (const j of hits) if (!out.has(j)) out.set(j, i + 1);
  });
  return out;
}

/** "Flagged value 1: …" for each flag: the notes under the chart. */
export function flagNotes(flags: readonly ChartFlag[]): string[] {
  return flags.map((f, i) => `Flagged value ${i + 1}: ${f.note}`);
}

/** A flagged point in plot coordinates. */
export interface FlagPoint {
  x: number;
  y: number;
  n: number;
}

/**
 * Flags on a chart that draws one mark per row with a value (a dot strip, a scatter): the index of
 * the flagged row AMONG THE DRAWN ROWS (the chart's points) → flag number. Every flagged row must
 * be drawn: a flag on a row with no value would ring nothing, so it is an error naming the chart,
 * the flag and the row (a value left out of the chart is said in the chart's notes instead).
 */
export function flaggedPoints(
  data: readonly Datum[],
  flags: readonly ChartFlag[] | undefined,
  chart: string,
  drawn: (row: number) => boolean,
): Map<number, number> {
  const rows = flaggedRows(data, flags, chart);
  if (rows.size === 0) return rows;
  const point = new Map(data.flatMap((_, i) => (drawn(i) ? [i] : [])).map((row, j) => [row, j]));
  const out = new Map<number, number>();
  for (const [i, n] of rows) {
    const j = point.get(i);
    if (j === undefined) {
      throw new Error(
        `${chart}: flag ${n} ${JSON.stringify(flags![n - 1]!.where)} matches row ${i + 1}, which has no value to draw. Leave the flag out and say in the chart's notes that the value was left out.`,
      );
    }
    out.set(j, n);
  }
  return out;
}

/** The ring's radius and its two marks' options (one look on every chart type). */
function ringStyle(v: Variant) {
  const r = v.narrow ? 6 : 7;
  return {
    r,
    ring: { r, fill: 'none', stroke: INK, strokeWidth: 2, className: 'chart-flag' },
    label: {
      dx: r + 2,
      dy: -(r + 2),
      textAnchor: 'start' as const,
      fill: INK,
      fontWeight: 700,
      stroke: 'var(--chart-bg)',
      strokeWidth: 3,
      paintOrder: 'stroke',
      className: 'chart-flag-label',
    },
  };
}

/** A hollow ring in the text colour around each flagged point, with its number above right. */
export function flagMarks(points: readonly FlagPoint[], v: Variant): Plot.Markish[] {
  if (points.length === 0) return [];
  const { ring, label } = ringStyle(v);
  return [Plot.dot(points, { x: 'x', y: 'y', ...ring }), Plot.text(points, { x: 'x', y: 'y', text: (p: FlagPoint) => String(p.n), ...label })];
}

/**
 * The same rings on a beeswarm (Plot's dodgeY), whose y positions exist only once Plot has
 * stacked every dot. The ring and its number are dodged over the SAME data, channels and dodge
 * options as the dots (the dodge radius `dodge.r` is the dots' radius, not the ring's), so each
 * lands on its dot; a filter after the dodge keeps only the flagged rows.
 */
export function dodgedFlagMarks<T>(
  data: readonly T[],
  numberOf: ReadonlyMap<number, number>,
  channels: Plot.DotOptions,
  dodge: { anchor: 'middle'; padding: number; r: number },
  v: Variant,
): Plot.Markish[] {
  if (numberOf.size === 0) return [];
  const { ring, label } = ringStyle(v);
  const flagged = (_: T, i: number) => numberOf.has(i);
  return [
    Plot.dot(data, Plot.filter(flagged, Plot.dodgeY(dodge, { ...channels, ...ring }))),
    Plot.text(data, Plot.filter(flagged, Plot.dodgeY(dodge, { ...channels, text: (_: T, i: number) => String(numberOf.get(i)), ...label }))),
  ];
}
