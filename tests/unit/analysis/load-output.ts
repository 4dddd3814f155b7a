/** Test-only wiring: the analyses' inputs from the pipeline outputs in data/output/, read as the claims step reads them. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadAnalysisInputs } from '../../../scripts/claims/inputs.ts';
import type { AnalysisInputs } from '../../../src/lib/analysis/types.ts';

export const OUTPUT_DIR = fileURLToPath(new URL('../../../data/output/', import.meta.url));

export function outputsExist(): boolean {
  return ['la-panel.json', 'england.json', 'inspections.json'].every((f) => existsSync(OUTPUT_DIR + f));
}

export function loadInputs(): AnalysisInputs {
  return loadAnalysisInputs(OUTPUT_DIR);
}
