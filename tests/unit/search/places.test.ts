/**
 * "Find a council" ranking on the real place index (data/output/places.json and
 * las.json, written by the pipeline before the tests): the cases readers type,
 * with the expected council read off the official lookups (e.g. ONS LTLA→UTLA
 * April 2023: Cambridge → Cambridgeshire; ONS code changes: Harrogate →
 * North Yorkshire, Kettering → North Northamptonshire, 2021 and 2023).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, createPlaceSearch } from '../../../src/lib/search/places.ts';

const las = JSON.parse(readFileSync('data/output/las.json', 'utf8')).las;
const places = JSON.parse(readFileSync('data/output/places.json', 'utf8')).places;
const index = buildPlaceIndex(las, places);
const search = createPlaceSearch(index);
const councils = (q: string, n = 8) => search(q, n).map((r) => r.council);
const first = (q: string) => search(q)[0]?.council;

describe('find a council: the council itself first', () => {
  it.each([
    ['Blackpool', 'Blackpool'],
    ['Blakpool', 'Blackpool'], // one letter missing
    ['blackpol', 'Blackpool'],
    ['BCP', 'Bournemouth, Christchurch and Poole'],
    ['bcp', 'Bournemouth, Christchurch and Poole'],
    ['Hull', 'Kingston upon Hull, City of'],
    ['Kingston upon Hull', 'Kingston upon Hull, City of'],
    ['Kingston upon Thames', 'Kingston upon Thames'],
    ['Solihull', 'Solihull'],
    ['Harrogate', 'North Yorkshire'],
    ['Scarborogh', 'North Yorkshire'],
    ['Kettering', 'North Northamptonshire'],
    ['Christchurch', 'Bournemouth, Christchurch and Poole'],
    ['Taunton Deane', 'Somerset'],
    ['Cambridge', 'Cambridgeshire'],
    ['Cambridgeshire', 'Cambridgeshire'],
    ['Dorset', 'Dorset'],
    ['York', 'York'],
    ['North Yorkshire', 'North Yorkshire'],
    ['Durham', 'County Durham'],
    ['County Durham', 'County Durham'],
    ['Bristol', 'Bristol, City of'],
    ['St Helens', 'St. Helens'],
    ['Saint Helens', 'St. Helens'],
    ['Telford & Wrekin', 'Telford and Wrekin'],
    ['Southend', 'Southend-on-Sea'],
    ['Birmingam', 'Birmingham'],
    ['Nottingam', 'Nottingham'],
    ['Camden', 'Camden'],
    ['Sheffield', 'Sheffield'],
    ['Barnsley', 'Barnsley'],
    ['Cumberland', 'Cumberland'],
    ['Herefordshire', 'Herefordshire, County of'],
  ])('%s → %s', (q, name) => {
    expect(first(q)).toBe(name);
  });
});

describe('find a council: what is not suggested', () => {
  it('"Hull" does not suggest Solihull, nor "hul"', () => {
    expect(councils('Hull')).not.toContain('Solihull');
    expect(councils('hul')).not.toContain('Solihull');
  });
  it('"Cambridge" suggests no near-spelling (Elmbridge) when the name matches as typed', () => {
    expect(councils('Cambridge')).toEqual(['Cambridgeshire']);
  });
  it('nothing for an empty query, filler words only, or nonsense', () => {
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('council of the')).toEqual([]);
    expect(search('qqqxz')).toEqual([]);
  });
});

describe('find a council: former councils lead to their successors, then their own page', () => {
  it('Bournemouth → BCP, then the former Bournemouth page', () => {
    expect(search('Bournemouth').map((r) => r.href)).toEqual(['/councils/bournemouth-christchurch-and-poole/', '/councils/bournemouth-to-2019/']);
    expect(search('Poole').map((r) => r.href)).toEqual(['/councils/bournemouth-christchurch-and-poole/', '/councils/poole-to-2019/']);
  });
  it('Cumbria → Cumberland and Westmorland and Furness, then Cumbria to 2023', () => {
    const r = search('Cumbria');
    expect(r.map((x) => x.council)).toEqual(['Cumberland', 'Westmorland and Furness', 'Cumbria']);
    expect(r.map((x) => x.label)).toEqual([
      'Cumbria (former council): partly now Cumberland',
      'Cumbria (former council): partly now Westmorland and Furness',
      'Cumbria, former council (figures to 2023)',
    ]);
  });
  it('Northamptonshire → the two successors before the former county', () => {
    const r = councils('Northamptonshire');
    expect(r.slice(0, 2).sort()).toEqual(['North Northamptonshire', 'West Northamptonshire']);
    expect(r).toContain('Northamptonshire');
  });
  it('a district is labelled with its council', () => {
    expect(search('Harrogate')[0]).toMatchObject({
      href: '/councils/north-yorkshire/',
      label: 'Harrogate (former district): North Yorkshire',
      kind: 'former-district',
    });
    expect(search('Cambridge')[0]).toMatchObject({ label: 'Cambridge: Cambridgeshire', kind: 'district' });
  });
  it('one suggestion per council page, at most the limit', () => {
    const r = search('north', 8);
    expect(r.length).toBe(8);
    expect(new Set(r.map((x) => x.href)).size).toBe(r.length);
  });
});

describe('the index', () => {
  const current = las.filter((l: { status: string }) => l.status === 'current');
  it('every current council can be found by its own name, first', () => {
    const misses = current.filter((l: { name: string }) => first(l.name) !== l.name).map((l: { name: string }) => l.name);
    expect(misses).toEqual([]);
  });
  it('every English district of the April 2023 lookup is in it (164 districts of two-tier counties)', () => {
    expect(places.filter((p: { kind: string }) => p.kind === 'district')).toHaveLength(164);
  });
  it('is small enough to load on focus (under 25 kB of JSON)', () => {
    expect(JSON.stringify(index).length).toBeLessThan(25_000);
  });
});
