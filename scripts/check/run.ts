/**
 * `npm test`: every quality gate in order, with timings, ending in one plain line
 * "N passed, N failed" (CI reads it). Exit code 1 if anything failed.
 *
 *   tsx scripts/check/run.ts                      # all stages
 *   tsx scripts/check/run.ts --only html,links    # some stages (names below)
 *   tsx scripts/check/run.ts --skip reproducible  # all but some
 *
 * Stages after a failed build are not run (they would check a stale dist/) and
 * count as failed. A stage's output streams through as it runs.
 */
import { spawnSync } from 'node:child_process';

interface Stage {
  name: string;
  what: string;
  cmd: string[];
  /** Needs a fresh dist/ from the build stage. */
  needsBuild?: boolean;
  /** Extra environment for the stage (the caller's own settings win). */
  env?: Record<string, string>;
}

/**
 * The browser tests visit every built page in CI (CI=true; CI allows 90 minutes) and a
 * deterministic sample of each page type locally (the first and last page of each type,
 * E2E_SAMPLE=2), so `npm test` stays within 8 minutes on a 2-core machine. E2E_ALL=1 or
 * E2E_SAMPLE=n override this.
 */
const E2E_ENV: Record<string, string> = process.env.CI ? { E2E_ALL: '1' } : { E2E_SAMPLE: '2' };

export const STAGES: Stage[] = [
  { name: 'lint', what: 'Biome lint rules and formatting', cmd: ['biome', 'check', '--diagnostic-level=error'] },
  { name: 'unit', what: 'unit, golden and official-figure tests (vitest)', cmd: ['vitest', 'run'] },
  { name: 'workflows', what: 'GitHub Actions workflows valid (action-validator), npm scripts they call exist', cmd: ['tsx', 'scripts/check/workflows.ts'] },
  // After unit: its set-up runs the pipeline, whose outputs generate the figure ids the components import.
  { name: 'typecheck', what: 'tsc over scripts, site and tests; astro check over .astro files', cmd: ['npm', 'run', 'typecheck'] },
  { name: 'build', what: 'data pipeline, astro build, search index', cmd: ['npm', 'run', 'build'] },
  { name: 'html', what: 'HTML validation of every page', cmd: ['tsx', 'scripts/check/html.ts'], needsBuild: true },
  { name: 'links', what: 'internal links and #anchors', cmd: ['tsx', 'scripts/check/links.ts'], needsBuild: true },
  { name: 'budgets', what: 'compressed page-weight budgets', cmd: ['tsx', 'scripts/check/budgets.ts'], needsBuild: true },
  { name: 'security', what: 'CSP, inline scripts, third-party loads', cmd: ['tsx', 'scripts/check/security.ts'], needsBuild: true },
  { name: 'audit', what: 'npm audit of runtime dependencies', cmd: ['tsx', 'scripts/check/audit.ts'] },
  // The real site's pages, and the fixture sites (built first by Playwright's set-up project): component
  // behaviour, drafts, and markup in data rendered as text (the hostile site).
  { name: 'e2e', what: 'browser tests (Playwright, axe): the built site and the fixture sites', cmd: ['playwright', 'test'], needsBuild: true, env: E2E_ENV },
  // Compares the build stage's dist/ with one more build, instead of building twice.
  {
    name: 'reproducible',
    what: "a second build is identical to the build stage's dist/",
    cmd: ['tsx', 'scripts/check/reproducible.ts', '--against', 'dist'],
    needsBuild: true,
  },
];

function arg(name: string): string[] | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? '').split(',').filter(Boolean) : undefined;
}

const only = arg('--only');
const skip = arg('--skip') ?? (process.env.SKIP_STAGES ? process.env.SKIP_STAGES.split(',') : []);
for (const n of [...(only ?? []), ...skip])
  if (!STAGES.some((s) => s.name === n)) throw new Error(`unknown stage "${n}"; stages: ${STAGES.map((s) => s.name).join(', ')}`);
const selected = STAGES.filter((s) => (!only || only.includes(s.name)) && !skip.includes(s.name));

/** A stage exits with this code when it could not run its check here (e.g. no advisory service): reported as skipped, not passed. */
const EXIT_SKIPPED = 78;
const results: Array<{ stage: Stage; status: 'passed' | 'failed' | 'skipped' | 'not run'; seconds: number }> = [];
let buildFailed = false;
const t0 = Date.now();
for (const stage of selected) {
  if (stage.needsBuild && buildFailed) {
    results.push({ stage, status: 'not run', seconds: 0 });
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.what} (${stage.cmd.join(' ')})`);
  const t = Date.now();
  const r = spawnSync(stage.cmd[0]!, stage.cmd.slice(1), { stdio: 'inherit', env: { ...stage.env, ...process.env } });
  const ok = r.status === 0;
  if (stage.name === 'build' && !ok) buildFailed = true;
  const status = ok ? 'passed' : r.status === EXIT_SKIPPED ? 'skipped' : 'failed';
  results.push({ stage, status, seconds: (Date.now() - t) / 1000 });
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.status.padEnd(8)} ${r.stage.name.padEnd(13)} ${r.seconds.toFixed(0).padStart(5)} s  ${r.stage.what}`);
console.log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const passed = results.filter((r) => r.status === 'passed').length;
const skipped = results.filter((r) => r.status === 'skipped').length;
const failed = results.length - passed - skipped;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
