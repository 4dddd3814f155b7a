import { describe, expect, it } from 'vitest';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { isMissing } from '../../../contract/missing.ts';
import type { Observation } from '../../../scripts/data/core/types.ts';
import { loadCin } from '../../../scripts/data/sources/cin.ts';
import { filesFromText, fixtureText } from '../../fixtures/cin/source-files.ts';
import { edit, find, one } from './helpers.ts';

const B1_24 = fixtureText('cin/b1-2024.csv');
const B1_25 = fixtureText('cin/b1-2025.csv');
const D5 = fixtureText('cin/d5-2025.csv');
const OPTS = { minLasPerPeriod: 0 };

function load(over: Partial<Record<'cin-b1-2024' | 'cin-b1-2025' | 'cin-d5-2025', string>> = {}) {
  return loadCin(filesFromText({ 'cin-b1-2024': B1_24, 'cin-b1-2025': B1_25, 'cin-d5-2025': D5, ...over }), OPTS);
}

const BLACKPOOL_2024 = B1_24.split('\n').find((l) => l.startsWith('2024,') && l.includes('Blackpool'))!;

describe('loadCin: fixtures', () => {
  it('reads children in need at 31 March (At31_episodes) and the printed rate, with geography', () => {
    const { observations: obs, rowsRead } = load();
    expect(rowsRead).toEqual({ 'cin-b1-2024': 19, 'cin-b1-2025': 17, 'cin-d5-2025': 17 });
    expect(one(obs, { measure: 'cin_count', code: 'E92000001', year: 2024, release: '2024' })).toMatchObject({
      level: 'national',
      name: 'England',
      value: 399460,
      source: 'cin-b1-2024',
      releaseOrder: 2024,
    });
    expect(one(obs, { measure: 'cin_rate_per_10k', code: 'E92000001', year: 2024 }).value).toBe(332.9);
    expect(one(obs, { measure: 'cin_count', code: 'E06000009', year: 2024, release: '2024' })).toMatchObject({
      level: 'la',
      oldCode: '890',
      name: 'Blackpool',
      value: 1773,
    });
    expect(one(obs, { measure: 'cin_rate_per_10k', code: 'E06000009', year: 2024 }).value).toBe(618.6);
    expect(one(obs, { measure: 'cin_count', code: 'E12000001', year: 2024, release: '2024' })).toMatchObject({
      level: 'regional',
      name: 'North East',
      value: 25010,
    });
  });

  it('gives the 2025 release the higher release order, and prints no 2025 rates', () => {
    const obs = load().observations;
    const both = find(obs, { measure: 'cin_count', code: 'E92000001', year: 2024 });
    expect(both.map((o) => [o.release, o.releaseOrder, o.source])).toEqual([
      ['2024', 2024, 'cin-b1-2024'],
      ['2025', 2025, 'cin-b1-2025'],
    ]);
    expect(one(obs, { measure: 'cin_count', code: 'E92000001', year: 2025 }).value).toBe(402400);
    expect(find(obs, { measure: 'cin_rate_per_10k', year: 2025 })).toHaveLength(0);
    expect(find(obs, { measure: 'cin_rate_per_10k', source: 'cin-b1-2025' })).toHaveLength(0);
  });

  it('reads children on a child protection plan (CPP_At31) from d5', () => {
    const obs = load().observations;
    expect(one(obs, { measure: 'cpp_count', code: 'E92000001', year: 2025 })).toMatchObject({ value: 49420, source: 'cin-d5-2025', release: '2025' });
    expect(one(obs, { measure: 'cpp_count', code: 'E92000001', year: 2013 }).value).toBe(43140);
    expect(one(obs, { measure: 'cpp_count', code: 'E06000009', year: 2025 }).value).toBe(249);
  });

  it('keeps u (Hampshire 2024) and c (Isles of Scilly 2023) as typed gaps, never zero', () => {
    const obs = load().observations;
    const hants = one(obs, { measure: 'cin_count', code: 'E10000014', year: 2024, release: '2024' });
    expect(hants.value).toEqual({ missing: 'low_reliability', marker: 'u' });
    expect(one(obs, { measure: 'cin_rate_per_10k', code: 'E10000014', year: 2024 }).value).toEqual({ missing: 'low_reliability', marker: 'u' });
    const scilly = one(obs, { measure: 'cin_count', code: 'E06000053', year: 2023 });
    expect(scilly.value).toEqual({ missing: 'suppressed', marker: 'c' });
    const scillyCpp = one(obs, { measure: 'cpp_count', code: 'E06000053', year: 2025 });
    expect(isMissing(scillyCpp.value)).toBe(true);
  });

  it('does not emit Inner/Outer London (E13), which would double-count London', () => {
    const obs = load().observations;
    expect(obs.filter((o) => o.code?.startsWith('E13'))).toHaveLength(0);
    // A London LA whose region_code is E13 is still emitted.
    expect(one(obs, { measure: 'cin_count', code: 'E09000007', year: 2024, release: '2024' }).name).toBe('Camden');
  });
});

