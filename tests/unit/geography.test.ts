import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../scripts/data/core/errors.ts';
import { loadGeography, nameKey, type GeographyOptions } from '../../scripts/data/sources/geography.ts';
import { parseStatNeighbours } from '../../scripts/data/sources/neighbours.ts';
import { fixtureFiles } from '../fixtures/geography/files.ts';

const DIR = join(import.meta.dirname, '../fixtures/geography');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const SMALL: GeographyOptions = { minRows: { dfe: 5, gias: 1, mysociety: 1, changes: 1, neighbours: 3 } };

function files(overrides: Partial<Record<string, string>> = {}) {
  return fixtureFiles({
    'lookup-dfe-las': overrides['lookup-dfe-las'] ?? read('las.csv'),
    'lookup-gias-la-codes': overrides['lookup-gias-la-codes'] ?? read('EnglishLaNameCodes.csv'),
    'lookup-mysociety-las': overrides['lookup-mysociety-las'] ?? read('uk_local_authorities.csv'),
    'lookup-ons-changes': overrides['lookup-ons-changes'] ?? read('changes.csv'),
    'lookup-stat-neighbours-2021': overrides['lookup-stat-neighbours-2021'] ?? read('neighbours.csv'),
  });
}
const geo = () => loadGeography(files(), SMALL);

