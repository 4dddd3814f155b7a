/**
 * Choropleth classes: quantile breaks over the councils with a value, a
 * colour-blind-safe sequential scheme, and legend labels with the class
 * bounds. Pure and dependency-free: the build and the map island share it.
 *
 * Quantile classes put (about) the same number of councils in each class.
 * Breaks are rounded to the measure's display precision and de-duplicated,
 * so heavily tied data gives fewer classes rather than empty ones. A class
 * holds values v with lower <= v < upper (the last class includes its top).
 * Missing values are not classified: they get MISSING_FILL (hatched grey)
 * and are counted with their reasons.
 */
import { quantile } from '../../../contract/stats.ts';

/** ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, prints in greyscale. */
export const SCHEME = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const MISSING_FILL = 'url(#map-hatch)';

export interface Classes {
  /** Inner thresholds, ascending: values below breaks[0] are class 0. */
  breaks: number[];
  min: number;
  max: number;
  colours: string[];
}

function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

export function quantileClasses(values: readonly (number | null)[], k: number = SCHEME.length, decimals = 0): Classes {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) throw new Error('quantileClasses: no values to classify');
  if (k < 2 || k > SCHEME.length) throw new Error(`quantileClasses: k must be 2–${SCHEME.length}, got ${k}`);
  const min = v[0]!;
  const max = v.at(-1)!;
  const raw = Array.from({ length: k - 1 }, (_, i) => roundTo(quantile(v, (i + 1) / k), decimals));
  const breaks = [...new Set(raw)].filter((b) => b > min && b <= max);
  const n = breaks.length + 1;
  // Spread the scheme over fewer classes, keeping the ends.
  const colours =
    n === 1 ? [SCHEME[Math.floor(SCHEME.length / 2)]!] : Array.from({ length: n }, (_, i) => SCHEME[Math.round((i * (SCHEME.length - 1)) / (n - 1))]!);
  return { breaks, min, max, colours };
}

export function classOf(c: Classes, value: number): number {
  let i = 0;
  while (i < c.breaks.length && value >= c.breaks[i]!) i++;
  return i;
}

export function fillOf(c: Classes, value: number | null): string {
  return value === null ? MISSING_FILL : c.colours[classOf(c, value)]!;
}

export interface LegendItem {
  colour: string;
  /** "40 to under 55", "55 or more"… formatted by `fmt`. */
  label: string;
  lower: number;
  upper: number;
  count: number;
}

/** Legend rows, lowest class first, with the number of councils in each. */
export function legend(c: Classes, values: readonly (number | null)[], fmt: (v: number) => string): LegendItem[] {
  const bounds = [c.min, ...c.breaks, c.max];
  return c.colours.map((colour, i) => {
    const lower = bounds[i]!;
    const upper = bounds[i + 1]!;
    const last = i === c.colours.length - 1;
    const count = values.filter((v) => v !== null && classOf(c, v) === i).length;
    const label = last ? `${fmt(lower)} to ${fmt(upper)}` : `${fmt(lower)} to under ${fmt(upper)}`;
    return { colour, label, lower, upper, count };
  });
}
