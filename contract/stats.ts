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
import { cumulativeStdNormalProbability, probit } from 'simple-statistics';

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
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
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
export function jonckheereTest(groups: readonly (readonly number[])[], opts: { permutations?: number; seed?: number } = {}): JonckheereTest {
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

// ------------------------------------------------------------------ tests used by the claims engine
//
// Analytic (not resampled) tests, so that every specification of every claim
// is cheap and checkable against scipy (tests/fixtures/stats/reference.py).

/** Standard normal CDF Φ(z) (simple-statistics' table lookup is only good to about 1e-4; this uses erf). */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** Error function: Maclaurin series for |x| < 2.5, Lentz continued fraction for erfc beyond (both ~1e-14). */
function erf(x: number): number {
  // Series for |x| < 2.5, continued fraction beyond: both to ~1e-14.
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let sum = ax;
    let term = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    const v = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -v : v;
  }
  // erfc continued fraction (Lentz).
  let f = ax;
  let c = ax;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    d = ax + an * d;
    d = d === 0 ? 1e-300 : 1 / d;
    c = ax + an / c;
    if (c === 0) c = 1e-300;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  const v = 1 - erfc;
  return x < 0 ? -v : v;
}

/** Standard normal quantile Φ⁻¹(p), refined by Newton steps from simple-statistics' probit. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}.`);
  let z = probit(p);
  for (let i = 0; i < 3; i++) {
    const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    z -= (normalCdf(z) - p) / pdf;
  }
  return z;
}
// (cumulativeStdNormalProbability is kept as a cross-check in the tests.)
export const coarseNormalCdf = cumulativeStdNormalProbability;

/** Regularised incomplete beta I_x(a, b) (Numerical Recipes betai/betacf). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const bt = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  const cf = (xx: number, aa: number, bb: number): number => {
    const qab = aa + bb;
    const qap = aa + 1;
    const qam = aa - 1;
    let c = 1;
    let d = 1 - (qab * xx) / qap;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    d = 1 / d;
    let h = d;
    for (let m = 1; m < 500; m++) {
      const m2 = 2 * m;
      let aa2 = (m * (bb - m) * xx) / ((qam + m2) * (aa + m2));
      d = 1 + aa2 * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa2 / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      h *= d * c;
      aa2 = (-(aa + m) * (qab + m) * xx) / ((aa + m2) * (qap + m2));
      d = 1 + aa2 * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa2 / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      const del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) break;
    }
    return h;
  };
  return x < (a + 1) / (a + b + 2) ? (bt * cf(x, a, b)) / a : 1 - (bt * cf(1 - x, b, a)) / b;
}

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Residuals of y after least squares on the columns of `controls` (with an intercept). */
export function residualise(y: readonly number[], controls: readonly (readonly number[])[]): number[] {
  const n = y.length;
  const k = controls.length + 1;
  // Design matrix X (n × k), solve (XᵀX) b = Xᵀy by Gaussian elimination with partial pivoting.
  const X = y.map((_, i) => [1, ...controls.map((c) => c[i]!)]);
  const A = Array.from({ length: k }, (_, r) => Array.from({ length: k + 1 }, (_, c) => 0));
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      for (let c = 0; c < k; c++) A[r]![c]! += X[i]![r]! * X[i]![c]!;
      A[r]![k]! += X[i]![r]! * y[i]!;
    }
  }
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(A[r]![col]!) > Math.abs(A[piv]![col]!)) piv = r;
    [A[col], A[piv]] = [A[piv]!, A[col]!];
    const p = A[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new RangeError('residualise: the controls are collinear (a control has no variance in this sample).');
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = A[r]![col]! / p;
      for (let c = col; c <= k; c++) A[r]![c]! -= f * A[col]![c]!;
    }
  }
  const b = A.map((row, r) => row[k]! / row[r]!);
  return y.map((v, i) => v - X[i]!.reduce((s, xv, j) => s + xv * b[j]!, 0));
}

export interface CorrelationTest {
  /** The (partial) rank correlation. */
  estimate: number;
  /** 95% interval by Fisher's z (standard error 1/√(n − 3 − k)). */
  ciLow: number;
  ciHigh: number;
  /** Two-sided p-value: t = r √((n − 2 − k)/(1 − r²)), n − 2 − k df (as scipy.stats.spearmanr for k = 0). */
  p: number;
  n: number;
  /** Number of controls partialled out. */
  k: number;
  /** Smallest |ρ| a two-sided test at `alpha` detects with 80% power (Fisher z approximation). */
  mde: number;
}