describe('geography from fixture lookups', () => {
  it('has one council per DfE three-digit code that existed on some 31 March 2010–2025', () => {
    const g = geo();
    expect(g.las).toHaveLength(24);
    expect(new Set(g.las.map((l) => l.code)).size).toBe(24);
    // Northumberland county (ended 31/03/2009, old code x) is not a council of this period.
    expect(g.las.some((l) => l.code === 'E10000022')).toBe(false);
  });

  it('counts councils by year with the 31 March rule', () => {
    const g = geo();
    const n = (y: number) => g.lasIn(y).length;
    expect([n(2010), n(2019), n(2020), n(2021), n(2022), n(2023), n(2024), n(2025)]).toEqual([18, 18, 17, 17, 18, 18, 19, 19]);
  });

  describe('Bournemouth, Poole and Dorset → BCP and Dorset (2020)', () => {
    it('resolves the old councils before the change and the new ones after', () => {
      const g = geo();
      expect(g.resolve({ oldCode: '837' }, 2019).code).toBe('E06000028');
      expect(g.resolve({ code: 'E06000029' }, 2015).name).toBe('Poole');
      expect(g.resolve({ code: 'E10000009' }, 2019).name).toBe('Dorset County Council');
      expect(g.resolve({ oldCode: '839' }, 2020).code).toBe('E06000058');
      expect(g.resolve({ oldCode: '838' }, 2020).code).toBe('E06000059');
    });
    it('tells the two Dorsets apart by year when only a name is given', () => {
      const g = geo();
      expect(g.resolve({ name: 'Dorset' }, 2019).code).toBe('E10000009');
      expect(g.resolve({ name: 'Dorset' }, 2020).code).toBe('E06000059');
      expect(g.resolve({ name: 'Pre-LGR 2019 Dorset' }, 2012).code).toBe('E10000009');
    });
    it('records lifetimes, successors and predecessors', () => {
      const g = geo();
      expect(g.existsIn('E06000028', 2019)).toBe(true);
      expect(g.existsIn('E06000028', 2020)).toBe(false);
      expect(g.existsIn('E06000058', 2019)).toBe(false);
      expect(g.existsIn('E06000058', 2020)).toBe(true);
      const dorsetCounty = g.byCode('E10000009')!;
      expect(dorsetCounty).toMatchObject({ status: 'former', firstYear: 2010, lastYear: 2019, successors: ['E06000058', 'E06000059'] });
      expect(g.byCode('E06000058')).toMatchObject({ firstYear: 2020, lastYear: null, predecessors: ['E06000028', 'E06000029', 'E10000009'] });
      expect(dorsetCounty.reorganisation).toMatch(/1 April 2019/);
    });
    it('gives the two Dorsets different, readable slugs', () => {
      const g = geo();
      expect(g.byCode('E10000009')!.slug).toBe('dorset-county-council-to-2019');
      expect(g.byCode('E06000059')!.slug).toBe('dorset');
      expect(g.byCode('E06000028')!.slug).toBe('bournemouth-to-2019');
    });
  });

  it('keeps Buckinghamshire as one continuing council across its 2020 recode', () => {
    const g = geo();
    const bucks = g.resolve({ code: 'E10000002' }, 2015);
    expect(bucks.code).toBe('E06000060');
    expect(g.resolve({ oldCode: '825' }, 2024)).toBe(bucks);
    expect(g.resolve({ code: 'E06000060', oldCode: '825' }, 2021)).toBe(bucks);
    expect(bucks).toMatchObject({ firstYear: 2010, lastYear: null, status: 'current', type: 'unitary', predecessors: [], successors: [] });
    expect(g.codesOf('E06000060')).toEqual(['E06000060', 'E10000002']);
    expect(g.lasIn(2015)).toContain(bucks);
  });

  it('splits Northamptonshire into North and West (2022)', () => {
    const g = geo();
    expect(g.resolve({ oldCode: '928' }, 2021).code).toBe('E10000021');
    expect(g.byCode('E10000021')).toMatchObject({ lastYear: 2021, successors: ['E06000061', 'E06000062'], slug: 'northamptonshire-to-2021' });
    expect(g.resolve({ oldCode: '940' }, 2022)).toMatchObject({ code: 'E06000061', firstYear: 2022, predecessors: ['E10000021'] });
    expect(g.existsIn('E10000021', 2022)).toBe(false);
    expect(g.existsIn('E06000062', 2021)).toBe(false);
  });

  it('splits Cumbria into Cumberland and Westmorland and Furness (2024)', () => {
    const g = geo();
    expect(g.byCode('E10000006')).toMatchObject({ lastYear: 2023, successors: ['E06000063', 'E06000064'] });
    expect(g.resolve({ code: 'E06000064' }, 2024)).toMatchObject({ firstYear: 2024, predecessors: ['E10000006'] });
    expect(g.existsIn('E10000006', 2023)).toBe(true);
    expect(g.existsIn('E10000006', 2024)).toBe(false);
  });

  it('keeps North Yorkshire and Somerset as continuing councils across the 2023 recode', () => {
    const g = geo();
    expect(g.resolve({ code: 'E10000023' }, 2018).code).toBe('E06000065');
    expect(g.resolve({ code: 'E06000065' }, 2021).code).toBe('E06000065'); // DfE's 2025 files relabel earlier years
    expect(g.resolve({ oldCode: '933' }, 2012).code).toBe('E06000066');
    expect(g.byCode('E06000066')).toMatchObject({ firstYear: 2010, lastYear: null, successors: [] });
  });

  it('maps the 2013 Gateshead and Northumberland recodes to one council each', () => {
    const g = geo();
    expect(g.resolve({ code: 'E08000020' }, 2012).code).toBe('E08000037');
    expect(g.resolve({ code: 'E08000020' }, 2014).code).toBe('E08000037'); // SFR files kept the old code after 2013
    expect(g.resolve({ code: 'E06000048', oldCode: '929' }, 2011).code).toBe('E06000057');
    expect(g.lasIn(2012).filter((l) => l.name === 'Northumberland')).toHaveLength(1);
  });

  it('maps the ONS 2025 Barnsley/Sheffield codes to the codes DfE uses', () => {
    const g = geo();
    expect(g.resolve({ code: 'E08000038' }, 2025).code).toBe('E08000016');
    expect(g.resolve({ code: 'E08000039' }, 2025).code).toBe('E08000019');
    expect(g.existsIn('E08000038', 2025)).toBe(true);
  });

  it('resolves reader and LAIT-style names as a last resort', () => {
    const g = geo();
    expect(g.resolve({ name: 'Hull' }, 2020).code).toBe('E06000010');
    expect(g.resolve({ name: 'Kingston Upon Hull, City of' }, 2020).code).toBe('E06000010');
    expect(g.resolve({ name: 'St Helens' }, 2020).code).toBe('E08000013');
    expect(g.resolve({ name: 'BCP' }, 2021).code).toBe('E06000058');
    expect(g.byCode('E06000058')!.aliases).toContain('BCP');
    expect(g.byCode('E06000010')!.aliases).toEqual(expect.arrayContaining(['Hull', 'Kingston upon Hull']));
    // mySociety lists are split on bare commas only: "Bournemouth" must not become an alias of BCP.
    expect(g.byCode('E06000058')!.aliases).not.toContain('Bournemouth');
    expect(g.resolve({ name: 'Bournemouth' }, 2018).code).toBe('E06000028');
  });

  it('refuses identifiers it cannot resolve, naming them', () => {
    const g = geo();
    expect(() => g.resolve({ code: 'E06000999' }, 2020)).toThrow(/cannot resolve code "E06000999" in 2020/);
    expect(() => g.resolve({ code: 'E10000022' }, 2012)).toThrow(DataError); // pre-2009 county
    expect(() => g.resolve({ name: 'Atlantis' }, 2012, { source: 'cla-sfr-2012', row: 7 })).toThrow(/source cla-sfr-2012, row 7.*name "Atlantis"/);
    expect(g.tryResolve({ name: 'Atlantis' }, 2012)).toBeUndefined();
    expect(g.resolveCode({ code: 'E10000002' }, 2012)).toBe('E06000060');
  });

  it('refuses joint-reporting rows, contradictory codes and years out of range', () => {
    const g = geo();
    expect(() => g.resolve({ code: 'E09000021 / E09000027' }, 2020)).toThrow(/joint-reporting row/);
    expect(() => g.resolve({ oldCode: '942 / 943' }, 2024)).toThrow(/joint-reporting row/);
    expect(() => g.resolve({ code: 'E06000009', oldCode: '810' }, 2020)).toThrow(/E06000009 is Blackpool but three-digit code 810 is Kingston upon Hull/);
    expect(() => g.resolve({ code: 'E06000009' }, 2009)).toThrow(/outside the geography's range 2010–2025/);
    expect(() => g.lasIn(2026)).toThrow(DataError);
  });

  it('maps statistical neighbours to canonical codes, closest first', () => {
    const g = geo();
    expect(g.byCode('E06000009')!.statisticalNeighbours.slice(0, 3)).toEqual(['E06000010', 'E08000013', 'E08000016']);
    // A neighbour abolished since (Cumbria) is kept as published.
    expect(g.byCode('E06000061')!.statisticalNeighbours).toContain('E10000006');
    // Former councils get DfE's "Old SNs" groupings; later councils with no grouping get none.
    expect(g.byCode('E10000009')!.statisticalNeighbours[0]).toBe('E06000066');
    expect(g.byCode('E06000063')!.statisticalNeighbours).toEqual([]);
    expect(g.byCode('E06000064')!.statisticalNeighbours).toEqual([]);
  });

  it('lists the nine regions and gives every council one of them', () => {
    const g = geo();
    expect(g.regions).toHaveLength(9);
    expect(g.byCode('E06000009')).toMatchObject({ regionCode: 'E12000002', region: 'North West' });
  });

  it('normalises names for matching', () => {
    expect(nameKey('St. Helens')).toBe(nameKey('St Helens'));
    expect(nameKey('Bournemouth, Christchurch & Poole')).toBe(nameKey('Bournemouth Christchurch and Poole'));
    expect(nameKey('Stockton-on-Tees')).toBe('stockton on tees');
  });
});

describe('bad lookup input', () => {
  const las = read('las.csv');
  const bad = (lasText: string) => () => loadGeography(files({ 'lookup-dfe-las': lasText }), SMALL);

  it('names a missing or renamed column', () => {
    expect(bad(las.replace('old_la_code', 'la_code_old'))).toThrow(/expected column "old_la_code" is missing/);
  });
  it('rejects a duplicated row', () => {
    const row = las.split('\n').find((l) => l.startsWith('E06000009'))!;
    expect(bad(`${las}${row}\n`)).toThrow(/duplicate LA code E06000009/);
  });
  it('rejects a malformed code, naming row, column and value', () => {
    expect(bad(las.replace('E06000009,Blackpool', 'E0600009,Blackpool'))).toThrow(/row 17, column "new_la_code", value "E0600009": not an upper-tier LA code/);
  });
  it('rejects a malformed three-digit code and a bad date', () => {
    expect(bad(las.replace('live,890', 'live,89O'))).toThrow(/column "old_la_code", value "89O"/);
    expect(bad(las.replace('E06000009,Blackpool,01/01/2009', 'E06000009,Blackpool,2009-01-01'))).toThrow(/dd\/mm\/yyyy/);
  });
  it('rejects a truncated file', () => {
    const lines = las.split('\n');
    expect(bad(`${lines.slice(0, 30).join('\n')}\nE06000062,West Northamptonshire,01/04`)).toThrow(/truncated/);
    expect(() => loadGeography(files({ 'lookup-dfe-las': lines.slice(0, 4).join('\n') }), { minRows: { ...SMALL.minRows, dfe: 5 } })).toThrow(
      /only 3 data rows/,
    );
  });
  it('rejects codes of one council that overlap in time', () => {
    expect(bad(las.replace('E08000020,Gateshead,01/01/2009,31/03/2013', 'E08000020,Gateshead,01/01/2009,31/03/2014'))).toThrow(/overlap in time/);
  });
  it('checks the curated reorganisations against the lookup dates', () => {
    expect(
      bad(las.replace('E06000058,"Bournemouth, Christchurch and Poole",01/04/2019', 'E06000058,"Bournemouth, Christchurch and Poole",01/04/2020')),
    ).toThrow(/should first report in 2020 but the lookup says 2021/);
  });
  it('rejects an unknown region', () => {
    expect(bad(las.replace('E06000009,Blackpool,01/01/2009,,E12000002', 'E06000009,Blackpool,01/01/2009,,E12000010'))).toThrow(/unknown region E12000010/);
  });
});

describe('statistical neighbours parser', () => {
  const sn = read('neighbours.csv');
  const parse = (text: string) => parseStatNeighbours(fixtureFiles({ 'lookup-stat-neighbours-2021': text }), 3);

  it('stops the current section at "Old SNs:" and keeps the old groupings apart', () => {
    const r = parse(sn);
    expect(r.current.map((x) => x.oldCode)).toEqual(['890', '810', '838', '940', '909']);
    expect(r.former.map((x) => x.oldCode)).toEqual(['835', '928']);
    expect(r.current[0]!.neighbours).toHaveLength(10);
  });
  it('rejects a non-numeric neighbour, a council listed as its own neighbour, a duplicate and a truncated file', () => {
    expect(() => parse(sn.replace('890,Blackpool,890,5,North West,810', '890,Blackpool,890,5,North West,81O'))).toThrow(/column "SN1", value "81O"/);
    expect(() => parse(sn.replace('890,Blackpool,890,5,North West,810', '890,Blackpool,890,5,North West,890'))).toThrow(/its own neighbour/);
    const first = sn.split('\n')[1]!;
    expect(() => parse(sn.replace(first, `${first}\n${first}`))).toThrow(/duplicate council 890/);
    expect(() => parse(sn.split('\n').slice(0, 3).join('\n'))).toThrow(/only 2 councils/);
  });
  it('names a renamed column', () => {
    expect(() => parse(sn.replace('SN1,', 'Neighbour 1,'))).toThrow(/expected column "SN1" is missing/);
  });
});
