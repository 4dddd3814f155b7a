/**
 * Checks on the assembled outputs before anything is published. Source-level
 * validation happens where data enter (scripts/data/sources); these checks catch
 * mistakes in harmonisation and derivation: lost or duplicated council-years,
 * impossible values, England figures that do not equal what DfE printed.
 */
import { ENGLAND_CODE } from '../../contract/codes.ts';
import {
  AnomaliesFileSchema,
  EnglandPublishedSchema,
  InspectionsFileSchema,
  LasFileSchema,
  PanelFileSchema,
  PlacesFileSchema,
  ProvenanceSchema,
  RegionsFileSchema,
} from '../../contract/schemas.ts';
import type { z } from 'zod';
import type { Assembled } from './assemble.ts';
import { DataError, type DataErrorLocation } from './core/errors.ts';
import type { Geography } from './sources/geography.ts';

/**
 * A derived output failed a check. A DataError (exit code 1, no stack trace): its location names
 * the source the offending value came from (where the store knows it), the output file, the row
 * (council and year), the column and the value.
 */
export class OutputError extends DataError {
  override name = 'OutputError';
}

const RANGES: Partial<Record<string, [number, number]>> = {
  cla_rate_per_10k: [0, 500],
  cin_rate_per_10k: [0, 2500],
  cpp_rate_per_10k: [0, 500],
  population_0_17: [0, 2_000_000],
  spend_per_child_gbp: [0, 50_000],
  idaci_score: [0, 1],
  sw_agency_rate: [0, 100],
  sw_vacancy_rate: [0, 100],
  sw_turnover_rate: [0, 100],
  sw_caseload: [0, 200],
};

/** The published JSON files the site reads, each with the contract schema it is read with (england.json: every part present). */
export const CONTRACT_SCHEMAS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['la-panel.json', PanelFileSchema],
  ['england.json', EnglandPublishedSchema],
  ['regions.json', RegionsFileSchema],
  ['las.json', LasFileSchema],
  ['places.json', PlacesFileSchema],
  ['inspections.json', InspectionsFileSchema],
  ['anomalies.json', AnomaliesFileSchema],
  ['provenance.json', ProvenanceSchema],
];

/**
 * Every published file the site reads matches its schema in contract/schemas.ts, so a build never
 * meets an output the pipeline could not have written. Throws an OutputError naming the file, the
 * path inside it and the value; nothing is published.
 */
export function validateAgainstContract(files: ReadonlyMap<string, string>): void {
  for (const [file, schema] of CONTRACT_SCHEMAS) {
    const text = files.get(file);
    if (text === undefined)
      throw new OutputError({ source: 'derived outputs', file }, `${file} was not assembled`, 'see scripts/data/assemble.ts; nothing was published');
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) continue;
    const issues = parsed.error.issues;
    const first = issues[0]!;
    const at = (path: readonly PropertyKey[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('') || '(top level)';
    throw new OutputError(
      { source: 'derived outputs', file, column: at(first.path) },
      `${file} does not match its schema in contract/schemas.ts (${issues.length} problem(s)):\n  ${issues
        .slice(0, 20)
        .map((i) => `${at(i.path)}: ${i.message}`)
        .join('\n  ')}`,
      'fix the derivation that wrote the field (scripts/data/assemble.ts and derive/), or change the contract (contract/outputs.ts and contract/schemas.ts) together with the site code that reads it; nothing was published',
    );
  }
}

export function validateOutputs(out: Assembled, geography: Geography): void {
  const problems: string[] = [];
  let first: DataErrorLocation | undefined;
  const seen = new Set<string>();
  for (const r of out.panel) {
    const k = `${r.la_code}|${r.year}`;
    if (seen.has(k)) problems.push(`duplicate panel row ${k}`);
    seen.add(k);
    for (const [col, [lo, hi]] of Object.entries(RANGES) as [string, [number, number]][]) {
      const v = (r as unknown as Record<string, number | null>)[col];
      if (v !== null && v !== undefined && (v < lo || v > hi)) {
        const from = out.sourceOf?.(col, r.la_code, r.year);
        problems.push(`${r.la_name} ${r.year} ${col} = ${v} is outside [${lo}, ${hi}]${from ? ` (from ${from})` : ''}`);
        first ??= { source: from ?? 'derived la-panel', file: 'la-panel.csv', row: out.panel.indexOf(r) + 2, column: col, value: v };
      }
    }
  }
  const years = [...new Set(out.panel.map((r) => r.year))].sort();
  for (const y of years) {
    const expected = geography.lasIn(y).length;
    const got = out.panel.filter((r) => r.year === y).length;
    if (expected !== got) problems.push(`${y}: ${got} panel rows but ${expected} councils existed`);
  }
  for (const e of out.england) {
    if (e.code !== ENGLAND_CODE) problems.push(`england series holds ${e.code}`);
  }
  if (problems.length) {
    throw new OutputError(
      first ?? { source: 'derived outputs' },
      `the derived outputs failed ${problems.length} check(s):\n  ${problems.slice(0, 20).join('\n  ')}`,
      first
        ? 'check the value in the source file named first (a typing or unit error), or the derivation in scripts/data/derive if the source is right; nothing was published'
        : 'a derivation step lost or duplicated rows: see scripts/data/derive; nothing was published',
    );
  }
}