/**
 * Spearman (k = 0) or partial Spearman rank correlation of x and y given the
 * controls: Pearson correlation of the residuals of rank(x) and rank(y) after
 * least squares on the ranks of the controls. A binary control (e.g. London)
 * is ranked too, which leaves it binary.
 */
export function rankCorrelationTest(
  x: readonly number[],
  y: readonly number[],
  controls: readonly (readonly number[])[] = [],
  opts: { alpha?: number; power?: number } = {},
): CorrelationTest {
  assertPaired(x, y);
  const n = x.length;
  const k = controls.length;
  const rx = rank(x);
  const ry = rank(y);
  const rc = controls.map((c) => rank(c));
  const r = k === 0 ? pearson(rx, ry) : pearson(residualise(rx, rc), residualise(ry, rc));
  const df = n - 2 - k;
  const t = r * Math.sqrt(df / Math.max(1e-300, 1 - r * r));
  const se = 1 / Math.sqrt(n - 3 - k);
  const z = Math.atanh(Math.max(-0.999999999, Math.min(0.999999999, r)));
  const q = normalQuantile(0.975);
  const alpha = opts.alpha ?? 0.05;
  const power = opts.power ?? 0.8;
  return {
    estimate: r,
    ciLow: Math.tanh(z - q * se),
    ciHigh: Math.tanh(z + q * se),
    p: tTwoSidedP(t, df),
    n,
    k,
    mde: minimumDetectableCorrelation(n, alpha, power, k),
  };
}

/** Smallest |ρ| detectable with the given power by a two-sided test at `alpha` (Fisher z, k controls). */
export function minimumDetectableCorrelation(n: number, alpha = 0.05, power = 0.8, k = 0): number {
  return Math.tanh((normalQuantile(1 - alpha / 2) + normalQuantile(power)) / Math.sqrt(n - 3 - k));
}

/** Holm step-down adjusted p-values (same order as the input; NaN stays NaN). */
export function holm(ps: readonly number[]): number[] {
  const idx = ps
    .map((p, i) => ({ p, i }))
    .filter((o) => !Number.isNaN(o.p))
    .sort((a, b) => a.p - b.p);
  const m = idx.length;
  const out = ps.map(() => NaN);
  let running = 0;
  idx.forEach((o, j) => {
    running = Math.max(running, Math.min(1, (m - j) * o.p));
    out[o.i] = running;
  });
  return out;
}

export interface OrdinalLogitFit {
  /** Coefficient of the first predictor (log-odds of a better grade per unit). */
  beta: number[];
  se: number[];
  cutpoints: number[];
  logLik: number;
  n: number;
  iterations: number;
}

/**
 * Proportional-odds (ordinal logistic) regression: P(grade ≤ j) = F(θⱼ − xβ),
 * F the logistic CDF, grades coded 1..K. Newton–Raphson on the exact
 * log-likelihood; standard errors from the inverse of the numerically
 * differentiated Hessian (central differences of the analytic gradient).
 */
