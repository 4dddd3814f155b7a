/**
 * Map data for the site, pure (no file writing: the lead writes outputs).
 *
 * Each layer is read from the newest manifest entry of its role (GEO_ROLES).
 *
 * utla  — ONS UK TopoJSON (role boundaries-utla), object `utla`: super-generalised
 *         2016-based boundaries merged up to each year's upper-tier councils.
 *         Each geometry has areacd/areanm and, if created or ended in
 *         2014–2025, inclusive CALENDAR-year `start`/`end` (a change on
 *         1 April 2019 has start 2019). We take the English councils in force
 *         in calendar 2025 (153), map their codes to the geography's canonical
 *         codes (E08000038/39 → Barnsley E08000016 / Sheffield E08000019, the
 *         codes DfE uses for 2025), simplify the shared arcs (topojson-simplify, Visvalingam,
 *         triangles under 1 km², on the topology, so neighbours still meet
 *         without gaps or overlaps),
 *         convert to GeoJSON with topojson-client and round to 3 decimal places
 *         (about 100 m). WGS84 lon/lat.
 * hoclUtla / hoclGroups — House of Commons Library hex cartogram, newest layer
 *         (roles hex-utla, hex-groups; now the 2023 version): one MultiPolygon of hexes
 *         per council (153 English), and group (county) outlines. ABSTRACT
 *         PLANAR units, not lon/lat: render with
 *         d3.geoIdentity().reflectY(true).fitSize(...). Rounded to 2 dp (a hex
 *         side is about 0.17 units).
 * odiHex — Open Innovations HexJSON (role hexjson-utla), one hex per council on
 *         2019/20 geography (151). Codes mapped to canonical codes
 *         (Buckinghamshire, North Yorkshire, Somerset carry over). The one hex
 *         each for Northamptonshire and Cumbria stay under the former county,
 *         marked `former` with its `successors`: this layout cannot show the
 *         councils created in 2021 and 2023 separately — use the HoCL layout
 *         for current geography.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import type { SourceFiles } from '../core/acquire.ts';
import { fileOf, newestFile } from '../core/acquire.ts';
import { decodeText } from '../core/csv.ts';
import { DataError } from '../core/errors.ts';
import { releaseKey } from '../../../contract/manifest.ts';
import { loadGeography, type Geography } from './geography.ts';

export type AreaGeometry = Polygon | MultiPolygon;
export interface AreaProps {
  code: string;
  name: string;
}
export interface HexProps extends AreaProps {
  group: string;
}

export interface OdiHex {
  n: string;
  q: number;
  r: number;
  /** True for a hex whose council was abolished (Northamptonshire, Cumbria). */
  former?: boolean;
  successors?: string[];
}

export interface GeoData {
  utla: FeatureCollection<AreaGeometry, AreaProps>;
  hoclUtla: FeatureCollection<AreaGeometry, HexProps>;
  hoclGroups: FeatureCollection<AreaGeometry, { group: string }>;
  odiHex: { layout: string; hexes: Record<string, OdiHex> };
  /** The manifest id each layer was read from (the newest release of its role). */
  sourceIds: { utla: string; hoclUtla: string; hoclGroups: string; odiHex: string };
}

/**
 * The manifest roles (family "geo") the maps are read from; each layer uses the
 * newest release of its role, so a new release of a map file is one manifest entry.
 */
export const GEO_ROLES = { utla: 'boundaries-utla', hoclUtla: 'hex-utla', hoclGroups: 'hex-groups', odiHex: 'hexjson-utla' } as const;

export interface GeoOptions {
  /** Smallest triangle kept by the simplification, in km² (default 1: about a pixel on a national map, where a pixel is about a kilometre). */
  minAreaKm2?: number;
  /** Decimal places for lon/lat (default 3). */
  digits?: number;
}

function parseJson(files: SourceFiles, id: string): unknown {
  const f = fileOf(files, id);
  const text = decodeText(f.bytes, 'utf-8', { source: id, file: f.entry.path });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError({ source: id, file: f.entry.path }, `not valid JSON: ${(e as Error).message}`, 'the file may be truncated; re-acquire it');
  }
}

function round(coords: unknown, f: number): unknown {
  if (typeof coords === 'number') return Math.round(coords * f) / f;
  return (coords as unknown[]).map((c) => round(c, f));
}

/** Round a geometry's coordinates and drop consecutive repeated points (rings keep ≥ 4 positions). */
function roundGeometry<G extends AreaGeometry>(g: G, digits: number): G {
  const f = 10 ** digits;
  const ring = (r: number[][]): number[][] => {
    const out: number[][] = [];
    for (const p of round(r, f) as number[][]) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const poly = (p: number[][][]) => p.map(ring).filter((r) => r.length >= 4);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: poly(g.coordinates) } as G;
  return { type: 'MultiPolygon', coordinates: g.coordinates.map(poly).filter((p) => p.length > 0) } as G;
}

