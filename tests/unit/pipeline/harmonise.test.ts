import { describe, expect, it } from 'vitest';
import { canonicalCode, harmonise, type LaResolver } from '../../../scripts/data/harmonise.ts';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { missing } from '../../../contract/missing.ts';
import type { Observation } from '../../../scripts/data/core/types.ts';

/** A tiny resolver: one council known by new code, old code and name; BCP from 2020. */
const resolver: LaResolver = {
  resolveCode(ref, year) {
    if (ref.code === 'E09000007' || ref.oldCode === '202' || ref.name === 'Camden') return 'E09000007';
    if ((ref.oldCode === '839' || ref.name === 'Bournemouth, Christchurch and Poole') && year >= 2020) return 'E06000058';
    throw new Error(`no council ${JSON.stringify(ref)} in ${year}`);
  },
  regionCode(name) {
    if (/inner london|outer london/i.test(name)) return null;
    if (name === 'London') return 'E12000007';
    throw new Error(`region "${name}" unknown`);
  },
};

const obs = (o: Partial<Observation>): Observation => ({
  measure: 'cla_count',
  level: 'la',
  oldCode: '202',
  name: 'Camden',
  year: 2020,
  value: 100,
  source: 'src-a',
  release: 'A',
  releaseOrder: 1,
  ...o,
});

describe('harmonise', () => {
  it('keeps the latest release whatever the input order, and records a revision when values differ', () => {
    const store = harmonise([obs({ value: 110, source: 'src-b', release: 'B', releaseOrder: 2 }), obs({ value: 100 })], resolver);
    expect(store.get('cla_count', 'E09000007', 2020)?.value).toBe(110);
    expect(store.get('cla_count', 'E09000007', 2020)?.release).toBe('B');
    expect(store.revisions).toEqual([
      { measure: 'cla_count', code: 'E09000007', name: 'Camden', year: 2020, first: { release: 'A', value: 100 }, latest: { release: 'B', value: 110 } },
    ]);
  });

  it('records no revision when a later release repeats the value', () => {
    const store = harmonise([obs({}), obs({ source: 'src-b', release: 'B', releaseOrder: 2 })], resolver);
    expect(store.revisions).toEqual([]);
    expect(store.get('cla_count', 'E09000007', 2020)?.release).toBe('B');
  });

  it('records a revision from a gap to a figure (null first value)', () => {
    const store = harmonise([obs({ value: missing('suppressed', 'c') }), obs({ value: 7, source: 'src-b', release: 'B', releaseOrder: 2 })], resolver);
    expect(store.revisions[0]?.first).toEqual({ release: 'A', value: null });
    expect(store.revisions[0]?.latest).toEqual({ release: 'B', value: 7 });
  });

  it('resolves old codes, names and new codes to one council (same release twice = duplicate)', () => {
    expect(() => harmonise([obs({ oldCode: '202' }), obs({ oldCode: undefined, code: 'E09000007' })], resolver)).toThrow(DataError);
    expect(() => harmonise([obs({}), obs({ value: 101 })], resolver)).toThrow(
      /source src-a, value 101: two values for cla_count E09000007 2020 in the same release/,
    );
  });

  it('keeps separate cells for different bases and years', () => {
    const store = harmonise([obs({ basis: 'x' }), obs({ basis: 'y', value: 5 }), obs({ year: 2021, value: 6 })], resolver);
    expect(store.get('cla_count', 'E09000007', 2020, 'x')?.value).toBe(100);
    expect(store.get('cla_count', 'E09000007', 2020, 'y')?.value).toBe(5);
    expect(store.getFirst('cla_count', 'E09000007', 2021, ['x', undefined])?.value).toBe(6);
    expect(store.yearsOf('cla_count')).toEqual([2020, 2021]);
  });

  it('drops Inner and Outer London, maps named regions, keeps E12 codes as given', () => {
    const store = harmonise(
      [
        obs({ level: 'regional', oldCode: undefined, name: 'Inner London', value: 1 }),
        obs({ level: 'regional', oldCode: undefined, name: 'Outer London', value: 2 }),
        obs({ level: 'regional', oldCode: undefined, name: 'London', value: 3 }),
        obs({ level: 'regional', oldCode: undefined, code: 'E12000001', name: 'North East', value: 4 }),
        obs({ level: 'national', oldCode: undefined, name: 'England', value: 5 }),
      ],
      resolver,
    );
    expect(store.get('cla_count', 'E12000007', 2020)?.value).toBe(3);
    expect(store.get('cla_count', 'E12000001', 2020)?.value).toBe(4);
    expect(store.get('cla_count', 'E92000001', 2020)?.value).toBe(5);
    expect(store.revisions).toEqual([]);
  });

  it('throws a DataError naming the source and value for an unknown region', () => {
    expect(() => canonicalCode(obs({ level: 'regional', oldCode: undefined, name: 'Mercia', source: 'lait-x' }), resolver)).toThrow(
      /source lait-x, value "Mercia": regional observation for cla_count 2020: region "Mercia" unknown/,
    );
  });

  it('throws a DataError naming the council for an unknown LA, and resolves reorganised councils by year', () => {
    expect(() => canonicalCode(obs({ oldCode: '999', name: 'Nowhere' }), resolver)).toThrow(/council "Nowhere" \(\? \/ 999\) in 2020 is not in the geography/);
    expect(canonicalCode(obs({ oldCode: '839', name: 'Bournemouth, Christchurch and Poole', year: 2020 }), resolver)).toBe('E06000058');
    expect(() => canonicalCode(obs({ oldCode: '839', name: 'Bournemouth, Christchurch and Poole', year: 2019 }), resolver)).toThrow(DataError);
  });
});
