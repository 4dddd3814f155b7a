/**
 * Direct labels: the name of each line printed at its last value instead of
 * a legend, for charts with few series (DIRECT_LABEL_MAX_SERIES).
 *
 * separateLabels is the label-separation step: labels that would overlap are
 * nudged apart along one axis, as little as possible, and never change order.
 * It is the least-squares problem
 *
 *   minimise Σ (yᵢ − tᵢ)²  subject to  yᵢ₊₁ − yᵢ ≥ (hᵢ + hᵢ₊₁)/2 + gap,  lo ≤ y₀ − h₀/2,  yₙ₋₁ + hₙ₋₁/2 ≤ hi
 *
 * (t: each label's target, its line's last value; h: label heights, sorted by
 * target). Subtracting the running sum of the required gaps turns it into an
 * isotonic regression, solved exactly by pool-adjacent-violators; the box
 * constraint is then a clamp. Written here (about 40 lines) because the label
 * libraries solve other problems: labella is an iterative force layout for
 * timelines, d3fc-label-layout a 2D greedy/annealing placement over d3
 * selections that may reorder labels, d3-force gives no no-overlap guarantee;
 * none is exact, order-preserving and deterministic (byte-identical builds).
 * Tested against an independent constrained solver (scipy's trust-constr,
 * tests/fixtures/charts/label_separation_reference.py).
 */

/** At most this many series get direct labels; more keep the legend. */
export const DIRECT_LABEL_MAX_SERIES = 5;

export interface LabelSlot {
  /** Where the label wants its centre (e.g. the pixel y of the line's last value). */
  target: number;
  /** Its height in the same units. */
  height: number;
}

export interface SeparateOptions {
  /** Top (smallest) coordinate a label may reach. */
  min: number;
  /** Bottom (largest) coordinate a label may reach. */
  max: number;
  /** Space between neighbouring labels (default 2). */
  gap?: number;
}

/**
 * Label centres, in the order of `slots`: no two labels overlap, their order
 * along the axis is the order of their targets (ties keep input order), and
 * the total squared displacement is the least possible. When the labels do
 * not fit between min and max they start at min and run past max.
 */
export function separateLabels(slots: readonly LabelSlot[], opts: SeparateOptions): number[] {
  const gap = opts.gap ?? 2;
  const order = slots.map((_, i) => i).sort((a, b) => slots[a]!.target - slots[b]!.target || a - b);
  const h = order.map((i) => slots[i]!.height);
  // c[k]: the least distance from the first label's centre to the k-th.
  const c: number[] = [0];
  for (let k = 1; k < order.length; k++) c.push(c[k - 1]! + (h[k - 1]! + h[k]!) / 2 + gap);
  // Pool adjacent violators on z = t − c (non-decreasing fit, equal weights).
  const blocks: { sum: number; n: number }[] = [];
  order.forEach((i, k) => {
    blocks.push({ sum: slots[i]!.target - c[k]!, n: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.n > blocks.at(-1)!.sum / blocks.at(-1)!.n) {
      const last = blocks.pop()!;
      blocks.at(-1)!.sum += last.sum;
      blocks.at(-1)!.n += last.n;
    }
  });
  const z = blocks.flatMap((b) => Array<number>(b.n).fill(b.sum / b.n));
  const n = order.length;
  const lo = opts.min + (h[0] ?? 0) / 2;
  const hi = n ? opts.max - c[n - 1]! - h[n - 1]! / 2 : lo;
  const out = new Array<number>(slots.length);
  order.forEach((i, k) => {
    out[i] = Math.max(lo, Math.min(hi, z[k]!)) + c[k]!;
  });
  return out;
}

/**
 * A label broken into at most `maxLines` lines of at most `maxChars`
 * characters, at spaces; a word that does not fit, or text beyond the last
 * line, is cut with "…". The full name stays in the table and description.
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const cut = (s: string) => (s.length > maxChars ? `${s.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…` : s);
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      // No room for the rest: the last line takes it, cut with an ellipsis.
      lines.push(cut(`${lines.pop()!} ${words.slice(w).join(' ')}`));
      return lines.map(cut);
    }
  }
  if (line) lines.push(line);
  return lines.map(cut);
}
