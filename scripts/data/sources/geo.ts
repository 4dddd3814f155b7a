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
 *         codes DfE uses for 2025), simplify the shared arcs (Douglas–Peucker, ~700 m, on
 *         the topology, so neighbours still meet without gaps or overlaps),
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
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { SourceFiles } from '../core/acquire.ts';
import { fileOf, newestFile } from '../core/acquire.ts';
import { decodeText } from '../core/csv.ts';
import { DataError } from '../core/errors.ts';
import { releaseKey } from '../core/manifest.ts';
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
  /** Douglas–Peucker tolerance in quantised topology units, about 10 m each (default 70, about 700 m: below a pixel on a national map). */
  tolerance?: number;
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

/** Perpendicular distance of p from segment a–b. */
function distance(p: number[], a: number[], b: number[]): number {
  const [x, y] = p as [number, number];
  const [x1, y1] = a as [number, number];
  const [x2, y2] = b as [number, number];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(x - x1, y - y1);
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function douglasPeucker(points: number[][], tolerance: number): number[][] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [s, e] = stack.pop()!;
    let max = -1;
    let at = -1;
    for (let i = s + 1; i < e; i++) {
      const d = distance(points[i]!, points[s]!, points[e]!);
      if (d > max) {
        max = d;
        at = i;
      }
    }
    if (at >= 0 && max > tolerance) {
      keep[at] = 1;
      stack.push([s, at], [at, e]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplify every arc of a quantised topology (in place on a copy). Arc end
 * points never move, so shared borders stay shared. A closed arc (an island)
 * is split at its farthest point from the start so it keeps at least a triangle.
 */
export function simplifyTopology(topo: Topology, tolerance: number): Topology {
  const quantised = topo.transform !== undefined;
  const arcs = topo.arcs.map((arc) => {
    const abs: number[][] = [];
    let x = 0;
    let y = 0;
    for (const p of arc) {
      if (quantised) {
        x += p[0]!;
        y += p[1]!;
        abs.push([x, y]);
      } else abs.push([p[0]!, p[1]!]);
    }
    const first = abs[0]!;
    const last = abs[abs.length - 1]!;
    let kept: number[][];
    if (abs.length > 3 && first[0] === last[0] && first[1] === last[1]) {
      let far = 1;
      let best = -1;
      abs.forEach((p, i) => {
        const d = Math.hypot(p[0]! - first[0]!, p[1]! - first[1]!);
        if (d > best) {
          best = d;
          far = i;
        }
      });
      const a = douglasPeucker(abs.slice(0, far + 1), tolerance);
      const b = douglasPeucker(abs.slice(far), tolerance);
      kept = [...a, ...b.slice(1)];
      if (kept.length < 4) kept = [abs[0]!, abs[Math.floor(far / 2)]!, abs[far]!, abs[abs.length - 1]!];
    } else kept = douglasPeucker(abs, tolerance);
    if (!quantised) return kept;
    let px = 0;
    let py = 0;
    return kept.map(([ax, ay]) => {
      const d = [ax! - px, ay! - py];
      px = ax!;
      py = ay!;
      return d;
    });
  });
  return { ...topo, arcs } as Topology;
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
  const simplified = simplifyTopology(topo, opts.tolerance ?? 70);
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