/** Mean Earth radius in km (IUGG), to turn a minimum area in km² into the steradians topojson-simplify weighs in. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Simplify every arc of a topology with topojson-simplify (Visvalingam–Whyatt:
 * repeatedly drop the point whose triangle with its neighbours has the smallest
 * area on the sphere, while that area is below `minAreaKm2`). Arc end points never
 * move, so shared borders stay shared and neighbours meet without gaps. A closed
 * arc (an island drawn as one arc) keeps its two most significant inner points,
 * so it stays at least a triangle and no island or council vanishes.
 * The result is unquantised (absolute lon/lat).
 */
export function simplifyTopology(topo: Topology, minAreaKm2: number): Topology {
  const pre = presimplify(topo as Topology<Objects>, sphericalTriangleArea);
  for (const arc of pre.arcs as unknown as number[][][]) {
    const first = arc[0]!;
    const last = arc[arc.length - 1]!;
    if (arc.length < 4 || first[0] !== last[0] || first[1] !== last[1]) continue;
    const inner = arc
      .slice(1, -1)
      .map((p, i) => ({ i: i + 1, w: p[2]! }))
      .sort((a, b) => b.w - a.w || a.i - b.i);
    for (const { i } of inner.slice(0, 2)) arc[i]![2] = Number.POSITIVE_INFINITY;
  }
  return simplify(pre, minAreaKm2 / EARTH_RADIUS_KM ** 2);
}

interface TopoProps {
  areacd: string;
  areanm: string;
  start?: number;
  end?: number;
}

export function loadUtlaMap(files: SourceFiles, geography: Geography, opts: GeoOptions = {}): FeatureCollection<AreaGeometry, AreaProps> {
  const id = newestFile(files, 'geo', GEO_ROLES.utla).entry.id;
  // The maps show the councils of the geography's last year (the panel's latest, from the data):
  // those in force on 31 March of that year, i.e. during that calendar year in the ONS topology.
  const LAST_DFE_YEAR = geography.lastYear;
  const MAP_YEAR = geography.lastYear;
  const topo = parseJson(files, id) as Topology;
  const obj = topo.objects?.utla as GeometryCollection<TopoProps> | undefined;
  if (!obj || obj.type !== 'GeometryCollection') {
    throw new DataError(
      { source: id, file: fileOf(files, id).entry.path },
      'no GeometryCollection "utla" in the topology',
      `objects found: ${Object.keys(topo.objects ?? {}).join(', ')}`,
    );
  }
  const inForce = obj.geometries.filter((g) => {
    const p = g.properties as Partial<TopoProps> | undefined;
    if (!p || typeof p.areacd !== 'string') throw new DataError({ source: id, value: JSON.stringify(p) }, 'a utla geometry has no areacd');
    return p.areacd.startsWith('E') && (p.start ?? -Infinity) <= MAP_YEAR && MAP_YEAR <= (p.end ?? Infinity);
  });
  const simplified = simplifyTopology(topo, opts.minAreaKm2 ?? 1);
  const fc = feature(simplified, { type: 'GeometryCollection', geometries: inForce }) as FeatureCollection<AreaGeometry, TopoProps>;
  const digits = opts.digits ?? 3;
  const seen = new Set<string>();
  const features = fc.features.map((f): Feature<AreaGeometry, AreaProps> => {
    const la = geography.resolve({ code: f.properties.areacd, name: f.properties.areanm }, LAST_DFE_YEAR, { source: id, column: 'areacd' });
    if (seen.has(la.code)) throw new DataError({ source: id, value: f.properties.areacd }, `two geometries for ${la.name} (${la.code}) in ${MAP_YEAR}`);
    seen.add(la.code);
    return { type: 'Feature', properties: { code: la.code, name: la.name }, geometry: roundGeometry(f.geometry, digits) };
  });
  const expected = geography
    .lasIn(LAST_DFE_YEAR)
    .map((l) => l.code)
    .filter((c) => !seen.has(c));
  if (expected.length > 0) throw new DataError({ source: id, value: expected.join(', ') }, `no boundary for ${expected.length} current council(s)`);
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  return { type: 'FeatureCollection', features };
}

interface HoclFc {
  type: string;
  features: Array<{ properties: Record<string, unknown>; geometry: AreaGeometry }>;
}

