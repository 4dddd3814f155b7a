import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEntry, editDistance, normalise, search } from '../../../src/lib/search/normalise.ts';

describe('normalise', () => {
  it.each([
    ['St. Helens', 'saint helens'],
    ['st helens', 'saint helens'],
    ['Saint Helens', 'saint helens'],
    ['Telford & Wrekin', 'telford and wrekin'],
    ['Southend-on-Sea', 'southend on sea'],
    ['  BRISTOL,  City of ', 'bristol city of'],
    ['Bournemouth, Christchurch and Poole', 'bournemouth christchurch and poole'],
    ['Clément’s', 'clements'],
    ['Ågesta', 'agesta'],
    ['', ''],
  ])('%j → %j', (a, b) => expect(normalise(a)).toBe(b));
  it('does not turn "st" inside a word into saint', () => {
    expect(normalise('Westminster')).toBe('westminster');
    expect(normalise('Stockport')).toBe('stockport');
  });
});

const fixture = [
  { slug: 'bournemouth-christchurch-and-poole', name: 'Bournemouth, Christchurch and Poole', aliases: ['BCP'], status: 'current' as const },
  { slug: 'bournemouth-to-2019', name: 'Bournemouth', aliases: ['Bournemouth Borough Council'], status: 'former' as const },
  { slug: 'kingston-upon-hull-city-of', name: 'Kingston upon Hull, City of', aliases: ['Hull', 'Kingston upon Hull'], status: 'current' as const },
  { slug: 'kingston-upon-thames', name: 'Kingston upon Thames', aliases: [], status: 'current' as const },
  { slug: 'st-helens', name: 'St. Helens', aliases: ['St Helens Council'], status: 'current' as const },
  { slug: 'solihull', name: 'Solihull', aliases: [], status: 'current' as const },
].map(buildEntry);

describe('search', () => {
  it('finds BCP by its abbreviation', () => {
    expect(search(fixture, 'BCP').map((e) => e.n)).toEqual(['Bournemouth, Christchurch and Poole']);
  });
  it('puts the current council before a former one of the same name', () => {
    expect(search(fixture, 'bournemouth').map((e) => e.s)).toEqual(['bournemouth-christchurch-and-poole', 'bournemouth-to-2019']);
  });
  it('finds Hull alone: a substring inside another word ("Solihull") does not count when a word starts with the query', () => {
    expect(search(fixture, 'hull').map((e) => e.s)).toEqual(['kingston-upon-hull-city-of']);
  });
  it('still finds a substring when nothing better matches', () => {
    expect(search(fixture, 'lihul').map((e) => e.s)).toEqual(['solihull']);
  });
  it('matches "city of" names either way round', () => {
    expect(search(fixture, 'city of kingston upon hull')[0]?.s).toBe('kingston-upon-hull-city-of');
  });
  it('matches Saint/St variants', () => {
    expect(search(fixture, 'saint helens')[0]?.s).toBe('st-helens');
    expect(search(fixture, 'St Helens')[0]?.s).toBe('st-helens');
  });
  it('returns nothing for an empty or unmatched query', () => {
    expect(search(fixture, '  ')).toEqual([]);
    expect(search(fixture, 'zzz')).toEqual([]);
  });
});

describe('with the real council list (data/output/las.json)', () => {
  const path = 'data/output/las.json';
  const las = JSON.parse(readFileSync(path, 'utf8')).las as Array<{ slug: string; name: string; aliases: string[]; status: 'current' | 'former' }>;
  const index = las.map(buildEntry);
  it.each([
    ['BCP', 'Bournemouth, Christchurch and Poole'],
    ['Hull', 'Kingston upon Hull, City of'],
    ['Durham', 'County Durham'],
    ['Herefordshire', 'Herefordshire, County of'],
    ['Southend', 'Southend-on-Sea'],
    ['bristol', 'Bristol, City of'],
    ['saint helens', 'St. Helens'],
    // Typos (fuse.js fallback)
    ['Blakpool', 'Blackpool'],
    ['Middlesborough', 'Middlesbrough'],
    ['Norfok', 'Norfolk'],
    ['Wirall', 'Wirral'],
    ['Lestershire', 'Leicestershire'],
  ])('%s → %s first', (q, name) => {
    expect(search(index, q)[0]?.n).toBe(name);
  });
  it('"Hull" does not list Solihull', () => {
    expect(search(index, 'Hull').map((e) => e.n)).not.toContain('Solihull');
  });
  it('nonsense finds nothing, even fuzzily', () => {
    expect(search(index, 'qqqqzzzz')).toEqual([]);
  });
});

describe('editDistance (re-ranks the fuzzy candidates)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['wirall', 'wirral', 2],
    ['wirall', 'cornwall', 4],
    ['lestershire', 'leicestershire', 3],
    ['lestershire', 'gloucestershire', 4],
    ['ab', 'ba', 1],
  ])('%j vs %j = %i', (a, b, n) => expect(editDistance(a, b)).toBe(n));
});
