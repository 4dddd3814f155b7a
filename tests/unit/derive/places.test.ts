/**
 * The place index (scripts/data/derive/places.ts) on small lookups: districts in
 * force go to their council, former districts follow the ONS merger rows, former
 * councils go to their successors, and a district that leads nowhere stops the run
 * with its file, row and value. Expected targets are read off the lookups by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { buildPlaces } from '../../../scripts/data/derive/places.ts';
import { loadGeography } from '../../../scripts/data/sources/geography.ts';
import { fixtureFiles } from '../../fixtures/geography/files.ts';

const DIR = join(import.meta.dirname, '../../fixtures/geography');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const LTLA23 = `\uFEFFLTLA23CD,LTLA23NM,LTLA23NMW,UTLA23CD,UTLA23NM,UTLA23NMW,ObjectId
E06000065,North Yorkshire,,E06000065,North Yorkshire,,1
E07000163,Craven,,E06000065,North Yorkshire,,2
E06000009,Blackpool,,E06000009,Blackpool,,3
W06000015,Cardiff,Caerdydd,W06000015,Cardiff,Caerdydd,4
`;
const LAD21 = `\uFEFFFID,LAD21CD,LAD21NM,CTY21CD,CTY21NM
46,E07000165,Harrogate,E10000023,North Yorkshire
`;
const LTLA14 = `\uFEFFltlacd,ltlanm,ctycd,ctynm,mctycd,mctynm,cauthcd,cauthnm,rgncd,rgnnm,ctrycd,ctrynm
E07000153,Kettering,E10000021,Northamptonshire,,,,,E12000004,East Midlands,E92000001,England
E07000048,Christchurch,E10000009,Dorset,,,,,E12000009,South West,E92000001,England
E07000165,Harrogate,E10000023,North Yorkshire,,,,,E12000003,Yorkshire and The Humber,E92000001,England
`;
const CHANGES = `\uFEFFoldcd,oldnm,newcd,newnm,type,start
E06000028,Bournemouth,E06000058,"Bournemouth, Christchurch and Poole",merger,2019
E07000048,Christchurch,E06000058,"Bournemouth, Christchurch and Poole",merger,2019
E07000153,Kettering,E06000061,North Northamptonshire,merger,2021
E07000165,Harrogate,E06000065,North Yorkshire,merger,2023
E08000016,Barnsley,E08000038,Barnsley,new_code,2025
`;

function run(over: { ltla14?: string; changes?: string } = {}) {
  const files = fixtureFiles({
    'lookup-dfe-las': read('las.csv'),
    'lookup-gias-la-codes': read('EnglishLaNameCodes.csv'),
    'lookup-mysociety-las': read('uk_local_authorities.csv'),
    'lookup-ons-changes': over.changes ?? CHANGES,
    'lookup-stat-neighbours-2021': read('neighbours.csv'),
    'lookup-ltla-utla-2023': LTLA23,
    'lookup-lad-county-2021': LAD21,
    'lookup-ltla14': over.ltla14 ?? LTLA14,
  });
  const g = loadGeography(files, { minRows: { dfe: 5, gias: 1, mysociety: 1, changes: 1, neighbours: 3 } });
  return { g, places: buildPlaces(files, g, { minRows: 1 }) };
}
const target = (places: ReturnType<typeof run>['places'], name: string) =>
  places.filter((p) => p.name === name).map((p) => [p.kind, p.councils.join('+'), p.source]);

describe('place index from small lookups', () => {
  it('a district in force goes to its council (LTLA→UTLA 2023); Welsh rows are skipped', () => {
    const { places } = run();
    expect(target(places, 'Craven')).toEqual([['district', 'E06000065', 'lookup-ltla-utla-2023']]);
    expect(places.some((p) => p.name === 'Cardiff')).toBe(false);
  });
  it('former districts follow the merger rows: Harrogate → North Yorkshire (once, from the 2021 lookup), Kettering → North Northamptonshire, Christchurch → BCP', () => {
    const { places } = run();
    expect(target(places, 'Harrogate')).toEqual([['former-district', 'E06000065', 'lookup-lad-county-2021']]);
    expect(target(places, 'Kettering')).toEqual([['former-district', 'E06000061', 'lookup-ltla14']]);
    expect(target(places, 'Christchurch')).toEqual([['former-district', 'E06000058', 'lookup-ltla14']]);
  });
  it('former councils: Bournemouth → BCP by its merger row; Cumbria → both successors', () => {
    const { places } = run();
    expect(target(places, 'Bournemouth')).toEqual([['former-council', 'E06000058', 'geography']]);
    expect(target(places, 'Cumbria')).toEqual([['former-council', 'E06000063+E06000064', 'geography']]);
  });
  it('every current council is listed under its own name, leading to itself', () => {
    const { g, places } = run();
    for (const l of g.las.filter((x) => x.status === 'current')) {
      expect(places.find((p) => p.kind === 'council' && p.name === l.name)?.councils).toEqual([l.code]);
    }
  });
  it('a district that reaches no current council stops the run naming file, row, column and value', () => {
    // Without its merger row, Kettering's county (Northamptonshire) has two successors: no single council.
    const changes = CHANGES.split('\n')
      .filter((l) => !l.startsWith('E07000153'))
      .join('\n');
    let err: unknown;
    try {
      run({ changes });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const msg = (err as Error).message;
    expect(msg).toContain('lookups/ltla14-lookup.csv');
    expect(msg).toContain('E07000153 Kettering → E10000021');
    expect(msg).toMatch(/row 2\b/);
    expect(msg).toContain('ctycd');
  });
});
