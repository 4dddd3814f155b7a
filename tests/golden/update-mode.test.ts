/**
 * UPDATE MODE, end to end: a publisher revises a figure in one file.
 *  - without DATA_UPDATE the changed file is refused (checksum pinned);
 *  - with DATA_UPDATE=1 it is accepted, validated like any other, the outputs
 *    are rewritten, the manifest records the new sha256 and size, and the
 *    report lists the changed cells (council, year, old and new value);
 *  - a run with nothing changed returns 'up-to-date' and writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../scripts/data/config.ts';
import { sha256 } from '../../scripts/data/core/acquire.ts';
import type { RunReport } from '../../scripts/data/publish/report.ts';
import { copyGoldenRaw, replaceSource, sourceBytes, type FixtureManifest, type GoldenRaw } from '../fixtures/golden/build.ts';
import { buildAndRun, goldenConfig, removeDir, run, treeDigest } from './helpers.ts';

let dir: string;
let good: PipelineConfig;
let golden: GoldenRaw;
let firstVersion: string;

const ID = 'cla-ees-2025';
/** Camden's children looked after on 31 March 2024 in the 2025 release: 214 → 228, rate 59 → 63 (as if the publisher revised it). */
const revise = (rows: string[][]) => {
  const h = rows[0]!;
  const [tp, name, measure, num] = ['time_period', 'la_name', 'population_type', 'children_count'].map((c) => h.indexOf(c)) as [number, number, number, number];
  const i = rows.findIndex((r) => r[tp] === '2024' && r[name] === 'Camden' && /looked after on 31 March/i.test(r[measure] ?? ''));
  if (i < 0) throw new Error('no Camden 2024 CLA row in the excerpt');
  rows[i]![num] = String(Number(rows[i]![num]) + 14);
  // a real revision moves the printed rate with the count (the CLA reader checks they agree)
  const [rate, pop] = ['rate_per_10000', 'population_estimate'].map((c) => h.indexOf(c)) as [number, number];
  rows[i]![rate] = String(Math.round((Number(rows[i]![num]) / Number(rows[i]![pop])) * 10_000));
  return rows;
};

beforeAll(async () => {
  const b = await buildAndRun('update-mode');
  ({ dir, golden } = b);
  good = b.config;
  firstVersion = b.first.result.dataVersion;
});
afterAll(async () => {
  await removeDir(dir);
});

describe('update mode', () => {
  it('a second run with nothing changed is up to date and writes nothing', async () => {
    const before = await treeDigest(good.outputDir);
    const again = await run(good);
    expect(again.result).toEqual({ status: 'up-to-date', dataVersion: firstVersion });
    expect(await treeDigest(good.outputDir)).toEqual(before);
  });

  it('a changed file is refused without DATA_UPDATE, then accepted with it: manifest re-pinned, changed cells reported', async () => {
    const copy = await copyGoldenRaw(golden, join(dir, 'changed'));
    const pinned = copy.manifest.sources.find((s) => s.id === ID)!;
    const oldPin = { sha256: pinned.sha256, bytes: pinned.bytes };
    const changed = await sourceBytes(copy, ID, revise);
    await replaceSource(copy, ID, changed, false);
    const cfg = goldenConfig(join(dir, 'changed'), copy, { outputDir: good.outputDir, cacheDir: good.cacheDir });
    const before = await treeDigest(good.outputDir);

    // 1. Refused without DATA_UPDATE; nothing written, manifest untouched.
    await expect(run(cfg)).rejects.toThrow(`source ${ID}, file ${pinned.path}: checksum mismatch`);
    expect(await treeDigest(good.outputDir)).toEqual(before);
    const stillPinned = (JSON.parse(await readFile(copy.manifestPath, 'utf8')) as FixtureManifest).sources.find((s) => s.id === ID)!;
    expect({ sha256: stillPinned.sha256, bytes: stillPinned.bytes }).toEqual(oldPin);

    // 2. Accepted with DATA_UPDATE=1.
    const updated = await run({ ...cfg, update: true });
    expect(updated.result.status).toBe('written');
    expect(updated.result.dataVersion).not.toBe(firstVersion);
    const manifest = JSON.parse(await readFile(copy.manifestPath, 'utf8')) as FixtureManifest;
    const entry = manifest.sources.find((s) => s.id === ID)!;
    expect(entry.sha256).toBe(sha256(changed));
    expect(entry.bytes).toBe(changed.length);
    // only that entry changed
    expect(manifest.sources.filter((s, i) => JSON.stringify(s) !== JSON.stringify(copy.manifest.sources[i])).map((s) => s.id)).toEqual([ID]);

    const report = JSON.parse(await readFile(join(good.outputDir, 'report.json'), 'utf8')) as RunReport;
    expect(report.previousDataVersion).toBe(firstVersion);
    expect(report.sources.find((s) => s.id === ID)).toMatchObject({ changed: true });
    expect(report.sources.filter((s) => s.changed).map((s) => s.id)).toEqual([ID]);
    expect(report.changes.added).toBe(0);
    expect(report.changes.removed).toBe(0);
    // Camden 2024: the count changed 214 → 228 and the printed rate with it, 59 → 63 (228 / 36,040 × 10,000 = 63.3).
    expect(report.changes.sample).toContainEqual({ la_code: 'E09000007', la_name: 'Camden', year: 2024, column: 'cla_count', old: 214, new: 228 });
    expect(report.changes.sample).toContainEqual({ la_code: 'E09000007', la_name: 'Camden', year: 2024, column: 'cla_rate_per_10k', old: 59, new: 63 });
    expect(report.changes.total).toBe(2);
    const md = await readFile(join(good.outputDir, 'report.md'), 'utf8');
    expect(md).toContain('| Camden (E09000007) | 2024 | cla_count | 214 | 228 |');
    expect(md).toContain(`| ${ID} |`);
    expect(md).toMatch(new RegExp(`\\| ${ID} \\| [\\d,]+ \\| mirror \\| \\*\\*yes\\*\\* \\|`));

    // 3. Now pinned: a plain run accepts the file and finds nothing to do.
    const after = await run({ ...cfg, update: false });
    expect(after.result.status).toBe('up-to-date');
  });
});
