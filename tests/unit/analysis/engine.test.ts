/**
 * The claims engine on small hand-made outputs, with answers worked by hand
 * (in the comments), the rubric at its thresholds, and the pinned verdicts of
 * every claim on the real outputs (tests/fixtures/claims/expected-verdicts.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OfstedGrade, PanelRow } from '../../../contract/outputs.ts';
import { evaluateClaim, evaluateClaims } from '../../../src/lib/analysis/engine.ts';
import { claimsFileSchema } from '../../../contract/claims-schema.ts';
import { DEFAULT_THRESHOLDS, verdictFromSpecifications } from '../../../src/lib/analysis/registry/rubric.ts';
import { REGISTRY, registryClaim } from '../../../src/lib/analysis/registry/index.ts';
import type { ClaimRecord, ClaimTest } from '../../../src/lib/analysis/registry/types.ts';
import type { AnalysisInputs, EnglandOutput } from '../../../src/lib/analysis/types.ts';
import { inspection, row } from './fixtures.ts';
import { loadInputs } from './load-output.ts';
import { loadAnalysisInputs } from '../../../scripts/claims/inputs.ts';

const ENG = 'E92000001';
const area = (year: number, values: Record<string, number | null>) => ({ code: ENG, name: 'England', level: 'national' as const, year, values, missing: {} });
const rev = (measure: string, year: number, first: number, latest: number) => ({
  measure,
  code: ENG,
  name: 'England',
  year,
  first: { release: 'first', value: first },
  latest: { release: 'latest', value: latest },
});

function england(over: Partial<EnglandOutput> = {}): EnglandOutput {
  return { series: [], longRun: [], revisions: [], spendChecks: { socialWorkClaim: [] }, ...over };
}
function inputs(over: Partial<AnalysisInputs> = {}): AnalysisInputs {
  return { panel: [], england: england(), inspections: [], dataVersion: 'fixture', ...over };
}
function withTest(id: Parameters<typeof registryClaim>[0], test: ClaimTest, extra: Partial<ClaimRecord> = {}): ClaimRecord {
  return { ...registryClaim(id), test, ...extra };
}

describe('rubric: a value just each side of each threshold', () => {
  const t = DEFAULT_THRESHOLDS;
  const specs = (agree: number, total: number) => Array.from({ length: total }, (_, i) => i < agree);
  it(`supported at ${t.supportedShare} of specifications, partly just below`, () => {
    expect(verdictFromSpecifications(specs(75, 100), t).verdict).toBe('supported');
    expect(verdictFromSpecifications(specs(7499, 10000), t).verdict).toBe('partly-supported');
  });
  it(`partly supported at ${t.partlyShare}, not supported just below`, () => {
    expect(verdictFromSpecifications(specs(25, 100), t).verdict).toBe('partly-supported');
    expect(verdictFromSpecifications(specs(2499, 10000), t).verdict).toBe('not-supported');
  });
  it('context-only specifications (null) do not count; none testable → cannot be tested or not reproducible', () => {
    expect(verdictFromSpecifications([null, null, true], t)).toMatchObject({ verdict: 'supported', supporting: 1, testable: 1 });
    expect(verdictFromSpecifications([null], t).verdict).toBe('cannot-be-tested');
    expect(verdictFromSpecifications([], t, 'not-reproducible').verdict).toBe('not-reproducible');
  });
});

describe('children looked after: count, rise and "biggest in seven years" (hand-computed)', () => {
  // Latest: 64,000 (2010) 64,500 65,000 66,000 67,000 68,500 70,400 72,600 (2017).
  // Rises 2011–2016: 0.78%, 0.78%, 1.54%, 1.52%, 2.24%, 2.77%; 2017: 72,600/70,400 − 1 = 3.125%.
  // First published: 2016 70,480, 2017 72,670 → 3.107%; 2016 rise on first figures 70,480/68,500 − 1 = 2.89%.
  const counts: Record<number, number> = { 2010: 64000, 2011: 64500, 2012: 65000, 2013: 66000, 2014: 67000, 2015: 68500, 2016: 70400, 2017: 72600 };
  const inp = inputs({
    england: england({
      series: Object.entries(counts).map(([y, v]) => area(Number(y), { cla_count: v, cla_starts: Number(y) === 2017 ? 33033 : null })),
      revisions: [rev('cla_count', 2016, 70480, 70400), rev('cla_count', 2017, 72670, 72600), rev('cla_starts', 2017, 32850, 33033)],
    }),
  });
  it('at the time: 72,670, +3.11% (within 0.05 points of 3.1%), the biggest rise → supported', () => {
    const c = evaluateClaim(registryClaim('cla-72670'), inp);
    const s = (id: string) => c.specifications.find((x) => x.id === id)!;
    expect(s('2017-count-first-published')).toMatchObject({ estimate: 72670, supports: true });
    expect(s('2017-growth-first-published').estimate).toBeCloseTo(72670 / 70480 - 1, 12);
    expect(s('2017-growth-first-published').supports).toBe(true);
    expect(s('2017-rank-of-rise-first-published').estimate).toBeCloseTo(72670 / 70480 - 70480 / 68500, 12);
    expect(c.verdict_at_the_time).toBe('supported');
  });
  it('now: the revised 72,600 is not 72,670, so 2 of 3 agree → partly supported, and the card says why', () => {
    const c = evaluateClaim(registryClaim('cla-72670'), inp);
    expect(c.counts.now).toEqual({ supporting: 2, testable: 3 });
    expect(c.verdict).toBe('partly-supported');
    expect(c.then_and_now).toMatch(/supported.*3 of 3.*partly supported.*2 of 3/);
  });
  it('90 a day: 32,850 / 365 = 90.0; 33,033 / 365 = 90.50 rounds to 91 and does not match', () => {
    const c = evaluateClaim(registryClaim('cla-90-a-day'), inp);
    expect(c.specifications[0]!.estimate).toBeCloseTo(32850 / 365, 12);
    expect(c.verdict_at_the_time).toBe('supported');
    expect(c.verdict).toBe('not-supported');
  });
});

describe('looked-after share of budgets: the ±5 point band of "half", just inside and outside', () => {
  // 2017: CLA 4.0bn; safeguarding 2.0bn, family support 1.0bn → social care 7.0bn, share 57.1%.
  // Total 7.2734bn → 4.0/7.2734 = 0.54995 (inside); 2018 total 7.2720bn → 0.55005 (outside).
  const inp = inputs({
    england: england({
      series: [
        area(2017, { spend_cla_gbp: 4e9, spend_total_gbp: 4e9 / 0.54995, spend_safeguarding_gbp: 2e9, spend_family_support_gbp: 1e9 }),
        area(2018, { spend_cla_gbp: 4e9, spend_total_gbp: 4e9 / 0.55005, spend_safeguarding_gbp: 2e9, spend_family_support_gbp: 1e9 }),
      ],
    }),
  });
  it('2016-17 all-services share inside, social-care share 4/7 outside; 2017-18 both outside', () => {
    const c = evaluateClaim(registryClaim('cla-half-of-budgets'), inp);
    const s = (id: string) => c.specifications.find((x) => x.id === id)!;
    expect(s('2017-of-all-childrens-services').supports).toBe(true);
    expect(s('2017-of-childrens-social-care').estimate).toBeCloseTo(4 / 7, 12);
    expect(s('2017-of-childrens-social-care').supports).toBe(false);
    expect(s('2018-of-all-childrens-services').supports).toBe(false);
    // At the time (published by June 2018: 2016-17 only): 1 of 2 → partly; now 1 of 4 → partly (25% is the lower threshold).
    expect(c.counts.at_the_time).toEqual({ supporting: 1, testable: 2 });
    expect(c.counts.now).toEqual({ supporting: 1, testable: 4 });
    expect(c.verdict).toBe('partly-supported');
  });
});

describe('£2.58bn: two published lines reproduce the start; a missing end is not reproducible', () => {
  const inp = inputs({
    england: england({
      series: [
        area(2012, { spend_family_support_gbp: 0.88e9 }),
        area(2014, { spend_family_support_gbp: 1.0e9 }),
        area(2015, { spend_family_support_gbp: null }),
      ],
      spendChecks: {
        socialWorkClaim: [
          { year: 2012, line: 'commissioning_and_social_work', label: '', value: 1.7e9 },
          { year: 2012, line: 'safeguarding_block', label: '', value: 2.0e9 },
          { year: 2014, line: 'safeguarding_block', label: '', value: 2.2e9 },
          { year: 2015, line: 'social_work', label: '', value: { missing: 'no_source' } },
        ],
      },
    }),
  });
  it('1.70 + 0.88 = £2.58bn; 2014-15 missing; consistent definition 2.88 → 3.20bn = +11.1%', () => {
    const c = evaluateClaim(registryClaim('spend-fall-2-58bn'), inp);
    expect(c.specifications[0]).toMatchObject({ supports: true });
    expect(c.specifications[0]!.estimate).toBeCloseTo(2.58e9, 0);
    expect(c.specifications[1]!.estimate).toBeNull();
    expect(c.specifications[3]!.estimate).toBeCloseTo(3.2 / 2.88 - 1, 12);
    expect(c.verdict).toBe('not-reproducible');
    expect(c.summary).toMatch(/rose 11\.1%/);
  });
});

describe('Ofsted counts: the rule fixed in advance, nearby cut-offs and a report part-way through a day', () => {
  const insp = (name: string, published: string, overall: OfstedGrade) => inspection(name, published, overall);
  const inspections = [
    insp('A', '2015-01-01', 'Inadequate'),
    insp('B', '2015-02-01', 'Requires improvement'),
    insp('C', '2015-03-01', 'Good'),
    insp('D', '2015-03-01', 'Good'),
  ];
  const test = (ruleDate: string, n: number, shares: Record<string, number>): ClaimTest => ({
    kind: 'ofsted-distribution',
    ruleDate,
    ruleLabel: 'fixture',
    n,
    shares,
    nearbyDays: 40,
  });
  it('4 councils by 1 March (25/25/50%) as printed → supported', () => {
    const c = evaluateClaim(
      withTest('ofsted-77-of-69', test('2015-03-01', 4, { Inadequate: 0.25, 'Requires improvement': 0.25, Good: 0.5 })),
      inputs({ inspections }),
    );
    expect(c.verdict).toBe('supported');
  });
  it('3 councils at 33/33/33% only before 1 March plus one of that day’s reports → partly supported', () => {
    const c = evaluateClaim(
      withTest('ofsted-77-of-69', test('2015-02-15', 3, { Inadequate: 0.33, 'Requires improvement': 0.33, Good: 0.33 })),
      inputs({ inspections }),
    );
    expect(c.specifications.find((s) => s.id === 'by-2015-02-15')).toMatchObject({ n: 2, supports: false });
    expect(c.specifications.filter((s) => s.supports).map((s) => s.id)).toEqual(['by-2015-03-01-before-plus-X-C', 'by-2015-03-01-before-plus-X-D']);
    expect(c.verdict).toBe('partly-supported');
  });
  it('no cut-off gives 5 councils → not supported', () => {
    expect(evaluateClaim(withTest('ofsted-77-of-69', test('2015-02-15', 5, { Inadequate: 0.2 })), inputs({ inspections })).verdict).toBe('not-supported');
  });
});

describe('spend and the Ofsted grade on a made-up panel', () => {
  // 40 councils in 2017; spend per child falls as the grade rises (blocks of 10 per grade), deprivation unrelated.
  const GRADES: OfstedGrade[] = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'];
  const panel: PanelRow[] = Array.from({ length: 40 }, (_, i) =>
    row(`E06${String(i).padStart(6, '0')}`, 2017, {
      population_0_17: 10000,
      spend_total_gbp: (2000 - i * 10) * 10000,
      spend_cla_gbp: (900 - i * 5) * 10000,
      spend_safeguarding_gbp: 300 * 10000,
      spend_family_support_gbp: 100 * 10000,
      idaci_score: 0.1 + ((i * 7) % 40) / 200,
      region_code: i % 5 === 0 ? 'E12000007' : 'E12000001',
      ofsted_overall: GRADES[Math.floor(i / 10)]!,
      ofsted_framework: 'SIF',
    }),
  );
  const inp = inputs({ panel });
  it('a strong negative link: "no significant correlation" is not supported in any specification', () => {
    const c = evaluateClaim(
      withTest(
        'dfe-no-significant-correlation',
        { kind: 'spend-grade-association', claimedAbsent: 'any', alpha: 0.05, minN: 30, power: 0.8 },
        { period: { from: 2017, to: 2017, description: '' } },
      ),
      inp,
    );
    const rho = c.specifications.find((s) => s.id === '2017-all-childrens-services-none-spearman')!;
    // Spend ranks are exactly the reverse of council order; grades are council order in blocks, so ρ = −corr(i, block) = −0.9692… (ties averaged).
    const i = Array.from({ length: 40 }, (_, k) => k);
    const g = i.map((k) => Math.floor(k / 10) * 10 + 5.5); // average rank of each block
    const m = 20.5;
    const num = i.reduce((a, k) => a + (k + 1 - m) * (g[k]! - m), 0);
    const den = Math.sqrt(i.reduce((a, k) => a + (k + 1 - m) ** 2, 0) * g.reduce((a, v) => a + (v - m) ** 2, 0));
    expect(rho.estimate).toBeCloseTo(-num / den, 10);
    expect(c.counts.now.supporting).toBe(0);
    expect(c.verdict).toBe('not-supported');
    // Grades in blocks of spend separate perfectly: the ordinal model has no finite fit, is reported as such and not counted.
    const ologit = c.specifications.filter((s) => s.method === 'ordinal-logit');
    expect(ologit.length).toBeGreaterThan(0);
    expect(ologit.every((s) => s.estimate === null && s.supports === null && /could not be fitted/.test(s.label))).toBe(true);
  });
  it('the same link does not contradict "no sign that more spend buys better grades" (it goes the other way)', () => {
    const c = evaluateClaim(
      withTest(
        'minister-not-direct-correlation',
        { kind: 'spend-grade-association', claimedAbsent: 'positive', alpha: 0.05, minN: 30, power: 0.8 },
        { period: { from: 2017, to: 2017, description: '' } },
      ),
      inp,
    );
    expect(c.counts.now.supporting).toBe(c.counts.now.testable);
    expect(c.verdict).toBe('supported');
  });
  it('fewer councils than the minimum: nothing is tested', () => {
    const c = evaluateClaim(
      withTest('dfe-no-significant-correlation', { kind: 'spend-grade-association', claimedAbsent: 'any', alpha: 0.05, minN: 41, power: 0.8 }),
      inp,
    );
    expect(c.specifications).toHaveLength(0);
    expect(c.verdict).toBe('cannot-be-tested');
  });
  it('"half as much": the threshold is inclusive (ratio exactly at it agrees, just above does not)', () => {
    const c = evaluateClaim(registryClaim('minister-half-as-much'), inp);
    const s = c.specifications.find((x) => x.id === '2017-all-childrens-services-all-cash')!;
    // Good or better: i = 20–39; the lowest spender is i = 39 (2,000 − 390 = £1,610). The other 39 councils
    // (i = 0–38) have median spend at i = 19: £1,810. Ratio 1,610 / 1,810.
    expect(s.estimate).toBeCloseTo(1610 / 1810, 12);
    const at = evaluateClaim(withTest('minister-half-as-much', { kind: 'half-as-much', ratioAtMost: 1610 / 1810 }), inp).specifications.find(
      (x) => x.id === s.id,
    )!;
    const below = evaluateClaim(withTest('minister-half-as-much', { kind: 'half-as-much', ratioAtMost: 1610 / 1810 - 1e-9 }), inp).specifications.find(
      (x) => x.id === s.id,
    )!;
    expect(at.supports).toBe(true);
    expect(below.supports).toBe(false);
  });
});

const expected = JSON.parse(readFileSync(new URL('../../fixtures/claims/expected-verdicts.json', import.meta.url), 'utf8')) as {
  claims: Record<
    string,
    { verdict: string; verdict_at_the_time: string; now: { supporting: number; testable: number }; at_the_time: { supporting: number; testable: number } }
  >;
};

// No skip when data/output is missing: loadInputs() then fails, saying to run `npm run data`.
describe('every claim on the real outputs: the reviewed, pinned verdicts', { timeout: 120_000 }, () => {
  const file = evaluateClaims(loadInputs());
  it('the file matches its schema and has every registered claim once', () => {
    expect(claimsFileSchema.safeParse(file).success).toBe(true);
    expect(file.claims.map((c) => c.id)).toEqual(REGISTRY.map((c) => c.id));
    expect(Object.keys(expected.claims).sort()).toEqual(REGISTRY.map((c) => c.id).sort());
  });
  for (const id of Object.keys(expected.claims)) {
    it(`${id}: verdicts and specification counts as reviewed`, () => {
      const c = file.claims.find((x) => x.id === id)!;
      const e = expected.claims[id]!;
      expect({ verdict: c.verdict, verdict_at_the_time: c.verdict_at_the_time, now: c.counts.now, at_the_time: c.counts.at_the_time }).toEqual(e);
    });
  }
  it('no summary or detail carries an unfilled value', () => {
    for (const c of file.claims) for (const t of [c.summary, ...c.detail]) expect(t).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the engine on a small geography (the 13 councils of the golden fixture)', () => {
  // The reviewed golden outputs (tests/fixtures/golden/expected), which the fixture sites are built from:
  // too few councils for the correlation claims, no spend years for "half as much". Every claim must
  // still get a verdict and a summary in words, never an exception.
  const file = evaluateClaims(loadAnalysisInputs('tests/fixtures/golden/expected'));
  it('gives every claim a verdict and a summary, matching the schema', () => {
    expect(claimsFileSchema.safeParse(file).success).toBe(true);
    expect(file.claims).toHaveLength(REGISTRY.length);
    for (const c of file.claims) expect(c.summary, c.id).not.toMatch(/Infinity|NaN|undefined/);
  });
  it('the correlation claims cannot be tested on 13 councils, and say so', () => {
    const dfe = file.claims.find((c) => c.id === 'dfe-no-significant-correlation')!;
    expect(dfe.verdict).toBe('cannot-be-tested');
    expect(dfe.counts.now.testable).toBe(0);
  });
  it('"half as much" with no year to test it again says so in words', () => {
    const half = file.claims.find((c) => c.id === 'minister-half-as-much')!;
    expect(half.summary).toMatch(/no year since has the figures to test it again/);
  });
});
