/**
 * Vitest global setup: make sure data/output/ holds the pipeline's current
 * outputs before any test reads them (the analysis, story, council and editor
 * tests check real published figures). On a fresh clone this runs the whole
 * pipeline (about 10 s); when nothing changed it stops after verifying
 * checksums (under a second). Tests that need other data set DATA_OUTPUT_DIR
 * themselves and are unaffected.
 */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data/cli.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    // The default folders, whatever the calling shell set.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATA_OUTPUT_DIR' && k !== 'DATA_CACHE_DIR')),
  });
  if (r.status !== 0) {
    throw new Error(`the data pipeline failed before the tests (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  // The claims step (npm run data runs it after the pipeline): data/output/claims.json.
  const c = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/claims/write.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATA_OUTPUT_DIR' && k !== 'DATA_CACHE_DIR')),
  });
  if (c.status !== 0) {
    throw new Error(`the claims step failed before the tests (exit ${c.status}):\n${c.stdout}\n${c.stderr}`);
  }
}
