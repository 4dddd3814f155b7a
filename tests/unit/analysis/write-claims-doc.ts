/** Writes docs/claims.md from the real outputs: `tsx tests/unit/analysis/write-claims-doc.ts` (after `npm run data`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseAllClaims } from '../../../src/lib/analysis/index.ts';
import { renderClaimsMarkdown } from '../../../src/lib/analysis/report.ts';
import { loadInputs } from './load-output.ts';

const target = fileURLToPath(new URL('../../../docs/claims.md', import.meta.url));
writeFileSync(target, renderClaimsMarkdown(analyseAllClaims(loadInputs())) + '\n');
console.log(`wrote ${target}`);
