import { describe, expect, it } from 'vitest';
import { describeRank, ordinal, rankOf } from '../../../src/lib/councils/rank.ts';

const field = [
  { code: 'A', value: 182 },
  { code: 'B', value: 150 },
  { code: 'C', value: 120 },
  { code: 'D', value: 120 },
  { code: 'E', value: 90 },
  { code: 'F', value: null },
  { code: 'G', value: 40 },
];

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
    [152, '152nd'],
  ])('%i → %s', (n, s) => expect(ordinal(n)).toBe(s));
  it('rejects 0, negatives and fractions', () => {
    expect(() => ordinal(0)).toThrow(/positive integer/);
    expect(() => ordinal(-2)).toThrow();
    expect(() => ordinal(2.5)).toThrow();
  });
});

describe('rankOf', () => {
  it('ranks the largest value 1st and counts only councils with a value', () => {
    expect(rankOf('A', field)).toEqual({ fromTop: 1, fromBottom: 6, tiedWith: 1, of: 6, missing: 1 });
  });
  it('gives tied councils the same (better) rank: competition ranking', () => {
    expect(rankOf('C', field)?.fromTop).toBe(3);
    expect(rankOf('D', field)?.fromTop).toBe(3);
    expect(rankOf('D', field)?.tiedWith).toBe(2);
    expect(rankOf('E', field)?.fromTop).toBe(5);
    expect(rankOf('C', field)?.fromBottom).toBe(3);
  });
  it('returns null for a missing value or an unknown council', () => {
    expect(rankOf('F', field)).toBeNull();
    expect(rankOf('Z', field)).toBeNull();
  });
  it('rejects duplicated councils and non-finite values', () => {
    expect(() => rankOf('A', [...field, { code: 'A', value: 1 }])).toThrow(/appears twice/);
    expect(() => rankOf('A', [{ code: 'A', value: Number.NaN }])).toThrow(/non-finite/);
  });
});

describe('describeRank', () => {
  it('says "highest" for 1st, not "1st-highest"', () => {
    expect(describeRank(rankOf('A', field)!)).toBe('highest');
  });
  it('says "joint" for ties', () => {
    expect(describeRank(rankOf('C', field)!, 'highest')).toBe('joint 3rd-highest');
  });
  it('words the rank from the nearer end', () => {
    expect(describeRank(rankOf('G', field)!)).toBe('lowest');
    expect(describeRank(rankOf('E', field)!)).toBe('2nd-lowest');
    expect(describeRank(rankOf('B', field)!)).toBe('2nd-highest');
  });
  it('can be forced to one direction', () => {
    expect(describeRank(rankOf('G', field)!, 'highest')).toBe('6th-highest');
  });
  it('everyone tied is "joint highest"', () => {
    const r = rankOf('A', [
      { code: 'A', value: 5 },
      { code: 'B', value: 5 },
    ])!;
    expect(describeRank(r)).toBe('joint highest');
  });
});
