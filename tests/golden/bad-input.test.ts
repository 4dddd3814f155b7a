/**
 * BAD INPUT, end to end: each case starts from the golden raw folder, breaks
 * one file the way real files break, and runs the whole pipeline over the
 * output folder of a previous good run. Each must (a) stop with a DataError
 * whose message names the source id, file, row, column and value where they
 * apply, and (b) leave the good output folder byte-for-byte unchanged. One case
 * also runs the real CLI and checks its exit code (1) and stderr.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../scripts/data/config.ts';
import { DataError } from '../../scripts/data/core/errors.ts';
import { copyGoldenRaw, encodeExcerpt, readExcerpt, replaceSource, sourceBytes, type GoldenRaw } from '../fixtures/golden/build.ts';
import { buildAndRun, goldenConfig, removeDir, ROOT, run, treeDigest } from './helpers.ts';

let dir: string;
let good: PipelineConfig;
let goldenGood: GoldenRaw;
let goodTree: Record<string, string>;
let caseNo = 0;

beforeAll(async () => {
  const b = await buildAndRun('bad-input');
  dir = b.dir;
  good = b.config;
  goldenGood = b.golden;
  expect(b.first.result.status).toBe('written');
  goodTree = await treeDigest(good.outputDir);
});
afterAll(async () => {
  await removeDir(dir);
});

type CsvRows = string[][];

/**
 * Copy the good raw folder, change source `id` by `edit` (on a CSV excerpt's rows, or on
 * the file's bytes), with a manifest that pins the changed file (so only the content is wrong),
 * and run the pipeline against the good run's output and cache folders.
 */
async function runWith(id: string, edit: { rows?: (rows: CsvRows) => CsvRows; bytes?: (b: Uint8Array) => Uint8Array }) {
  const golden = await copyGoldenRaw(goldenGood, join(dir, `case-${++caseNo}`));
  const bytes = edit.rows
    ? await sourceBytes(golden, id, edit.rows)
    : await readFile(join(golden.rawDir, golden.manifest.sources.find((s) => s.id === id)!.path));
  await replaceSource(golden, id, edit.bytes ? edit.bytes(bytes) : bytes, true);
  const caseDir = dirname(golden.rawDir);
  const config = goldenConfig(caseDir, golden, { cacheDir: good.cacheDir, outputDir: good.outputDir });
  return {
    config,
    golden,
    error: await run(config).then(
      () => undefined,
      (e: unknown) => e,
    ),
  };
}

/** The real CLI (`tsx scripts/data/cli.ts`) on a golden raw folder, over the good run's output and cache: exit code and stderr. */
async function runCli(golden: GoldenRaw): Promise<{ code: number; stderr: string }> {
  const env = {
    ...process.env,
    DATA_RAW_DIR: golden.rawDir,
    DATA_MANIFEST: golden.manifestPath,
    DATA_OUTPUT_DIR: good.outputDir,
    DATA_CACHE_DIR: good.cacheDir,
    DATA_STRICT_COVERAGE: '0',
    DATA_UPDATE: '',
  };
  return promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/data/cli.ts'], { cwd: ROOT, env }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
}

/** A copy of the good raw folder with source `id`'s CSV rows changed by `edit` (manifest pin updated). */
async function goldenWith(id: string, edit: (rows: CsvRows) => CsvRows): Promise<GoldenRaw> {
  const golden = await copyGoldenRaw(goldenGood, join(dir, `case-${++caseNo}`));
  await replaceSource(golden, id, await sourceBytes(golden, id, edit), true);
  return golden;
}

