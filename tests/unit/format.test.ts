import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatFinancialYear,
  formatGbp,
  formatGbpShort,
  formatNumber,
  formatPer10k,
  formatPercent,
  formatTick,
  formatValue,
  MISSING_TEXT,
} from '../../src/lib/format.ts';

describe('formatNumber', () => {
  it('uses thousands separators and fixed decimals', () => {
    expect(formatNumber(83630)).toBe('83,630');
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber(0)).toBe('0');
  });
  it('uses a true minus sign and no "−0"', () => {
    expect(formatNumber(-1200)).toBe('\u22121,200');
    expect(formatNumber(-0.2)).toBe('0');
  });
  it('never formats missing as 0', () => {
    expect(formatNumber(null)).toBe(MISSING_TEXT);
    expect(formatNumber(undefined)).toBe(MISSING_TEXT);
    expect(formatNumber(Number.NaN)).toBe(MISSING_TEXT);
    expect(formatValue(null, 'gbp')).toBe(MISSING_TEXT);
  });
});

describe('money', () => {
  it('scales to £bn and £m', () => {
    expect(formatGbp(3_200_000_000)).toBe('£3.2bn');
    expect(formatGbp(11_000_000_000)).toBe('£11bn');
    expect(formatGbp(845_000_000)).toBe('£845m');
    expect(formatGbp(12_500_000)).toBe('£12.5m');
    expect(formatGbp(45_600)).toBe('£45,600');
    expect(formatGbp(-2_500_000)).toBe('\u2212£2.5m');
  });
  it('short ticks', () => {
    expect(formatGbpShort(1_500_000_000)).toBe('£1.5bn');
    expect(formatGbpShort(500_000_000)).toBe('£500m');
    expect(formatGbpShort(20_000)).toBe('£20k');
    expect(formatGbpShort(0)).toBe('£0');
  });
});

describe('rates and percentages', () => {
  it('per 10,000', () => {
    expect(formatPer10k(70.4)).toBe('70 per 10,000');
    expect(formatPer10k(70.45, 1)).toBe('70.5 per 10,000');
    expect(formatValue(70, 'per10k')).toBe('70 per 10,000');
  });
  it('percent (input is already a percentage)', () => {
    expect(formatPercent(66.4)).toBe('66%');
    expect(formatPercent(12.25, 1)).toBe('12.3%');
    expect(formatTick(12.5, 'percent')).toBe('12.5%');
  });
});

describe('years and dates', () => {
  it('financial years from the year ending 31 March', () => {
    expect(formatFinancialYear(2024)).toBe('2023-24');
    expect(formatFinancialYear(2010)).toBe('2009-10');
    expect(formatFinancialYear(2000)).toBe('1999-00');
    expect(() => formatFinancialYear(2024.5)).toThrow(/whole year/);
  });
  it('long dates', () => {
    expect(formatDate('2025-09-25')).toBe('25 September 2025');
    expect(formatDate('2024-03-01T10:00:00Z')).toBe('1 March 2024');
    expect(formatDate(new Date(Date.UTC(2023, 11, 31)))).toBe('31 December 2023');
    expect(() => formatDate('2025-02-30')).toThrow(/not a real date/);
    expect(() => formatDate('25/09/2025')).toThrow(/ISO date/);
  });
});
