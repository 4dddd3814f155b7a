/**
 * Parse every source family, each through the parse cache (keyed by the
 * checksums of the family's files and the pipeline's code version), and gather
 * their results. Geography is not cached (it holds functions, and its CSV
 * lookups parse in milliseconds); everything that reads spreadsheets or parquet is.
 */
import type { Inspection } from './contract.ts';
import type { SourceFiles } from './core/acquire.ts';
import type { Family } from './core/manifest.ts';
import type { FamilyResult, Observation } from './core/types.ts';
import { cacheKey, type ParseCache } from './cache.ts';
import { loadCla } from './sources/cla.ts';
import { loadCin } from './sources/cin.ts';
import { loadPopulation } from './sources/population.ts';
import { loadWorkforce } from './sources/workforce.ts';
import { loadSpend, loadMhclgNational, socialWorkClaimFigures, type ClaimFigure, type MhclgNationalYear, type SpendResult } from './sources/spend/index.ts';
import { loadDeflators, type Deflators } from './sources/deflators.ts';
import { loadOfstedDetailed, type OfstedLoad } from './sources/ofsted/index.ts';
import { loadGeography, type Geography } from './sources/geography.ts';
import { loadDeprivation, type DeprivationRow } from './sources/deprivation.ts';
import { loadGeo, type GeoData } from './sources/geo.ts';

export interface Families {
  observations: Observation[];
  rowsRead: Record<string, number>;
  geography: Geography;
  ofsted: Omit<OfstedLoad, 'rowsRead'>;
  inspections: Inspection[];
  deprivation: DeprivationRow[];
  deflators: Deflators;
  geo: GeoData;
  mhclgNational: MhclgNationalYear[];
  spendChecks: { laitInconsistencies: SpendResult['laitInconsistencies']; laitRevisions: number; socialWorkClaim: ClaimFigure[] };
}

function idsOf(files: SourceFiles, families: readonly Family[]): string[] {
  return [...files.values()].filter((f) => families.includes(f.entry.family)).map((f) => `${f.entry.id}:${f.sha256}`).sort();
}

export async function loadFamilies(files: SourceFiles, cache: ParseCache, codeVersion: string, log: (m: string) => void): Promise<Families> {
  const cached = async <T>(name: string, families: readonly Family[], compute: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const { value, hit } = await cache.through(name, cacheKey([codeVersion, ...idsOf(files, families)]), compute);
    log(`  ${name.padEnd(12)} ${hit ? 'cached' : 'parsed'} in ${Math.round(performance.now() - start)} ms`);
    return value;
  };

  const geography = loadGeography(files);
  // Independent families; the slow ones (spreadsheets, parquet) first.
  const spend = await cached('spend', ['spend'], async () => {
    const r = await loadSpend(files);
    return { observations: r.observations, rowsRead: r.rowsRead, laitInconsistencies: r.laitInconsistencies, laitRevisions: r.laitRevisions, socialWorkClaim: socialWorkClaimFigures(r.s251) };
  });
  const ofsted = await cached('ofsted', ['ofsted'], () => loadOfstedDetailed(files));
  const mhclgNational = await cached('mhclg', ['spend'], () => loadMhclgNational(files));
  const deflators = await cached('deflators', ['deflators'], () => loadDeflators(files));
  const cla = await cached<FamilyResult>('cla', ['cla'], () => loadCla(files));
  const cin = await cached<FamilyResult>('cin', ['cin'], () => loadCin(files));
  const population = await cached<FamilyResult>('population', ['population'], () => loadPopulation(files));
  const workforce = await cached<FamilyResult>('workforce', ['workforce'], () => loadWorkforce(files));
  const geo = await cached('geo', ['geo', 'geography'], () => loadGeo(files, geography));
  const deprivation = await cached('deprivation', ['deprivation', 'geography'], () => loadDeprivation(files, geography));

  const rowsRead: Record<string, number> = {};
  for (const r of [cla, cin, population, workforce, spend]) Object.assign(rowsRead, r.rowsRead);
  rowsRead['ofsted-csc-2023'] = ofsted.rowsRead; // both Ofsted files together
  const { rowsRead: _ofstedRows, ...ofstedRest } = ofsted;
  return {
    observations: [...cla.observations, ...cin.observations, ...population.observations, ...workforce.observations, ...spend.observations],
    rowsRead,
    geography,
    ofsted: ofstedRest,
    inspections: ofsted.inspections,
    deprivation,
    deflators,
    geo,
    mhclgNational,
    spendChecks: { laitInconsistencies: spend.laitInconsistencies, laitRevisions: spend.laitRevisions, socialWorkClaim: spend.socialWorkClaim },
  };
}
