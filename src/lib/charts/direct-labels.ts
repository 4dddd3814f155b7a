/**
 * Direct labels on a line chart: each series' name beside its last value, in
 * a text colour of the series that meets 4.5:1 (var(--chart-N-text), see
 * charts.css), with a halo in the background colour over gridlines. Labels
 * are wrapped to the variant's width (two lines at most), nudged apart by
 * separateLabels so they never overlap, and the right margin grows to hold
 * them (labelMargin). Text is the variant's font size (13 units: about
 * 12.5 px on a 360 px phone, the narrow variant's scale).
 */
import type * as Plot from '@observablehq/plot';
import type { Variant } from './common.ts';
import { separateLabels, wrapLabel } from './labels.ts';

/** One labelled series: its last defined point and the label's colour. */
export interface LabelEnd {
  name: string;
  x: number;
  y: number;
  color: string;
}

/** Estimated width of a semibold character, in ems (a little wider than marginForTicks' 0.62 for regular digits). */
const CHAR_EM = 0.66;
/** Gap between a line's last point and its label. */
const DX = 6;
const LINE_HEIGHT = 1.2;

/** Longest label line in characters: about 95 units narrow, 160 wide. */
export function labelChars(v: Variant): number {
  return v.narrow ? 12 : 20;
}

export function labelLines(name: string, v: Variant): string[] {
  return wrapLabel(name, labelChars(v), 2);
}

/**
 * The right margin that holds every label. A label starts DX past its
 * series' last point; for a series ending before the last x, part of it
 * falls inside the plot (fraction f of the plot width from the right), so
 * the margin m must satisfy DX + width − f·(W − left − m) ≤ m.
 */
export function labelMargin(ends: readonly LabelEnd[], xs: readonly number[], v: Variant, marginLeft: number, min = 28): number {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  let m = min;
  for (const e of ends) {
    const width = Math.max(...labelLines(e.name, v).map((l) => l.length)) * v.fontSize * CHAR_EM + DX + 4;
    const f = hi > lo ? (hi - e.x) / (hi - lo) : 0;
    if (f < 1) m = Math.max(m, (width - f * (v.width - marginLeft)) / (1 - f));
  }
  return Math.ceil(m);
}

/** A Plot render function drawing the labels, placed with the plot's own scales. */
export function directLabelMark(ends: readonly LabelEnd[], v: Variant): Plot.RenderFunction {
  return (_index, scales, _values, dims, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('class', 'chart-direct-labels');
    const lh = v.fontSize * LINE_HEIGHT;
    const lines = ends.map((e) => labelLines(e.name, v));
    const ys = separateLabels(
      ends.map((e, i) => ({ target: scales.y!(e.y) as number, height: lines[i]!.length * lh })),
      { min: dims.marginTop, max: dims.height - dims.marginBottom, gap: 2 },
    );
    ends.forEach((e, i) => {
      const t = doc.createElementNS(ns, 'text');
      const x = (scales.x!(e.x) as number) + DX;
      t.setAttribute('class', 'chart-direct-label');
      t.setAttribute('data-series', e.name);
      t.setAttribute('fill', e.color);
      t.setAttribute('font-weight', '600');
      t.setAttribute('text-anchor', 'start');
      t.setAttribute('stroke', 'var(--chart-bg)');
      t.setAttribute('stroke-width', '3');
      t.setAttribute('stroke-linejoin', 'round');
      t.setAttribute('paint-order', 'stroke');
      const top = ys[i]! - (lines[i]!.length * lh) / 2;
      lines[i]!.forEach((line, k) => {
        const span = doc.createElementNS(ns, 'tspan');
        span.setAttribute('x', x.toFixed(2));
        span.setAttribute('y', (top + lh * (k + 0.5)).toFixed(2));
        span.setAttribute('dy', '0.32em');
        span.textContent = line;
        t.append(span);
      });
      g.append(t);
    });
    return g as unknown as SVGElement;
  };
}
