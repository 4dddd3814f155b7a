import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireAll,
  acquireOne,
  downloadAddress,
  fileOf,
  httpFetchBytes,
  newPins,
  SourceUnavailableError,
  sha256,
} from '../../../scripts/data/core/acquire.ts';
import { DataError } from '../../../scripts/data/core/errors.ts';
import type { SourceEntry } from '../../../contract/manifest.ts';
import { refusedUrl, serveFiles } from './file-server.ts';

let dir: string;
let rawDir: string;
let cacheDir: string;
const bytes = new TextEncoder().encode('a,b\n1,2\n');
const entry = (o: Partial<SourceEntry> = {}): SourceEntry => ({
  id: 'test-src',
  family: 'cla',
  title: 'A test source',
  publisher: 'DfE',
  landingUrl: 'https://example.org/',
  downloadUrl: 'https://example.org/file.csv',
  licence: 'OGL-3.0',
  release: '2025',
  path: 'dfe/test/file.csv',
  sha256: sha256(bytes),
  bytes: bytes.length,
  ...o,
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acquire-'));
  rawDir = join(dir, 'raw');
  cacheDir = join(dir, 'cache');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function putRaw(content: Uint8Array, path = 'dfe/test/file.csv') {
  await mkdir(join(rawDir, path, '..'), { recursive: true });
  await writeFile(join(rawDir, path), content);
}

describe('acquire', () => {
  it('reads from the mirror, verifies the checksum and copies the file into the cache', async () => {
    await putRaw(bytes);
    const f = await acquireOne(entry(), { rawDir, cacheDir, update: false });
    expect(f.from).toBe('mirror');
    expect(f.changed).toBe(false);
    expect(new TextDecoder().decode(f.bytes)).toBe('a,b\n1,2\n');
    expect(new Uint8Array(await readFile(join(cacheDir, 'raw', 'dfe/test/file.csv')))).toEqual(bytes);
  });

  it('falls back to the cache when the mirror lacks the file, but only if the cached bytes match the pin', async () => {
    await putRaw(bytes);
    await acquireOne(entry(), { rawDir, cacheDir, update: false });
    await rm(rawDir, { recursive: true });
    const f = await acquireOne(entry(), { rawDir, cacheDir, update: false });
    expect(f.from).toBe('cache');
    // a cached copy that does not match the pin is not used
    await writeFile(join(cacheDir, 'raw', 'dfe/test/file.csv'), 'tampered');
    await expect(acquireOne(entry(), { rawDir, cacheDir, update: false })).rejects.toThrow(/not in the raw mirror .* nor in the cache/);
  });

  it('downloads through the injected fetch when neither mirror nor cache has the file', async () => {
    const urls: string[] = [];
    const f = await acquireOne(entry(), { rawDir, cacheDir, update: false, fetchBytes: async (u) => (urls.push(u), bytes) });
    expect(f.from).toBe('download');
    expect(urls).toEqual(['https://example.org/file.csv']);
  });

  it('a missing file names the source and file and says how to get it', async () => {
    const err = await acquireOne(entry(), { rawDir, cacheDir, update: false }).catch((e) => e);
    // Not bad input: the data were never read.
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect(err.message).toContain('source test-src, file dfe/test/file.csv: the file is not in the raw mirror');
    expect(err.message).toContain('https://example.org/file.csv');
  });

  it('refuses a checksum mismatch, naming source, file, both checksums and sizes', async () => {
    const other = new TextEncoder().encode('a,b\n1,3\n');
    await putRaw(other);
    const err = await acquireOne(entry(), { rawDir, cacheDir, update: false }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toContain('source test-src, file dfe/test/file.csv: checksum mismatch');
    expect(err.message).toContain(sha256(bytes).slice(0, 16));
    expect(err.message).toContain(sha256(other).slice(0, 16));
    expect(err.message).toContain('(8 bytes, manifest says 8)');
    expect(err.message).toContain('DATA_UPDATE=1');
  });

  it('update mode accepts the changed file and flags it as changed', async () => {
    const other = new TextEncoder().encode('a,b\n1,3\n');
    await putRaw(other);
    const f = await acquireOne(entry(), { rawDir, cacheDir, update: true });
    expect(f.changed).toBe(true);
    expect(f.sha256).toBe(sha256(other));
    expect(new Uint8Array(await readFile(join(cacheDir, 'raw', 'dfe/test/file.csv')))).toEqual(other);
  });

  it('acquireAll keeps manifest ids, honours `only`, and fileOf names an unknown id', async () => {
    await putRaw(bytes);
    const manifest = { sources: [entry(), entry({ id: 'other-src', path: 'dfe/test/other.csv' })] };
    const files = await acquireAll(manifest, { rawDir, cacheDir, update: false, only: new Set(['test-src']) });
    expect([...files.keys()]).toEqual(['test-src']);
    expect(fileOf(files, 'test-src').entry.path).toBe('dfe/test/file.csv');
    expect(() => fileOf(files, 'other-src')).toThrow(/source "other-src" is not in data\/sources.json/);
  });
});

describe('downloads (DATA_DOWNLOAD=1) and new entries', () => {
  const opts = () => ({ rawDir, cacheDir, update: false });

  it('an empty mirror and cache: the file is fetched from its downloadUrl, verified and cached', async () => {
    const asked: string[] = [];
    const f = await acquireOne(entry(), { ...opts(), fetchBytes: async (url) => (asked.push(url), bytes) });
    expect(asked).toEqual(['https://example.org/file.csv']);
    expect(f).toMatchObject({ from: 'download', changed: false, sha256: sha256(bytes) });
    expect(new Uint8Array(await readFile(join(cacheDir, 'raw', 'dfe/test/file.csv')))).toEqual(bytes);
  });

  it('a download that fails is an error naming the source and the address, not bad input', async () => {
    const err = await acquireOne(entry(), {
      ...opts(),
      fetchBytes: async () => Promise.reject(new Error('https://example.org/file.csv answered 404 Not Found')),
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect((err as Error).message).toContain(
      'source test-src, file dfe/test/file.csv: the file could not be downloaded from https://example.org/file.csv: https://example.org/file.csv answered 404 Not Found',
    );
    expect((err as Error).message).toContain('not a problem in the data');
  });

  it('a download that returns a web page is named as such', async () => {
    const page = new TextEncoder().encode('\n  <!doctype html><html><head><title>Page not found</title></head></html>');
    await expect(acquireOne(entry(), { ...opts(), fetchBytes: async () => page })).rejects.toThrow(
      'source test-src, file dfe/test/file.csv: the download returned a web page, not data (https://example.org/file.csv)',
    );
  });

  it('a web page saved in the mirror in place of the file is refused too (with a BOM, in any case)', async () => {
    await putRaw(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<HTML><body>Sign in</body></HTML>')]));
    await expect(acquireOne(entry(), opts())).rejects.toThrow('the file is a web page, not data');
  });

  it('a new entry (empty sha256) is refused by a plain run and accepted, as changed, in update mode', async () => {
    await putRaw(bytes);
    const fresh = entry({ sha256: '', bytes: undefined });
    await expect(acquireOne(fresh, opts())).rejects.toThrow('this entry has no pinned checksum yet (a new release)');
    await expect(acquireOne(fresh, { ...opts(), update: true })).resolves.toMatchObject({ changed: true, sha256: sha256(bytes) });
  });

  it('one failing file does not leave the others half-written: acquireAll waits for every copy', async () => {
    await putRaw(bytes);
    const manifest = { sources: [entry(), entry({ id: 'missing-src', path: 'dfe/test/none.csv', downloadUrl: undefined })] };
    await expect(acquireAll(manifest, opts())).rejects.toThrow('source missing-src');
    expect(new Uint8Array(await readFile(join(cacheDir, 'raw', 'dfe/test/file.csv')))).toEqual(bytes);
  });
});

describe('downloads from a local server (127.0.0.1)', () => {
  const opts = () => ({ rawDir, cacheDir, update: false, fetchBytes: (u: string) => httpFetchBytes(u, 10_000) });

  it('DATA_DOWNLOAD_BASE sends https://host/path to <base>/host/path', () => {
    expect(downloadAddress('https://raw.githubusercontent.com/a/b/c.csv?x=1', 'http://127.0.0.1:9/')).toBe(
      'http://127.0.0.1:9/raw.githubusercontent.com/a/b/c.csv?x=1',
    );
    expect(downloadAddress('https://example.org/f.csv')).toBe('https://example.org/f.csv');
  });

  it('fetches the file through the base, verifies and caches it', async () => {
    const server = await serveFiles((p) => (p === '/example.org/file.csv' ? bytes : undefined));
    try {
      const f = await acquireOne(entry(), { ...opts(), downloadBase: server.url });
      expect(f).toMatchObject({ from: 'download', changed: false });
      expect(server.requests).toEqual(['/example.org/file.csv']);
    } finally {
      await server.close();
    }
  });

  it('an HTTP 404 names the source, the address and what to do, and is not bad input', async () => {
    const server = await serveFiles(() => undefined);
    try {
      const err = await acquireOne(entry(), { ...opts(), downloadBase: server.url }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SourceUnavailableError);
      expect((err as Error).message).toContain(
        `source test-src, file dfe/test/file.csv: the file could not be downloaded from ${server.url}/example.org/file.csv: the server answered HTTP 404 Not Found`,
      );
      expect((err as Error).message).toContain('check the downloadUrl of this entry in data/sources.json');
      expect((err as Error).message).toContain('https://example.org/');
    } finally {
      await server.close();
    }
  });

  it('a refused connection names the source, the address and the network error', async () => {
    const base = await refusedUrl();
    const err = await acquireOne(entry(), { ...opts(), downloadBase: base }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect((err as Error).message).toContain(
      `source test-src, file dfe/test/file.csv: the file could not be downloaded from ${base}/example.org/file.csv: no answer from the server (ECONNREFUSED)`,
    );
  });
});

describe('converted sources: a GeoPackage layer downloaded and converted to GeoJSON', () => {
  const FIX = join(import.meta.dirname, '../../fixtures/gpkg');
  let gpkg: Uint8Array;
  let geojson: Uint8Array;
  beforeEach(async () => {
    gpkg = new Uint8Array(await readFile(join(FIX, 'tiny.gpkg')));
    geojson = new Uint8Array(await readFile(join(FIX, 'expected.1-Group-labels.geojson')));
  });
  const hex = (o: Partial<SourceEntry> = {}): SourceEntry =>
    entry({
      id: 'geo-test-labels',
      family: 'geo',
      path: 'geo/test.Group-labels.geojson',
      downloadUrl: 'https://example.org/maps/tiny.gpkg',
      convert: { from: 'gpkg', layer: '1 Group labels', precision: 4, metadata: 'A test note written into the collection.' },
      sha256: sha256(geojson),
      bytes: geojson.length,
      downloadSha256: sha256(gpkg),
      downloadBytes: gpkg.length,
      ...o,
    });

  it('downloads the GeoPackage once for several layers, checks its pin, converts each layer and checks the result against sha256', async () => {
    const server = await serveFiles((p) => (p === '/example.org/maps/tiny.gpkg' ? gpkg : undefined));
    try {
      const utla = new Uint8Array(await readFile(join(FIX, 'expected.7-UTLA-2023.geojson')));
      const manifest = {
        sources: [
          hex(),
          hex({
            id: 'geo-test-utla',
            path: 'geo/test.UTLA.geojson',
            convert: { ...hex().convert!, layer: 'Test cartogram — 7 UTLA-2023' },
            sha256: sha256(utla),
          }),
        ],
      };
      const files = await acquireAll(manifest, { rawDir, cacheDir, update: false, fetchBytes: (u) => httpFetchBytes(u, 10_000), downloadBase: server.url });
      expect(server.requests).toEqual(['/example.org/maps/tiny.gpkg']);
      expect(files.get('geo-test-labels')).toMatchObject({
        from: 'download',
        changed: false,
        download: { sha256: sha256(gpkg), bytes: gpkg.length, changed: false },
      });
      expect(files.get('geo-test-labels')!.bytes).toEqual(geojson);
      expect(files.get('geo-test-utla')!.bytes).toEqual(utla);
      // the converted file is what the cache keeps: the next run needs no download
      expect(new Uint8Array(await readFile(join(cacheDir, 'raw', 'geo/test.Group-labels.geojson')))).toEqual(geojson);
      await expect(acquireOne(hex(), { rawDir, cacheDir, update: false })).resolves.toMatchObject({ from: 'cache' });
    } finally {
      await server.close();
    }
  });

  it('a GeoPackage that differs from downloadSha256 is refused before conversion, unless in update mode', async () => {
    const fetchBytes = async () => gpkg;
    const other = hex({ downloadSha256: '0'.repeat(64) });
    await expect(acquireOne(other, { ...{ rawDir, cacheDir, update: false }, fetchBytes })).rejects.toThrow(
      `source geo-test-labels, file https://example.org/maps/tiny.gpkg: checksum mismatch of the download: the manifest pins downloadSha256 0000000000000000… but https://example.org/maps/tiny.gpkg gave ${sha256(gpkg).slice(0, 16)}…`,
    );
    await expect(acquireOne(other, { rawDir, cacheDir, update: true, fetchBytes })).resolves.toMatchObject({ changed: false, download: { changed: true } });
  });

  it('a new entry (every pin empty) is accepted in update mode, and all four pins are what update mode records', async () => {
    const fresh = hex({ sha256: '', bytes: undefined, downloadSha256: '', downloadBytes: undefined });
    await expect(acquireOne(fresh, { rawDir, cacheDir, update: false, fetchBytes: async () => gpkg })).rejects.toThrow(
      'the downloaded file has no pinned checksum yet (downloadSha256 is empty)',
    );
    const f = await acquireOne(fresh, { rawDir, cacheDir, update: true, fetchBytes: async () => gpkg });
    expect(newPins(f)).toEqual({ sha256: sha256(geojson), bytes: geojson.length, downloadSha256: sha256(gpkg), downloadBytes: gpkg.length });
    // an unchanged file records nothing
    expect(newPins(await acquireOne(hex(), { rawDir, cacheDir, update: true }))).toBeUndefined();
  });

  it('a layer the GeoPackage lacks is an error naming the source, the layer and the layers there are', async () => {
    const err = await acquireOne(hex({ convert: { ...hex().convert!, layer: '1 Group labels 2024' } }), {
      rawDir,
      cacheDir,
      update: false,
      fetchBytes: async () => gpkg,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toContain(
      'source geo-test-labels, file https://example.org/maps/tiny.gpkg: the download could not be converted (gpkg, layer "1 Group labels 2024"): the GeoPackage has no feature layer "1 Group labels 2024"; its layers are: "Test cartogram — 7 UTLA-2023", "1 Group labels", "3 Mixed"',
    );
  });

  it('the mirror copy (the converted file) is used as it is, without downloading', async () => {
    await putRaw(geojson, 'geo/test.Group-labels.geojson');
    const f = await acquireOne(hex(), { rawDir, cacheDir, update: false, fetchBytes: async () => Promise.reject(new Error('no network')) });
    expect(f.from).toBe('mirror');
  });
});
