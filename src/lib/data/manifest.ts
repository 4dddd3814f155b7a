/**
 * The source manifest (data/sources.json) for pages: read once at build time
 * and validated with the pipeline's own schema.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LICENCES, ManifestSchema, type SourceEntry } from '../../../scripts/data/core/manifest.ts';

export type { SourceEntry };
export { LICENCES };

let cached: SourceEntry[] | undefined;

export function getSources(): SourceEntry[] {
  if (cached) return cached;
  const path = resolve(process.cwd(), 'data/sources.json');
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${path} is not a valid source manifest:\n${issues}`);
  }
  cached = parsed.data.sources;
  return cached;
}

export function getSource(id: string): SourceEntry {
  const s = getSources().find((x) => x.id === id);
  if (!s) throw new Error(`unknown source id "${id}": it is not in data/sources.json`);
  return s;
}

export const FAMILY_NAMES: Record<SourceEntry['family'], string> = {
  cla: 'Children looked after',
  cin: 'Children in need and child protection',
  spend: 'Spending',
  ofsted: 'Ofsted inspections',
  population: 'Population',
  workforce: 'Social work workforce',
  deprivation: 'Deprivation',
  deflators: 'Prices (GDP deflators)',
  geography: 'Council codes and boundaries changes',
  geo: 'Maps',
};
