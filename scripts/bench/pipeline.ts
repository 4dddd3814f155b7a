/**
 * Benchmark of the data pipeline, as the targets define it (issue 2):
 *   cold: from an empty cache and no previous output (every file copied, checksummed, parsed);
 *   warm: run again with no source changed.
 * Each is a fresh `tsx scripts/data/cli.ts` process, so start-up time is included.
 * Usage: npm run bench [-- --runs 3]. Prints a table; does not assert (tests must not depend on timing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../../contract/stats.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const cli = join(process.cwd(), 'scripts', 'data', 'cli.ts');

function timeRun(env: Record<string, string>): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`pipeline exited with ${r.status}`);
  }
  return ms;
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pipeline-'));
  const env = { DATA_CACHE_DIR: join(dir, 'cache'), DATA_OUTPUT_DIR: join(dir, 'output') };
  cold.push(timeRun(env));
  warm.push(timeRun(env));
  rmSync(dir, { recursive: true, force: true });
}
const row = (name: string, xs: number[], target: number) =>
  `| ${name} | ${(median(xs) / 1000).toFixed(2)} s | ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${target} s | ${median(xs) / 1000 <= target ? 'met' : 'MISSED'} |`;
console.log(`Pipeline benchmark (${runs} runs each, node ${process.version}, ${(await import('node:os')).cpus().length} cores)\n`);
console.log('| run | median | all runs | target | |\n|---|---:|---|---:|---|');
console.log(row('cold cache, no previous output', cold, 15));
console.log(row('no source changed', warm, 3));
