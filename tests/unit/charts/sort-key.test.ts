import { describe, expect, it } from 'vitest';
import { cellKey, compareKeys } from '../../../src/lib/charts/sort-key.ts';

describe('cellKey (sortable tables)', () => {
  it.each([
    ['£1,234', 1234],
    ['12.5%', 12.5],
    ['−3', -3],
    ['-3.5', -3.5],
    ['£−1,000', -1000],
    ['£1.2bn', 1.2e9],
    ['£3m', 3e6],
    ['164 per 10,000', 164],
    ['82 (flagged, note 1)', 82],
    ['£981 per child', 981],
    ['2015', 2015],
    ['3rd', 3],
    ['10th of 151', 10],
  ])('reads %s as the number %d', (text, n) => expect(cellKey(text)).toBe(n));
  it('reads names and financial years as text, and missing values as null', () => {
    expect(cellKey('Hartlepool')).toBe('hartlepool');
    expect(cellKey('2016-17')).toBe('2016-17');
    expect(cellKey('— not available (suppressed)')).toBeNull();
    expect(cellKey('  ')).toBeNull();
  });
  it('sorts "per 10,000" values by number, not as text (59 before 164)', () => {
    const cells = ['164 per 10,000', '59 per 10,000', '—', '93 per 10,000'];
    const up = [...cells].sort((a, b) => compareKeys(cellKey(a), cellKey(b), true));
    expect(up).toEqual(['59 per 10,000', '93 per 10,000', '164 per 10,000', '—']);
    const down = [...cells].sort((a, b) => compareKeys(cellKey(a), cellKey(b), false));
    expect(down).toEqual(['164 per 10,000', '93 per 10,000', '59 per 10,000', '—']);
  });
});
