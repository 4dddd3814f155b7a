/**
 * GeoPackage binary geometry (GeoPackage 1.x, clause 2.1.3) → GeoJSON geometry.
 *
 * A GeoPackage geometry blob is a small header — "GP", a version byte, a flags
 * byte (byte order of the header, envelope size, empty flag), the srs_id and an
 * optional envelope — followed by the geometry as ISO Well-Known Binary. This
 * decoder reads the 2D and Z types of Simple Features (Point … GeometryCollection);
 * M values are read and dropped (GeoJSON has no place for them).
 *
 * Written here rather than taken from `wkx`: that package has had no release
 * since 2020, depends on Node's Buffer and would add a GeoJSON writer we do not
 * use; the format is eighty lines of fixed layout, tested against geometries
 * written by an independent implementation (tests/fixtures/gpkg/make_fixture.py).
 */
import type { Geometry, Position } from 'geojson';

export class GeometryDecodeError extends Error {}

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8] as const;
const TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

class Reader {
  private offset: number;
  private little = true;
  constructor(
    private readonly view: DataView,
    offset: number,
  ) {
    this.offset = offset;
  }
  need(n: number): void {
    if (this.offset + n > this.view.byteLength)
      throw new GeometryDecodeError(`the geometry ends early (byte ${this.offset} of ${this.view.byteLength}, ${n} more needed)`);
  }
  byteOrder(): void {
    this.need(1);
    const b = this.view.getUint8(this.offset++);
    if (b > 1) throw new GeometryDecodeError(`byte ${this.offset - 1}: ${b} is not a WKB byte-order mark (0 or 1)`);
    this.little = b === 1;
  }
  uint32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return v;
  }
  float64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.offset, this.little);
    this.offset += 8;
    return v;
  }
  get position(): number {
    return this.offset;
  }
}

function readGeometry(r: Reader): Geometry {
  r.byteOrder();
  const code = r.uint32();
  const dimsCode = Math.floor(code / 1000);
  const base = code % 1000;
  if (dimsCode > 3 || base < 1 || base > 7)
    throw new GeometryDecodeError(`WKB geometry type ${code} is not a Simple Features type (1–7, +1000 Z, +2000 M, +3000 ZM)`);
  const hasZ = dimsCode === 1 || dimsCode === 3;
  const hasM = dimsCode === 2 || dimsCode === 3;
  const point = (): Position => {
    const x = r.float64();
    const y = r.float64();
    const z = hasZ ? r.float64() : undefined;
    if (hasM) r.float64();
    return z === undefined ? [x, y] : [x, y, z];
  };
  const points = (): Position[] => Array.from({ length: r.uint32() }, point);
  const rings = (): Position[][] => Array.from({ length: r.uint32() }, points);
  const parts = <G extends Geometry>(type: G['type']): G[] =>
    Array.from({ length: r.uint32() }, () => {
      const g = readGeometry(r);
      if (g.type !== type) throw new GeometryDecodeError(`a ${TYPES[base]} holds a ${g.type}, expected ${type}`);
      return g as G;
    });
  switch (TYPES[base]) {
    case 'Point': {
      const p = point();
      // An empty point is written as NaN coordinates.
      return Number.isNaN(p[0]) && Number.isNaN(p[1]) ? { type: 'Point', coordinates: [] } : { type: 'Point', coordinates: p };
    }
    case 'LineString':
      return { type: 'LineString', coordinates: points() };
    case 'Polygon':
      return { type: 'Polygon', coordinates: rings() };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: parts<GeoJSON.Point>('Point').map((g) => g.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: parts<GeoJSON.LineString>('LineString').map((g) => g.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: parts<GeoJSON.Polygon>('Polygon').map((g) => g.coordinates) };
    default:
      return { type: 'GeometryCollection', geometries: Array.from({ length: r.uint32() }, () => readGeometry(r)) };
  }
}

/** Decode one GeoPackage geometry blob; null for an empty geometry. */
export function decodeGpkgGeometry(blob: Uint8Array): { srsId: number; geometry: Geometry | null } {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new GeometryDecodeError('not a GeoPackage geometry (it does not start with "GP")');
  const flags = blob[3]!;
  if (flags & 0x20) throw new GeometryDecodeError('an extended (non-standard) GeoPackage geometry type, which this reader does not decode');
  const envelope = (flags >> 1) & 0x07;
  if (envelope > 4) throw new GeometryDecodeError(`envelope indicator ${envelope} is invalid (0–4)`);
  const srsId = view.getInt32(4, (flags & 0x01) === 1);
  const start = 8 + 8 * ENVELOPE_DOUBLES[envelope as 0 | 1 | 2 | 3 | 4];
  if (flags & 0x10) return { srsId, geometry: null };
  const r = new Reader(view, start);
  const geometry = readGeometry(r);
  if (r.position !== blob.length) throw new GeometryDecodeError(`${blob.length - r.position} bytes left over after the geometry`);
  return { srsId, geometry };
}
