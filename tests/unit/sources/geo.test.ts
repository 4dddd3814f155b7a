import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { loadGeo, loadHoclMaps, loadOdiHex, loadUtlaMap, simplifyTopology } from '../../../scripts/data/sources/geo.ts';
import { loadGeography } from '../../../scripts/data/sources/geography.ts';
import { fixtureFiles } from '../../fixtures/geography/files.ts';
import { type SourceFiles, sha256 } from '../../../scripts/data/core/acquire.ts';

const DIR = join(import.meta.dirname, '../../fixtures/geo');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

function files(over: Record<string, string> = {}) {
  return fixtureFiles({
    'lookup-dfe-las': read('las.csv'),
    'lookup-gias-la-codes': read('gias.csv'),
    'lookup-mysociety-las': read('mysociety.csv'),
    'lookup-ons-changes': read('changes.csv'),
    'lookup-stat-neighbours-2021': read('neighbours.csv'),
    'geo-topojson': read('topo.json'),
    'geo-hocl-utla-2023': read('hocl-utla.geojson'),
    'geo-hocl-group-2023': read('hocl-group.geojson'),
    'geo-hex-odi-utla': read('odi.hexjson'),
    ...over,
  });
}
const geography = (f = files()) => loadGeography(f, { minRows: { dfe: 1, gias: 0, mysociety: 0, changes: 1, neighbours: 0 }, reorganisations: [] });
const OPTS = { minAreaKm2: 1, digits: 3 };

describe('ONS topology → current councils', () => {
  it('keeps English councils in force in 2025 and maps ONS 2025 recodes to the DfE codes', () => {
    const f = files();
    const fc = loadUtlaMap(f, geography(f), OPTS);
    expect(fc.features.map((x) => x.properties)).toEqual([
      { code: 'E06000009', name: 'Blackpool' },
      { code: 'E08000016', name: 'Barnsley' },
      { code: 'E08000019', name: 'Sheffield' },
    ]);
  });

  it('simplifies shared arcs so neighbours still meet, and rounds coordinates', () => {
    const f = files();
    const fc = loadUtlaMap(f, geography(f), OPTS);
    const barnsley = fc.features.find((x) => x.properties.code === 'E08000016')!.geometry;
    // The point (-1.5, 53.5) on the shared edge (a triangle of well under 1 km² with its neighbours) is gone; the corners stay.
    expect(JSON.stringify(barnsley)).not.toContain('-1.5,53.5');
    const ring = (barnsley.type === 'Polygon' ? barnsley.coordinates[0] : barnsley.coordinates[0]![0])!;
    expect(ring).toContainEqual([-1.4, 53.6]);
    const sheffield = fc.features.find((x) => x.properties.code === 'E08000019')!.geometry;
    const sRing = (sheffield.type === 'Polygon' ? sheffield.coordinates[0] : sheffield.coordinates[0]![0])!;
    expect(sRing).toContainEqual([-1.6, 53.5]);
    expect(sRing).toContainEqual([-1.4, 53.5]);
  });

  it('keeps at least a triangle of a closed island arc', () => {
    const topo = JSON.parse(read('topo.json')) as Topology;
    const s = simplifyTopology(topo, 1e6); // a threshold that would remove every inner point
    expect(s.arcs[3]!.length).toBe(4);
    expect(s.arcs[0]).toEqual([
      [-1.6, 53.5],
      [-1.4, 53.5],
    ]);
  });

  it('drops a point whose triangle on the sphere is smaller than the threshold in km², and keeps it otherwise', () => {
    // Reference: the spherical excess of (0,0), (0.01,0.01), (0.02,0) by L'Huilier's theorem, R = 6371.0088 km,
    // is 1.2364 km² (python3, math only).
    const arc = [
      [0, 0],
      [0.01, 0.01],
      [0.02, 0],
    ];
    const topo = { type: 'Topology', objects: {}, arcs: [arc] } as unknown as Topology;
    expect(simplifyTopology(topo, 1.23).arcs[0]).toEqual(arc);
    expect(simplifyTopology(topo, 1.24).arcs[0]).toEqual([arc[0], arc[2]]);
  });

  it('decodes quantised (delta-encoded) arcs; the result is in absolute coordinates', () => {
    const topo = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [0, 0] },
      objects: {},
      arcs: [
        [
          [0, 0],
          [1, 0],
          [1, 0],
          [0, 5],
        ],
      ],
    } as unknown as Topology;
    const s = simplifyTopology(topo, 0.5);
    expect(s.transform).toBeUndefined();
    expect(s.arcs[0]).toEqual([
      [0, 0],
      [2, 0],
      [2, 5],
    ]);
  });

  it('fails when a current council has no boundary, and on a malformed topology', () => {
    const topo = read('topo.json').replace('"areacd": "E06000009"', '"areacd": "W06000009"');
    const f = files({ 'geo-topojson': topo });
    expect(() => loadUtlaMap(f, geography(f), OPTS)).toThrow(/no boundary for 1 current council/);
    const f2 = files({ 'geo-topojson': read('topo.json').replace('"utla"', '"ctyua"') });
    expect(() => loadUtlaMap(f2, geography(f2), OPTS)).toThrow(/no GeometryCollection "utla"/);
    const f3 = files({ 'geo-topojson': read('topo.json').slice(0, 300) });
    expect(() => loadUtlaMap(f3, geography(f3), OPTS)).toThrow(/not valid JSON/);
  });

  it('fails on a duplicated council', () => {
    const topo = read('topo.json').replace('"areacd": "E08000039"', '"areacd": "E08000038"');
    const f = files({ 'geo-topojson': topo });
    expect(() => loadUtlaMap(f, geography(f), OPTS)).toThrow(/two geometries for Barnsley/);
  });
});