describe('loadCin: bad input is refused with file, row, column and value', () => {
  it('a renamed column', () => {
    const text = edit(B1_24, ',At31_episodes,', ',At31_children,');
    expect(() => load({ 'cin-b1-2024': text })).toThrow(/cin-b1-2024.*expected column "At31_episodes" is missing/);
  });

  it('a missing column in d5', () => {
    const text = D5.replace('CPP_At31', 'CPP_at_31');
    expect(() => load({ 'cin-d5-2025': text })).toThrow(/cin-d5-2025.*"CPP_At31" is missing/);
  });

  it('a duplicated row', () => {
    const text = `${B1_24.trimEnd()}\n${BLACKPOOL_2024}\n`;
    expect(() => load({ 'cin-b1-2024': text })).toThrow(/row 21.*duplicate period and geography "2024 la E06000009 890" \(first seen at row 5\)/);
  });

  it('a non-numeric value', () => {
    const text = edit(B1_24, BLACKPOOL_2024, BLACKPOOL_2024.replace(',1773,618.6,', ',n/a,618.6,'));
    let err: unknown;
    try {
      load({ 'cin-b1-2024': text });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).location).toMatchObject({
      source: 'cin-b1-2024',
      file: 'dfe/cin-census/ees-2024/b1_children_in_need_2013_to_2024.csv',
      row: 5,
      column: 'At31_episodes',
      value: 'n/a',
    });
  });

  it('a negative or fractional count', () => {
    const neg = edit(B1_24, BLACKPOOL_2024, BLACKPOOL_2024.replace(',1773,618.6,', ',-1773,618.6,'));
    expect(() => load({ 'cin-b1-2024': neg })).toThrow(/row 5, column "At31_episodes", value "-1773": value out of range/);
    const frac = edit(B1_24, BLACKPOOL_2024, BLACKPOOL_2024.replace(',1773,618.6,', ',1773.5,618.6,'));
    expect(() => load({ 'cin-b1-2024': frac })).toThrow(/value out of range: expected a whole number/);
  });

  it('a wrongly formatted LA code', () => {
    const text = edit(B1_24, ',890,E06000009,Blackpool', ',890,E6000009,Blackpool');
    expect(() => load({ 'cin-b1-2024': text })).toThrow(/column "new_la_code", value "E6000009": new_la_code is not an upper-tier LA code/);
  });

  it('a wrongly formatted old LA code', () => {
    const text = edit(B1_24, ',890,E06000009,Blackpool', ',89,E06000009,Blackpool');
    expect(() => load({ 'cin-b1-2024': text })).toThrow(/column "old_la_code", value "89"/);
  });

  it('an unknown geographic level', () => {
    const text = edit(
      B1_24,
      '2024,Reporting year,Local authority,E92000001,England,E12000002,North West,890',
      '2024,Reporting year,Local authority district,E92000001,England,E12000002,North West,890',
    );
    expect(() => load({ 'cin-b1-2024': text })).toThrow(/unknown geographic_level/);
  });

  it('a year outside the release', () => {
    const line2013 = B1_24.split('\n').find((l) => l.startsWith('2013,') && l.includes('Blackpool'))!;
    const text = edit(B1_24, line2013, line2013.replace(/^2013,/, '2012,'));
    expect(() => load({ 'cin-b1-2024': text })).toThrow(/column "time_period", value "2012": time_period 2012 is outside the release's range 2013–2024/);
    const text2 = edit(B1_25, '2025,Reporting year,National', '2026,Reporting year,National');
    expect(() => load({ 'cin-b1-2025': text2 })).toThrow(/time_period 2026 is outside the release's range 2013–2025/);
  });

  it('an unexpected category (another breakdown)', () => {
    const text = edit(B1_24, 'Camden,Children in Need', 'Camden,Children in Need by age');
    expect(() => load({ 'cin-b1-2024': text })).toThrow(/column "category", value "Children in Need by age": expected "Children in Need"/);
  });

  it('a file truncated mid-row', () => {
    const cut = B1_24.slice(0, B1_24.indexOf(BLACKPOOL_2024) + 60);
    expect(() => load({ 'cin-b1-2024': cut })).toThrow(/cin-b1-2024.*the file looks truncated/);
  });

  it('a file truncated at a row boundary (earliest years lost)', () => {
    const lines = B1_24.trimEnd().split('\n');
    const cut = lines.filter((l) => !l.startsWith('2013,')).join('\n');
    expect(() => load({ 'cin-b1-2024': cut })).toThrow(/time_period 2013 has 0 England row\(s\)/);
  });

  it('too few LA rows in a year when the real-file guard is on', () => {
    const files = filesFromText({ 'cin-b1-2024': B1_24, 'cin-b1-2025': B1_25, 'cin-d5-2025': D5 });
    expect(() => loadCin(files)).toThrow(/expected 1 and at least 140/);
  });

  it('a missing source file names the manifest id', () => {
    const files = filesFromText({ 'cin-b1-2024': B1_24, 'cin-b1-2025': B1_25 });
    expect(() => loadCin(files, OPTS)).toThrow(/no CIN table D5 among the sources \(a manifest entry with id cin-d5-<release year>/);
  });
});
