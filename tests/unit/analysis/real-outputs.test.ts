/**
 * The analyses on the REAL pipeline outputs (data/output/, run `npm run data`
 * first). Assertions are figures the publishers printed, not figures our own
 * code produced: DfE SFR50/2017 and the 2025 CLA release, LAIT's S251 totals,
 * and the shares CYP Now (2015) and Ofsted (2017) printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseForStories, type StoryAnalyses } from '../../../src/lib/analysis/index.ts';
import { spendGradeYear } from '../../../src/lib/analysis/spend-quality.ts';
import type { AnalysisInputs } from '../../../src/lib/analysis/types.ts';
import { loadInputs, outputsExist } from './load-output.ts';

const pc = (x: number) => Math.round(x * 100);

// A missing output is a failure, not a skip: the global set-up runs the pipeline, so absence means it broke.
it('finds the pipeline outputs in data/output (run `npm run data`)', () => {
  expect(outputsExist(), 'data/output/ lacks the pipeline outputs: run `npm run data`').toBe(true);
});

describe('claims against the real outputs', () => {
  let inputs: AnalysisInputs;
  let r: StoryAnalyses;
  beforeAll(() => {
    inputs = loadInputs();
    r = analyseForStories(inputs);
  });

  it('every result has provenance and no verdict (verdicts are the claims engine’s, in claims.json)', () => {
    for (const res of Object.values(r)) {
      expect(res.provenance.dataVersion).toBe(inputs.dataVersion);
      expect(res.provenance.columns.length).toBeGreaterThan(0);
      expect(Object.keys(res).sort()).toEqual(['data', 'provenance']);
    }
  });

  it('72,670 first published for 31 March 2017 (SFR50/2017), 70,440 for 2016 (SFR41/2016), 32,810 starts', () => {
    const d = r.claCount.data.year2017;
    expect(d.firstPublished).toEqual({ value: 72670, release: 'SFR50/2017' });
    expect(d.prior.firstPublished).toEqual({ value: 70440, release: 'SFR41/2016' });
    expect(d.startsFirstPublished?.value).toBe(32810);
    expect(Math.round(d.startsPerDayFirst!)).toBe(90);
  });

  it('81,770 looked after at 31 March 2025 and 83,530 (revised) for 2024 (DfE 2025 release)', () => {
    expect(r.claCount.data.latestYear).toMatchObject({ year: 2025, count: 81770, prior: 83530 });
  });

  it('2015: 69 councils inspected under SIF, 77% not good (52% RI, 25% inadequate), as printed', () => {
    const d = r.ofstedShares.data.nov2015;
    expect(d.n).toBe(69);
    expect(d.notGood).toBe(53);
    expect(pc(d.notGoodShare)).toBe(77);
    expect(pc(d.counts.find((c) => c.grade === 'Requires improvement')!.share)).toBe(52);
    expect(pc(d.counts.find((c) => c.grade === 'Inadequate')!.share)).toBe(25);
  });

  it('2017: of 136, 24% inadequate, 46% RI, 29% good, 1% outstanding, as printed', () => {
    const d = r.ofstedShares.data.jul2017PlusWarwickshire;
    expect(r.ofstedShares.data.jul2017.n).toBe(135);
    expect(d.n).toBe(136);
    expect(d.counts.map((c) => pc(c.share))).toEqual([24, 46, 29, 1]);
  });

  it('looked-after share uses LAIT totals: £4.16bn of CLA spend in 2016-17 and £8.96bn in 2024-25', () => {
    const e = inputs.england.series.filter((s) => s.code === 'E92000001');
    expect((e.find((s) => s.year === 2017)!.values.spend_cla_gbp as number) / 1e9).toBeCloseTo(4.16, 2);
    expect((e.find((s) => s.year === 2025)!.values.spend_cla_gbp as number) / 1e9).toBeCloseTo(8.96, 2);
    const y25 = r.claShare.data.years.find((y) => y.year === 2025)!;
    expect(y25.englandShare!).toBeGreaterThan(0.5);
  });

  it('social-work claim: no 2014-15 line data and nothing near £2.58bn in 2011-12', () => {
    const d = r.socialWorkFall.data;
    expect(d.has2015Lines).toBe(false);
    expect(Math.abs(d.closestTo2012Claim!.gapToClaim)).toBeGreaterThan(0.5e9);
  });

  it('spend-vs-grade tables are reproducible and cover 2016-era and the latest year', () => {
    const y = r.spendVsOfsted.data.era2016.map((x) => x.year);
    expect(y).toEqual([2016, 2017]);
    expect(r.spendVsOfsted.data.latest?.year).toBe(2025);
    expect(spendGradeYear(inputs.panel, 2017)).toEqual(r.spendVsOfsted.data.years.find((x) => x.year === 2017));
  });

  it('deprivation R² is computed on ~147 councils a year', () => {
    for (const y of r.deprivation.data.years) expect(y.n).toBeGreaterThanOrEqual(140);
  });
});
