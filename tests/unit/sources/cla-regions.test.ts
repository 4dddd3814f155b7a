import { describe, expect, it } from 'vitest';
import { isLondonSubregion, REGION_CODES, regionCodeOf } from '../../../scripts/data/sources/cla/regions.ts';

describe('CLA region names → E12 codes', () => {
  it.each([
    ['North East ', 'E12000001'],
    ['NORTH WEST', 'E12000002'],
    ['Yorkshire and The Humber', 'E12000003'],
    ['YORKSHIRE & THE HUMBER', 'E12000003'],
    ['East Midlands', 'E12000004'],
    ['WEST MIDLANDS', 'E12000005'],
    ['East of England ', 'E12000006'],
    ['London ', 'E12000007'],
    ['SOUTH  EAST', 'E12000008'],
    ['South West', 'E12000009'],
  ])('%j → %s', (name, code) => {
    expect(regionCodeOf(name)).toBe(code);
  });
  it('has the nine English regions and nothing else', () => {
    expect(new Set(Object.values(REGION_CODES)).size).toBe(9);
    expect(regionCodeOf('Inner London')).toBeUndefined();
    expect(regionCodeOf('England')).toBeUndefined();
    expect(regionCodeOf('Wales')).toBeUndefined();
  });
  it('recognises Inner and Outer London as sub-regions', () => {
    expect(isLondonSubregion('INNER LONDON')).toBe(true);
    expect(isLondonSubregion('Outer London')).toBe(true);
    expect(isLondonSubregion('London')).toBe(false);
  });
});
