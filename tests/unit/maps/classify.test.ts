import { describe, expect, it } from 'vitest';
import { classOf, fillOf, legend, MISSING_FILL, quantileClasses, SCHEME } from '../../../src/lib/maps/classify.ts';

describe('quantileClasses input', () => {
  it('refuses an empty set of values (quantiles are in contract/stats.ts, tested there)', () => {
    expect(() => quantileClasses([null, Number.NaN], 5)).toThrow(/no values/);
  });
});

describe('quantileClasses', () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, null];
  const c = quantileClasses(values, 5);
  it('puts about the same number of councils in each of 5 classes, ignoring missing', () => {
    expect(c.breaks).toEqual([28, 46, 64, 82]);
    expect(c.min).toBe(10);
    expect(c.max).toBe(100);
    expect(c.colours).toEqual([...SCHEME]);
    const items = legend(c, values, String);
    expect(items.map((i) => i.count)).toEqual([2, 2, 2, 2, 2]);
  });
  it('classes are lower-inclusive and the top class includes the maximum', () => {
    expect(classOf(c, 10)).toBe(0);
    expect(classOf(c, 28)).toBe(1);
    expect(classOf(c, 27.9)).toBe(0);
    expect(classOf(c, 100)).toBe(4);
  });
  it('labels the class bounds', () => {
    const items = legend(c, values, String);
    expect(items[0]!.label).toBe('10 to under 28');
    expect(items[4]!.label).toBe('82 to 100');
  });
  it('gives missing values the hatched fill, never a class colour', () => {
    expect(fillOf(c, null)).toBe(MISSING_FILL);
    expect(fillOf(c, 10)).toBe(SCHEME[0]);
  });
  it('merges tied breaks into fewer classes, keeping the ends of the scheme', () => {
    const tied = quantileClasses([5, 5, 5, 5, 5, 5, 5, 9], 5);
    expect(tied.breaks).toEqual([]);
    const two = quantileClasses([1, 1, 1, 1, 9, 9, 9, 9], 5);
    expect(two.breaks).toEqual([9]);
    expect(two.colours).toEqual([SCHEME[0], SCHEME[4]]);
  });
  it('rounds breaks to the display precision', () => {
    const r = quantileClasses([1.04, 1.11, 1.26, 1.33, 1.48, 1.59], 3, 1);
    expect(r.breaks.every((b) => Math.round(b * 10) === b * 10)).toBe(true);
  });
  it('rejects empty input and bad k', () => {
    expect(() => quantileClasses([null, null])).toThrow(/no values/);
    expect(() => quantileClasses([1, 2], 9)).toThrow(/k must be/);
  });
});
