import { describe, expect, it } from 'vitest';
import { missing } from '../../../contract/missing.ts';
import type { Observation } from '../../../scripts/data/core/types.ts';
import { DERIVED_BASIS, deriveRates, ratePer10k, roundTo } from '../../../scripts/data/derive/rates.ts';

describe('ratePer10k', () => {
  it('is count / population × 10,000', () => {
    expect(ratePer10k(399460, 11998646)).toBeCloseTo(332.9209, 4);
    expect(ratePer10k(0, 100)).toBe(0);
  });
  it('passes a missing count through with its reason and marker', () => {
    expect(ratePer10k(missing('suppressed', 'c'), 1000)).toEqual({ missing: 'suppressed', marker: 'c' });
    expect(ratePer10k(missing('low_reliability', 'u'), missing('not_available', 'x'))).toEqual({ missing: 'low_reliability', marker: 'u' });
  });
  it('gives no_denominator when the population is missing', () => {
    expect(ratePer10k(120, missing('not_available', 'x'))).toEqual({ missing: 'no_denominator' });
  });
  it('refuses impossible inputs rather than returning Infinity or NaN', () => {
    expect(() => ratePer10k(5, 0)).toThrow(RangeError);
    expect(() => ratePer10k(-5, 100)).toThrow(RangeError);
    expect(() => ratePer10k(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(roundTo(332.85, 1)).toBe(332.9); // 332.85 is 332.849999… in binary
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(332.9209, 1)).toBe(332.9);
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    expect(roundTo(1e-7, 1)).toBe(0);
  });
});

const base = { source: 'cin-d5-2025', release: '2025', releaseOrder: 2025 } as const;
const obs = (o: Partial<Observation> & Pick<Observation, 'measure' | 'code' | 'year' | 'value'>): Observation => ({
  level: o.code === 'E92000001' ? 'national' : 'la',
  name: o.code ?? '',
  ...base,
  ...o,
});
const pop = (code: string, year: number, value: Observation['value']) =>
  obs({ measure: 'population_0_17', code, year, value, source: 'population-0-17', release: 'mid-2024', releaseOrder: 2024, basis: 'ons-mid-year' });

describe('deriveRates', () => {
  const population = [pop('E92000001', 2025, 12183016), pop('E06000009', 2025, 28923), pop('E06000028', 2019, missing('not_available', 'x'))];

  it("joins count and population on (code, year) and rounds to 1 dp, keeping the count's release", () => {
    const counts = [
      obs({ measure: 'cpp_count', code: 'E92000001', year: 2025, value: 49420 }),
      obs({ measure: 'cpp_count', code: 'E06000009', year: 2025, value: 249, oldCode: '890', name: 'Blackpool' }),
    ];
    const out = deriveRates(counts, population, { countMeasure: 'cpp_count', rateMeasure: 'cpp_rate_per_10k' });
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      measure: 'cpp_rate_per_10k',
      code: 'E92000001',
      level: 'national',
      year: 2025,
      value: 40.6,
      source: 'cin-d5-2025',
      release: '2025',
      releaseOrder: 2025,
      basis: DERIVED_BASIS,
    });
    expect(out[1]).toMatchObject({ code: 'E06000009', oldCode: '890', name: 'Blackpool', value: 86.1 }); // 249 / 28,923 × 10,000 = 86.09
  });

  it('gives no_denominator for a missing or absent population, and keeps a suppressed count suppressed', () => {
    const counts = [
      obs({ measure: 'cpp_count', code: 'E06000028', year: 2019, value: 300 }),
      obs({ measure: 'cpp_count', code: 'E06000009', year: 2012, value: 300 }),
      obs({ measure: 'cpp_count', code: 'E06000009', year: 2025, value: missing('suppressed', 'c') }),
    ];
    const out = deriveRates(counts, population, { countMeasure: 'cpp_count', rateMeasure: 'cpp_rate_per_10k' });
    expect(out.map((o) => o.value)).toEqual([{ missing: 'no_denominator' }, { missing: 'no_denominator' }, { missing: 'suppressed', marker: 'c' }]);
  });

  it('never overwrites a published rate and uses the latest release of a count', () => {
    const counts = [
      obs({ measure: 'cin_count', code: 'E92000001', year: 2024, value: 399460, source: 'cin-b1-2024', release: '2024', releaseOrder: 2024 }),
      obs({ measure: 'cin_count', code: 'E92000001', year: 2024, value: 399460, source: 'cin-b1-2025' }),
      obs({ measure: 'cin_count', code: 'E92000001', year: 2025, value: 400000, source: 'cin-b1-2024', release: '2024', releaseOrder: 2024 }),
      obs({ measure: 'cin_count', code: 'E92000001', year: 2025, value: 402400, source: 'cin-b1-2025' }),
    ];
    const published = [
      obs({ measure: 'cin_rate_per_10k', code: 'E92000001', year: 2024, value: 332.9, source: 'cin-b1-2024', release: '2024', releaseOrder: 2024 }),
    ];
    const out = deriveRates(counts, population, { countMeasure: 'cin_count', rateMeasure: 'cin_rate_per_10k', published });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ year: 2025, value: 330.3, source: 'cin-b1-2025', releaseOrder: 2025 }); // 402,400 / 12,183,016
  });

  it('ignores other measures and refuses observations without a code', () => {
    const counts = [obs({ measure: 'cla_count', code: 'E92000001', year: 2025, value: 81770 })];
    expect(deriveRates(counts, population, { countMeasure: 'cpp_count', rateMeasure: 'cpp_rate_per_10k' })).toEqual([]);
    const { code: _drop, ...noCode } = obs({ measure: 'cpp_count', code: 'E92000001', year: 2025, value: 1 });
    expect(() => deriveRates([noCode as Observation], population, { countMeasure: 'cpp_count', rateMeasure: 'cpp_rate_per_10k' })).toThrow(/no GSS code/);
  });

  it('refuses two sources giving the same count in the same release order', () => {
    const counts = [
      obs({ measure: 'cpp_count', code: 'E92000001', year: 2025, value: 1 }),
      obs({ measure: 'cpp_count', code: 'E92000001', year: 2025, value: 2, source: 'other' }),
    ];
    expect(() => deriveRates(counts, population, { countMeasure: 'cpp_count', rateMeasure: 'cpp_rate_per_10k' })).toThrow(/two sources/);
  });
});
