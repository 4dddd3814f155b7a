/**
 * Checkable claims in story frontmatter. A claim says that `measure` for
 * `code` in `year` is `value` (null = the story says it is not available).
 * The story page verifies every claim against the data at build time, so a
 * story whose figures no longer match the data fails the build.
 */
import { PANEL_NUMERIC_COLUMNS, type PanelNumericColumn } from '../../../contract/outputs.ts';
import { figure } from '../data.ts';
import { claimsFileSchema, type ClaimsFileData, type EvaluatedClaimData } from '../../../contract/claims-schema.ts';
import { loadOutput } from './load.ts';

export interface Claim {
  text: string;
  measure: string;
  code: string;
  year: number;
  value: number | null;
  tolerance?: number | undefined;
}

export class ClaimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimError';
  }
}

export function verifyClaims(storyId: string, claims: readonly Claim[] | undefined): void {
  const problems: string[] = [];
  (claims ?? []).forEach((c, i) => {
    const where = `src/content/stories/${storyId}.mdx claims[${i}] ("${c.text}")`;
    if (!(PANEL_NUMERIC_COLUMNS as readonly string[]).includes(c.measure)) {
      problems.push(`${where}: unknown measure "${c.measure}".`);
      return;
    }
    try {
      const f = figure(c.measure as PanelNumericColumn, c.code, c.year);
      if (c.value === null || f.value === null) {
        if (c.value !== f.value) problems.push(`${where}: claims ${c.value}, data has ${f.value ?? `missing (${f.missing})`}.`);
      } else if (Math.abs(f.value - c.value) > (c.tolerance ?? 0)) {
        problems.push(`${where}: claims ${c.value}, data has ${f.value} (tolerance ${c.tolerance ?? 0}).`);
      }
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message}`);
    }
  });
  if (problems.length) throw new ClaimError(`Story claims do not match the data:\n${problems.join('\n')}`);
}

// ------------------------------------------------------------------ claims.json (the claims engine's output)

/** data/output/claims.json, validated (written by `npm run data`, scripts/claims/write.ts). */
export function getClaimsFile(): ClaimsFileData {
  return loadOutput('claims.json', claimsFileSchema);
}

export function getEvaluatedClaim(id: string): EvaluatedClaimData {
  const c = getClaimsFile().claims.find((x) => x.id === id);
  if (!c) throw new ClaimError(`No claim "${id}" in claims.json: the ids are the file names in src/lib/analysis/registry/.`);
  return c;
}
