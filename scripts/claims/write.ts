/**
 * The claims step, after the data pipeline: evaluates every claim in
 * src/lib/analysis/registry/ on data/output/ and writes data/output/claims.json
 * (published as /data/claims.json). `npm run data` runs it; run alone with
 * `tsx scripts/claims/write.ts`. A failure leaves the previous file untouched.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimsFileSchema } from '../../contract/claims-schema.ts';
import { evaluateClaims } from '../../src/lib/analysis/engine.ts';
import { loadAnalysisInputs, outputDir } from './inputs.ts';

const started = Date.now();
const file = evaluateClaims(loadAnalysisInputs());
const checked = claimsFileSchema.safeParse(file);
if (!checked.success) {
  console.error(
    `✗ claims.json would not match its schema (contract/claims-schema.ts):\n${checked.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
  );
  process.exit(1);
}
const target = join(outputDir(), 'claims.json');
const tmp = `${target}.tmp`;
writeFileSync(tmp, JSON.stringify(file, null, 1) + '\n');
renameSync(tmp, target);
const line = file.claims.map((c) => `${c.id}: ${c.verdict_at_the_time} → ${c.verdict} (${c.counts.now.supporting}/${c.counts.now.testable})`).join('\n  ');
console.log(`✓ Wrote ${target}: ${file.claims.length} claims in ${Date.now() - started} ms\n  ${line}`);
