/**
 * The parse step of each cached source family, by name: the same functions run
 * on the main thread or in the parse worker (parse-worker.ts). Each returns a
 * plain, JSON-serialisable result (it is cached and may cross a thread boundary).
 */
import type { SourceFiles } from './core/acquire.ts';
import type { Family } from '../../contract/manifest.ts';
import type { FamilyResult } from './core/types.ts';
import { loadCla } from './sources/cla.ts';
import { loadCin } from './sources/cin.ts';
import { loadPopulation } from './sources/population.ts';
import { loadWorkforce } from './sources/workforce.ts';
import { loadSpend, loadMhclgNational, socialWorkClaimFigures, type ClaimFigure, type MhclgNationalYear, type SpendResult } from './sources/spend/index.ts';
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

/** Options every parse task receives (see PipelineConfig.strictCoverage). */
export interface ParseOptions {
  /** false only for small test fixtures: the minimum-coverage checks meant for real files are relaxed to one row. */
  strictCoverage: boolean;
}
export const STRICT: ParseOptions = { strictCoverage: true };

/** True when the run lowers the loaders' minimum-coverage limits (their defaults suit the real files). */
const relaxed = (o: ParseOptions) => !o.strictCoverage;

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

export const TASKS: { [K in TaskName]: (files: SourceFiles, opts?: ParseOptions) => Promise<TaskResults[K]> | TaskResults[K] } = {
  spend: async (files, opts = STRICT) => {
    const r = await loadSpend(files, relaxed(opts) ? { s251Limits: { minRows: 1, minLas: 1 }, laitMinFinanceRows: 1 } : {});
    return {
      observations: r.observations,
      rowsRead: r.rowsRead,
      laitInconsistencies: r.laitInconsistencies,
      laitRevisions: r.laitRevisions,
      socialWorkClaim: socialWorkClaimFigures(r.s251),
    };
  },
  ofsted: (files, opts = STRICT) => loadOfstedDetailed(files, relaxed(opts) ? { minHistoryRows: 1 } : {}),
  mhclgRs: (files) => loadMhclgNational(files, ['revenue-outturn-rs']),
  mhclgRsx: (files) => loadMhclgNational(files, ['revenue-outturn-rsx']),
  deflators: (files) => loadDeflators(files),
  cla: (files, opts = STRICT) => loadCla(files, relaxed(opts) ? { coverage: false } : {}),
  cin: (files, opts = STRICT) => loadCin(files, relaxed(opts) ? { minLasPerPeriod: 1 } : {}),
  population: (files, opts = STRICT) => loadPopulation(files, relaxed(opts) ? { minLasPerPeriod: 1 } : {}),
  workforce: (files, opts = STRICT) => loadWorkforce(files, relaxed(opts) ? { minLasPerPeriod: 1 } : {}),
};
