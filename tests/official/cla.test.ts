/**
 * Official figures: the real CLA files (raw mirror, pinned checksums) read by
 * loadCla must reproduce what DfE printed in its releases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isMissing } from '../../contract/missing.ts';
import type { FamilyResult, MeasureId, Observation } from '../../scripts/data/core/types.ts';
import { claSourceIds, loadCla } from '../../scripts/data/sources/cla.ts';
import { realClaFiles } from '../fixtures/cla/files.ts';

let result: FamilyResult;
let loadMs = 0;

beforeAll(() => {
  const files = realClaFiles();
  const t0 = performance.now();
  result = loadCla(files);
  loadMs = performance.now() - t0;
});

function england(source: string, measure: MeasureId, year: number): Observation['value'] {
  const hits = result.observations.filter((o) => o.source === source && o.level === 'national' && o.measure === measure && o.year === year);
  expect(hits, `${source} ${measure} ${year}`).toHaveLength(1);
  return hits[0]!.value;
}

/** Years in which a source gives the LA a figure (anything but z, "did not exist"). */
function yearsReported(source: string, code: string): number[] {
  return result.observations
    .filter((o) => o.source === source && o.code === code && o.measure === 'cla_count' && !(isMissing(o.value) && o.value.missing === 'not_applicable'))
    .map((o) => o.year)
    .sort();
}

function laRowsByYear(source: string, measure: MeasureId = 'cla_count'): Record<number, number> {
  const out: Record<number, number> = {};
  for (const o of result.observations) {
    if (o.source !== source || o.level !== 'la' || o.measure !== measure) continue;
    if (isMissing(o.value) && o.value.missing === 'not_applicable') continue;
    out[o.year] = (out[o.year] ?? 0) + 1;
  }
  return out;
}

describe('England, children looked after at 31 March, as published', () => {
  it('2010: 64,400 in SFR27/2010 (rounded to 100s), 64,460 in the 2024 time series', () => {
    expect(england('cla-sfr-2010-cla', 'cla_count', 2010)).toBe(64400);
    expect(england('cla-timeseries-2024', 'cla_count', 2010)).toBe(64460);
    // the 2010 denominator: SFR27/2010's Mid2009Pop0-17 column, England 11,012,300 children
    expect(england('cla-sfr-2010-cla', 'population_0_17', 2010)).toBe(11012300);
  });
  it('2017: 72,670 in SFR50/2017, revised to 72,600 in the 2024 time series', () => {
    expect(england('cla-sfr-2017-cla', 'cla_count', 2017)).toBe(72670);
    expect(england('cla-timeseries-2024', 'cla_count', 2017)).toBe(72600);
    expect(result.observations.find((o) => o.source === 'cla-sfr-2017-cla' && o.level === 'national')?.release).toBe('SFR50/2017');
  });
  it('2018: 75,360', () => {
    expect(england('cla-ees-2022', 'cla_count', 2018)).toBe(75360);
    expect(england('cla-timeseries-2024', 'cla_count', 2018)).toBe(75360);
  });
  it('2022: 82,170 in the 2022 release, 82,090 in later releases', () => {
    expect(england('cla-ees-2022', 'cla_count', 2022)).toBe(82170);
    expect(england('cla-ees-2024', 'cla_count', 2022)).toBe(82090);
    expect(england('cla-ees-2025', 'cla_count', 2022)).toBe(82090);
    expect(england('cla-timeseries-2024', 'cla_count', 2022)).toBe(82090);
  });
  it('2024: 83,630 (rate 70) in the 2024 release, 83,530 (rate 69) in the 2025 release', () => {
    expect(england('cla-ees-2024', 'cla_count', 2024)).toBe(83630);
    expect(england('cla-ees-2024', 'cla_rate_per_10k', 2024)).toBe(70);
    expect(england('cla-timeseries-2024', 'cla_count', 2024)).toBe(83630);
    expect(england('cla-ees-2025', 'cla_count', 2024)).toBe(83530);
    expect(england('cla-ees-2025', 'cla_rate_per_10k', 2024)).toBe(69);
  });
  it('2025: 81,770, rate 67 per 10,000, denominator 12,183,016', () => {
    expect(england('cla-ees-2025', 'cla_count', 2025)).toBe(81770);
    expect(england('cla-ees-2025', 'cla_rate_per_10k', 2025)).toBe(67);
    expect(england('cla-ees-2025', 'population_0_17', 2025)).toBe(12183016);
  });
  it('1994: 47,590 at the start of the national series', () => {
    expect(england('cla-timeseries-2024', 'cla_count', 1994)).toBe(47590);
  });
});

