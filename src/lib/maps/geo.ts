/**
 * Build-time SVG paths for the two maps of England's 153 upper-tier councils:
 *   - boundaries: data/output/geo/utla.json (ONS generalised boundaries,
 *     WGS84 lon/lat), drawn with a transverse Mercator centred on Great
 *     Britain (the British National Grid's projection family), fitted to the box;
 *   - hex cartogram: data/output/geo/hex.json (House of Commons Library
 *     hexes, abstract planar coordinates, y up), drawn with
 *     geoIdentity().reflectY(true) fitted to the box.
 * Paths are rounded to 1 decimal (of a ~600-unit box) to keep the page light.
 * The boundary map also carries a London inset (every London council, E09,
 * redrawn larger in the empty sea, overlays.ts insetBox) and the names of the
 * places in data/map-places.json, placed so they do not collide (placeLabels).
 * Every code must be in both files and in las.json; a missing or extra code
 * fails the build with the file named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea, geoIdentity, geoPath, geoTransverseMercator } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { outputDir } from '../data/load.ts';
import { hexCentre, hexLabel, hexPath, placeHexes, type HexFile } from './hexgrid.ts';
import { type Box, insetBox, type PlacedLabel, placeLabels } from './overlays.ts';
import placesFile from '../../../data/map-places.json';

const PLACES: ReadonlyArray<{ code: string; label: string }> = placesFile.places;

export interface MapShape {
  code: string;
  name: string;
  d: string;
  /** Label anchor (centroid), for hex group labels only. */
  cx?: number;
  cy?: number;
  /** Hex cartogram only: a short label ("BCP", "KEN"). */
  label?: string;
}
export interface MapGeometry {
  width: number;
  height: number;
  areas: MapShape[];
  /** Hex map only: outlines of the groups (regions / counties) and their names. */
  groups: MapShape[];
}

type Props = { code?: string; name?: string; group?: string };

function readGeo(file: string): unknown {
  const path = join(outputDir(), 'geo', file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: cannot read (${(e as Error).message}). Run \`npm run data\`.`);
  }
}

function asCollection(x: unknown, where: string): FeatureCollection<Geometry, Props> {
  const fc = x as FeatureCollection<Geometry, Props>;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${where}: not a GeoJSON FeatureCollection`);
  fc.features.forEach((f, i) => {
    if (!f.geometry) throw new Error(`${where}: feature [${i}] (${f.properties?.code ?? '?'}) has no geometry`);
  });
  return fc;
}

const cache = new Map<string, MapGeometry>();

/**
 * d3-geo is spherical: a polygon's exterior ring must run clockwise, or it is
 * read as "the whole globe except this area". GeoJSON from GIS tools is often
 * counter-clockwise (RFC 7946), so each polygon whose spherical area exceeds a
 * hemisphere has its rings reversed. Returns a new geometry.
 */
export function rewind(g: Geometry): Geometry {
  const fix = (rings: number[][][]) => {
    const poly = { type: 'Polygon' as const, coordinates: rings };
    return geoArea(poly) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  };
  if (g.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(fix) };
  return g;
}

/** The London inset: the London councils (E09) redrawn larger in `box`, with their own paths. */
export interface LondonInset {
  box: Box;
  areas: MapShape[];
}
export interface BoundaryMap extends MapGeometry {
  inset: LondonInset;
  places: PlacedLabel[];
  /** Font size (map units) the place names were placed for. */
  placeFont: number;
}

/** Candidate boxes for the inset, in the map's empty sea (north-east first, then south-west), as fractions of the box. */
const INSET_CANDIDATES = [
  { x: 0.66, y: 0.01, w: 0.33, h: 0.22 },
  { x: 0.0, y: 0.0, w: 0.36, h: 0.22 },
];
/** Place names are placed for the largest size they are drawn at (map.css .map-place, narrow screens). */
export const PLACE_FONT = 22;

export function boundaryMap(width = 600, height = 720): BoundaryMap {
  const key = `b${width}x${height}`;
  const hit = cache.get(key) as BoundaryMap | undefined;
  if (hit) return hit;
  const raw = asCollection(readGeo('utla.json'), 'geo/utla.json');
  const fc = { ...raw, features: raw.features.map((f) => ({ ...f, geometry: rewind(f.geometry) })) };
  const projection = geoTransverseMercator().rotate([2, -49]).fitSize([width, height], fc);
  const path = geoPath(projection).digits(1);
  const areas = fc.features.map((f, i) => {
    const code = f.properties?.code;
    if (!code || !/^E(06|07|08|09|10)\d{6}$/.test(code))
      throw new Error(`geo/utla.json: feature [${i}] has code ${JSON.stringify(code)}, expected an E06/E08/E09/E10 code`);
    return { code, name: f.properties.name ?? code, d: path(f) ?? '' };
  });
  const land: Box[] = fc.features.map((f) => {
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  });
  const box = insetBox(
    INSET_CANDIDATES.map((c) => ({ x: c.x * width, y: c.y * height, w: c.w * width, h: c.h * height })),
    land,
  );
  const london = { ...fc, features: fc.features.filter((f) => f.properties?.code?.startsWith('E09')) };
  // Which London councils there are is checked against las.json (checkCoverage); the inset needs at least one.
  if (london.features.length === 0) throw new Error('geo/utla.json: no London councils (E09 codes) to draw in the London inset');
  const pad = 6;
  const insetProjection = geoTransverseMercator()
    .rotate([2, -49])
    .fitExtent(
      [
        [box.x + pad, box.y + pad + 14],
        [box.x + box.w - pad, box.y + box.h - pad],
      ],
      london,
    );
  const insetPath = geoPath(insetProjection).digits(1);
  const inset = { box, areas: london.features.map((f) => ({ code: f.properties.code!, name: f.properties.name ?? '', d: insetPath(f) ?? '' })) };
  const points = PLACES.map((p) => {
    const f = fc.features.find((x) => x.properties?.code === p.code);
    if (!f) throw new Error(`data/map-places.json: ${p.code} (${p.label}) is not a council in geo/utla.json`);
    const [x, y] = path.centroid(f);
    return { ...p, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  const { placed, dropped } = placeLabels(points, PLACE_FONT, { x: 0, y: 0, w: width, h: height }, [box]);
  if (dropped.length) throw new Error(`data/map-places.json: no free spot on the boundary map for ${dropped.join(', ')}; drop them from the list`);
  const out = { width, height, areas, groups: [], inset, places: placed, placeFont: PLACE_FONT };
  cache.set(key, out);
  return out;
}

export function hexMap(width = 600, height = 720): MapGeometry {
  const key = `h${width}x${height}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = readGeo('hex.json') as { areas: unknown; groups: unknown };
  const areasFc = asCollection(raw.areas, 'geo/hex.json areas');
  const groupsFc = asCollection(raw.groups, 'geo/hex.json groups');
  const projection = geoIdentity().reflectY(true).fitSize([width, height], areasFc);
  const path = geoPath(projection).digits(1);
  const areas = areasFc.features.map((f, i) => {
    const code = f.properties?.code;
    if (!code) throw new Error(`geo/hex.json: area [${i}] has no code`);
    return { code, name: f.properties.name ?? code, d: path(f) ?? '' };
  });
  const groups = groupsFc.features.map((f) => {
    const [cx, cy] = path.centroid(f);
    return { code: f.properties.group ?? '', name: f.properties.group ?? '', d: path(f) ?? '', cx: Math.round(cx), cy: Math.round(cy) };
  });
  const out = { width, height, areas, groups };
  cache.set(key, out);
  return out;
}

