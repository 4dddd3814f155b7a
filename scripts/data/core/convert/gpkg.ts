/**
 * One layer of a GeoPackage → a GeoJSON FeatureCollection (as bytes).
 *
 * A GeoPackage is an SQLite database: `gpkg_contents` lists its layers,
 * `gpkg_geometry_columns` names each layer's geometry column, and each layer is
 * a table with one row per feature. The layer's other columns become the
 * feature's properties, unchanged and in the table's column order; the
 * geometry is decoded (wkb.ts) and its coordinates rounded to `precision`
 * decimal places; nothing is reprojected. Features keep the table's row order
 * (its primary key).
 *
 * The output is compact JSON (no spaces), `{"type":"FeatureCollection",
 * "name":<layer>, ["metadata":<note>,] "features":[…]}` — the form of the
 * House of Commons Library conversions in the raw mirror, so a download
 * converts to the same bytes and the same pinned checksum.
 *
 * SQLite is Node's built-in `node:sqlite` (no flag needed from Node 22.13; it
 * prints one "experimental" warning per process).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { decodeGpkgGeometry, GeometryDecodeError } from './wkb.ts';

export interface GpkgConversion {
  from: 'gpkg';
  /** The layer (gpkg_contents.table_name) to convert. */
  layer: string;
  /** Decimal places kept in coordinates. */
  precision: number;
  /** A note written as the collection's "metadata" member (optional). */
  metadata?: string;
}

/** Something wrong with the GeoPackage itself: the caller adds the source id and file. */
export class ConversionError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
  }
}

type SqliteModule = typeof import('node:sqlite');
let sqlite: SqliteModule | undefined;
/** node:sqlite, without its one-off "experimental" warning. */
export async function loadSqlite(): Promise<SqliteModule> {
  if (!sqlite) {
    // node:sqlite warns once that it is experimental; that warning is not news to a reader of the log.
    const emit = process.emitWarning;
    process.emitWarning = ((w: string | Error, ...rest: unknown[]) => {
      if (String(typeof w === 'string' ? w : w.message).includes('SQLite is an experimental feature')) return;
      return (emit as (...a: unknown[]) => void).call(process, w, ...rest);
    }) as typeof process.emitWarning;
    try {
      sqlite = await import('node:sqlite');
    } finally {
      process.emitWarning = emit;
    }
  }
  return sqlite;
}

/** Round half away from zero on the decimal value of the double (as Python's round() for every value that is not an exact tie). */
export function roundCoordinate(x: number, precision: number): number {
  const r = Number(x.toFixed(precision));
  return Object.is(r, -0) ? 0 : r;
}

function roundPositions(g: Geometry, precision: number): Geometry {
  const p = (c: Position): Position => c.map((v) => roundCoordinate(v, precision));
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: g.coordinates.length ? p(g.coordinates) : [] };
    case 'LineString':
    case 'MultiPoint':
      return { type: g.type, coordinates: g.coordinates.map(p) } as Geometry;
    case 'Polygon':
    case 'MultiLineString':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(p)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(p))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => roundPositions(x, precision)) };
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The layers (feature tables) a GeoPackage holds, in gpkg_contents order. */
export async function gpkgLayers(bytes: Uint8Array): Promise<string[]> {
  return withDatabase(bytes, (db) =>
    (db.prepare(`SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid`).all() as Array<{ table_name: string }>).map(
      (r) => r.table_name,
    ),
  );
}

async function withDatabase<T>(bytes: Uint8Array, fn: (db: InstanceType<SqliteModule['DatabaseSync']>) => T): Promise<T> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (head !== 'SQLite format 3\0') throw new ConversionError('the file is not a GeoPackage (it is not an SQLite database)');
  const { DatabaseSync } = await loadSqlite();
  const dir = await mkdtemp(join(tmpdir(), 'gpkg-'));
  try {
    const path = join(dir, 'layer.gpkg');
    await writeFile(path, bytes);
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Convert one layer of a GeoPackage to GeoJSON bytes (UTF-8, compact). */
export async function convertGpkgLayer(bytes: Uint8Array, conv: GpkgConversion): Promise<Uint8Array> {
  const text = await withDatabase(bytes, (db) => {
    let layers: string[];
    try {
      layers = (db.prepare(`SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid`).all() as Array<{ table_name: string }>).map(
        (r) => r.table_name,
      );
    } catch (e) {
      throw new ConversionError(`the file has no readable gpkg_contents table (${(e as Error).message}): it is not a GeoPackage`);
    }
    if (!layers.includes(conv.layer)) {
      throw new ConversionError(`the GeoPackage has no feature layer "${conv.layer}"; its layers are: ${layers.map((l) => `"${l}"`).join(', ') || 'none'}`);
    }
    const geomRow = db.prepare('SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?').get(conv.layer) as { column_name: string } | undefined;
    if (!geomRow) throw new ConversionError(`layer "${conv.layer}" has no entry in gpkg_geometry_columns`);
    const geomColumn = geomRow.column_name;
    const columns = (db.prepare(`PRAGMA table_info(${quote(conv.layer)})`).all() as Array<{ name: string; pk: number }>).map((c) => c.name);
    const pk = (db.prepare(`PRAGMA table_info(${quote(conv.layer)})`).all() as Array<{ name: string; pk: number }>).find((c) => c.pk === 1)?.name;
    const rows = db.prepare(`SELECT * FROM ${quote(conv.layer)} ORDER BY ${pk ? quote(pk) : 'rowid'}`).all() as Array<Record<string, unknown>>;
    const features = rows.map((row, i) => {
      const properties: Record<string, unknown> = {};
      for (const c of columns) {
        if (c === geomColumn) continue;
        const v = row[c];
        if (v instanceof Uint8Array) throw new ConversionError(`a binary value in attribute column "${c}", which GeoJSON cannot hold`, i + 1, c);
        properties[c] = typeof v === 'bigint' ? Number(v) : v;
      }
      const blob = row[geomColumn];
      let geometry: Geometry | null = null;
      if (blob !== null && blob !== undefined) {
        if (!(blob instanceof Uint8Array)) throw new ConversionError(`the geometry is not a blob (${typeof blob})`, i + 1, geomColumn);
        try {
          const g = decodeGpkgGeometry(blob).geometry;
          geometry = g && roundPositions(g, conv.precision);
        } catch (e) {
          if (e instanceof GeometryDecodeError) throw new ConversionError(e.message, i + 1, geomColumn);
          throw e;
        }
      }
      return { type: 'Feature', properties, geometry };
    });
    const fc = { type: 'FeatureCollection', name: conv.layer, ...(conv.metadata !== undefined ? { metadata: conv.metadata } : {}), features };
    return JSON.stringify(fc);
  });
  return new TextEncoder().encode(text);
}
