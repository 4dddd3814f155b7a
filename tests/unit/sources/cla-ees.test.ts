import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../scripts/data/core/types.ts';
import { loadCla } from '../../../scripts/data/sources/cla.ts';
import { filesFromText, fixtureText } from '../../fixtures/cla/files.ts';
import { expectDataError, one } from './helpers.ts';

const opts = { coverage: false, partial: true } as const;

function load(texts: Record<string, string>): Observation[] {
  return loadCla(filesFromText(texts), opts).observations;
}

const E24 = fixtureText('ees-2024.csv'); // starts with a byte-order mark, like the real file
const E25 = fixtureText('ees-2025.csv');
const TS = fixtureText('timeseries-2024.csv');

describe('EES tidy file, 2022/2024 column names', () => {
  const obs = load({ 'cla-ees-2024': E24 });
  const eng = { level: 'national', year: 2024 } as const;

  it('reads the count, the printed rate and the denominator for England', () => {
    expect(one(obs, { ...eng, measure: 'cla_count' })).toMatchObject({
      code: 'E92000001',
      name: 'England',
      value: 83630,
      release: '2024',
      releaseOrder: 2024,
      source: 'cla-ees-2024',
    });
    expect(one(obs, { ...eng, measure: 'cla_rate_per_10k' }).value).toBe(70);
    expect(one(obs, { ...eng, measure: 'population_0_17' })).toMatchObject({ value: 11998646, basis: 'cla-denominator' });
    expect(one(obs, { ...eng, measure: 'cla_starts' }).value).toBe(33050);
    expect(one(obs, { ...eng, measure: 'cla_ceases' }).value).toBe(33620);
  });

  it('emits no rate for starts or ceases (only the at-31-March rate is a measure)', () => {
    expect(obs.filter((o) => o.measure === 'cla_rate_per_10k')).toHaveLength(obs.filter((o) => o.measure === 'cla_count').length);
  });

  it('emits regions with their E12 code and leaves Inner London out', () => {
    expect(one(obs, { level: 'regional', measure: 'cla_count' })).toMatchObject({ code: 'E12000001', name: 'North East', value: 6110 });
    expect(obs.filter((o) => o.name === 'Inner London')).toEqual([]);
  });

  it('keeps LA codes and turns z and x into typed gaps, never zeros', () => {
    expect(one(obs, { level: 'la', code: 'E06000063', year: 2024, measure: 'cla_count' })).toMatchObject({ oldCode: '942', name: 'Cumberland', value: 482 });
    expect(one(obs, { code: 'E10000006', year: 2024, measure: 'cla_count' }).value).toEqual({ missing: 'not_applicable', marker: 'z' });
    expect(one(obs, { code: 'E10000006', year: 2024, measure: 'population_0_17' }).value).toEqual({ missing: 'not_available', marker: 'x' });
    expect(one(obs, { code: 'E06000063', year: 2023, measure: 'cla_rate_per_10k' }).value).toEqual({ missing: 'not_applicable', marker: 'z' });
  });
});

describe('EES tidy file, 2025 column names', () => {
  const obs = load({ 'cla-ees-2025': E25 });
  it('reads population_type / children_count and the "on 31 March" label', () => {
    expect(one(obs, { level: 'national', year: 2025, measure: 'cla_count' })).toMatchObject({ value: 81770, release: '2025', releaseOrder: 2025 });
    expect(one(obs, { level: 'national', year: 2025, measure: 'cla_rate_per_10k' }).value).toBe(67);
    expect(one(obs, { level: 'national', year: 2024, measure: 'cla_count' }).value).toBe(83530);
  });
  it('marks suppression (c) as suppressed', () => {
    expect(one(obs, { code: 'E09000001', measure: 'cla_count' }).value).toEqual({ missing: 'suppressed', marker: 'c' });
    expect(one(obs, { code: 'E09000001', measure: 'cla_starts' }).value).toBe(15);
  });
});

