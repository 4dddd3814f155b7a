import { describe, expect, it } from 'vitest';
import { atMarch, formatFinancialYear, isoDate } from '../../../src/lib/format.ts';

// Number, money and date formatting is covered in tests/unit/format.test.ts; these are the
// helpers the site's pages use for dates.
describe('format: dates for pages', () => {
  it('years ending 31 March', () => {
    expect(formatFinancialYear(2024)).toBe('2023-24');
    expect(formatFinancialYear(2010)).toBe('2009-10');
    expect(atMarch(2024)).toBe('31 March 2024');
  });
  it('ISO dates for <time datetime>', () => {
    expect(isoDate(new Date('2026-11-20T09:30:00Z'))).toBe('2026-11-20');
    expect(isoDate('2025-09-25')).toBe('2025-09-25');
  });
});
