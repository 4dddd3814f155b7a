import { describe, expect, it } from 'vitest';
import { isMissing, MarkerError, parseCell, sumValues } from '../../../contract/missing.ts';

describe('parseCell', () => {
  it.each([
    ['c', 'suppressed'],
    ['x', 'not_available'],
    ['z', 'not_applicable'],
    ['u', 'low_reliability'],
    ['low', 'rounds_to_zero'],
    ['..', 'not_available'],
    ['-', 'nil_or_not_applicable'],
    [':', 'not_available'],
    ['', 'blank'],
    ['  ', 'blank'],
    ['[x]', 'not_available'],
  ])('turns the marker %j into a typed gap (%s), never zero', (raw, reason) => {
    const v = parseCell(raw);
    expect(isMissing(v)).toBe(true);
    expect(v).toMatchObject({ missing: reason });
    expect(v).not.toBe(0);
  });

  it('reads numbers with thousands separators, signs and decimals', () => {
    expect(parseCell('72,670')).toBe(72670);
    expect(parseCell(' -490 ')).toBe(-490);
    expect(parseCell('332.9')).toBe(332.9);
    expect(parseCell('0')).toBe(0);
    expect(parseCell(12)).toBe(12);
  });

  it('rejects text that is neither a number nor a marker', () => {
    expect(() => parseCell('n/a')).toThrow(MarkerError);
    expect(() => parseCell('12abc')).toThrow(/neither a number nor a known missing-value marker/);
  });

  it('a sum with a suppressed part is suppressed, not a smaller number', () => {
    expect(sumValues([1, 2, 3])).toBe(6);
    expect(sumValues([1, parseCell('c'), 3])).toMatchObject({ missing: 'suppressed' });
  });
});
