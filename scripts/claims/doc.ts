/** Writes docs/claims.md from the claims engine on data/output/ (`npm run claims:doc`, after `npm run data`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderClaimsDoc } from '../../src/lib/analysis/claims-doc.ts';
import { evaluateClaims } from '../../src/lib/analysis/engine.ts';
import { loadAnalysisInputs } from './inputs.ts';

const target = fileURLToPath(new URL('../../docs/claims.md', import.meta.url));
writeFileSync(target, renderClaimsDoc(evaluateClaims(loadAnalysisInputs())));
console.log(`wrote ${target}`);