async function expectRejected(error: unknown, ...parts: (string | RegExp)[]) {
  expect(error).toBeInstanceOf(DataError);
  const message = (error as Error).message;
  if (process.env.SHOW_MESSAGES) console.log(message);
  for (const p of parts) {
    if (typeof p === 'string') expect(message).toContain(p);
    else expect(message).toMatch(p);
  }
  // (b) the previous good output is untouched, byte for byte, and nothing half-written lies next to it.
  expect(await treeDigest(good.outputDir)).toEqual(goodTree);
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytesOf = (s: string) => new TextEncoder().encode(s);
const POP = 'population-0-17';
const POP_FILE = 'file dfe/population/ons_mid-year_population_estimates_2012_to_2024.csv';
/** Index of the first data row for Camden in a tidy EES file. */
const camden = (rows: CsvRows) => rows.findIndex((r) => r.includes('Camden'));

describe('bad input stops the pipeline and keeps the previous outputs', () => {
  it('malformed CSV (an unbalanced quote)', async () => {
    let line = 0;
    const { error } = await runWith(POP, {
      rows: (rows) => {
        line = camden(rows) + 1;
        return rows;
      },
      bytes: (b) => bytesOf(text(b).replace(',Camden,', ',"Cam"den,')),
    });
    await expectRejected(error, `source ${POP}, ${POP_FILE}, row ${line}: malformed CSV`);
  });

  it('truncated file (cut in the middle of the last row)', async () => {
    const { error } = await runWith(POP, { bytes: (b) => b.subarray(0, b.length - 25) });
    await expectRejected(error, `source ${POP}, ${POP_FILE}, row `, 'the file looks truncated', /value "[^"]+"/);
  });

  it('truncated parquet file (LAIT) and truncated spreadsheet (Ofsted, parsed in the worker thread)', async () => {
    const lait = await runWith('lait-2026-04', { bytes: (b) => b.subarray(0, Math.floor(b.length / 2)) });
    await expectRejected(lait.error, 'source lait-2026-04, file dfe/lait/2026-04/bds_long_0.parquet: not a readable parquet file');
    const ods = await runWith('ofsted-outcomes-2025', { bytes: (b) => b.subarray(0, Math.floor(b.length / 2)) });
    await expectRejected(ods.error, 'source ofsted-outcomes-2025, file dfe/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods', 'could not be read');
  });

  it('wrongly encoded file (latin-1 bytes in a file declared UTF-8)', async () => {
    let line = 0;
    const { error } = await runWith(POP, {
      rows: (rows) => {
        line = camden(rows) + 1;
        return rows;
      },
      bytes: (b) => {
        const s = text(b);
        const at = s.indexOf(',Camden,') + 5; // the "e" of Camden
        return new Uint8Array([...b.subarray(0, at), 0xe9, ...b.subarray(at + 1)]);
      },
    });
    await expectRejected(error, `source ${POP}, ${POP_FILE}, row ${line}, value "byte 0xe9": the file is not valid UTF-8`);
  });

  it('renamed column', async () => {
    const { error } = await runWith(POP, {
      rows: (rows) => {
        rows[0] = rows[0]!.map((h) => (h === 'population_estimate' ? 'population_estimates' : h));
        return rows;
      },
    });
    await expectRejected(error, `source ${POP}, ${POP_FILE}, column "population_estimate"`, 'missing', 'population_estimates');
  });

  it('duplicated row', async () => {
    let line = 0;
    const { error } = await runWith(POP, {
      rows: (rows) => {
        const i = camden(rows);
        rows.splice(i + 1, 0, [...rows[i]!]);
        line = i + 2;
        return rows;
      },
    });
    await expectRejected(error, `source ${POP}, ${POP_FILE}, row ${line}`, /duplicate/i);
  });

  it('out-of-range year', async () => {
    let line = 0;
    const { error } = await runWith(POP, {
      rows: (rows) => {
        const i = camden(rows);
        rows[i]![0] = '2099';
        line = i + 1;
        return rows;
      },
    });
    await expectRejected(error, `source ${POP}, ${POP_FILE}, row ${line}, column "time_period", value "2099"`);
  });

  it('wrong code format', async () => {
    let line = 0;
    const { error } = await runWith(POP, {
      rows: (rows) => {
        const i = camden(rows);
        rows[i]![8] = 'E0900007';
        line = i + 1;
        return rows;
      },
    });
    await expectRejected(error, `source ${POP}, ${POP_FILE}, row ${line}, column "new_la_code", value "E0900007"`);
  });

  it('checksum mismatch without DATA_UPDATE (the file changed, the manifest pin did not)', async () => {
    const caseDir = join(dir, `case-${++caseNo}`);
    const golden = await copyGoldenRaw(goldenGood, caseDir);
    const entry = golden.manifest.sources.find((s) => s.id === 'cla-ees-2025')!;
    await replaceSource(golden, 'cla-ees-2025', bytesOf('time_period\n2025\n'), false);
    const error = await run(goldenConfig(caseDir, golden, { cacheDir: good.cacheDir, outputDir: good.outputDir })).then(
      () => undefined,
      (e: unknown) => e,
    );
    await expectRejected(
      error,
      `source cla-ees-2025, file ${entry.path}: checksum mismatch: the manifest pins sha256 ${entry.sha256.slice(0, 16)}`,
      `(17 bytes, manifest says ${entry.bytes})`,
      'DATA_UPDATE=1',
    );
  });

  it('coverage checks are on unless turned off: the 13-council fixture fails them with a located message', async () => {
    const caseDir = join(dir, `case-${++caseNo}`);
    const golden = await copyGoldenRaw(goldenGood, caseDir);
    const error = await run(goldenConfig(caseDir, golden, { cacheDir: good.cacheDir, outputDir: good.outputDir, strictCoverage: undefined })).then(
      () => undefined,
      (e: unknown) => e,
    );
    await expectRejected(error, /^source [a-z0-9-]+, file \S+/, /at least \d+|has \d+|expected/);
  });

  const CLA25 = 'cla-ees-2025';
  const CLA25_FILE = (g: GoldenRaw) => `file ${g.manifest.sources.find((x) => x.id === CLA25)!.path}`;
  /** The Camden "looked after on 31 March" row of the 2025 CLA file. */
  const camdenCla = (rows: CsvRows) => rows.findIndex((r) => r.includes('Camden') && r.includes('Children looked after on 31 March each year'));

  it('negative rate in a looked-after children file (range check where the data enter)', async () => {
    let line = 0;
    const { error, golden } = await runWith(CLA25, {
      rows: (rows) => {
        const i = camdenCla(rows);
        rows[i]![rows[0]!.indexOf('rate_per_10000')] = '-48';
        line = i + 1;
        return rows;
      },
    });
    await expectRejected(error, `source ${CLA25}, ${CLA25_FILE(golden)}, row ${line}, column "rate_per_10000", value -48`, 'never negative');
  });

  it('a rate inconsistent with its count and denominator', async () => {
    let line = 0;
    const { error, golden } = await runWith(CLA25, {
      rows: (rows) => {
        const i = camdenCla(rows);
        rows[i]![rows[0]!.indexOf('rate_per_10000')] = '480';
        line = i + 1;
        return rows;
      },
    });
    await expectRejected(
      error,
      `source ${CLA25}, ${CLA25_FILE(golden)}, row ${line}, column "rate_per_10000", value "480"`,
      'does not match its count and denominator',
    );
  });

  it('an unknown suppression marker: the message lists the known markers and says what to do', async () => {
    let line = 0;
    const { error, golden } = await runWith(CLA25, {
      rows: (rows) => {
        const i = camdenCla(rows);
        rows[i]![rows[0]!.indexOf('children_count')] = 'q';
        line = i + 1;
        return rows;
      },
    });
    await expectRejected(
      error,
      `source ${CLA25}, ${CLA25_FILE(golden)}, row ${line}, column "children_count", value "q": not a number or a known missing-value marker`,
      'known markers: c (suppressed), x (not available), z (not applicable), u (low reliability), low (rounds to zero)',
      'add it with its meaning to MARKERS in contract/missing.ts',
    );
  });

  const S251 = 's251-outturn-1314';
  const fileOfSource = (g: GoldenRaw, id: string) => `file ${g.manifest.sources.find((x) => x.id === id)!.path}`;

  it('a negative spending block in an S251 file names the line most at fault and every line of the block', async () => {
    let fostering = 0;
    let residential = 0;
    const { error, golden } = await runWith(S251, {
      rows: (rows) => {
        const gross = rows[0]!.indexOf('TotalExpenditure');
        const line = (pattern: RegExp) => rows.findIndex((r) => r[1] === 'Camden' && pattern.test(r[3] ?? ''));
        const f = line(/^\s*\d+\s*Fostering services/);
        const total = line(/BUDGET \(excluding CERA\)/i);
        // A sign slip: fostering entered as −£50m. The published total moves with it, so the file
        // still adds up and only the range check can catch it.
        const delta = -50_000_000 - Number(rows[f]![gross]);
        rows[f]![gross] = '-50000000';
        rows[total]![gross] = String(Number(rows[total]![gross]) + delta);
        fostering = f + 1;
        residential = line(/^\s*\d+\s*Residential care/) + 1;
        return rows;
      },
    });
    await expectRejected(
      error,
      `source ${S251}, ${fileOfSource(golden, S251)}, row ${fostering}, column "TotalExpenditure", value -`,
      /Camden \(202\) 2014: spend_cla_gbp = -\d+(\.\d+)? is outside its possible range \[0, \d+\]/,
      'never negative',
      new RegExp(`the sum of the lines in rows [\\d, ]*\\b${residential}\\b[\\d, ]*; row ${fostering} is the line that moves it most`),
    );
  });

  it('a negative LAIT spending value names its parquet row', async () => {
    const LAIT = 'lait-2026-04';
    // The parquet file is rebuilt from its excerpt with one value changed (runWith edits CSV rows only).
    const copy = await copyGoldenRaw(goldenGood, join(dir, `case-${++caseNo}`));
    const entry = copy.manifest.sources.find((x) => x.id === LAIT)!;
    const ex = await readExcerpt(LAIT);
    if (ex.kind !== 'parquet') throw new Error(`${LAIT} is not a parquet excerpt`);
    const rows = ex.rows.map((r) => [...r]);
    const i = rows.findIndex((r) => r[0] === 'TotalLACFinance' && r[1] === '2024-25 (OT)' && r[2] === 'Camden');
    rows[i]![3] = '-39735914';
    const row = i + 1;
    await replaceSource(copy, LAIT, encodeExcerpt({ ...ex, rows }, entry), true);
    const caseDir = dirname(copy.rawDir);
    const err = await run(goldenConfig(caseDir, copy, { cacheDir: good.cacheDir, outputDir: good.outputDir })).then(
      () => undefined,
      (e: unknown) => e,
    );
    await expectRejected(
      err,
      `source ${LAIT}, ${fileOfSource(copy, LAIT)}, row ${row}, column "Values", value -39735914`,
      'Camden (202) 2025: spend_cla_gbp = -39735914 is outside its possible range',
    );
  });

  it('an output check (a derived rate outside [0, 500]) exits 1 from the CLI with a located message and no stack trace', async () => {
    const golden = await goldenWith(POP, (rows) => {
      const col = rows[0]!.indexOf('population_estimate');
      for (const r of rows) if (r.includes('Camden')) r[col] = '10';
      return rows;
    });
    const res = await runCli(golden);
    if (process.env.SHOW_MESSAGES) console.log(res.stderr);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('✗ The data pipeline stopped: bad input.');
    expect(res.stderr).toMatch(/file la-panel\.csv, row \d+, column "[a-z_0-9]+", value \d+/);
    expect(res.stderr).toMatch(/Camden 20\d\d [a-z_0-9]+ = \d+ is outside \[0, \d+\]/);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await treeDigest(good.outputDir)).toEqual(goodTree);
  });

  it('the CLI exits with code 1 and prints the located message on stderr (wrong code format)', async () => {
    const golden = await goldenWith(POP, (rows) => {
      rows[camden(rows)]![8] = 'E0900007';
      return rows;
    });
    const res = await runCli(golden);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('✗ The data pipeline stopped: bad input.');
    expect(res.stderr).toContain(`source ${POP}, ${POP_FILE}, row `);
    expect(res.stderr).toContain('column "new_la_code", value "E0900007"');
    expect(res.stderr).toContain('the previous outputs');
    expect(await treeDigest(good.outputDir)).toEqual(goodTree);
  });
});