describe('hex layouts', () => {
  it('keeps English HoCL hexes and groups, with canonical codes, rounded to 2 dp', () => {
    const f = files();
    const { hoclUtla, hoclGroups } = loadHoclMaps(f, geography(f));
    expect(hoclUtla.features.map((x) => x.properties.code).sort()).toEqual(['E06000009', 'E08000016', 'E08000019']);
    expect(hoclUtla.features[0]!.properties).toEqual({ code: 'E08000016', name: 'Barnsley', group: 'South Yorkshire' });
    expect(JSON.stringify(hoclUtla.features[0]!.geometry)).toContain('[37.79,5.22]');
    expect(hoclGroups.features.map((x) => x.properties.group)).toEqual(['South Yorkshire']);
  });

  it('fails on a bad HoCL code and on a missing council', () => {
    const bad = files({ 'geo-hocl-utla-2023': read('hocl-utla.geojson').replace('"cua-code":"E06000009"', '"cua-code":"E6000009"') });
    expect(() => loadHoclMaps(bad, geography(bad))).toThrow(/row 3, column "cua-code", value "E6000009": not a GSS code/);
    const gone = files({ 'geo-hocl-utla-2023': read('hocl-utla.geojson').replace('"cua-code":"E06000009"', '"cua-code":"S12000009"') });
    expect(() => loadHoclMaps(gone, geography(gone))).toThrow(/current councils missing from the hex layout/);
  });

  it('maps the ODI hexes to canonical codes and rejects two hexes in one cell', () => {
    const f = files();
    expect(loadOdiHex(f, geography(f))).toEqual({
      layout: 'odd-r',
      hexes: { E08000016: { n: 'Barnsley', q: 10, r: 20 }, E08000019: { n: 'Sheffield', q: 10, r: 19 }, E06000009: { n: 'Blackpool', q: 6, r: 24 } },
    });
    const clash = files({ 'geo-hex-odi-utla': read('odi.hexjson').replace('"q":10,"r":19', '"q":10,"r":20') });
    expect(() => loadOdiHex(clash, geography(clash))).toThrow(/two hexes at q,r = 10,20/);
  });

  it('loadGeo bundles all layers', () => {
    const f = files();
    const g = loadGeo(f, geography(f), OPTS);
    expect(Object.keys(g)).toEqual(['utla', 'hoclUtla', 'hoclGroups', 'odiHex', 'sourceIds']);
    expect(g.sourceIds).toEqual({ utla: 'geo-topojson', hoclUtla: 'geo-hocl-utla-2023', hoclGroups: 'geo-hocl-group-2023', odiHex: 'geo-hex-odi-utla' });
  });
});

describe('a new release of a map layer is one manifest entry', () => {
  /** A copy of an entry as a new release (new id and release, same family and role) with its own bytes. */
  function withRelease(f: SourceFiles, from: string, id: string, release: string, text: string): SourceFiles {
    const old = f.get(from)!;
    const bytes = new TextEncoder().encode(text);
    return new Map([...f, [id, { ...old, entry: { ...old.entry, id, release, sha256: sha256(bytes) }, bytes, sha256: sha256(bytes) }]]);
  }

  it('the newest release of role hex-utla is used, whatever the order of the entries, and older layers stay unused', () => {
    const base = files({ 'geo-hocl-utla-2019': read('hocl-utla.geojson').replaceAll('"Barnsley"', '"Barnsley (2019 layout)"') });
    const newer = withRelease(
      base,
      'geo-hocl-utla-2023',
      'geo-hocl-utla-2025',
      '2025',
      read('hocl-utla.geojson').replace('[38,6],[38.3,6]', '[48,6],[48.3,6]'),
    );
    const g = loadGeo(newer, geography(newer), OPTS);
    expect(g.sourceIds.hoclUtla).toBe('geo-hocl-utla-2025');
    const sheffield = g.hoclUtla.features.find((x) => x.properties.code === 'E08000019')!;
    expect(JSON.stringify(sheffield.geometry)).toContain('[48,6]');
    // without the new entry the 2023 layer (newer than 2019) is used
    expect(loadGeo(base, geography(base), OPTS).sourceIds.hoclUtla).toBe('geo-hocl-utla-2023');
  });

  it('two entries of one role and release are refused, naming both', () => {
    const twice = withRelease(files(), 'geo-hocl-utla-2023', 'geo-hocl-utla-2023b', '2023', read('hocl-utla.geojson'));
    expect(() => loadHoclMaps(twice, geography(twice))).toThrow(
      /geo-hocl-utla-2023b? and geo-hocl-utla-2023b? are both the newest release of role "hex-utla" \(2023-00-00\)/,
    );
  });
});
