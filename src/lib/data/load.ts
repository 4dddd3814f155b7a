/**
 * Reading the pipeline's output folder at BUILD time (node:fs only; nothing
 * here ever reaches the browser).
 *
 * The folder is DATA_OUTPUT_DIR (default data/output, relative to the working
 * directory, which is the project root for `astro build` and vitest). Each file
 * is read once per process and validated with its zod schema; a missing or
 * malformed file throws an OutputFileError that tells the editor to run
 * `npm run data`, which fails the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';

export const OUTPUT_FILES = [
  'la-panel.json',
  'la-panel.csv',
  'las.json',
  'england.json',
  'regions.json',
  'inspections.json',
  'revisions.json',
  'dictionary.json',
  'datapackage.json',
  'report.json',
  'provenance.json',
  'anomalies.json',
  'claims.json',
  'places.json',
  'story-figures.json',
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

export class OutputFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}\nRun \`npm run data\` to rebuild the pipeline outputs (or set DATA_OUTPUT_DIR to a folder that has them).`);
    this.name = 'OutputFileError';
  }
}

export function outputDir(): string {
  return resolve(process.cwd(), process.env.DATA_OUTPUT_DIR || 'data/output');
}

export function outputPath(file: OutputFile): string {
  return resolve(outputDir(), file);
}

const cache = new Map<string, unknown>();

/** Forget cached files (tests switch DATA_OUTPUT_DIR between cases). */
export function resetDataCache(): void {
  cache.clear();
}

/** The raw text of an output file, unvalidated (used by /data/ endpoints after validation). */
export function readOutputText(file: OutputFile): string {
  const path = outputPath(file);
  if (!existsSync(path)) throw new OutputFileError(path, 'file not found.');
  return readFileSync(path, 'utf8');
}

/** Describe a zod issue path with the row it is in, e.g. `rows[3] (E08000003 2021).cla_count`. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = data;
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number' && node && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      const id = [r.la_code ?? r.code, r.year].filter((x) => x !== undefined).join(' ');
      if (id) out += ` (${id})`;
    }
  }
  return out || '(top level)';
}

export function loadOutput<S extends z.ZodType>(file: OutputFile, schema: S): z.infer<S> {
  const path = outputPath(file);
  if (cache.has(path)) return cache.get(path) as z.infer<S>;
  const text = readOutputText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new OutputFileError(path, `not valid JSON (${(e as Error).message}); the file may be truncated.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => {
      const value = describeValue(json, i.path);
      return `  ${describePath(json, i.path)}: ${i.message}${value}`;
    });
    const more = parsed.error.issues.length > 20 ? `\n  … and ${parsed.error.issues.length - 20} more` : '';
    throw new OutputFileError(path, `does not match the contract (contract/outputs.ts):\n${issues.join('\n')}${more}`);
  }
  cache.set(path, parsed.data);
  return parsed.data as z.infer<S>;
}

function describeValue(data: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  if (node === undefined || (typeof node === 'object' && node !== null)) return '';
  return ` (value: ${JSON.stringify(node)})`;
}
