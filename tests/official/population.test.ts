/** Official figures of the ONS 0–17 mid-year estimates, read from the real (checksum-pinned) mirror file. */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../scripts/data/core/csv.ts';
import type { Observation } from '../../scripts/data/core/types.ts';
import { loadPopulation } from '../../scripts/data/sources/population.ts';
import { mirrorFiles } from '../fixtures/cin/source-files.ts';

const files = mirrorFiles(['population-0-17', 'cla-ees-2025']);
const started = performance.now();
const { observations, rowsRead } = loadPopulation(files);
const ms = performance.now() - started;

function one(code: string, year: number): Observation {
  const hits = observations.filter((o) => o.code === code && o.year === year);
  expect(hits, `${code} ${year}`).toHaveLength(1);
  return hits[0]!;
}

describe('ONS mid-year 0–17 estimates', () => {
  it('reads all 2,132 rows quickly', () => {
    expect(rowsRead).toEqual({ 'population-0-17': 2132 });
    expect(ms).toBeLessThan(3000);
  });

  it('England mid-2024 = 12,183,016 (year 2025) and mid-2012 = 11,403,970 (year 2013)', () => {
    expect(one('E92000001', 2025).value).toBe(12183016);
    expect(one('E92000001', 2013).value).toBe(11403970);
  });

  it('Blackpool mid-2024 = 28,923', () => {
    expect(one('E06000009', 2025)).toMatchObject({ name: 'Blackpool', oldCode: '890', value: 28923 });
  });

  it('LAs per mid-year: 152 (2012–18), 151 (2019–20), 152 (2021–22), 153 (2023–24)', () => {
    const expected = (mid: number) => (mid <= 2018 ? 152 : mid <= 2020 ? 151 : mid <= 2022 ? 152 : 153);
    for (let mid = 2012; mid <= 2024; mid++) {
      expect(observations.filter((o) => o.level === 'la' && o.year === mid + 1).length, `mid-${mid}`).toBe(expected(mid));
    }
    expect(observations.filter((o) => o.level === 'regional' && o.year === 2025)).toHaveLength(9);
  });

  it('Bournemouth, Poole and Dorset are x for mid-2012..mid-2018 and stay typed missing (21 values)', () => {
    const gaps = observations.filter((o) => typeof o.value === 'object');
    expect(gaps).toHaveLength(21);
    expect(new Set(gaps.map((o) => o.oldCode))).toEqual(new Set(['835', '836', '837']));
    expect(new Set(gaps.map((o) => o.year))).toEqual(new Set([2013, 2014, 2015, 2016, 2017, 2018, 2019]));
    expect(gaps.every((o) => typeof o.value === 'object' && o.value.missing === 'not_available')).toBe(true);
  });

  it("the year convention matches DfE: the CLA 2025 release divides 2025 counts by this file's mid-2024 estimate", () => {
    const f = files.get('cla-ees-2025')!;
    const t = readCsv(f.bytes, { source: 'cla-ees-2025', file: f.entry.path });
    let checked = 0;
    for (let r = 0; r < t.rows.length; r++) {
      if (t.text(r, 'time_period') !== '2025' || !t.text(r, 'population_type').startsWith('Children looked after on 31 March')) continue;
      const code = t.text(r, 'new_la_code') || t.text(r, 'region_code') || t.text(r, 'country_code');
      // E13 sub-regions are not emitted; former councils (Cumbria, Northamptonshire) are listed with x / z.
      if (code.startsWith('E13') || t.text(r, 'population_estimate') === 'x') continue;
      expect(one(code, 2025).value, code).toBe(t.value(r, 'population_estimate'));
      checked++;
    }
    expect(checked).toBe(1 + 9 + 153);
  });
});
