/** The pipeline outputs the claims engine reads (data/output/, or DATA_OUTPUT_DIR). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Inspection, PanelRow } from '../../contract/outputs.ts';
import type { AnalysisInputs, EnglandOutput } from '../../src/lib/analysis/types.ts';

export function outputDir(): string {
  return resolve(process.cwd(), process.env.DATA_OUTPUT_DIR || 'data/output');
}

function read<T>(file: string): T {
  const path = resolve(outputDir(), file);
  if (!existsSync(path)) throw new Error(`${path}: file not found. Run \`npm run data\` first: the claims step reads the pipeline's outputs.`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function loadAnalysisInputs(): AnalysisInputs {
  const panel = read<{ provenance: { dataVersion: string }; rows: PanelRow[] }>('la-panel.json');
  const england = read<EnglandOutput>('england.json');
  const inspections = read<{ inspections: Inspection[] }>('inspections.json');
  return { panel: panel.rows, england, inspections: inspections.inspections, dataVersion: panel.provenance.dataVersion };
}