describe('England, starts and ceases, as published', () => {
  it('2010 (SFR27/2010, rounded to 100s): 27,800 started, 25,100 ceased', () => {
    expect(england('cla-sfr-2010-starts', 'cla_starts', 2010)).toBe(27800);
    expect(england('cla-sfr-2010-ceases', 'cla_ceases', 2010)).toBe(25100);
  });
  it('2015 (SFR34/2015, the column mislabelled CLA_started2014): 31,070 started, 31,100 ceased', () => {
    expect(england('cla-sfr-2015-starts', 'cla_starts', 2015)).toBe(31070);
    expect(england('cla-sfr-2015-ceases', 'cla_ceases', 2015)).toBe(31100);
  });
  it('2017 (SFR50/2017): 32,810 started, 31,250 ceased', () => {
    expect(england('cla-sfr-2017-starts', 'cla_starts', 2017)).toBe(32810);
    expect(england('cla-sfr-2017-ceases', 'cla_ceases', 2017)).toBe(31250);
  });
  it('2025 (2025 release): 32,270 started, 34,450 ceased', () => {
    expect(england('cla-ees-2025', 'cla_starts', 2025)).toBe(32270);
    expect(england('cla-ees-2025', 'cla_ceases', 2025)).toBe(34450);
  });
});

describe('local government reorganisations', () => {
  it('Bournemouth, Christchurch and Poole (E06000058, 839) first reported in 2020; Bournemouth and Poole last in 2019', () => {
    expect(yearsReported('cla-ees-2022', 'E06000058')).toEqual([2020, 2021, 2022]);
    expect(yearsReported('cla-ees-2022', 'E06000028')).toEqual([2018, 2019]);
    expect(yearsReported('cla-ees-2022', 'E06000029')).toEqual([2018, 2019]);
    expect(result.observations.find((o) => o.code === 'E06000058')?.oldCode).toBe('839');
  });
  it('North and West Northamptonshire first reported in 2022; Northamptonshire last in 2021', () => {
    expect(yearsReported('cla-ees-2024', 'E06000061')).toEqual([2022, 2023, 2024]);
    expect(yearsReported('cla-ees-2024', 'E06000062')).toEqual([2022, 2023, 2024]);
    expect(yearsReported('cla-ees-2024', 'E10000021')).toEqual([2020, 2021]);
  });
  it('Cumberland and Westmorland and Furness first reported in 2024; Cumbria last in 2023', () => {
    expect(yearsReported('cla-ees-2024', 'E06000063')).toEqual([2024]);
    expect(yearsReported('cla-ees-2024', 'E06000064')).toEqual([2024]);
    expect(yearsReported('cla-ees-2025', 'E06000063')).toEqual([2024, 2025]);
    expect(yearsReported('cla-ees-2024', 'E10000006')).toEqual([2020, 2021, 2022, 2023]);
  });
});

describe('LA rows with a figure (not z), per year and release', () => {
  it('SFR: 152 in 2010 (with Isles of Scilly), 151 in 2011–2016 (no Isles of Scilly row), 152 in the 2017 CLA file', () => {
    expect(laRowsByYear('cla-sfr-2010-cla')).toEqual({ 2010: 152 });
    for (let y = 2011; y <= 2016; y++) {
      expect(laRowsByYear(`cla-sfr-${y}-cla`)).toEqual({ [y]: 151 });
      expect(laRowsByYear(`cla-sfr-${y}-starts`, 'cla_starts')).toEqual({ [y]: 151 });
    }
    expect(laRowsByYear('cla-sfr-2017-cla')).toEqual({ 2017: 152 });
    expect(laRowsByYear('cla-sfr-2017-starts', 'cla_starts')).toEqual({ 2017: 151 });
  });
  it('EES 2022 release: 152, 152, 151 (BCP merger), 151, 152 (Northamptonshire split)', () => {
    expect(laRowsByYear('cla-ees-2022')).toEqual({ 2018: 152, 2019: 152, 2020: 151, 2021: 151, 2022: 152 });
  });
  it('EES 2024 release: 153 in 2024 (Cumbria split)', () => {
    expect(laRowsByYear('cla-ees-2024')).toEqual({ 2020: 151, 2021: 151, 2022: 152, 2023: 152, 2024: 153 });
  });
  it('EES 2025 release: one fewer every year, because it marks Isles of Scilly z throughout', () => {
    expect(laRowsByYear('cla-ees-2025')).toEqual({ 2021: 150, 2022: 151, 2023: 151, 2024: 152, 2025: 152 });
    const scilly = result.observations.filter((o) => o.source === 'cla-ees-2025' && o.code === 'E06000053' && o.measure === 'cla_count');
    expect(scilly.map((o) => o.value)).toEqual(Array(5).fill({ missing: 'not_applicable', marker: 'z' }));
  });
});

describe('the whole family', () => {
  it('reads every CLA source with the expected rows', () => {
    expect(Object.keys(result.rowsRead).sort()).toEqual(claSourceIds(realClaFiles()).sort());
    expect(result.rowsRead['cla-ees-2022']).toBe(2520);
    expect(result.rowsRead['cla-ees-2024']).toBe(2505);
    expect(result.rowsRead['cla-ees-2025']).toBe(2505);
    expect(result.rowsRead['cla-timeseries-2024']).toBe(155);
    expect(result.rowsRead['cla-sfr-2017-cla']).toBe(164);
  });
  it('never turns a marker into a number: every value is finite or a typed gap', () => {
    const bad = result.observations.filter((o) => !(isMissing(o.value) || Number.isFinite(o.value)));
    expect(bad).toEqual([]);
  });
  it('loads in well under 5 seconds', () => {
    expect(loadMs).toBeLessThan(5000);
  });
});
