import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../scripts/data/core/types.ts';
import { loadCla } from '../../../scripts/data/sources/cla.ts';
import { readSfr } from '../../../scripts/data/sources/cla/sfr.ts';
import { entryOf, filesFromText, fixtureText } from '../../fixtures/cla/files.ts';
import { sha256 } from '../../../scripts/data/core/acquire.ts';
import { expectDataError, one } from './helpers.ts';

const opts = { coverage: false, partial: true } as const;

function load(id: string, text: string): Observation[] {
  return loadCla(filesFromText({ [id]: text }), opts).observations;
}

const T2010 = fixtureText('sfr-2010-march.csv');
const T2011 = fixtureText('sfr-2011-cla.csv');
const T2015 = fixtureText('sfr-2015-adm.csv');
const T2017 = fixtureText('sfr-2017-cla.csv');
const T2017C = fixtureText('sfr-2017-cea.csv');

describe('SFR 2010 layout (National/GOR/LA, no E-codes)', () => {
  const all = load('cla-sfr-2010-cla', T2010);
  const obs = all.filter((o) => o.measure === 'cla_count');

  it('reads England with its E-code and the 2010 release', () => {
    const e = one(obs, { level: 'national' });
    expect(e).toMatchObject({
      measure: 'cla_count',
      code: 'E92000001',
      name: 'England',
      year: 2010,
      value: 64400,
      release: 'SFR27/2010',
      releaseOrder: 2010,
      source: 'cla-sfr-2010-cla',
    });
    expect(e.oldCode).toBeUndefined();
  });

  it('maps GOR names (with stray spaces, 2010 lettering) to E12 codes', () => {
    expect(one(obs, { level: 'regional', code: 'E12000001' })).toMatchObject({ name: 'North East', value: 3650 });
    // letter D is Yorkshire in 2010 (East Midlands from 2011): the name decides
    expect(one(obs, { level: 'regional', code: 'E12000003' })).toMatchObject({ name: 'Yorkshire and The Humber', value: 7050 });
    expect(one(obs, { level: 'regional', code: 'E12000007' })).toMatchObject({ name: 'London', value: 10980 });
  });

  it('gives LAs their 3-digit code and no E-code', () => {
    const g = one(obs, { level: 'la', oldCode: '390' });
    expect(g).toMatchObject({ name: 'Gateshead', value: 301 });
    expect(g.code).toBeUndefined();
    expect(one(obs, { oldCode: '420' }).value).toBe(0);
  });

  it('emits the mid-2009 population printed beside each count (Mid2009Pop0-17) as the 2010 denominator, basis sfr-2010', () => {
    const pop = all.filter((o) => o.measure === 'population_0_17');
    expect(pop).toHaveLength(obs.length);
    expect(pop.every((o) => o.basis === 'sfr-2010' && o.year === 2010 && o.source === 'cla-sfr-2010-cla')).toBe(true);
    const england = pop.find((o) => o.level === 'national')!;
    expect(england.value).toBe(
      Number(
        T2010.split('\n')
          .find((l) => l.startsWith('National'))!
          .split(',')[4],
      ),
    );
  });

  it('rejects an unknown region name', () => {
    expectDataError(() => load('cla-sfr-2010-cla', T2010.replace('GOR,H,London ,', 'GOR,H,Londres,')), 'row 5', 'geog_n', '"Londres"', 'unknown region');
  });
});

