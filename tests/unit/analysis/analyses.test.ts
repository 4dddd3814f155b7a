import { describe, expect, it } from 'vitest';
import { analyseDeprivation, deprivationYear } from '../../../src/lib/analysis/deprivation.ts';
import { analyseClaCount, analyseSocialWorkFall, daysInYearEnding } from '../../../src/lib/analysis/national.ts';
import { distribution, firstSifInspections, sifFirstBy } from '../../../src/lib/analysis/ofsted.ts';
import { sampleYear } from '../../../src/lib/analysis/sample.ts';
import { halfAsMuchYear, spendGradeYear } from '../../../src/lib/analysis/spend-quality.ts';
import { inputs, inspection, panelFixture, row } from './fixtures.ts';

describe('sample selection', () => {
  it('drops missing values and the tiny councils, and can keep them on request', () => {
    const p = [...panelFixture(), row('E06999999', 2017, { spend_per_child_gbp: null, missing: { spend_per_child_gbp: 'no_denominator' } })];
    expect(sampleYear(p, 2017, 'spend_per_child_gbp')).toHaveLength(40);
    expect(sampleYear(p, 2017, 'spend_per_child_gbp', { includeTiny: true })).toHaveLength(41);
  });
  it('refuses a duplicated council-year', () => {
    const p = panelFixture();
    p.push({ ...p[0]! });
    expect(() => sampleYear(p, 2017, 'spend_per_child_gbp')).toThrow(/two rows for E06000000 in 2017/);
  });
});

describe('spend against Ofsted grade', () => {
  it('summarises spend per child by grade', () => {
    const grades = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'] as const;
    const p = Array.from({ length: 20 }, (_, i) =>
      row(`E06${String(i).padStart(6, '0')}`, 2020, { spend_per_child_gbp: 500 + i * 10, ofsted_overall: grades[Math.floor(i / 5)]! }),
    );
    const r = spendGradeYear(p, 2020)!;
    expect(r.n).toBe(20);
    expect(r.byGrade.map((g) => g.n)).toEqual([5, 5, 5, 5]);
    expect(r.byGrade[0]!.medianCash).toBe(520);
    expect(r.usedForVerdict).toBe(false); // n < 30
  });
  it('is reproducible run to run', () => {
    const p = panelFixture();
    expect(spendGradeYear(p, 2017)).toEqual(spendGradeYear(p, 2017));
  });
  it('returns null for a year without graded councils', () => {
    expect(spendGradeYear(panelFixture(), 2016)).toBeNull();
  });
  it('computes the "half as much" ratios from the lowest-spending good council', () => {
    const r = halfAsMuchYear(panelFixture(), 2017)!;
    const good = panelFixture().filter((x) => x.la_code !== 'E09000001' && (x.ofsted_overall === 'Good' || x.ofsted_overall === 'Outstanding'));
    const min = Math.min(...good.map((g) => g.spend_per_child_gbp!));
    expect(r.good.minCash).toBe(min);
    expect(r.good.minReal).toBeCloseTo(min * 1.25, 9);
    const goodMax = Math.max(...good.filter((g) => g.ofsted_overall === 'Good').map((g) => g.spend_per_child_gbp!));
    expect(r.ratios.find((x) => x.grade === 'Good')!.toMax).toBeCloseTo(min / goodMax, 12);
  });
});

describe('deprivation', () => {
  it('gives R² = 1 and the slope per 0.1 IDACI for an exact line, excluding the City of London', () => {
    const r = deprivationYear(inputs(), 2017)!;
    expect(r.n).toBe(40);
    expect(r.r2).toBeCloseTo(1, 10);
    expect(r.slopePerTenth).toBeCloseTo(200, 8);
  });
  it('names its columns and makes no verdict (verdicts are the claims engine’s)', () => {
    const res = analyseDeprivation(inputs());
    expect(res.provenance.columns).toContain('idaci_score');
    expect(Object.keys(res).sort()).toEqual(['data', 'provenance']);
  });
});

describe('national claims', () => {
  it('fails loudly when a year is missing', () => {
    const i = inputs();
    i.england.series = i.england.series.filter((s) => s.year !== 2017);
    expect(() => analyseClaCount(i)).toThrow(/no England row for 2017/);
  });
  it('reads first-published CLA figures and starts per day', () => {
    const r = analyseClaCount(inputs());
    expect(r.data.year2017.firstPublished).toEqual({ value: 72670, release: 'SFR50/2017' });
    expect(r.data.year2017.changeFirstVsFirst).toBeCloseTo(72670 / 70440 - 1, 12);
    expect(r.data.year2017.changeLatestVsLatest).toBeCloseTo(72600 / 70400 - 1, 12);
    expect(r.data.year2017.startsPerDayFirst).toBeCloseTo(32810 / 365, 12);
    expect(r.data.latestYear).toMatchObject({ year: 2020, count: 80000, prior: 78140, daysInYear: 366 });
    expect(r.data.latestYear.startsPerDay).toBeCloseTo(31010 / 366, 12);
    expect(daysInYearEnding(2024)).toBe(366);
    expect(daysInYearEnding(2025)).toBe(365);
  });
  it('keeps a missing marker in the social-work lines as missing, not zero', () => {
    const r = analyseSocialWorkFall(inputs());
    const l15 = r.data.lines.find((l) => l.year === 2015)!;
    expect(l15.value).toBeNull();
    expect(l15.missing).toBe('no_source');
    expect(r.data.has2015Lines).toBe(false);
    expect(r.data.change2012to2014[0]!.change).toBeCloseTo(2 / 1.9 - 1, 12);
  });
});

describe('Ofsted distributions', () => {
  const insp = [
    inspection('A', '2015-01-10', 'Good'),
    inspection('A', '2016-05-01', 'Inadequate', 'SIF re-inspection'),
    inspection('B', '2015-10-19', 'Inadequate'),
    inspection('C', '2015-10-20', 'Requires improvement'),
    inspection('D', '2017-07-14', 'Requires improvement'),
  ];
  it('uses the first SIF report of each council and ignores re-inspections', () => {
    expect(
      firstSifInspections(insp)
        .map((i) => i.la_name)
        .sort(),
    ).toEqual(['A', 'B', 'C', 'D']);
    const d = sifFirstBy(insp, '2015-10-19', 'test');
    expect(d.n).toBe(2);
    expect(d.notGood).toBe(1);
    expect(sifFirstBy(insp, '2015-10-19', 'test', ['D']).n).toBe(3);
  });
  it('computes shares among graded councils only', () => {
    const d = distribution('t', '2025-03-31', [
      { name: 'a', grade: 'Good' },
      { name: 'b', grade: null },
      { name: 'c', grade: 'Inadequate' },
    ]);
    expect(d.n).toBe(2);
    expect(d.notGoodShare).toBe(0.5);
  });
});
