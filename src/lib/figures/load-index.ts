/**
 * The FigureIndex (refs.ts) read straight from the pipeline's output folder with
 * node:fs, for code that runs OUTSIDE Astro's page rendering: the MDX
 * compile-time check (remark-figures.ts), the ids generator and the dev-server
 * reload plugin. Pages use src/lib/data.ts instead.
 *
 * The folder is DATA_OUTPUT_DIR (default data/output) relative to `root`. The
 * index is cached and rebuilt when la-panel.json's modification time changes
 * (or after resetIndexCache(), which the dev reload plugin calls).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PANEL_NUMERIC_COLUMNS } from '../../../contract/outputs.ts';
import { buildIndex, type FigureIndex, type IndexInput } from './refs.ts';

export function figureOutputDir(root = process.cwd()): string {
  return resolve(root, process.env.DATA_OUTPUT_DIR || 'data/output');
}

let cached: { key: string; index: FigureIndex } | null = null;

export function resetIndexCache(): void {
  cached = null;
}

function readJson<T>(dir: string, file: string): T {
  const path = resolve(dir, file);
  if (!existsSync(path)) throw new Error(`${path} not found: run \`npm run data\` to build the pipeline outputs.`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function loadFigureIndex(root = process.cwd()): FigureIndex {
  const dir = figureOutputDir(root);
  const panelPath = resolve(dir, 'la-panel.json');
  const key = `${panelPath}:${existsSync(panelPath) ? statSync(panelPath).mtimeMs : 'absent'}`;
  if (cached?.key === key) return cached.index;
  const panel = readJson<IndexInput['panel'] & { columns: IndexInput['columns'] }>(dir, 'la-panel.json');
  const input: IndexInput = {
    panel,
    columns: panel.columns,
    las: readJson(dir, 'las.json'),
    england: readJson(dir, 'england.json'),
    regions: readJson(dir, 'regions.json'),
    measures: PANEL_NUMERIC_COLUMNS,
  };
  const index = buildIndex(input);
  cached = { key, index };
  return index;
}
