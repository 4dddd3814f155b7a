import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/lib/search/normalise.ts';

describe('normalise', () => {
  it.each([
    ['St. Helens', 'saint helens'],
    ['st helens', 'saint helens'],
    ['Saint Helens', 'saint helens'],
    ['Telford & Wrekin', 'telford and wrekin'],
    ['Southend-on-Sea', 'southend on sea'],
    ['  BRISTOL,  City of ', 'bristol city of'],
    ['Bournemouth, Christchurch and Poole', 'bournemouth christchurch and poole'],
    ['Clément’s', 'clements'],
    ['Ågesta', 'agesta'],
    ['', ''],
  ])('%j → %j', (a, b) => expect(normalise(a)).toBe(b));
  it('does not turn "st" inside a word into saint', () => {
    expect(normalise('Westminster')).toBe('westminster');
    expect(normalise('Stockport')).toBe('stockport');
  });
});