describe('SFR 2011–2017 layout', () => {
  it('reads E-codes and 3-digit codes, and leaves Inner/Outer London out', () => {
    const obs = load('cla-sfr-2011-cla', T2011);
    expect(one(obs, { level: 'national' })).toMatchObject({ code: 'E92000001', name: 'ENGLAND', value: 65520, release: 'SFR21/2011', year: 2011 });
    expect(one(obs, { level: 'regional', code: 'E12000007' })).toMatchObject({ name: 'LONDON', value: 10390 });
    expect(obs.filter((o) => /INNER|OUTER/.test(o.name))).toEqual([]);
    expect(one(obs, { level: 'la', code: 'E09000001' })).toMatchObject({ oldCode: '201', name: 'City of London', value: 9 });
    expect(obs).toHaveLength(7);
  });

  it('accepts the 2015 starts file whose 2015 column is labelled CLA_started2014', () => {
    const obs = load('cla-sfr-2015-starts', T2015);
    expect(one(obs, { level: 'national' })).toMatchObject({ measure: 'cla_starts', year: 2015, value: 31070, release: 'SFR34/2015' });
    expect(one(obs, { oldCode: '201' }).value).toEqual({ missing: 'not_available', marker: 'x' });
  });

  it('accepts that mislabel only for 2015', () => {
    expectDataError(() => load('cla-sfr-2016-starts', T2015), 'cla-sfr-2016-starts', 'CLA_started2016');
  });

  it('reads the 2017 layout (LA_order) and the Isles of Scilly row whose level is blank', () => {
    const obs = load('cla-sfr-2017-cla', T2017);
    expect(one(obs, { level: 'national' }).value).toBe(72670);
    expect(one(obs, { code: 'E06000053' })).toMatchObject({ level: 'la', oldCode: '420', name: 'Isles of Scilly', value: 0 });
  });

  it('reads the 2017 ceases column CLA_cease2017', () => {
    const obs = load('cla-sfr-2017-ceases', T2017C);
    expect(one(obs, { level: 'national' })).toMatchObject({ measure: 'cla_ceases', value: 31250, year: 2017 });
  });

  it('rejects any other row with a blank level', () => {
    expectDataError(() => load('cla-sfr-2017-cla', T2017.replace(',E09000001,LA,201,', ',E09000001,,201,')), 'row 5', 'geog_l', 'unknown geographic level');
  });
});

describe('SFR bad input', () => {
  it('missing column', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace('geog_n', 'geog_name')), 'cla-sfr-2011-cla', 'SFR21_CLA.csv', '"geog_n" is missing');
  });
  it('renamed total column', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace('CLA_Mar2011', 'CLA_Mar2012')), 'CLA_Mar2011', 'columns found');
  });
  it('duplicated row', () => {
    const dup = T2011 + 'E08000020,LA,390,Gateshead,365,484\n';
    expectDataError(() => load('cla-sfr-2011-cla', dup), 'row 11', 'duplicate', 'first seen at row 9');
  });
  it('non-numeric value', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace('Camden,276,', 'Camden,27six,')), 'row 8', 'CLA_Mar2011', '"27six"');
  });
  it('wrong LA code formats', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace('LA,202,Camden', 'LA,2O2,Camden')), 'row 8', 'geog_c', '"2O2"');
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace('E09000007,LA', 'E07000007,LA')), 'row 8', 'New_geog_code', '"E07000007"');
  });
  it('region code that does not match its name', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace('E12000001,REGION', 'E12000002,REGION')), 'row 3', 'expected E12000001');
  });
  it('unknown geographic level', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace('E06000001,LA,', 'E06000001,WARD,')), 'row 10', '"WARD"');
  });
  it('no England row', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.replace(/^E92000001.*\n/m, '')), 'no England row for cla_count in 2011');
  });
  it('truncated file (last row cut short)', () => {
    expectDataError(() => load('cla-sfr-2011-cla', T2011.trimEnd().replace(/,167,232$/, ',16')), 'looks truncated');
  });
  it('too few LAs when coverage is checked', () => {
    expectDataError(() => loadCla(filesFromText({ 'cla-sfr-2011-cla': T2011 }), { partial: true }), '4 LA rows; 150–153 expected');
  });
  it('year outside 2010–2017 and release that disagrees with the year', () => {
    const bytes = new TextEncoder().encode(T2010);
    const base = entryOf('cla-sfr-2010-cla');
    expect(() =>
      readSfr(
        { entry: { ...base, id: 'cla-sfr-2009-cla', release: 'SFR1/2009' }, bytes, sha256: sha256(bytes), changed: false, from: 'mirror' },
        { coverage: false },
      ),
    ).toThrow(/outside the SFR range/);
    expect(() =>
      readSfr({ entry: { ...base, release: 'SFR21/2011' }, bytes, sha256: sha256(bytes), changed: false, from: 'mirror' }, { coverage: false }),
    ).toThrow(/does not match the year 2010/);
  });
});

describe('SFR London sub-regions', () => {
  it("must carry London's code", () => {
    expectDataError(
      () => load('cla-sfr-2011-cla', T2011.replace('E12000007,REGION,H,INNER LONDON', 'E12000008,REGION,H,INNER LONDON')),
      'row 5',
      'INNER LONDON should carry',
    );
  });
});
