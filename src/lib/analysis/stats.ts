/**
 * Small, dependency-free statistics for testing public claims.
 *
 * Everything here is pure and deterministic: resampling methods take a seed
 * and use a fixed PRNG (mulberry32), so a build produces the same confidence
 * intervals and p-values every time the data are unchanged.
 *
 * Conventions
 * - Ranks are 1-based; ties get the average of the ranks they span
 *   ("fractional" ranking), which is what Spearman's rho with ties and the
 *   Kruskal–Wallis test require.
 * - Spearman's rho = Pearson correlation of the ranks (the exact formula with
 *   ties; the 1 − 6Σd²/n(n²−1) shortcut is wrong when there are ties).
 * - Permutation p-values are two-sided and use (hits + 1) / (B + 1), so they
 *   are never 0 (Phipson & Smyth 2010).
 * - Bootstrap confidence intervals are percentile intervals over B resamples
 *   of cases (pairs), with `NaN` statistics (e.g. a resample with no
 *   variance) dropped and counted.
 */

/** Seeded PRNG (mulberry32): returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function assertFinite(xs: readonly number[], what: string): void {
  xs.forEach((x, i) => {
    if (!Number.isFinite(x)) throw new RangeError(`${what}[${i}] is not a finite number (${x}).`);
  });
}

function assertPaired(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) throw new RangeError(`x and y differ in length (${x.length} vs ${y.length}).`);
  assertFinite(x, 'x');
  assertFinite(y, 'y');
}

/** Fractional (average) ranks, 1-based. */
export function rank(xs: readonly number[]): number[] {
  assertFinite(xs, 'values');
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const ranks = new Array<number>(xs.length);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]!] === xs[idx[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[idx[k]!] = avg;
    i = j + 1;
  }
  return ranks;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Median (average of the two middle values for even n); NaN for empty input. */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Linear-interpolation quantile (R type 7, as d3.quantile). */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** Pearson's r; NaN when either variable has no variance or n < 2. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  assertPaired(x, y);
  const n = x.length;
  if (n < 2) return NaN;
  const { sxy, sxx, syy } = centredSums(x, y);
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** Means and centred sums of squares and cross-products of paired samples (shared by pearson and ols). */
function centredSums(x: readonly number[], y: readonly number[]): { mx: number; my: number; sxy: number; sxx: number; syy: number } {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { mx, my, sxy, sxx, syy };
}

/** Spearman's rank correlation with ties (Pearson on fractional ranks). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  assertPaired(x, y);
  return pearson(rank(x), rank(y));
}

export interface OlsFit {
  n: number;
  slope: number;
  intercept: number;
  /** Coefficient of determination (share of variance in y explained by x). */
  r2: number;
}

/** Ordinary least squares of y on x with an intercept. */
export function ols(x: readonly number[], y: readonly number[]): OlsFit {
  assertPaired(x, y);
  const n = x.length;
  const { mx, my, sxy, sxx, syy } = centredSums(x, y);
  const slope = sxx === 0 ? NaN : sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = sxx === 0 || syy === 0 ? NaN : (sxy * sxy) / (sxx * syy);
  return { n, slope, intercept, r2 };
}

export interface Interval {
  lo: number;
  hi: number;
  level: number;
  resamples: number;
  /** Resamples dropped because the statistic was undefined (NaN). */
  dropped: number;
  seed: number;
}

/** Percentile bootstrap CI for a statistic of paired data, resampling pairs. */
export function bootstrapPairedCI(
  x: readonly number[],
  y: readonly number[],
  stat: (x: number[], y: number[]) => number,
  opts: { resamples?: number; seed?: number; level?: number } = {},
): Interval {
  assertPaired(x, y);
  const B = opts.resamples ?? 2000;
  const seed = opts.seed ?? 20160101;
  const level = opts.level ?? 0.95;
  const rnd = mulberry32(seed);
  const n = x.length;
  const out: number[] = [];
  let dropped = 0;
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rnd() * n);
      bx[i] = x[k]!;
      by[i] = y[k]!;
    }
    const s = stat(bx, by);
    if (Number.isNaN(s)) dropped++;
    else out.push(s);
  }
  const a = (1 - level) / 2;
  return { lo: quantile(out, a), hi: quantile(out, 1 - a), level, resamples: B, dropped, seed };
}

/** In-place Fisher–Yates shuffle driven by `rnd`. */
function shuffle<T>(arr: T[], rnd: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = arr[i]!;
    arr[i] = arr[j]!;
    arr[j] = t;
  }
}

export interface PermutationTest {
  observed: number;
  /** Two-sided p-value: share of permutations with |stat − centre| ≥ |observed − centre|. */
  p: number;
  permutations: number;
  seed: number;
}

/**
 * Two-sided permutation test of association: shuffles y against x. `centre`
 * is the statistic's value under no association (0 for a correlation).
 */
