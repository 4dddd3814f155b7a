/**
 * Claim 3 (LGA / Newton Europe, 2018): deprivation explains about half the
 * variation in spending between councils (the report itself: five factors
 * together explain about half; deprivation alone, 31 per cent).
 *
 * Descriptive, for the story: per year, OLS of spend per child (cash) on the
 * council's IDACI 2019 average score, R², the slope in £ per 0.1 of
 * IDACI (0.1 = ten percentage points more children in income-deprived
 * families), and the same fit on log spend. The R² the story and card print,
 * with its interval, is the claims engine's (engine.ts, in claims.json).
 */
import { ols } from '../../../contract/stats.ts';
import { panelYears, sampleYear } from './sample.ts';
import { num, type AnalysisInputs, type StoryResult } from './types.ts';
import { financialYear } from '../../../contract/years.ts';

export interface DeprivationYear {
  year: number;
  financialYear: string;
  n: number;
  r2: number;
  /** £ per child for each 0.1 increase in the IDACI score. */
  slopePerTenth: number;
  intercept: number;
  r2Log: number;
  /** Approximate % change in spend per child per 0.1 IDACI (from the log fit). */
  pctPerTenthLog: number;
}

export function deprivationYear(inputs: AnalysisInputs, year: number): DeprivationYear | null {
  const rows = sampleYear(inputs.panel, year, 'spend_per_child_gbp').filter((s) => num(s.row.idaci_score) !== null && s.x > 0);
  if (rows.length < 10) return null;
  const x = rows.map((s) => s.row.idaci_score as number);
  const y = rows.map((s) => s.x);
  const ly = y.map(Math.log);
  const fit = ols(x, y);
  const logFit = ols(x, ly);
  return {
    year,
    financialYear: financialYear(year),
    n: rows.length,
    r2: fit.r2,
    slopePerTenth: fit.slope / 10,
    intercept: fit.intercept,
    r2Log: logFit.r2,
    pctPerTenthLog: (Math.exp(logFit.slope / 10) - 1) * 100,
  };
}

export interface DeprivationData {
  years: DeprivationYear[];
  /** Newton's reported share for deprivation alone, and the "about half" of the five factors. */
  benchmarks: { deprivationAlone: number; fiveFactors: number };
}

export function analyseDeprivation(inputs: AnalysisInputs): StoryResult<DeprivationData> {
  const years = panelYears(inputs.panel)
    .map((y) => deprivationYear(inputs, y))
    .filter((r): r is DeprivationYear => r !== null);
  return {
    provenance: {
      files: ['la-panel.json'],
      columns: ['spend_per_child_gbp', 'idaci_score'],
      years: years.map((y) => y.year),
      dataVersion: inputs.dataVersion,
    },
    data: { years, benchmarks: { deprivationAlone: 0.31, fiveFactors: 0.5 } },
  };
}
