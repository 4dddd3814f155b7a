/**
 * Official figures for children in need and child protection plans, read from
 * the real (checksum-pinned) mirror files, and the check of the rate method
 * against the rates DfE printed in the CIN 2024 release.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../scripts/data/core/csv.ts';
import { isMissing } from '../../contract/missing.ts';
import type { Observation } from '../../scripts/data/core/types.ts';
import { ratePer10k, roundTo } from '../../scripts/data/derive/rates.ts';
import { loadCin } from '../../scripts/data/sources/cin.ts';
import { loadPopulation } from '../../scripts/data/sources/population.ts';
import { mirrorFiles } from '../fixtures/cin/source-files.ts';

const files = mirrorFiles(['cin-b1-2024', 'cin-b1-2025', 'cin-d5-2025', 'population-0-17', 'cla-ees-2024']);
const started = performance.now();
const cin = loadCin(files);
const cinMs = performance.now() - started;
const population = loadPopulation(files).observations;

function one(q: Partial<Observation>): Observation {
  const hits = cin.observations.filter((o) => Object.entries(q).every(([k, v]) => (o as unknown as Record<string, unknown>)[k] === v));
  expect(hits, JSON.stringify(q)).toHaveLength(1);
  return hits[0]!;
}

/** 2024-release counts by code and year (the index keeps the rate check fast). */
const count2024 = new Map(cin.observations.filter((o) => o.measure === 'cin_count' && o.source === 'cin-b1-2024').map((o) => [`${o.code}|${o.year}`, o]));

describe('CIN and CPP: figures DfE printed', () => {
  it('reads every row of the three files, quickly', () => {
    expect(cin.rowsRead).toEqual({ 'cin-b1-2024': 1967, 'cin-b1-2025': 2132, 'cin-d5-2025': 2132 });
    expect(cinMs).toBeLessThan(5000);
  });

  it('England: 399,460 children in need at 31 March 2024, 332.9 per 10,000', () => {
    expect(one({ measure: 'cin_count', code: 'E92000001', year: 2024, source: 'cin-b1-2024' }).value).toBe(399460);
    expect(one({ measure: 'cin_count', code: 'E92000001', year: 2024, source: 'cin-b1-2025' }).value).toBe(399460);
    expect(one({ measure: 'cin_rate_per_10k', code: 'E92000001', year: 2024 }).value).toBe(332.9);
  });

  it('England: 49,420 children on a child protection plan at 31 March 2025; 43,140 in 2013', () => {
    expect(one({ measure: 'cpp_count', code: 'E92000001', year: 2025 }).value).toBe(49420);
    expect(one({ measure: 'cpp_count', code: 'E92000001', year: 2013 }).value).toBe(43140);
  });

  it('LAs per year follow the reorganisations: 152 (2013–19), 151 (2020–21), 152 (2022–23), 153 (2024–25)', () => {
    const expected = (y: number) => (y <= 2019 ? 152 : y <= 2021 ? 151 : y <= 2023 ? 152 : 153);
    for (let y = 2013; y <= 2025; y++) {
      const las = cin.observations.filter((o) => o.measure === 'cpp_count' && o.level === 'la' && o.year === y);
      expect(las.length, String(y)).toBe(expected(y));
    }
  });

  it('Hampshire 2024 is u (low reliability) in b1, never a number', () => {
    expect(one({ measure: 'cin_count', code: 'E10000014', year: 2024, source: 'cin-b1-2024' }).value).toEqual({ missing: 'low_reliability', marker: 'u' });
  });
});

/** Published At31_episodes_rate beside the rate computed from the published count and a denominator. */
type Denominator = (o: Observation) => number | undefined;

function compareRates(years: readonly number[], denominator: Denominator, levels: readonly string[]) {
  const rates = cin.observations.filter((o) => o.measure === 'cin_rate_per_10k' && years.includes(o.year) && levels.includes(o.level));
  const compared: string[] = [];
  const mismatches: string[] = [];
  for (const r of rates) {
    const count = count2024.get(`${r.code}|${r.year}`)!.value;
    if (isMissing(r.value) || isMissing(count)) continue;
    const p = denominator(r);
    if (p === undefined) {
      mismatches.push(`${r.name} ${r.year}: no denominator`);
      continue;
    }
    const computed = ratePer10k(count, p);
    if (isMissing(computed)) continue;
    compared.push(`${r.code} ${r.year}`);
    if (roundTo(computed, 1) !== r.value) mismatches.push(`${r.name} ${r.year}: printed ${r.value}, computed ${computed.toFixed(3)} (${count} / ${p})`);
  }
  return { compared, mismatches };
}

const popByKey = new Map(population.map((o) => [`${o.code}|${o.year}`, o.value]));
const fromPopulationFile: Denominator = (o) => {
  const v = popByKey.get(`${o.code}|${o.year}`);
  return v === undefined || isMissing(v) ? undefined : v;
};

describe('rate method v the rates the CIN 2024 release printed (At31_episodes_rate)', () => {
  it('2013–2022: count / ONS mid-(Y-1) 0–17 estimate × 10,000 reproduces England, every region and every LA to 1 dp', () => {
    const years = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
    const { compared, mismatches } = compareRates(years, fromPopulationFile, ['national', 'regional', 'la']);
    expect(mismatches).toEqual([]);
    // 1,618 England, region and LA rows, less 28 with no printed rate: Bournemouth, Poole
    // and Dorset 2013–19 (rate x: no estimate, as in the population file) and 7 x/c
    // counts (Hackney 2021–22, Cornwall and Isles of Scilly 2014, Durham, Oldham, Norfolk 2013).
    expect(compared).toHaveLength(1590);
  });

  it('2024: the population file (ONS revised mid-2023) is NOT the denominator DfE used: England 331.2 v 332.9 printed', () => {
    const { mismatches } = compareRates([2024], fromPopulationFile, ['national']);
    expect(mismatches).toEqual(['England 2024: printed 332.9, computed 331.242 (399460 / 12059476)']);
  });

  it('2023 and 2024: with the mid-year estimates as first published (the CLA 2024 release denominators), England and every LA match', () => {
    // The CLA 2024 release prints the population_estimate it divides by; it is the
    // same first-published ONS estimate the CIN 2024 release used.
    const f = files.get('cla-ees-2024')!;
    const t = readCsv(f.bytes, { source: 'cla-ees-2024', file: f.entry.path });
    const first = new Map<string, number>();
    for (let r = 0; r < t.rows.length; r++) {
      if (!t.text(r, 'population_count').startsWith('Children looked after at 31 March')) continue;
      // LAs are joined on the DfE three-digit code: for 2023 the CIN release files North
      // Yorkshire and Somerset under their county codes (E10000023, E10000027), the CLA
      // release under their new unitary codes (E06000065, E06000066).
      const key = t.text(r, 'old_la_code') || t.text(r, 'country_code');
      const v = t.value(r, 'population_estimate');
      const level = t.text(r, 'geographic_level');
      if (!isMissing(v) && (level === 'National' || level === 'Local authority')) first.set(`${key}|${t.text(r, 'time_period')}`, v);
    }
    expect(first.get('E92000001|2024')).toBe(11998646);
    const { compared, mismatches } = compareRates([2023, 2024], (o) => first.get(`${o.oldCode ?? o.code}|${o.year}`), ['national', 'la']);
    expect(mismatches).toEqual([]);
    // England + 152 LAs in 2023 (Isles of Scilly suppressed) + England + 153 LAs in 2024 (Hampshire u).
    expect(compared).toHaveLength(1 + 151 + 1 + 152);
  });
});
