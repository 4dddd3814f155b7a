/**
 * Vitest global setup: make sure data/output/ holds the pipeline's current
 * outputs before any test reads them (the analysis, story, council and editor
 * tests check real published figures). On a fresh clone this runs the whole
 * pipeline (about 10 s); when nothing changed it stops after verifying
 * checksums (under a second). Tests that need other data set DATA_OUTPUT_DIR
 * themselves and are unaffected.
 */
import { spawnSync } from 'node:child_process';

/** Run one step of `npm run data` with the default folders, whatever the calling shell set. */
function step(script: string, what: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATA_OUTPUT_DIR' && k !== 'DATA_CACHE_DIR')),
  });
  if (r.status !== 0) throw new Error(`${what} failed before the tests (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export default function setup(): void {
  step('scripts/data/cli.ts', 'the data pipeline');
  // The claims step (npm run data runs it after the pipeline): data/output/claims.json.
  step('scripts/claims/write.ts', 'the claims step');
  // The record of the stories' figures, which reads claims.json: data/output/story-figures.json.
  step('scripts/data/report-stories.ts', 'the story-figures step');
}
