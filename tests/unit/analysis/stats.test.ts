import { describe, expect, it } from 'vitest';
import {
  bootstrapPairedCI,
  chiSquareSurvival,
  jonckheereExpected,
  jonckheereStatistic,
  kruskalWallis,
  median,
  mulberry32,
  ols,
  pearson,
  permutationTest,
  quantile,
  rank,
  spearman,
} from '../../../contract/stats.ts';
import { yearEndingMarch, TIMELINE } from '../../../src/lib/analysis/timeline.ts';

describe('rank', () => {
  it('averages tied ranks', () => {
    expect(rank([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(rank([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });
  it('rejects non-finite values', () => {
    expect(() => rank([1, NaN])).toThrow(/not a finite number/);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });
  it('handles ties exactly (hand computed: 4.5 / sqrt(4.5 × 5))', () => {
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });
  it('is NaN with no variance and rejects unequal lengths', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(/differ in length/);
  });
});

describe('ols and pearson', () => {
  it('recovers an exact line', () => {
    const f = ols([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(f.slope).toBeCloseTo(2, 12);
    expect(f.intercept).toBeCloseTo(1, 12);
    expect(f.r2).toBeCloseTo(1, 12);
  });
  it('matches a hand-computed R² of 0.36', () => {
    const f = ols([1, 2, 3, 4], [2, 1, 4, 3]);
    expect(f.r2).toBeCloseTo(0.36, 12);
    expect(f.slope).toBeCloseTo(0.6, 12);
    expect(pearson([1, 2, 3, 4], [2, 1, 4, 3]) ** 2).toBeCloseTo(0.36, 12);
  });
});

describe('median and quantile', () => {
  it('interpolates like d3.quantile', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(median([])).toBeNaN();
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.3)).toBe(10);
  });
});

describe('chi-square and Kruskal–Wallis', () => {
  it('gives the textbook 5% critical values', () => {
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquareSurvival(5.991465, 2)).toBeCloseTo(0.05, 5);
    expect(chiSquareSurvival(7.814728, 3)).toBeCloseTo(0.05, 5);
  });
  it('computes H for two separated groups (hand computed: 3.857)', () => {
    const kw = kruskalWallis([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(kw.h).toBeCloseTo((12 / 42) * (36 / 3 + 225 / 3) - 21, 10);
    expect(kw.df).toBe(1);
    expect(kw.p).toBeCloseTo(chiSquareSurvival(kw.h, 1), 12);
  });
  it('applies the tie correction', () => {
    // Ranks: 1, 2.5, 2.5 | 4, 5, 6 ; correction 1 − (8 − 2)/(216 − 6).
    const kw = kruskalWallis([
      [1, 2, 2],
      [3, 4, 5],
    ]);
    const hRaw = (12 / 42) * (6 ** 2 / 3 + 15 ** 2 / 3) - 21;
    expect(kw.h).toBeCloseTo(hRaw / (1 - 6 / 210), 10);
  });
});

describe('Jonckheere–Terpstra', () => {
  it('counts ordered pairs with ties as one half', () => {
    expect(
      jonckheereStatistic([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(4);
    expect(
      jonckheereStatistic([
        [1, 3],
        [3, 4],
      ]),
    ).toBe(3.5);
    expect(jonckheereExpected([2, 2])).toBe(2);
  });
});

describe('resampling is deterministic and seeded', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const y = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
  it('mulberry32 repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect([c(), c(), c()]).not.toEqual(sa);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });
  it('bootstrap CI is identical for the same seed, differs for another, and brackets the estimate', () => {
    const a = bootstrapPairedCI(x, y, spearman, { resamples: 500, seed: 7 });
    const b = bootstrapPairedCI(x, y, spearman, { resamples: 500, seed: 7 });
    const c = bootstrapPairedCI(x, y, spearman, { resamples: 500, seed: 8 });
    expect(b).toEqual(a);
    expect(c.lo === a.lo && c.hi === a.hi).toBe(false);
    expect(a.lo).toBeLessThanOrEqual(spearman(x, y));
    expect(a.hi).toBeGreaterThanOrEqual(spearman(x, y));
  });
  it('permutation p is small for a strong association, never zero, and large for none', () => {
    const strong = permutationTest(x, y, spearman, { permutations: 999, seed: 1 });
    expect(strong.p).toBeLessThan(0.01);
    expect(strong.p).toBeGreaterThan(0);
    const none = permutationTest([1, 2, 3, 4, 5, 6], [3, 6, 1, 4, 2, 5], spearman, { permutations: 999, seed: 1 });
    expect(none.p).toBeGreaterThan(0.3);
    expect(permutationTest(x, y, spearman, { permutations: 999, seed: 1 })).toEqual(strong);
  });
});

describe('timeline years end 31 March', () => {
  it('maps dates to the year ending 31 March', () => {
    expect(yearEndingMarch('2014-10')).toBe(2015);
    expect(yearEndingMarch('2018-01')).toBe(2018);
    expect(yearEndingMarch('2019-04-01')).toBe(2020);
    expect(yearEndingMarch('2013-03-31')).toBe(2013);
    expect(() => yearEndingMarch('2019-13')).toThrow(/out of range/);
    expect(() => yearEndingMarch('April 2019')).toThrow(/Not an ISO/);
  });
  it('has unique ids and consistent years', () => {
    expect(new Set(TIMELINE.map((m) => m.id)).size).toBe(TIMELINE.length);
    for (const m of TIMELINE) expect(m.year).toBe(yearEndingMarch(m.date));
    expect(TIMELINE.find((m) => m.id === 'ilacs')!.year).toBe(2018);
    expect(TIMELINE.find((m) => m.id === 'bcp')!.year).toBe(2020);
  });
});
