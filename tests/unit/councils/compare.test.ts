import { describe, expect, it } from 'vitest';
import { compareQuery, defaultCompareSlugs, parseCompareParams } from '../../../src/lib/councils/compare.ts';

const known = new Set(['blackpool', 'leeds', 'kent', 'hull', 'york', 'bury', 'wigan']);

describe('parseCompareParams', () => {
  it('reads councils and measure from the URL', () => {
    expect(parseCompareParams('?c=blackpool,leeds&m=cin_rate_per_10k', known)).toEqual({
      slugs: ['blackpool', 'leeds'],
      measure: 'cin_rate_per_10k',
      dropped: [],
    });
  });
  it('drops unknown slugs, removes duplicates and keeps at most five', () => {
    const s = parseCompareParams('?c=Blackpool,nowhere,leeds,leeds,kent,hull,york,bury', known);
    expect(s.slugs).toEqual(['blackpool', 'leeds', 'kent', 'hull', 'york']);
    expect(s.dropped).toEqual(['nowhere', 'bury']);
  });
  it('falls back to the default measure', () => {
    expect(parseCompareParams('?m=bogus', known).measure).toBe('cla_rate_per_10k');
    expect(parseCompareParams('', known)).toEqual({ slugs: [], measure: 'cla_rate_per_10k', dropped: [] });
  });
  it('round-trips through compareQuery', () => {
    const q = compareQuery({ slugs: ['blackpool', 'leeds'], measure: 'cpp_rate_per_10k' });
    expect(q).toBe('?c=blackpool,leeds&m=cpp_rate_per_10k');
    expect(parseCompareParams(q, known).slugs).toEqual(['blackpool', 'leeds']);
  });
});

describe('defaultCompareSlugs', () => {
  it('is the editorial choice where those councils exist', () => {
    expect(defaultCompareSlugs(['barnet', 'blackpool', 'kent', 'leeds'])).toEqual(['blackpool', 'leeds', 'kent']);
    expect(defaultCompareSlugs(['barnet', 'kent'])).toEqual(['kent']);
  });
  it('falls back to the first three councils offered when none of them exists (a fixture geography)', () => {
    expect(defaultCompareSlugs(['camden', 'dorset', 'hartlepool', 'cumberland'])).toEqual(['camden', 'dorset', 'hartlepool']);
    expect(defaultCompareSlugs([])).toEqual([]);
  });
});
