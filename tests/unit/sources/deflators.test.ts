import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { approxFy, buildDeflators, parseCalendarYears, parseHmtFy, toRealTerms } from '../../../scripts/data/sources/deflators.ts';

const cyBytes = new Uint8Array(readFileSync(new URL('../../fixtures/spend/gdp-deflator-cy.csv', import.meta.url)));
const W = { source: 'test', file: 'gdp_deflator.csv' };
const enc = (s: string) => new TextEncoder().encode(s);

/** HMT FY index, 2018-19 = 100 (values from the March 2020 file). */
const HMT = new Map<number, number>([
  [2009, 84.190175],
  [2010, 85.57825],
  [2011, 87.043975],
  [2012, 88.372425],
  [2013, 90.1926],
  [2014, 91.932775],
  [2015, 93.216575],
  [2016, 94.01935],
  [2017, 96.245425],
  [2018, 97.908175],
  [2019, 100],
]);

describe('deflators', () => {
  const cy = parseCalendarYears(cyBytes, W, 1);
  const d = buildDeflators(HMT, cy);

  it('is rebased to 2023-24 = 100 and covers 2008-09 .. 2024-25', () => {
    expect(d.baseLabel).toBe('2023-24 = 100');
    expect(d.years.map((y) => y.financialYear)).toEqual([
      '2008-09',
      '2009-10',
      '2010-11',
      '2011-12',
      '2012-13',
      '2013-14',
      '2014-15',
      '2015-16',
      '2016-17',
      '2017-18',
      '2018-19',
      '2019-20',
      '2020-21',
      '2021-22',
      '2022-23',
      '2023-24',
      '2024-25',
    ]);
    expect(d.years.find((y) => y.year === 2024)!.index).toBeCloseTo(100, 10);
  });

  it('keeps HMT financial-year growth exactly up to 2018-19 (not approximate)', () => {
    const i = (y: number) => d.years.find((x) => x.year === y)!;
    expect((i(2011).index as number) / (i(2010).index as number)).toBeCloseTo(87.043975 / 85.57825, 12);
    expect(i(2019).approximate).toBe(false);
    expect(i(2019).method).toBe('hmt-fy');
  });

  it('chains later years on 0.75·CY t + 0.25·CY t+1 and flags them approximate', () => {
    const i = (y: number) => d.years.find((x) => x.year === y)!;
    const growth = (0.75 * 85.2137 + 0.25 * 85.6358) / (0.75 * 81.1085 + 0.25 * 85.2137);
    expect((i(2021).index as number) / (i(2020).index as number)).toBeCloseTo(growth, 12);
    expect(i(2021).approximate).toBe(true);
    expect(approxFy(cy, 2024)).toBeCloseTo(0.75 * 96.2507 + 0.25 * 100, 12);
  });

  it('2024-25 has no deflator (no calendar year 2025): a typed gap, not an extrapolation', () => {
    const y = d.years.find((x) => x.year === 2025)!;
    expect(y.index).toEqual({ missing: 'no_deflator' });
    expect(toRealTerms(d, 2025, 100)).toEqual({ missing: 'no_deflator' });
    expect(toRealTerms(d, 2024, 100)).toBeCloseTo(100, 10);
  });

  it('reports the splice check where both series exist', () => {
    expect(d.spliceCheck.map((s) => s.year)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    const s2010 = d.spliceCheck[0]!;
    expect(s2010.hmtGrowthPct).toBeCloseTo(1.6487, 3);
    expect(s2010.differencePts).toBeCloseTo(s2010.approxGrowthPct - s2010.hmtGrowthPct, 12);
  });

  it('refuses a bad calendar-year file', () => {
    const p = (s: string) => parseCalendarYears(enc(s), W, 1);
    expect(() => p('"year","value"\n2023,96.2\n2023,97\n')).toThrow(/duplicate year "2023"/);
    expect(() => p('"yr","value"\n2023,96.2\n')).toThrow(/expected column "year"/);
    expect(() => p('"year","value"\n23,96.2\n')).toThrow(/not a calendar year/);
    expect(() => p('"year","value"\n2023,abc\n')).toThrow(/not a number/);
    expect(() => p('"year","value"\n2023,-1\n')).toThrow(/positive/);
    expect(() => p('"year","value"\n2023,96.2\n2024,100\n')).not.toThrow();
    // a truncated file: fewer rows than the real series must have
    expect(() => parseCalendarYears(enc('"year","value"\n2023,96.2\n'), W)).toThrow(/only 1 data rows; at least 20 expected/);
  });

  it('reads the HMT sheet: forecast rows ("-") are not index values; the base year is checked', () => {
    const sheet = (base: number) => {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        wb,
        XLSX.utils.aoa_to_sheet([
          ['', 'GDP DEFLATORS AT MARKET PRICES, AND MONEY GDP'],
          ['', 'Financial year', '2018-19 = 100', 'per cent change on previous year'],
          ['', '2017-18', 97.908175, 1.72],
          ['', '2018-19', base, 2.13],
          ['', '2019-20 (1), (2)', '-', 1.91],
          ['', 'Sources and footnotes:'],
        ]),
        '11032020 deflator update',
      );
      return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    };
    expect([...parseHmtFy(sheet(100), { source: 'test', file: 'hmt.xlsx' })]).toEqual([
      [2018, 97.908175],
      [2019, 100],
    ]);
    expect(() => parseHmtFy(sheet(101), { source: 'test', file: 'hmt.xlsx' })).toThrow(/2018-19 is not 100/);
  });

  it('refuses a gap in the HMT series', () => {
    const gappy = new Map(HMT);
    gappy.delete(2014);
    expect(() => buildDeflators(gappy, cy)).toThrow(/gap before 2014-15/);
  });
});