export function loadHoclMaps(files: SourceFiles, geography: Geography): Pick<GeoData, 'hoclUtla' | 'hoclGroups'> {
  const LAST_DFE_YEAR = geography.lastYear;
  const uid = newestFile(files, 'geo', GEO_ROLES.hoclUtla).entry.id;
  const gid = newestFile(files, 'geo', GEO_ROLES.hoclGroups).entry.id;
  const u = parseJson(files, uid) as HoclFc;
  const g = parseJson(files, gid) as HoclFc;
  for (const [id, fc] of [
    [uid, u],
    [gid, g],
  ] as const) {
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new DataError({ source: id }, 'not a GeoJSON FeatureCollection');
  }
  const seen = new Set<string>();
  const hoclUtla: FeatureCollection<AreaGeometry, HexProps> = { type: 'FeatureCollection', features: [] };
  u.features.forEach((f, i) => {
    const code = String(f.properties['cua-code'] ?? '');
    if (!/^[ENSW]\d{8}$/.test(code)) throw new DataError({ source: uid, row: i + 1, column: 'cua-code', value: code }, 'not a GSS code');
    if (!code.startsWith('E')) return;
    const la = geography.resolve({ code, name: String(f.properties['cua-name'] ?? '') }, LAST_DFE_YEAR, { source: uid, row: i + 1, column: 'cua-code' });
    if (seen.has(la.code)) throw new DataError({ source: uid, row: i + 1, value: code }, `duplicate council ${la.code}`);
    seen.add(la.code);
    hoclUtla.features.push({
      type: 'Feature',
      properties: { code: la.code, name: la.name, group: String(f.properties['Group'] ?? '') },
      geometry: roundGeometry(f.geometry, 2),
    });
  });
  const missingCodes = geography.lasIn(LAST_DFE_YEAR).filter((l) => !seen.has(l.code));
  if (missingCodes.length > 0)
    throw new DataError({ source: uid, value: missingCodes.map((l) => l.code).join(', ') }, 'current councils missing from the hex layout');
  const outside = new Set(['Scotland', 'Wales', 'Northern Ireland']);
  const hoclGroups: FeatureCollection<AreaGeometry, { group: string }> = {
    type: 'FeatureCollection',
    features: g.features
      .filter((f) => !outside.has(String(f.properties['RegionNati'] ?? '')))
      .map((f) => ({ type: 'Feature' as const, properties: { group: String(f.properties['Group'] ?? '') }, geometry: roundGeometry(f.geometry, 2) })),
  };
  return { hoclUtla, hoclGroups };
}

export function loadOdiHex(files: SourceFiles, geography: Geography): GeoData['odiHex'] {
  const entry = newestFile(files, 'geo', GEO_ROLES.odiHex).entry;
  const id = entry.id;
  // A HexJSON release lays out the councils in force when it was made: resolve its codes in the
  // year of its release (2020-10 → the councils of 31 March 2020, with Bucks' county code and
  // Northamptonshire and Cumbria still there).
  const layoutYear = Number(releaseKey(entry)?.slice(0, 4));
  if (!Number.isInteger(layoutYear))
    throw new DataError({ source: id, value: entry.release }, 'the release names no year, so the councils of the layout are unknown');
  const raw = parseJson(files, id) as { layout?: unknown; hexes?: Record<string, { n?: unknown; q?: unknown; r?: unknown }> };
  if (typeof raw?.layout !== 'string' || typeof raw.hexes !== 'object' || raw.hexes === null) {
    throw new DataError({ source: id }, 'not a HexJSON file (expected "layout" and "hexes")');
  }
  const hexes: Record<string, OdiHex> = {};
  const cells = new Set<string>();
  for (const [key, h] of Object.entries(raw.hexes)) {
    if (typeof h.q !== 'number' || typeof h.r !== 'number') throw new DataError({ source: id, value: key }, 'hex without numeric q and r');
    const cell = `${h.q},${h.r}`;
    if (cells.has(cell)) throw new DataError({ source: id, value: key }, `two hexes at q,r = ${cell}`);
    cells.add(cell);
    const la = geography.resolve({ code: key }, layoutYear, { source: id, value: key });
    if (hexes[la.code]) throw new DataError({ source: id, value: key }, `two hexes for ${la.code}`);
    hexes[la.code] = { n: la.name, q: h.q, r: h.r, ...(la.status === 'former' ? { former: true, successors: la.successors } : {}) };
  }
  return { layout: raw.layout, hexes };
}

export function loadGeo(files: SourceFiles, geography: Geography = loadGeography(files), opts: GeoOptions = {}): GeoData {
  const sourceIds = {
    utla: newestFile(files, 'geo', GEO_ROLES.utla).entry.id,
    hoclUtla: newestFile(files, 'geo', GEO_ROLES.hoclUtla).entry.id,
    hoclGroups: newestFile(files, 'geo', GEO_ROLES.hoclGroups).entry.id,
    odiHex: newestFile(files, 'geo', GEO_ROLES.odiHex).entry.id,
  };
  return { utla: loadUtlaMap(files, geography, opts), ...loadHoclMaps(files, geography), odiHex: loadOdiHex(files, geography), sourceIds };
}
