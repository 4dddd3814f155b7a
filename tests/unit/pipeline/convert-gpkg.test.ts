/**
 * GeoPackage layer → GeoJSON. The fixture and the expected GeoJSON are written by
 * an independent implementation (tests/fixtures/gpkg/make_fixture.py: struct-packed
 * GeoPackage binary and WKB, Python's json and round()).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversionError, convertGpkgLayer, gpkgLayers, roundCoordinate } from '../../../scripts/data/core/convert/gpkg.ts';
import { decodeGpkgGeometry, GeometryDecodeError } from '../../../scripts/data/core/convert/wkb.ts';

const DIR = join(import.meta.dirname, '../../fixtures/gpkg');
const gpkg = new Uint8Array(readFileSync(join(DIR, 'tiny.gpkg')));
const expected = (slug: string) => readFileSync(join(DIR, `expected.${slug}.geojson`), 'utf8');
const METADATA = 'A test note written into the collection.';
const convert = async (layer: string) => new TextDecoder().decode(await convertGpkgLayer(gpkg, { from: 'gpkg', layer, precision: 4, metadata: METADATA }));

describe('GeoPackage layer → GeoJSON FeatureCollection', () => {
  it('lists the feature layers (not attribute tables such as layer_styles)', async () => {
    expect(await gpkgLayers(gpkg)).toEqual(['Test cartogram — 7 UTLA-2023', '1 Group labels', '3 Mixed']);
  });

  it('a MultiPolygon layer: attributes unchanged and in column order, features in fid order, both byte orders, with and without envelope', async () => {
    expect(await convert('Test cartogram — 7 UTLA-2023')).toBe(expected('7-UTLA-2023'));
  });

  it('points, an empty geometry and a NULL geometry (both null)', async () => {
    expect(await convert('1 Group labels')).toBe(expected('1-Group-labels'));
  });

  it('every other Simple Features type, Z kept', async () => {
    expect(await convert('3 Mixed')).toBe(expected('3-Mixed'));
  });

  it('without metadata the member is left out', async () => {
    const text = new TextDecoder().decode(await convertGpkgLayer(gpkg, { from: 'gpkg', layer: '1 Group labels', precision: 4 }));
    expect(JSON.parse(text)).toEqual({ ...JSON.parse(expected('1-Group-labels')), metadata: undefined });
    expect(text).not.toContain('metadata');
  });

  it('an unknown layer names the layers the file has', async () => {
    const err = await convertGpkgLayer(gpkg, { from: 'gpkg', layer: '7 UTLA-2024', precision: 4 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConversionError);
    expect((err as Error).message).toBe(
      'the GeoPackage has no feature layer "7 UTLA-2024"; its layers are: "Test cartogram — 7 UTLA-2023", "1 Group labels", "3 Mixed"',
    );
  });

  it('a file that is not SQLite is refused as not a GeoPackage', async () => {
    await expect(convertGpkgLayer(new TextEncoder().encode('{"type":"FeatureCollection"}'), { from: 'gpkg', layer: 'x', precision: 4 })).rejects.toThrow(
      'the file is not a GeoPackage (it is not an SQLite database)',
    );
  });

  it('rounds on the decimal value (as Python round() does away from exact ties)', () => {
    // Reference: python3 -c "print([round(x, 4) for x in [1.23456, 2.34565, -1.23456, 0.00004, 57.00005001]])"
    expect([1.23456, 2.34565, -1.23456, 0.00004, 57.00005001].map((x) => roundCoordinate(x, 4))).toEqual([1.2346, 2.3457, -1.2346, 0, 57.0001]);
  });
});

describe('GeoPackage binary geometry', () => {
  it('refuses a blob that is not GeoPackage binary, or that is cut short, saying so', () => {
    expect(() => decodeGpkgGeometry(new Uint8Array([1, 1, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/does not start with "GP"/);
    // GP header, little endian, no envelope, srs 0; WKB point (type 1) with only one coordinate
    const short = new Uint8Array([0x47, 0x50, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    expect(() => decodeGpkgGeometry(short)).toThrow(GeometryDecodeError);
    expect(() => decodeGpkgGeometry(short)).toThrow(/the geometry ends early/);
  });
});