/** Check both maps cover exactly the given council codes. */
export function checkCoverage(geometry: MapGeometry, codes: readonly string[], file: string): void {
  const have = new Set(geometry.areas.map((a) => a.code));
  const want = new Set(codes);
  const missing = codes.filter((c) => !have.has(c));
  const extra = [...have].filter((c) => !want.has(c));
  if (missing.length || extra.length)
    throw new Error(`${file}: council codes differ from las.json (current). Missing: ${missing.join(', ') || 'none'}. Extra: ${extra.join(', ') || 'none'}.`);
}

/**
 * The equal-hexagon cartogram (hexgrid.ts): one hexagon per current council,
 * fitted to `width`, height following the grid; each area has a short label
 * at its centre (cx, cy).
 */
export function odiHexMap(current: ReadonlyMap<string, string>, width = 600): MapGeometry & { size: number } {
  const key = `o${width}`;
  const hit = cache.get(key) as (MapGeometry & { size: number }) | undefined;
  if (hit) return hit;
  const cells = placeHexes(readGeo('odi-hex.json') as HexFile, current);
  const unit = cells.map((c) => hexCentre(c.q, c.r, 1));
  const xs = unit.map((p) => p[0]);
  const ys = unit.map((p) => p[1]);
  const pad = 1.2;
  const spanX = Math.max(...xs) - Math.min(...xs) + 2 * pad;
  const size = width / spanX;
  const height = Math.ceil((Math.max(...ys) - Math.min(...ys) + 2 * pad) * size);
  const x0 = (Math.min(...xs) - pad) * size;
  const y0 = (Math.min(...ys) - pad) * size;
  const areas = cells.map((c, i) => {
    const cx = unit[i]![0] * size - x0;
    const cy = unit[i]![1] * size - y0;
    return { code: c.code, name: c.name, d: hexPath(cx, cy, size * 0.98), cx: Math.round(cx * 10) / 10, cy: Math.round(cy * 10) / 10, label: hexLabel(c.name) };
  });
  const out = { width, height, areas, groups: [], size };
  cache.set(key, out);
  return out;
}