describe('EES bad input', () => {
  const gates24 =
    '2024,Reporting year,Local authority,E92000001,England,E12000001,North East,390,Gateshead,E08000037,Children looked after at 31 March each year,39784,528,133';
  it('missing column', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replace('rate_per_10000', 'rate') }), 'cla-ees-2024', '"rate_per_10000" is missing');
  });
  it('renamed measure or count column', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(',number,', ',count,') }), '"children_count" / "number"');
  });
  it('unknown geographic level', () => {
    expectDataError(
      () =>
        load({
          'cla-ees-2024': E24.replace(
            `2024,Reporting year,Local authority,E92000001,England,E12000001,North East,390`,
            '2024,Reporting year,Ward,E92000001,England,E12000001,North East,390',
          ),
        }),
      'geographic_level',
      '"Ward"',
    );
  });
  it('unknown measure label', () => {
    expectDataError(
      () => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace('at 31 March', 'in March')) }),
      'population_count',
      'unknown measure label',
    );
  });
  it('year outside the range the file covers', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace(/^2024/, '2019')) }), 'time_period', '"2019"', '2020–2024');
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace(/^2024/, '202425')) }), 'four-digit year');
  });
  it('wrong time identifier', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace('Reporting year', 'Financial year')) }), 'time_identifier');
  });
  it('duplicated row', () => {
    expectDataError(() => load({ 'cla-ees-2024': `${E24}${gates24}\n` }), 'row 41', 'duplicate cla_count', 'Gateshead');
  });
  it('non-numeric value', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace(',528,', ',5 28,')) }), 'column "number"', '"5 28"');
  });
  it('wrong LA code formats', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace('E08000037', 'E07000037')) }), 'new_la_code', '"E07000037"');
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace(',390,', ',39,')) }), 'old_la_code', '"39"');
  });
  it('region code and name that disagree', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replaceAll('E12000001,North East,,', 'E12000002,North East,,') }), 'region_name', 'disagree');
  });
  it('denominators that disagree between the rows of one area-year', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.replace(gates24, gates24.replace(',39784,', ',39785,')) }), 'population_estimate', 'differs');
  });
  it('a year without its England row', () => {
    const noEngland2021 = E24.split('\n')
      .filter((l) => !l.startsWith('2021,Reporting year,National'))
      .join('\n');
    expectDataError(() => load({ 'cla-ees-2024': noEngland2021 }), 'no England row for cla_count in 2021');
  });
  it('truncated file', () => {
    expectDataError(() => load({ 'cla-ees-2024': E24.trimEnd().slice(0, -25) }), 'looks truncated');
  });
  it('too few LAs per year when coverage is checked', () => {
    expectDataError(() => loadCla(filesFromText({ 'cla-ees-2024': E24 }), { partial: true }), 'LA rows for cla_count in 2020; at least 150 expected');
  });
});

describe('national time series 1994–2024', () => {
  const obs = load({ 'cla-timeseries-2024': TS });
  it('gives England at 31 March for every year from 1994', () => {
    const years = obs.filter((o) => o.measure === 'cla_count').map((o) => o.year);
    expect(years.sort()).toEqual(Array.from({ length: 31 }, (_, i) => 1994 + i));
    expect(one(obs, { measure: 'cla_count', year: 1994 })).toMatchObject({
      level: 'national',
      code: 'E92000001',
      value: 47590,
      release: '2024',
      releaseOrder: 2024,
    });
    expect(one(obs, { measure: 'cla_count', year: 2017 }).value).toBe(72600);
  });
  it('gives starts and ceases where present and leaves UASC and adoptions out', () => {
    expect(one(obs, { measure: 'cla_starts', year: 2003 }).value).toBe(24390);
    expect(one(obs, { measure: 'cla_ceases', year: 2024 }).value).toBe(33620);
    expect(obs.every((o) => ['cla_count', 'cla_starts', 'cla_ceases'].includes(o.measure))).toBe(true);
    expect(obs).toHaveLength(31 + 4);
  });
  it('rejects a year before 1994, a non-national row and an unknown series', () => {
    expectDataError(() => load({ 'cla-timeseries-2024': TS.replace(/^1994,/gm, '1993,') }), 'no England row for cla_count in 1994');
    expectDataError(() => load({ 'cla-timeseries-2024': TS.replace('2003,Reporting year,National', '2003,Reporting year,Regional') }), 'only National rows');
    expectDataError(() => load({ 'cla-timeseries-2024': TS.replace('who were adopted during the year', 'who went missing') }), 'unknown measure label');
  });
  it('must agree with the tidy file of the same release', () => {
    const t = TS.replace('Children looked after at 31 March,83630', 'Children looked after at 31 March,83631');
    expectDataError(() => load({ 'cla-ees-2024': E24, 'cla-timeseries-2024': t }), 'cla-timeseries-2024', 'differs from 83630 in cla-ees-2024');
    expect(() => load({ 'cla-ees-2024': E24, 'cla-timeseries-2024': TS })).not.toThrow();
  });
});

describe('loadCla', () => {
  it('requires every CLA source unless asked for a partial load', () => {
    expect(() => loadCla(filesFromText({ 'cla-ees-2024': E24 }), { coverage: false })).toThrow(/cla-sfr-2010-cla/);
  });
  it('counts rows read per source', () => {
    const r = loadCla(filesFromText({ 'cla-ees-2025': E25, 'cla-timeseries-2024': TS }), opts);
    expect(r.rowsRead).toEqual({ 'cla-ees-2025': 27, 'cla-timeseries-2024': 39 });
  });
});
