/**
 * Official tests on the real mirror files: the geography must agree with the
 * councils DfE and ONS actually publish for each year, and the deprivation
 * figures with those MHCLG printed.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../scripts/data/core/csv.ts';
import { isMissing } from '../../contract/missing.ts';
import type { Table } from '../../scripts/data/core/table.ts';
import { loadDeprivation } from '../../scripts/data/sources/deprivation.ts';
import { loadGeo } from '../../scripts/data/sources/geo.ts';
import { loadGeography, type Geography } from '../../scripts/data/sources/geography.ts';
import { GEOGRAPHY_IDS, mirrorFiles } from '../fixtures/geography/files.ts';

const files = mirrorFiles([
  ...GEOGRAPHY_IDS,
  'iod-2019-utla',
  'geo-topojson',
  'geo-hocl-utla-2023',
  'geo-hocl-group-2023',
  'geo-hex-odi-utla',
  'cla-ees-2025',
  'population-0-17',
  'cla-sfr-2010-cla',
  'cla-sfr-2011-cla',
  'cla-sfr-2014-cla',
]);
const t0 = performance.now();
const geo: Geography = loadGeography(files);
const geographyMs = performance.now() - t0;

function csv(id: string): Table {
  const f = files.get(id)!;
  return readCsv(f.bytes, { source: id, file: f.entry.path, encoding: f.entry.encoding ?? 'utf-8' });
}
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const codesIn = (year: number) => sorted(geo.lasIn(year).map((l) => l.code));

describe('geography on the real lookups', () => {
  it('loads quickly', () => {
    console.info(`loadGeography: ${geographyMs.toFixed(0)} ms`);
    expect(geographyMs).toBeLessThan(2000);
  });

  it('has 158 councils: 153 current and 5 former', () => {
    expect(geo.las).toHaveLength(158);
    expect(sorted(geo.las.filter((l) => l.status === 'former').map((l) => l.name))).toEqual(
      ['Bournemouth', 'Cumbria', 'Dorset County Council', 'Northamptonshire', 'Poole'].sort(),
    );
  });

  it('counts 152 councils in 2010–2019, 151 in 2020–2021, 152 in 2022–2023 and 153 in 2024–2025', () => {
    const counts = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [2010 + i, geo.lasIn(2010 + i).length]));
    expect(counts).toEqual({
      2010: 152,
      2011: 152,
      2012: 152,
      2013: 152,
      2014: 152,
      2015: 152,
      2016: 152,
      2017: 152,
      2018: 152,
      2019: 152,
      2020: 151,
      2021: 151,
      2022: 152,
      2023: 152,
      2024: 153,
      2025: 153,
    });
  });

  it('matches, year by year, the councils in the ONS population file DfE uses (mid-year T = geography of year T+1)', () => {
    const t = csv('population-0-17');
    const byYear = new Map<number, string[]>();
    for (let r = 0; r < t.rows.length; r++) {
      if (t.text(r, 'geographic_level') !== 'Local authority') continue;
      const year = Number(t.text(r, 'time_period')) + 1;
      const la = geo.resolve({ code: t.text(r, 'new_la_code'), oldCode: t.text(r, 'old_la_code'), name: t.text(r, 'la_name') }, year, {
        source: 'population-0-17',
        row: t.rowNumber(r),
      });
      byYear.set(year, [...(byYear.get(year) ?? []), la.code]);
    }
    expect(byYear.size).toBe(13);
    for (const [year, codes] of byYear) expect(sorted(codes), `year ${year}`).toEqual(codesIn(year));
  });

  it('resolves every council row of the CLA 2025 release, and DfE marks "z" the councils that did not exist', () => {
    const t = csv('cla-ees-2025');
    const reported = new Map<number, string[]>();
    for (let r = 0; r < t.rows.length; r++) {
      if (t.text(r, 'geographic_level') !== 'Local authority') continue;
      if (t.text(r, 'population_type') !== 'Children looked after on 31 March each year') continue;
      const year = Number(t.text(r, 'time_period'));
      const la = geo.resolve({ code: t.text(r, 'new_la_code'), oldCode: t.text(r, 'old_la_code') }, year, { source: 'cla-ees-2025', row: t.rowNumber(r) });
      const v = t.value(r, 'children_count');
      if (!geo.existsIn(la.code, year)) {
        expect(isMissing(v) && v.missing, `${la.name} ${year}`).toBe('not_applicable');
        continue;
      }
      // Councils that existed have a figure, except the tiny Isles of Scilly and City of London (markers).
      if (isMissing(v)) expect(['E06000053', 'E09000001'], `${la.name} ${year}`).toContain(la.code);
      reported.set(year, [...(reported.get(year) ?? []), la.code]);
    }
    expect([...reported.keys()].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const [year, codes] of reported) expect(sorted(codes), `year ${year}`).toEqual(codesIn(year));
    // DfE uses Barnsley's and Sheffield's old ONS codes in 2025.
    expect(geo.byCode('E08000016')?.name).toBe('Barnsley');
  });

  it('uses DfE region names', () => {
    const t = csv('cla-ees-2025');
    const seen = new Map<string, string>();
    // Rows also carry Inner/Outer London (E13) codes; the regions are the E12 ones.
    for (let r = 0; r < t.rows.length; r++) if (t.text(r, 'region_code').startsWith('E12')) seen.set(t.text(r, 'region_code'), t.text(r, 'region_name'));
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(geo.regions.map((r) => [r.code, r.name])));
  });

  it('resolves the 2010 SFR (three-digit codes only) to the 152 councils of 2010, and the 2011 SFR to all but the Isles of Scilly', () => {
    const councils = (id: string, year: number) => {
      const t = csv(id);
      const out: string[] = [];
      for (let r = 0; r < t.rows.length; r++) {
        if (t.text(r, 'geog_l').toUpperCase() !== 'LA') continue;
        const code = t.has('New_geog_code') ? t.text(r, 'New_geog_code') : undefined;
        out.push(
          geo.resolve({ ...(code ? { code } : {}), oldCode: t.text(r, 'geog_c'), name: t.text(r, 'geog_n') }, year, { source: id, row: t.rowNumber(r) }).code,
        );
      }
      return sorted(out);
    };
    expect(councils('cla-sfr-2010-cla', 2010)).toEqual(codesIn(2010));
    expect(councils('cla-sfr-2011-cla', 2011)).toEqual(codesIn(2011).filter((c) => c !== 'E06000053'));
    expect(councils('cla-sfr-2014-cla', 2014)).toEqual(codesIn(2014).filter((c) => c !== 'E06000053'));
  });

  it('matches the GIAS list of codes', () => {
    expect(geo.resolve({ name: 'Pre-LGR 2021 Northamptonshire' }, 2021).code).toBe('E10000021');
    expect(geo.resolve({ name: 'Isles Of Scilly' }, 2021).code).toBe('E06000053');
  });

  it('gives statistical neighbours to every council of 2022 geography, and none to Cumberland or Westmorland and Furness', () => {
    for (const la of geo.lasIn(2022)) expect(la.statisticalNeighbours, la.name).toHaveLength(10);
    // DfE's row for Blackpool (890) lists 805 Hartlepool, 806 Middlesbrough, 876 Halton first.
    expect(geo.byCode('E06000009')!.statisticalNeighbours.slice(0, 3)).toEqual(['E06000001', 'E06000002', 'E06000006']);
    expect(geo.byCode('E06000063')!.statisticalNeighbours).toEqual([]);
    expect(geo.byCode('E06000064')!.statisticalNeighbours).toEqual([]);
    expect(geo.byCode('E10000009')!.statisticalNeighbours).toHaveLength(10); // from "Old SNs"
  });

  it('has unique slugs and the aliases readers search for', () => {
    expect(new Set(geo.las.map((l) => l.slug)).size).toBe(158);
    const alias = (a: string, year = 2025) => geo.resolve({ name: a }, year).code;
    expect(alias('BCP')).toBe('E06000058');
    expect(alias('Hull')).toBe('E06000010');
    expect(alias('Bristol')).toBe('E06000023');
    expect(alias('Durham')).toBe('E06000047');
    expect(alias('St Helens')).toBe('E08000013');
    expect(alias('Herefordshire')).toBe('E06000019');
    expect(alias('Southend')).toBe('E06000033');
    expect(alias('Telford')).toBe('E06000020');
    expect(alias('Windsor and Maidenhead')).toBe('E06000040');
    expect(alias('Dorset', 2015)).toBe('E10000009');
  });
});

describe('IoD 2019 on the real file', () => {
  const t = performance.now();
  const dep = new Map(loadDeprivation(files, geo).map((r) => [r.code, r]));
  const ms = performance.now() - t;

  it('prints MHCLG’s figures for Blackpool: IMD rank of average score 1 (45.039), IDACI average score 0.307 (rank 2)', () => {
    console.info(`loadDeprivation: ${ms.toFixed(0)} ms`);
    expect(dep.get('E06000009')).toMatchObject({ imd_rank: 1, imd_score: 45.039, idaci_score: 0.307, idaci_rank: 2 });
  });

  it('has figures for 151 councils and a typed gap for the 7 others', () => {
    const gaps = [...dep.values()].filter((r) => isMissing(r.imd_score)).map((r) => r.code);
    expect(sorted(gaps)).toEqual(sorted(['E06000028', 'E06000029', 'E10000009', 'E06000061', 'E06000062', 'E06000063', 'E06000064']));
    expect(dep.size).toBe(158);
  });

  it('carries North Yorkshire and Somerset over to their new codes, and reads Slough despite the misprinted code', () => {
    expect(dep.get('E06000065')).toMatchObject({ iodCode: 'E10000023', imd_rank: 125 });
    expect(dep.get('E06000066')).toMatchObject({ iodCode: 'E10000027', imd_rank: 100 });
    expect(dep.get('E06000039')).toMatchObject({ imd_score: 22.965, imd_rank: 73, idaci_rank: 100 });
    expect(dep.get('E06000002')).toMatchObject({ idaci_rank: 1 }); // Middlesbrough: most income-deprived children
  });
});

describe('map data on the real files', () => {
  const t = performance.now();
  const maps = loadGeo(files, geo);
  const ms = performance.now() - t;

  it('has one boundary per current council, under 150 KB', () => {
    const size = JSON.stringify(maps.utla).length;
    console.info(`loadGeo: ${ms.toFixed(0)} ms; utla ${Math.round(size / 1024)} KB; HoCL ${Math.round(JSON.stringify(maps.hoclUtla).length / 1024)} KB`);
    expect(sorted(maps.utla.features.map((f) => f.properties.code))).toEqual(codesIn(2025));
    expect(size).toBeLessThan(150_000);
  });

  it('puts Blackpool where ONS does (lon −3.06…−2.98, lat 53.77…53.88)', () => {
    const f = maps.utla.features.find((x) => x.properties.code === 'E06000009')!;
    const pts = JSON.stringify(f.geometry.coordinates)
      .match(/-?\d+\.?\d*/g)!
      .map(Number);
    const lons = pts.filter((_, i) => i % 2 === 0);
    const lats = pts.filter((_, i) => i % 2 === 1);
    expect(Math.min(...lons)).toBeCloseTo(-3.06, 1);
    expect(Math.max(...lons)).toBeCloseTo(-2.98, 1);
    expect(Math.min(...lats)).toBeCloseTo(53.77, 1);
    expect(Math.max(...lats)).toBeCloseTo(53.88, 1);
  });

  it('has every current council in the HoCL hex layout with real geometry', () => {
    expect(sorted(maps.hoclUtla.features.map((f) => f.properties.code))).toEqual(codesIn(2025));
    for (const f of maps.hoclUtla.features) expect(f.geometry.coordinates.length, f.properties.name).toBeGreaterThan(0);
    expect(maps.hoclGroups.features.length).toBeGreaterThan(30);
  });

  it('maps the ODI hexes (2019/20 geography) to canonical codes, flagging the split counties', () => {
    expect(Object.keys(maps.odiHex.hexes)).toHaveLength(151);
    expect(maps.odiHex.hexes['E06000060']).toBeDefined(); // Buckinghamshire, was E10000002
    expect(maps.odiHex.hexes['E10000021']).toMatchObject({ former: true, successors: ['E06000061', 'E06000062'] });
    expect(maps.odiHex.hexes['E10000006']).toMatchObject({ former: true, successors: ['E06000063', 'E06000064'] });
  });
});
