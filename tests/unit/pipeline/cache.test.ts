import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, codeVersion, ParseCache } from '../../../scripts/data/cache.ts';
import { configFromEnv } from '../../../scripts/data/config.ts';
import type { SourceEntry } from '../../../contract/manifest.ts';
import type { AcquiredFile } from '../../../scripts/data/core/acquire.ts';
import { keyOf } from '../../../scripts/data/families.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parse cache', () => {
  it('the key changes with any checksum or with the code version, and not with nothing', () => {
    const base = cacheKey(['code1', 'cla-a:aaa', 'cla-b:bbb']);
    expect(cacheKey(['code1', 'cla-a:aaa', 'cla-b:bbb'])).toBe(base);
    expect(cacheKey(['code1', 'cla-a:aaa', 'cla-b:bbc'])).not.toBe(base);
    expect(cacheKey(['code2', 'cla-a:aaa', 'cla-b:bbb'])).not.toBe(base);
  });

  it("a task's key changes when an entry's role, sheet or release is edited (readers choose files by them), not with another family", () => {
    const entry = { id: 'mhclg-rsx-2024-25', family: 'spend', release: '2024-25', role: 'revenue-outturn-rsx', path: 'x.ods', sha256: 'aaa' } as SourceEntry;
    const files = (e: Partial<SourceEntry>, other: Partial<SourceEntry> = {}) =>
      new Map<string, AcquiredFile>([
        ['a', { entry: { ...entry, ...e }, bytes: new Uint8Array(), sha256: 'aaa', changed: false, from: 'mirror' }],
        ['b', { entry: { ...entry, id: 'cla-x', family: 'cla', ...other }, bytes: new Uint8Array(), sha256: 'bbb', changed: false, from: 'mirror' }],
      ]);
    const base = keyOf(files({}), ['spend'], 'code1');
    expect(keyOf(files({}), ['spend'], 'code1')).toBe(base);
    expect(keyOf(files({ sheet: 'RSX_LA_Data_202425' }), ['spend'], 'code1')).not.toBe(base);
    expect(keyOf(files({ role: undefined }), ['spend'], 'code1')).not.toBe(base);
    expect(keyOf(files({ release: '2025-26' }), ['spend'], 'code1')).not.toBe(base);
    expect(keyOf(files({}, { release: '2026' }), ['spend'], 'code1')).toBe(base);
  });

  it('codeVersion changes when any .ts file under the folder changes, ignores other files', async () => {
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'a.ts'), 'export const a = 1;');
    await writeFile(join(dir, 'sub', 'b.ts'), 'export const b = 1;');
    const v1 = await codeVersion(dir);
    await writeFile(join(dir, 'notes.md'), 'hello');
    expect(await codeVersion(dir)).toBe(v1);
    await writeFile(join(dir, 'sub', 'b.ts'), 'export const b = 2;');
    const v2 = await codeVersion(dir);
    expect(v2).not.toBe(v1);
    // renaming a file with the same content also changes it (paths are hashed)
    await rm(join(dir, 'sub', 'b.ts'));
    await writeFile(join(dir, 'sub', 'c.ts'), 'export const b = 2;');
    expect(await codeVersion(dir)).not.toBe(v2);
  });

  it('through() computes once per key, then hits; a new key recomputes', async () => {
    const cache = new ParseCache(join(dir, 'parsed'), true);
    let calls = 0;
    const compute = () => ({ n: ++calls });
    expect(await cache.through('cla', 'k1', compute)).toEqual({ value: { n: 1 }, hit: false });
    expect(await cache.through('cla', 'k1', compute)).toEqual({ value: { n: 1 }, hit: true });
    expect(await cache.through('cla', 'k2', compute)).toEqual({ value: { n: 2 }, hit: false });
    expect((await readdir(join(dir, 'parsed'))).sort()).toEqual(['cla-k1.json', 'cla-k2.json']);
  });

  it('a disabled cache always recomputes and writes nothing; a corrupt entry is recomputed', async () => {
    const off = new ParseCache(join(dir, 'off'), false);
    let calls = 0;
    await off.through('x', 'k', () => ++calls);
    await off.through('x', 'k', () => ++calls);
    expect(calls).toBe(2);
    await expect(readdir(join(dir, 'off'))).rejects.toThrow();
    const on = new ParseCache(join(dir, 'on'), true);
    await mkdir(join(dir, 'on'));
    await writeFile(join(dir, 'on', 'x-k.json'), '{not json');
    expect(await on.through('x', 'k', () => 42)).toEqual({ value: 42, hit: false });
  });
});

describe('configFromEnv', () => {
  it('reads paths relative to the root and flags as 1/true only', () => {
    const c = configFromEnv({ DATA_RAW_DIR: '/raw', DATA_OUTPUT_DIR: 'out', DATA_UPDATE: '1', DATA_DOWNLOAD: 'yes', DATA_NO_CACHE: 'true' }, '/proj');
    expect(c).toMatchObject({
      root: '/proj',
      rawDir: '/raw',
      outputDir: '/proj/out',
      manifestPath: '/proj/data/sources.json',
      cacheDir: '/proj/data/cache',
      update: true,
      download: false,
      noCache: true,
    });
    expect(configFromEnv({}, '/proj').rawDir).toBe('/shared/data/raw');
    // Coverage checks are on unless explicitly turned off (only the golden fixture tests do).
    expect(configFromEnv({}, '/proj').strictCoverage).toBe(true);
    expect(configFromEnv({ DATA_STRICT_COVERAGE: '1' }, '/proj').strictCoverage).toBe(true);
    expect(configFromEnv({ DATA_STRICT_COVERAGE: '0' }, '/proj').strictCoverage).toBe(false);
  });
});
