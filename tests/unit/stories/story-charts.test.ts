/**
 * The two story-specific charts (src/lib/stories/story-charts.ts), on
 * small hand-written data: what they draw, describe and tabulate, and how
 * they fail on bad input.
 */
import { describe, expect, it } from 'vitest';
import { renderGradeStrip, renderIntervals } from '../../../src/lib/stories/story-charts.ts';

const rho = [
  { year: 2016, estimate: -0.21, lo: -0.42, hi: 0.03 },
  { year: 2017, estimate: -0.18, lo: -0.37, hi: 0.02 },
  { year: 2019, estimate: -0.18, lo: -0.34, hi: -0.01 },
  { year: 2020, estimate: null, lo: null, hi: null, missingReason: 'no_source' },
];

describe('renderIntervals', () => {
  const out = renderIntervals({
    title: 'Rho by year',
    data: rho,
    x: 'year',
    estimate: 'estimate',
    lo: 'lo',
    hi: 'hi',
    decimals: 2,
    reference: { value: 0, label: 'No relationship' },
  });

  it('draws one interval and one point per year with a value, both SVG sizes', () => {
    for (const svg of [out.svgNarrow, out.svgWide]) {
      expect(svg).toContain('role="img"');
      expect((svg.match(/class="chart-point"/g) ?? []).length + (svg.match(/<circle/g) ?? []).length).toBeGreaterThan(0);
      expect(svg).toContain('2016: −0.21 (95% interval −0.42 to 0.03)');
      expect((svg.match(/<circle/g) ?? []).length).toBe(3);
    }
  });

  it('describes which intervals include the reference', () => {
    expect(out.description).toContain('3 years');
    expect(out.description).toMatch(/includes no relationship \(0(\.00)?\) in 2016, 2017\./);
  });

  it('keeps the missing year in the table with its reason, never as 0', () => {
    const row2020 = out.table.rows.find((r) => r[0] === '2020')!;
    expect(row2020.slice(1).every((c) => c.startsWith('—'))).toBe(true);
    expect(row2020.join(' ')).toContain('No published source');
    expect(out.csv).toContain('missingReason');
  });

  it('fails when a field is missing', () => {
    expect(() => renderIntervals({ title: 'x', data: rho, x: 'year', estimate: 'rho', lo: 'lo', hi: 'hi' })).toThrow(/rho/);
  });
});

const councils = [
  { council: 'A', grade: 'Good', spend: 700 },
  { council: 'B', grade: 'Good', spend: 900 },
  { council: 'C', grade: 'Inadequate', spend: 1200 },
  { council: 'D', grade: 'Requires improvement', spend: 1000 },
  { council: 'E', grade: 'Outstanding', spend: null, missingReason: 'suppressed' },
];

describe('renderGradeStrip', () => {
  const out = renderGradeStrip({ title: 'Spend by grade', data: councils, x: 'spend', grade: 'grade', label: 'council', unit: 'gbp' });

  it('gives each grade its count and median in the description, worst grade first', () => {
    expect(out.description).toContain('4 councils');
    expect(out.description).toMatch(/Inadequate, 1 councils, median £1,200; Requires improvement, 1 councils, median £1,000; Good, 2 councils, median £800/);
    expect(out.description).not.toContain('Outstanding');
  });

  it('lists the council with no figure in the table with its reason', () => {
    const e = out.table.rows.find((r) => r[0] === 'E')!;
    expect(e[2]).toMatch(/^— \(Suppressed/);
  });

  it('rejects a value that is not an Ofsted grade', () => {
    expect(() =>
      renderGradeStrip({ title: 'x', data: [...councils, { council: 'F', grade: 'Adequate', spend: 1 }], x: 'spend', grade: 'grade', label: 'council' }),
    ).toThrow(/"Adequate" is not an Ofsted grade/);
  });
});
