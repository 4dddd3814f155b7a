/** Shared set-up for the end-to-end tests: build the golden raw folder, run the pipeline on it, read output folders. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { PipelineConfig } from '../../scripts/data/config.ts';
import { runPipeline, type RunResult } from '../../scripts/data/run.ts';
import { buildGoldenRaw, type GoldenRaw } from '../fixtures/golden/build.ts';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Pipeline configuration for a golden raw folder built in `dir` (fixture coverage, own cache and output). */
export function goldenConfig(dir: string, golden: GoldenRaw, over: Partial<PipelineConfig> = {}): PipelineConfig {
  return {
    root: ROOT,
    manifestPath: golden.manifestPath,
    rawDir: golden.rawDir,
    cacheDir: join(dir, 'cache'),
    outputDir: join(dir, 'out'),
    update: false,
    download: false,
    noCache: false,
    strictCoverage: false,
    ...over,
  };
}

export interface Run {
  result: RunResult;
  log: string[];
}

/** Run the pipeline with a deterministic clock (1 ms per call) and a captured log. */
export async function run(config: PipelineConfig): Promise<Run> {
  const log: string[] = [];
  let t = 0;
  const result = await runPipeline(config, { log: (m) => log.push(m), now: () => t++ });
  return { result, log };
}

export async function buildAndRun(prefix: string): Promise<{ dir: string; golden: GoldenRaw; config: PipelineConfig; first: Run }> {
  const dir = await tempDir(prefix);
  const golden = await buildGoldenRaw(dir);
  const config = goldenConfig(dir, golden);
  const first = await run(config);
  return { dir, golden, config, first };
}

/** Every file under `dir`, by path relative to it, as bytes. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(relative(dir, p), await readFile(p));
    }
  }
  await walk(dir);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** Every file under `dir` → sha256 of its bytes (cheap to compare: deep-equal on Buffers is byte by byte and slow). */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of await readTree(dir)) out[name] = createHash('sha256').update(bytes).digest('hex');
  return out;
}
