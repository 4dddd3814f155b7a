/**
 * The compare chart's y scale. A small council's figures can jump several-fold
 * (a handful of children is a big rate), which on a linear scale flattens
 * every other line; so when the plotted values span more than LOG_SPAN_RATIO
 * from lowest to highest the chart starts on a log scale, where equal steps
 * are equal ratios. A log scale cannot show zero or a negative figure: then
 * the chart stays linear and says why. Readers can switch either way (the
 * island's Linear/Log buttons) except to log when it cannot be drawn.
 */

/** Highest ÷ lowest positive value above which the chart starts on a log scale. */
export const LOG_SPAN_RATIO = 20;

export type Scale = 'linear' | 'log';
export type ScaleChoice = Scale | 'auto';

export interface ScaleDecision {
  /** The scale the chart starts on. */
  auto: Scale;
  /** False when a plotted value is zero or negative (or there is nothing to plot). */
  logPossible: boolean;
  /** Highest ÷ lowest positive value, or null without positive values. */
  ratio: number | null;
}

/** The automatic scale for these plotted values (null = missing, ignored). */
export function decideScale(values: Iterable<number | null | undefined>): ScaleDecision {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let nonPositive = false;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v <= 0) nonPositive = true;
    else {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const ratio = hi >= lo ? hi / lo : null;
  const logPossible = !nonPositive && ratio !== null;
  return { auto: logPossible && ratio! > LOG_SPAN_RATIO ? 'log' : 'linear', logPossible, ratio };
}

/** The scale drawn: the reader's choice where it can be drawn, else the automatic one. */
export function effectiveScale(d: ScaleDecision, choice: ScaleChoice): Scale {
  if (choice === 'auto') return d.auto;
  return choice === 'log' && !d.logPossible ? 'linear' : choice;
}

/**
 * The note under the chart saying which scale is drawn and why; null for an
 * unremarkable linear chart. `tens`: the log gridlines are powers of ten only
 * (logTicks), not 1-2-5 steps.
 */
export function scaleNote(d: ScaleDecision, scale: Scale, tens = true): string | null {
  if (scale === 'log') {
    const why =
      d.ratio !== null && d.ratio > LOG_SPAN_RATIO
        ? ` The highest figure here is ${Math.round(d.ratio)} times the lowest, so on an ordinary scale most lines would lie flat along the bottom.`
        : '';
    const grid = tens ? 'each gridline is ten times the one below, so ' : '';
    return `Log scale: ${grid}equal steps up are equal percentage rises.${why}`;
  }
  if (!d.logPossible && d.ratio !== null) return 'Ordinary (linear) scale: some figures here are zero, which a log scale cannot show.';
  return null;
}

/** Ticks for a log axis: the powers of ten covering [lo, hi], with 2× and 5× between when that is fewer than three ticks. */
export function logTicks(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const a = Math.floor(Math.log10(lo));
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
  const ticks: number[] = [];
  for (let p = a; p <= b; p++) ticks.push(10 ** p);
  if (ticks.length < 3) {
    const more = ticks.flatMap((t) => [t, 2 * t, 5 * t]).filter((t) => t <= 10 ** b);
    return { domain: [10 ** a, 10 ** b], ticks: more };
  }
  return { domain: [10 ** a, 10 ** b], ticks };
}
