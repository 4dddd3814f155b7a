/** Test-only wiring: loads the pipeline outputs from data/output/ for the analyses. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Inspection, PanelRow } from '../../../contract/outputs.ts';
import type { AnalysisInputs, EnglandOutput } from '../../../src/lib/analysis/types.ts';

export const OUTPUT_DIR = fileURLToPath(new URL('../../../data/output/', import.meta.url));

export function outputsExist(): boolean {
  return ['la-panel.json', 'england.json', 'inspections.json'].every((f) => existsSync(OUTPUT_DIR + f));
}

function read<T>(file: string): T {
  return JSON.parse(readFileSync(OUTPUT_DIR + file, 'utf8')) as T;
}

export function loadInputs(): AnalysisInputs {
  const panel = read<{ provenance: { dataVersion: string }; rows: PanelRow[] }>('la-panel.json');
  const england = read<EnglandOutput>('england.json');
  const inspections = read<{ inspections: Inspection[] }>('inspections.json');
  return { panel: panel.rows, england, inspections: inspections.inspections, dataVersion: panel.provenance.dataVersion };
}
