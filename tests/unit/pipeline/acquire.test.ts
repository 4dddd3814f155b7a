import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireAll, acquireOne, fileOf, sha256 } from '../../../scripts/data/core/acquire.ts';
import { DataError } from '../../../scripts/data/core/errors.ts';
import type { SourceEntry } from '../../../contract/manifest.ts';

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
    expect(err).toBeInstanceOf(DataError);
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
    expect(err).toBeInstanceOf(DataError);
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