export function ordinalLogit(y: readonly number[], X: readonly (readonly number[])[]): OrdinalLogitFit {
  const n = y.length;
  const p = X[0]?.length ?? 0;
  const levels = [...new Set(y)].sort((a, b) => a - b);
  const K = levels.length;
  if (K < 2) throw new RangeError('ordinalLogit: the outcome has fewer than two levels.');
  const yi = y.map((v) => levels.indexOf(v)); // 0..K-1
  const F = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));
  const f = (t: number) => {
    const e = F(t);
    return e * (1 - e);
  };
  // Parameters: K−1 cutpoints then p betas.
  const counts = levels.map((_, j) => yi.filter((v) => v === j).length);
  let cum = 0;
  const theta0 = counts.slice(0, -1).map((c) => {
    cum += c;
    const q = cum / n;
    return Math.log(q / (1 - q));
  });
  let par = [...theta0, ...new Array<number>(p).fill(0)];
  const cut = (pr: number[], j: number) => (j < 0 ? -Infinity : j >= K - 1 ? Infinity : pr[j]!);
  const ll = (pr: number[]): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const eta = X[i]!.reduce((a, xv, j) => a + xv * pr[K - 1 + j]!, 0);
      const hi = cut(pr, yi[i]!);
      const lo = cut(pr, yi[i]! - 1);
      const P = (hi === Infinity ? 1 : F(hi - eta)) - (lo === -Infinity ? 0 : F(lo - eta));
      s += Math.log(Math.max(P, 1e-300));
    }
    return s;
  };
  const grad = (pr: number[]): number[] => {
    const g = new Array<number>(pr.length).fill(0);
    for (let i = 0; i < n; i++) {
      const eta = X[i]!.reduce((a, xv, j) => a + xv * pr[K - 1 + j]!, 0);
      const j = yi[i]!;
      const hi = cut(pr, j);
      const lo = cut(pr, j - 1);
      const Fh = hi === Infinity ? 1 : F(hi - eta);
      const Fl = lo === -Infinity ? 0 : F(lo - eta);
      const fh = hi === Infinity ? 0 : f(hi - eta);
      const fl = lo === -Infinity ? 0 : f(lo - eta);
      const P = Math.max(Fh - Fl, 1e-300);
      if (j < K - 1) g[j]! += fh / P;
      if (j > 0) g[j - 1]! -= fl / P;
      for (let b = 0; b < p; b++) g[K - 1 + b]! += (-X[i]![b]! * (fh - fl)) / P;
    }
    return g;
  };
  const hessian = (pr: number[]): number[][] => {
    const m = pr.length;
    const H: number[][] = [];
    for (let a = 0; a < m; a++) {
      const h = 1e-5 * Math.max(1, Math.abs(pr[a]!));
      const up = [...pr];
      const dn = [...pr];
      up[a]! += h;
      dn[a]! -= h;
      const gu = grad(up);
      const gd = grad(dn);
      H.push(gu.map((v, b) => (v - gd[b]!) / (2 * h)));
    }
    // Symmetrise.
    return H.map((row, a) => row.map((v, b) => (v + H[b]![a]!) / 2));
  };
  let iterations = 0;
  let cur = ll(par);
  for (; iterations < 100; iterations++) {
    const g = grad(par);
    const H = hessian(par);
    const step = solve(
      H.map((r) => r.map((v) => -v)),
      g,
    );
    let t = 1;
    let next = par.map((v, i) => v + t * step[i]!);
    let nl = ll(next);
    while ((!Number.isFinite(nl) || nl < cur - 1e-12 || !increasing(next.slice(0, K - 1))) && t > 1e-8) {
      t /= 2;
      next = par.map((v, i) => v + t * step[i]!);
      nl = ll(next);
    }
    const moved = Math.max(...step.map((s) => Math.abs(s * t)));
    par = next;
    const done = Math.abs(nl - cur) < 1e-10 && moved < 1e-7;
    cur = nl;
    if (done) break;
  }
  const H = hessian(par);
  const cov = invert(H.map((r) => r.map((v) => -v)));
  const se = cov.map((r, i) => Math.sqrt(Math.max(0, r[i]!)));
  return { beta: par.slice(K - 1), se: se.slice(K - 1), cutpoints: par.slice(0, K - 1), logLik: cur, n, iterations };
}

function increasing(xs: number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (!(xs[i]! > xs[i - 1]!)) return false;
  return true;
}

function solve(A: number[][], b: number[]): number[] {
  const k = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[piv]![col]!)) piv = r;
    [M[col], M[piv]] = [M[piv]!, M[col]!];
    const pv = M[col]![col]!;
    if (Math.abs(pv) < 1e-14) throw new RangeError('ordinalLogit: singular information matrix (a predictor separates the grades or has no variance).');
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const fct = M[r]![col]! / pv;
      for (let c = col; c <= k; c++) M[r]![c]! -= fct * M[col]![c]!;
    }
  }
  return M.map((row, i) => row[k]! / row[i]!);
}

function invert(A: number[][]): number[][] {
  const k = A.length;
  return Array.from({ length: k }, (_, j) =>
    solve(
      A,
      Array.from({ length: k }, (_, i) => (i === j ? 1 : 0)),
    ),
  ).reduce<number[][]>(
    (acc, colv, j) => {
      colv.forEach((v, i) => (acc[i]![j] = v));
      return acc;
    },
    Array.from({ length: k }, () => new Array<number>(k).fill(0)),
  );
}

/** Wald test of one coefficient: estimate, 95% interval and two-sided normal p. */
export function waldTest(beta: number, se: number): { estimate: number; ciLow: number; ciHigh: number; p: number } {
  const q = normalQuantile(0.975);
  const z = beta / se;
  return { estimate: beta, ciLow: beta - q * se, ciHigh: beta + q * se, p: 2 * (1 - normalCdf(Math.abs(z))) };
}
