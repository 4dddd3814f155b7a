import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../scripts/data/core/types.ts';
import { loadPopulation, yearForMidYear } from '../../../scripts/data/sources/population.ts';
import { filesFromText, fixtureText } from '../../fixtures/cin/source-files.ts';
import { edit } from './helpers.ts';

const POP = fixtureText('population/pop-0-17.csv');
const OPTS = { minLasPerPeriod: 0 };
const load = (text = POP) => loadPopulation(filesFromText({ 'population-0-17': text }), OPTS);

function one(obs: Observation[], code: string, year: number): Observation {
  const hits = obs.filter((o) => o.code === code && o.year === year);
  expect(hits, `${code} ${year}`).toHaveLength(1);
  return hits[0]!;
}

describe('loadPopulation: fixtures', () => {
  it('files the mid-Y estimate under the year ending 31 March Y+1 (mid-2023 → 2024), basis ons-mid-year', () => {
    expect(yearForMidYear(2023)).toBe(2024);
    const { observations: obs, rowsRead } = load();
    expect(rowsRead).toEqual({ 'population-0-17': 20 });
    // mid-2024 England = 12,183,016 → year 2025 (the CLA 2025 release's 2025 denominator).
    expect(one(obs, 'E92000001', 2025)).toMatchObject({
      measure: 'population_0_17',
      level: 'national',
      name: 'England',
      value: 12183016,
      source: 'population-0-17',
      basis: 'ons-mid-year',
    });
    // mid-2012 → year 2013; no year 2012 and no year 2026.
    expect(one(obs, 'E92000001', 2013).value).toBe(11403970);
    expect(obs.some((o) => o.year === 2012 || o.year === 2026)).toBe(false);
    expect(one(obs, 'E06000009', 2025)).toMatchObject({ level: 'la', oldCode: '890', name: 'Blackpool', value: 28923 });
    expect(one(obs, 'E06000009', 2024).value).toBe(28630);
    expect(one(obs, 'E12000001', 2025)).toMatchObject({ level: 'regional', name: 'North East', value: 542710 });
  });

  it('keeps Bournemouth and Poole "x" (mid-2012..mid-2018) as typed missing, and reads BCP from mid-2019', () => {
    const obs = load().observations;
    expect(one(obs, 'E06000028', 2019).value).toEqual({ missing: 'not_available', marker: 'x' });
    expect(one(obs, 'E06000029', 2019).value).toEqual({ missing: 'not_available', marker: 'x' });
    expect(one(obs, 'E06000058', 2020)).toMatchObject({ name: 'Bournemouth, Christchurch and Poole', value: 72905 });
  });

  it('does not emit Inner/Outer London', () => {
    expect(load().observations.filter((o) => o.code?.startsWith('E13'))).toEqual([]);
  });
});

describe('loadPopulation: bad input', () => {
  const BLACKPOOL_2024 = '2024,Reporting year,Local authority,E92000001,England,E12000002,North West,890,E06000009,Blackpool,Children aged 0 to 17 years,28923';

  it('a renamed column', () => {
    expect(() => load(POP.replace('population_estimate', 'population'))).toThrow(/population-0-17.*expected column "population_estimate" is missing/);
  });
  it('a duplicated row', () => {
    expect(() => load(`${POP.trimEnd()}\n${BLACKPOOL_2024}\n`)).toThrow(
      /row 22: duplicate period and geography "2024 la E06000009 890" \(first seen at row 5\)/,
    );
  });
  it('a non-numeric value', () => {
    expect(() => load(edit(POP, BLACKPOOL_2024, BLACKPOOL_2024.replace(',28923', ',about 29k')))).toThrow(
      /file dfe\/population\/ons_mid-year_population_estimates_2012_to_2024.csv, row \d+, column "population_estimate", value "about 29k"/,
    );
  });
  it('a zero or fractional population', () => {
    expect(() => load(edit(POP, BLACKPOOL_2024, BLACKPOOL_2024.replace(',28923', ',0')))).toThrow(/value out of range/);
    expect(() => load(edit(POP, BLACKPOOL_2024, BLACKPOOL_2024.replace(',28923', ',28923.4')))).toThrow(/a whole number/);
  });
  it('a wrongly formatted code', () => {
    expect(() => load(edit(POP, 'E12000001,North East', 'X12000001,North East'))).toThrow(/column "region_code", value "X12000001"/);
    expect(() => load(edit(POP, '890,E06000009', '890,W06000009'))).toThrow(/column "new_la_code", value "W06000009"/);
  });
  it('a year outside mid-2012..mid-2024', () => {
    expect(() => load(edit(POP, BLACKPOOL_2024, BLACKPOOL_2024.replace(/^2024/, '2025')))).toThrow(/time_period 2025 is outside the release's range 2012–2024/);
    expect(() => load(edit(POP, BLACKPOOL_2024, BLACKPOOL_2024.replace(/^2024/, '24')))).toThrow(/not a four-digit year/);
  });
  it('another age group', () => {
    expect(() => load(edit(POP, 'Blackpool,Children aged 0 to 17 years', 'Blackpool,Children aged 0 to 15 years'))).toThrow(/column "age_group"/);
  });
  it('a truncated file', () => {
    expect(() => load(POP.slice(0, POP.indexOf(BLACKPOOL_2024) + 40))).toThrow(/looks truncated/);
    const lines = POP.trimEnd().split('\n');
    expect(() => load(lines.filter((l) => !l.startsWith('2012,')).join('\n'))).toThrow(/time_period 2012 has 0 England row/);
  });
});
