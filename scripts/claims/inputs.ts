/** The pipeline outputs the claims engine reads (data/output/, or DATA_OUTPUT_DIR), each checked against the contract. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { EnglandPublishedSchema, InspectionsFileSchema, PanelFileSchema } from '../../contract/schemas.ts';
import type { AnalysisInputs } from '../../src/lib/analysis/types.ts';

export function outputDir(): string {
  return resolve(process.cwd(), process.env.DATA_OUTPUT_DIR || 'data/output');
}

/** The file as the pipeline wrote it, after checking it against its schema in contract/schemas.ts. */
function read<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const path = resolve(dir, file);
  if (!existsSync(path)) throw new Error(`${path}: file not found. Run \`npm run data\` first: the claims step reads the pipeline's outputs.`);
  const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const checked = schema.safeParse(json);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new Error(`${path} does not match its schema in contract/schemas.ts:\n  ${issues.join('\n  ')}\nRun \`npm run data\` to rewrite it.`);
  }
  // The file itself, not the parsed copy: the schemas drop fields they do not list.
  return json as z.infer<S>;
}

/** The analyses' inputs from the outputs in `dir` (default: data/output/, or DATA_OUTPUT_DIR). */
export function loadAnalysisInputs(dir: string = outputDir()): AnalysisInputs {
  const panel = read(dir, 'la-panel.json', PanelFileSchema);
  const england = read(dir, 'england.json', EnglandPublishedSchema);
  const inspections = read(dir, 'inspections.json', InspectionsFileSchema);
  return { panel: panel.rows, england, inspections: inspections.inspections, dataVersion: panel.provenance.dataVersion };
}
