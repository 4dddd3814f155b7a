import { describe, expect, it } from 'vitest';
import { geoArea } from 'd3-geo';
import { rewind } from '../../../src/lib/maps/geo.ts';

describe('rewind', () => {
  // A small square near Blackpool, counter-clockwise (RFC 7946 order): d3 reads it as the whole globe minus the square.
  const ccw = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [-3.1, 53.8],
        [-3.0, 53.8],
        [-3.0, 53.9],
        [-3.1, 53.9],
        [-3.1, 53.8],
      ],
    ],
  };
  it('reverses a counter-clockwise ring so d3 sees a small area', () => {
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI);
    expect(geoArea(rewind(ccw))).toBeLessThan(1e-4);
  });
  it('leaves a clockwise ring alone', () => {
    const cw = rewind(ccw);
    expect(rewind(cw)).toEqual(cw);
  });
  it('fixes each polygon of a MultiPolygon', () => {
    const mp = { type: 'MultiPolygon' as const, coordinates: [ccw.coordinates, ccw.coordinates] };
    expect(geoArea(rewind(mp))).toBeLessThan(1e-3);
  });
});
