/**
 * The claims engine's statistics against an independent implementation:
 * tests/fixtures/stats/reference.json was written by reference.py in that
 * folder (numpy/scipy: scipy.stats.spearmanr, rankdata + lstsq residuals,
 * scipy.stats.t / norm, scipy.special.betainc, and a scipy.optimize fit of the
 * proportional-odds likelihood with a second-difference Hessian).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  coarseNormalCdf,
  holm,
  incompleteBeta,
  minimumDetectableCorrelation,
  normalCdf,
  normalQuantile,
  ordinalLogit,
  rankCorrelationTest,
  tTwoSidedP,
} from '../../../contract/stats.ts';

const ref = JSON.parse(readFileSync(new URL('../../fixtures/stats/reference.json', import.meta.url), 'utf8'));
const { spend, grade, idaci, london, zLogSpend } = ref.inputs as Record<string, number[]>;

describe('rank correlation tests against scipy', () => {
  for (const [name, controls] of [
    ['none', []],
    ['idaci', [idaci!]],
    ['idaci+london', [idaci!, london!]],
  ] as const) {
    it(`control ${name}: estimate, Fisher interval, t-test p and detectable effect`, () => {
      const r = rankCorrelationTest(spend!, grade!, controls as unknown as number[][]);
      const e = ref.rankCorrelation[name];
      expect(r.estimate).toBeCloseTo(e.estimate, 10);
      expect(r.ciLow).toBeCloseTo(e.ciLow, 8);
      expect(r.ciHigh).toBeCloseTo(e.ciHigh, 8);
      expect(r.p).toBeCloseTo(e.p, 8);
      expect(r.mde).toBeCloseTo(e.mde, 8);
    });
  }
  it('the detectable effect shrinks with n and grows with stricter alpha', () => {
    expect(minimumDetectableCorrelation(150)).toBeLessThan(minimumDetectableCorrelation(60));
    expect(minimumDetectableCorrelation(60, 0.01)).toBeGreaterThan(minimumDetectableCorrelation(60, 0.05));
  });
});

describe('distributions against scipy', () => {
  it('normal quantile (probit refined) and CDF', () => {
    for (const [p, z] of Object.entries(ref.normalQuantile as Record<string, number>)) expect(normalQuantile(Number(p))).toBeCloseTo(z, 9);
    for (const [z, p] of Object.entries(ref.normalCdf as Record<string, number>)) expect(normalCdf(Number(z))).toBeCloseTo(p, 12);
    // simple-statistics' table lookup agrees to about 1e-4 only, which is why it is not used for p-values.
    expect(Math.abs(coarseNormalCdf(1.2) - ref.normalCdf['1.2'])).toBeLessThan(1e-3);
  });
  it('two-sided t p-values and the incomplete beta', () => {
    for (const c of ref.tTwoSidedP as Array<{ t: number; df: number; p: number }>) expect(tTwoSidedP(c.t, c.df)).toBeCloseTo(c.p, 10);
    for (const c of ref.incompleteBeta as Array<{ x: number; a: number; b: number; value: number }>)
      expect(incompleteBeta(c.x, c.a, c.b)).toBeCloseTo(c.value, 10);
  });
});

describe('Holm adjustment', () => {
  it('matches the reference step-down values, in input order', () => {
    const out = holm(ref.holm.input);
    out.forEach((v, i) => expect(v).toBeCloseTo(ref.holm.adjusted[i], 12));
  });
  it('hand-computed: p = 0.01, 0.04, 0.03 → 0.03, 0.06, 0.06', () => {
    const out = holm([0.01, 0.04, 0.03]);
    expect(out[0]).toBeCloseTo(0.03, 12);
    expect(out[1]).toBeCloseTo(0.06, 12);
    expect(out[2]).toBeCloseTo(0.06, 12);
  });
});

describe('ordinal logistic regression against a scipy fit', () => {
  it('one predictor: coefficient, standard error, cut-points and log-likelihood', () => {
    const fit = ordinalLogit(
      grade!,
      zLogSpend!.map((z) => [z]),
    );
    const e = ref.ordinalLogit.none;
    expect(fit.beta[0]).toBeCloseTo(e.beta[0], 4);
    expect(fit.se[0]).toBeCloseTo(e.se[0], 3);
    fit.cutpoints.forEach((c, i) => expect(c).toBeCloseTo(e.cutpoints[i], 4));
    expect(fit.logLik).toBeCloseTo(e.logLik, 6);
  });
  it('with deprivation and London as controls', () => {
    const fit = ordinalLogit(
      grade!,
      zLogSpend!.map((z, i) => [z, idaci![i]!, london![i]!]),
    );
    const e = ref.ordinalLogit['idaci+london'];
    fit.beta.forEach((b, i) => expect(b).toBeCloseTo(e.beta[i], 3));
    fit.se.forEach((s, i) => expect(s).toBeCloseTo(e.se[i], 2));
    expect(fit.logLik).toBeCloseTo(e.logLik, 6);
  });
});
