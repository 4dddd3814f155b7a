/**
 * The parse step of each cached source family, by name: the same functions run
 * on the main thread or in the parse worker (parse-worker.ts). Each returns a
 * plain, JSON-serialisable result (it is cached and may cross a thread boundary).
 */
import type { SourceFiles } from './core/acquire.ts';
import type { Family } from './core/manifest.ts';
import type { FamilyResult } from './core/types.ts';
import { loadCla } from './sources/cla.ts';
import { loadCin } from './sources/cin.ts';
import { loadPopulation } from './sources/population.ts';
import { loadWorkforce } from './sources/workforce.ts';
import { loadSpend, loadMhclgNational, MHCLG_SPECS, socialWorkClaimFigures, type ClaimFigure, type MhclgNationalYear, type SpendResult } from './sources/spend/index.ts';
import { loadDeflators, type Deflators } from './sources/deflators.ts';
import { loadOfstedDetailed, type OfstedLoad } from './sources/ofsted/index.ts';

export type SpendTaskResult = FamilyResult & {
  laitInconsistencies: SpendResult['laitInconsistencies'];
  laitRevisions: number;
  socialWorkClaim: ClaimFigure[];
};

export interface TaskResults {
  spend: SpendTaskResult;
  ofsted: OfstedLoad;
  /** MHCLG revenue outturn, split in two so the parses can run on both cores: RS (.xls/.xlsx) and RSX (.ods). */
  mhclgRs: MhclgNationalYear[];
  mhclgRsx: MhclgNationalYear[];
  deflators: Deflators;
  cla: FamilyResult;
  cin: FamilyResult;
  population: FamilyResult;
  workforce: FamilyResult;
}
export type TaskName = keyof TaskResults;

/** Which manifest families' files each task reads (its cache key covers exactly these). */
export const TASK_FAMILIES: Record<TaskName, readonly Family[]> = {
  spend: ['spend'],
  ofsted: ['ofsted'],
  mhclgRs: ['spend'],
  mhclgRsx: ['spend'],
  deflators: ['deflators'],
  cla: ['cla'],
  cin: ['cin'],
  population: ['population'],
  workforce: ['workforce'],
};

/** Slow spreadsheet parsing (ODS/XLS), run in the worker thread when not cached. */
export const WORKER_TASKS: readonly TaskName[] = ['ofsted', 'mhclgRsx'];

const RS_IDS = MHCLG_SPECS.map((s) => s.id).filter((id) => id.startsWith('mhclg-rs-'));
const RSX_IDS = MHCLG_SPECS.map((s) => s.id).filter((id) => !id.startsWith('mhclg-rs-'));

export const TASKS: { [K in TaskName]: (files: SourceFiles) => Promise<TaskResults[K]> | TaskResults[K] } = {
  spend: async (files) => {
    const r = await loadSpend(files);
    return {
      observations: r.observations,
      rowsRead: r.rowsRead,
      laitInconsistencies: r.laitInconsistencies,
      laitRevisions: r.laitRevisions,
      socialWorkClaim: socialWorkClaimFigures(r.s251),
    };
  },
  ofsted: (files) => loadOfstedDetailed(files),
  mhclgRs: (files) => loadMhclgNational(files, RS_IDS),
  mhclgRsx: (files) => loadMhclgNational(files, RSX_IDS),
  deflators: (files) => loadDeflators(files),
  cla: (files) => loadCla(files),
  cin: (files) => loadCin(files),
  population: (files) => loadPopulation(files),
  workforce: (files) => loadWorkforce(files),
};