export function permutationTest(
  x: readonly number[],
  y: readonly number[],
  stat: (x: readonly number[], y: readonly number[]) => number,
  opts: { permutations?: number; seed?: number; centre?: number } = {},
): PermutationTest {
  assertPaired(x, y);
  const B = opts.permutations ?? 5000;
  const seed = opts.seed ?? 20160102;
  const centre = opts.centre ?? 0;
  const rnd = mulberry32(seed);
  const observed = stat(x, y);
  const obsDev = Math.abs(observed - centre);
  const ys = [...y];
  let hits = 0;
  for (let b = 0; b < B; b++) {
    shuffle(ys, rnd);
    // A tiny tolerance so that permutations equal to the observed value count as hits despite float noise.
    if (Math.abs(stat(x, ys) - centre) >= obsDev - 1e-12) hits++;
  }
  return { observed, p: (hits + 1) / (B + 1), permutations: B, seed };
}

/** Natural log of the gamma function (Lanczos approximation). */
function lnGamma(z: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  z -= 1;
  let x = c[0]!;
  for (let i = 1; i < g + 2; i++) x += c[i]! / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}

/** Regularised upper incomplete gamma Q(a, x) (Numerical Recipes gser/gcf). */
function gammaQ(a: number, x: number): number {
  if (x < 0 || a <= 0) return NaN;
  if (x === 0) return 1;
  const gln = lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let del = sum;
    let ap = a;
    for (let n = 0; n < 500; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - gln);
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - gln) * h;
}

/** Upper tail P(X ≥ x) of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

export interface KruskalWallis {
  /** H statistic, corrected for ties. */
  h: number;
  df: number;
  /** Asymptotic p-value (chi-square with k − 1 df). */
  p: number;
  n: number;
  groups: number;
}

/** Kruskal–Wallis H test across groups (empty groups are ignored). */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalWallis {
  const gs = groups.filter((g) => g.length > 0);
  const all = gs.flat();
  const n = all.length;
  const r = rank(all);
  let offset = 0;
  let sum = 0;
  for (const g of gs) {
    let rs = 0;
    for (let i = 0; i < g.length; i++) rs += r[offset + i]!;
    sum += (rs * rs) / g.length;
    offset += g.length;
  }
  const hRaw = (12 / (n * (n + 1))) * sum - 3 * (n + 1);
  // Tie correction: 1 − Σ(t³ − t) / (n³ − n).
  const counts = new Map<number, number>();
  for (const v of all) counts.set(v, (counts.get(v) ?? 0) + 1);
  let t = 0;
  for (const c of counts.values()) t += c * c * c - c;
  const corr = 1 - t / (n * n * n - n);
  const h = corr === 0 ? NaN : hRaw / corr;
  const df = gs.length - 1;
  return { h, df, p: df > 0 ? chiSquareSurvival(h, df) : NaN, n, groups: gs.length };
}

/**
 * Jonckheere–Terpstra statistic for an ordered alternative: the number of
 * pairs (a in a lower group, b in a higher group) with a < b, ties counting
 * one half. `groups` must be in the hypothesised order.
 */
export function jonckheereStatistic(groups: readonly (readonly number[])[]): number {
  let j = 0;
  for (let g = 0; g < groups.length; g++) {
    for (let h = g + 1; h < groups.length; h++) {
      for (const a of groups[g]!) for (const b of groups[h]!) j += a < b ? 1 : a === b ? 0.5 : 0;
    }
  }
  return j;
}

/** Expected JT statistic under no trend: (N² − Σ nᵢ²) / 4. */
export function jonckheereExpected(sizes: readonly number[]): number {
  const n = sizes.reduce((a, b) => a + b, 0);
  return (n * n - sizes.reduce((a, b) => a + b * b, 0)) / 4;
}

export interface JonckheereTest {
  j: number;
  expected: number;
  /** Two-sided permutation p-value (group labels shuffled). */
  p: number;
  permutations: number;
  seed: number;
}

/** Jonckheere–Terpstra trend test with a two-sided permutation p-value. */
export function jonckheereTest(
  groups: readonly (readonly number[])[],
  opts: { permutations?: number; seed?: number } = {},
): JonckheereTest {
  const sizes = groups.map((g) => g.length);
  const labels: number[] = [];
  const values: number[] = [];
  groups.forEach((g, i) => g.forEach((v) => (labels.push(i), values.push(v))));
  const stat = (lab: readonly number[], val: readonly number[]): number => {
    const gs: number[][] = sizes.map(() => []);
    lab.forEach((l, i) => gs[l]!.push(val[i]!));
    return jonckheereStatistic(gs);
  };
  const expected = jonckheereExpected(sizes);
  const t = permutationTest(labels, values, stat, { ...opts, centre: expected });
  return { j: t.observed, expected, p: t.p, permutations: t.permutations, seed: t.seed };
}
