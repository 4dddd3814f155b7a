/**
 * DATA_DOWNLOAD=1 from an empty mirror and cache: every entry of data/sources.json is
 * fetched from its downloadUrl — here sent to a local server on 127.0.0.1 through
 * DATA_DOWNLOAD_BASE, which serves the raw mirror's files at the addresses the
 * manifest names — and verified against its pinned sha256.
 *
 * The converted entries (House of Commons Library layers) are served as a GeoPackage
 * written from the mirror's GeoJSON layers (tests/fixtures/gpkg/write-gpkg.ts), so
 * their downloadSha256 is that file's, set in this test's copy of the manifest; the
 * converted layers must still match the manifest's own sha256 pins byte for byte.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireAll, downloadAddress, httpFetchBytes, sha256 } from '../../scripts/data/core/acquire.ts';
import type { Manifest } from '../../contract/manifest.ts';
import { loadManifest } from '../../scripts/data/core/manifest.ts';
import { writeGpkg } from '../fixtures/gpkg/write-gpkg.ts';
import { RAW_DIR } from '../fixtures/geography/files.ts';
import { serveFiles, type FileServer } from '../unit/pipeline/file-server.ts';

let dir: string;
let server: FileServer;
let manifest: Manifest;
const served = new Map<string, Uint8Array>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'download-all-'));
  const real = await loadManifest(join(import.meta.dirname, '../../data/sources.json'));
  server = await serveFiles((p) => served.get(p));
  const path = (url: string) => decodeURIComponent(new URL(downloadAddress(url, server.url)).pathname);
  const layers = new Map<string, Array<{ name: string; features: never[] }>>();
  for (const s of real.sources) {
    const bytes = new Uint8Array(await readFile(join(RAW_DIR, s.path)));
    if (!s.convert) served.set(path(s.downloadUrl!), bytes);
    else layers.set(s.downloadUrl!, [...(layers.get(s.downloadUrl!) ?? []), JSON.parse(new TextDecoder().decode(bytes))]);
  }
  const gpkgSha = new Map<string, string>();
  for (const [url, fcs] of layers) {
    const gpkg = await writeGpkg(fcs);
    served.set(path(url), gpkg);
    gpkgSha.set(url, sha256(gpkg));
  }
  manifest = { ...real, sources: real.sources.map((s) => (s.convert ? { ...s, downloadSha256: gpkgSha.get(s.downloadUrl!)! } : s)) };
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('every source downloadable from an empty cache', () => {
  it('fetches each downloadUrl once, verifies every pin and converts the GeoPackage layers to the mirror bytes', async () => {
    const log: string[] = [];
    const files = await acquireAll(manifest, {
      rawDir: join(dir, 'empty-raw'),
      cacheDir: join(dir, 'cache'),
      update: false,
      fetchBytes: (u) => httpFetchBytes(u, 60_000),
      downloadBase: server.url,
      log: (m) => log.push(m),
    });
    expect(files.size).toBe(manifest.sources.length);
    expect([...files.values()].filter((f) => f.from !== 'download' || f.changed).map((f) => f.entry.id)).toEqual([]);
    const urls = new Set(manifest.sources.map((s) => s.downloadUrl));
    expect(server.requests.length).toBe(urls.size);
    const converted = [...files.values()].filter((f) => f.entry.convert);
    expect(converted.map((f) => f.entry.id).sort()).toEqual([
      'geo-hocl-group-2023',
      'geo-hocl-group-labels',
      'geo-hocl-utla-2019',
      'geo-hocl-utla-2021',
      'geo-hocl-utla-2023',
    ]);
    for (const f of converted) expect(f.sha256, f.entry.id).toBe(f.entry.sha256);
  });
});
