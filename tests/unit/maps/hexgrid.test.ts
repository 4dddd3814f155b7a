/**
 * The equal-hexagon cartogram: Open Innovations' 2019/20 hexjson plus the
 * successor councils placed by HEX_PLACEMENT. Checked against las.json (the
 * councils that exist now) and against hand-worked hex geometry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexCentre, hexLabel, labelInk, placeHexes, type HexFile } from '../../../src/lib/maps/hexgrid.ts';

const file = JSON.parse(readFileSync('data/output/geo/odi-hex.json', 'utf8')) as HexFile;
const las = JSON.parse(readFileSync('data/output/las.json', 'utf8')).las as Array<{ code: string; name: string; status: string }>;
const current = new Map(las.filter((l) => l.status === 'current').map((l) => [l.code, l.name] as const));

describe('placeHexes', () => {
  const cells = placeHexes(file, current);
  it('one hexagon per current council (153), none shared', () => {
    expect(cells.length).toBe(153);
    expect(new Set(cells.map((c) => c.code)).size).toBe(153);
    expect(new Set(cells.map((c) => `${c.q},${c.r}`)).size).toBe(153);
  });
  it('the 2021 and 2023 successors sit where docs/geography.md says', () => {
    const at = (code: string) => {
      const c = cells.find((x) => x.code === code)!;
      return [c.q, c.r];
    };
    expect(at('E06000061')).toEqual([7, 6]); // North Northamptonshire on the old county hex
    expect(at('E06000062')).toEqual([6, 6]); // West Northamptonshire to its west
    expect(at('E06000064')).toEqual([6, 14]); // Westmorland and Furness on Cumbria's hex
    expect(at('E06000063')).toEqual([5, 15]); // Cumberland to the north-west
    expect(cells.some((c) => c.code === 'E10000021' || c.code === 'E10000006')).toBe(false);
  });
  it('the successors are next to each other on the grid (odd-r neighbours)', () => {
    const d = (a: [number, number], b: [number, number]) => {
      const cube = ([q, r]: [number, number]) => {
        const x = q - (r - (r & 1)) / 2;
        return [x, -x - r, r];
      };
      const [A, B] = [cube(a), cube(b)];
      return Math.max(...A.map((v, i) => Math.abs(v - B[i]!)));
    };
    expect(d([7, 6], [6, 6])).toBe(1);
    expect(d([6, 14], [5, 15])).toBe(1);
  });
  it('skips a placement whose council is neither in the file nor current (a geography without it)', () => {
    const { E06000019: _hereford, ...hexes } = file.hexes;
    const without = new Map(current);
    without.delete('E06000019');
    const placed = placeHexes({ ...file, hexes }, without);
    expect(placed.length).toBe(152);
    expect(placed.some((c) => c.code === 'E06000019')).toBe(false);
  });
  it('fails when a placed council is in the file but not current (a mistake in the placement list)', () => {
    const without = new Map(current);
    without.delete('E06000019');
    expect(() => placeHexes(file, without)).toThrow(/E06000019 Herefordshire, County of is not a current council/);
  });
  it('fails the build when a current council has no hex', () => {
    const more = new Map(current).set('E06999999', 'Nowhere');
    expect(() => placeHexes(file, more)).toThrow(/no hex: E06999999/);
  });
});

describe('hex geometry', () => {
  it('pointy-top odd-r centres: odd rows shift half a hex east; rows are 1.5 sizes apart, north up', () => {
    expect(hexCentre(0, 0, 10)).toEqual([0, -0]);
    const [x1, y1] = hexCentre(0, 1, 10);
    expect(x1).toBeCloseTo(8.660254, 5); // √3 × 10 / 2
    expect(y1).toBe(-15);
    expect(hexCentre(2, 0, 10)[0]).toBeCloseTo(34.641016, 5);
  });
  it.each([
    ['North East Lincolnshire', 'NEL'],
    ['Kent', 'KEN'],
    ['Kingston upon Hull, City of', 'KH'],
    ['Bournemouth, Christchurch and Poole', 'BCP'],
    ['Stoke-on-Trent', 'ST'],
  ])('label %s → %s', (name, label) => expect(hexLabel(name)).toBe(label));
});

describe('labelInk', () => {
  // WCAG contrast, computed independently in python: #253494 white 10.5:1 vs dark 1.6:1; #2c7fb8 white 4.3:1 vs dark 3.9:1;
  // #41b6c4 white 2.4:1 vs dark 7.1:1; #ffffcc white 1.0:1 vs dark 16.6:1.
  it.each([
    ['#253494', '#ffffff'],
    ['#2c7fb8', '#ffffff'],
    ['#41b6c4', '#1b1b1b'],
    ['#ffffcc', '#1b1b1b'],
    ['url(#map-hatch)', '#1b1b1b'],
  ])('%s → %s', (f, ink) => expect(labelInk(f)).toBe(ink));
});
