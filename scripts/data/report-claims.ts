/**
 * The third step of `npm run data`, after the pipeline and the claims step:
 * adds "Claims whose verdict changed" to data/output/report.md and
 * report.json, comparing the claims.json the pipeline kept from the previous
 * outputs (or DATA_PREVIOUS_DIR) with the one the claims step just wrote.
 * See scripts/data/publish/claim-changes.ts.
 */
import { join } from 'node:path';
import { configFromEnv } from './config.ts';
import { addClaimChangesToReport, previousClaimsPath } from './publish/claim-changes.ts';

const config = configFromEnv();
try {
  const r = await addClaimChangesToReport({
    previousClaims: previousClaimsPath(config.cacheDir),
    claims: join(config.outputDir, 'claims.json'),
    reportMd: join(config.outputDir, 'report.md'),
    reportJson: join(config.outputDir, 'report.json'),
  });
  if (!r) console.log('  no claims.json or report to compare: the report has no claims section');
  else if (!r.compared) console.log('✓ Report: no previous claims to compare with');
  else
    console.log(
      `✓ Report: ${r.changed.length} of ${r.claims} claims changed verdict${r.countsChanged.length ? `, ${r.countsChanged.length} more changed their counts` : ''}`,
    );
} catch (e) {
  console.error(`✗ Could not add the claims to the report: ${(e as Error).message}`);
  process.exit(2);
}
