import { describe, expect, it } from 'vitest';
import { atMarch, financialYear, formatDate, formatGbp, formatNumber, isoDate } from '../../../src/lib/data/format.ts';

describe('format', () => {
  it('numbers: separators, one decimal, null stays null (never 0)', () => {
    expect(formatNumber(82170)).toBe('82,170');
    expect(formatNumber(388.8)).toBe('388.8');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBeNull();
    expect(formatNumber(null, 'GBP')).toBeNull();
  });
  it('money', () => {
    expect(formatGbp(10.6e9)).toBe('£10.6bn');
    expect(formatGbp(196e6)).toBe('£196m');
    expect(formatGbp(-1_250_000)).toBe('−£1.3m');
    expect(formatGbp(950)).toBe('£950');
    expect(formatNumber(1608, 'GBP per child')).toBe('£1,608');
  });
  it('years and dates', () => {
    expect(financialYear(2024)).toBe('2023-24');
    expect(financialYear(2010)).toBe('2009-10');
    expect(atMarch(2024)).toBe('31 March 2024');
    expect(formatDate('2026-11-20T23:30:00Z')).toBe('20 November 2026');
    expect(isoDate(new Date('2026-11-20T09:30:00Z'))).toBe('2026-11-20');
  });
});
