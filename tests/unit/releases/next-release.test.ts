/** "Next release" copy from the manifest: the newest entry of a series carries it; a past month is never shown as upcoming. */
import { describe, expect, it } from 'vitest';
import { nextReleaseOf, nextReleaseText } from '../../../src/lib/data/manifest.ts';
import { formatMonth } from '../../../src/lib/format.ts';

describe('next release', () => {
  it('formats a release month', () => {
    expect(formatMonth('2026-11')).toBe('November 2026');
    expect(formatMonth('2027-02-26')).toBe('February 2027');
    expect(() => formatMonth('2026-13')).toThrow(RangeError);
  });
  it('says "due" for a month ahead of the build date, and that it is being checked once the month has passed', () => {
    expect(nextReleaseText('2026-11', formatMonth, '2026-10-31')).toBe('next release due November 2026');
    expect(nextReleaseText('2026-11', formatMonth, '2026-11-30')).toBe('next release due November 2026');
    expect(nextReleaseText('2026-11', formatMonth, '2026-12-01')).toBe('a new release was due in November 2026; it will appear here once it has been checked');
  });
  it('any source of a series gets the series’ next release from its newest entry', () => {
    // data/sources.json: cla-ees-2025 records nextRelease 2026-11; the older cla-ees-2022 inherits it
    expect(nextReleaseOf('cla-ees-2022')).toBe('2026-11');
    expect(nextReleaseOf('cin-b1-2024')).toBe('2026-10');
    expect(nextReleaseOf('ofsted-csc-2023')).toBeUndefined();
  });
});
