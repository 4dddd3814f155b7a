/** docs/claims.md is generated: it must be exactly what the engine produces from the current outputs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderClaimsDoc } from '../../../src/lib/analysis/claims-doc.ts';
import { evaluateClaims } from '../../../src/lib/analysis/engine.ts';
import { loadInputs } from './load-output.ts';

// No skip when data/output is missing: loadInputs() then fails, saying to run `npm run data`.
describe('docs/claims.md', () => {
  it('has not drifted from the claims engine (regenerate with `npm run claims:doc`)', () => {
    const committed = readFileSync(new URL('../../../docs/claims.md', import.meta.url), 'utf8');
    const now = renderClaimsDoc(evaluateClaims(loadInputs()));
    if (committed !== now) {
      const a = committed.split('\n');
      const b = now.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(
        `docs/claims.md differs from the engine's output from line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  engine:    ${b[line] ?? '(end of file)'}\nRun \`npm run claims:doc\` after \`npm run data\` and review the diff.`,
      );
    }
  });
});
