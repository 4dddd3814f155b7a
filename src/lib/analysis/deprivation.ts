/**
 * Claim 3 (LGA / Newton Europe, 2018): deprivation explains about half the
 * variation in spending between councils (the report itself: five factors
 * together explain about half; deprivation alone, 31 per cent).
 *
 * Per year: OLS of spend per child (cash; identical R² in real terms within a
 * year) on the council's IDACI 2019 average score, R² with a percentile
 * bootstrap 95% CI (2,000 resamples, fixed seed), the slope in £ per 0.1 of
 * IDACI (0.1 = ten percentage points more children in income-deprived
 * families), and the same fit on log spend.
 */
import { claimById } from './claims.ts';
import { bootstrapPairedCI, ols, type Interval } from './stats.ts';
import { EXCLUDED_BY_DEFAULT, panelYears, sampleYear } from './sample.ts';
import { num, type AnalysisInputs, type ClaimResult } from './types.ts';
import { financialYear } from './spend-quality.ts';

export interface DeprivationYear {
  year: number;
  financialYear: string;
  n: number;
  r2: number;
  r2CI: Interval;
  /** £ per child for each 0.1 increase in the IDACI score. */
  slopePerTenth: number;
  intercept: number;
  r2Log: number;
  r2LogCI: Interval;
  /** Approximate % change in spend per child per 0.1 IDACI (from the log fit). */
  pctPerTenthLog: number;
}

export function deprivationYear(inputs: AnalysisInputs, year: number, seed = 2018): DeprivationYear | null {
  const rows = sampleYear(inputs.panel, year, 'spend_per_child_gbp').filter((s) => num(s.row.idaci_score) !== null && s.x > 0);
  if (rows.length < 10) return null;
  const x = rows.map((s) => s.row.idaci_score as number);
  const y = rows.map((s) => s.x);
  const ly = y.map(Math.log);
  const fit = ols(x, y);
  const logFit = ols(x, ly);
  const r2 = (a: number[], b: number[]) => ols(a, b).r2;
  return {
    year,
    financialYear: financialYear(year),
    n: rows.length,
    r2: fit.r2,
    r2CI: bootstrapPairedCI(x, y, r2, { resamples: 2000, seed: seed + year }),
    slopePerTenth: fit.slope / 10,
    intercept: fit.intercept,
    r2Log: logFit.r2,
    r2LogCI: bootstrapPairedCI(x, ly, r2, { resamples: 2000, seed: seed + year + 1 }),
    pctPerTenthLog: (Math.exp(logFit.slope / 10) - 1) * 100,
  };
}

export interface DeprivationData {
  years: DeprivationYear[];
  /** The year closest to Newton's data (2016-17 outturn = year 2017). */
  newtonYear: DeprivationYear | null;
  /** Newton's reported share for deprivation alone, and the "about half" of the five factors. */
  benchmarks: { deprivationAlone: number; fiveFactors: number };
}

export function analyseDeprivation(inputs: AnalysisInputs): ClaimResult<DeprivationData> {
  const years = panelYears(inputs.panel)
    .map((y) => deprivationYear(inputs, y))
    .filter((r): r is DeprivationYear => r !== null);
  const newtonYear = years.find((y) => y.year === 2017) ?? null;
  const pc = (v: number) => `${Math.round(v * 100)}%`;
  const r2s = years.map((y) => y.r2);
  const lo = Math.min(...r2s);
  const hi = Math.max(...r2s);
  const ny = newtonYear;
  const halfInCI = ny ? ny.r2CI.lo <= 0.5 && ny.r2CI.hi >= 0.5 : false;
  const verdictCode = ny && halfInCI ? 'supported' : 'partly-supported';
  const verdict = ny
    ? `${halfInCI ? 'Supported' : 'Partly supported'}: child deprivation (IDACI) alone explains ${pc(ny.r2)} of the variation in spend per child between councils in ${ny.financialYear} (95% CI ${pc(ny.r2CI.lo)}–${pc(ny.r2CI.hi)}; ${pc(lo)}–${pc(hi)} across ${years[0]!.year}–${years.at(-1)!.year}) — ${halfInCI ? 'consistent with “about half”' : ny.r2 < 0.5 ? 'less than half, but more than the 31% Newton gave deprivation alone' : 'more than half'}; each 0.1 on the IDACI score goes with about £${Math.round(ny.slopePerTenth)} more per child.`
    : 'No year with both spend and IDACI.';
  return {
    claimId: claimById('lga-newton-2018-deprivation').id,
    verdictCode: ny && !halfInCI && ny.r2 < 0.31 ? 'not-supported' : verdictCode,
    verdict,
    method:
      'Per year, ordinary least squares of spend per child aged 0–17 on the IDACI 2019 average score of the council (one observation per council); R² with a 95% percentile bootstrap interval (2,000 resamples of councils, fixed seed); the same on log spend; slope expressed per 0.1 of IDACI.',
    caveats: [
      'The LGA/Newton figure of “about half” is for five factors together (deprivation, crime, household income, unemployment, population under 26); deprivation alone was reported as 31%. Our single-factor R² is the comparable test for deprivation, not for the five-factor model.',
      'Newton measured spend per person aged 0–25 from 2016-17 revenue outturn; we use Section 251 gross spend per child aged 0–17, so figures differ in level.',
      'IDACI 2019 is used for every year (one vintage); councils created after 2019 with new boundaries (North and West Northamptonshire, Cumberland, Westmorland and Furness) have no IDACI score and drop out.',
      'The claim that “different professional practices account for just 13 per cent” cannot be tested with these data: no published dataset records councils’ practice, and Newton’s findings on practice came from its in-depth work with a sample of eight councils rather than national data.',
      'R² describes association across councils in one year, not what would happen to one council’s spend if its deprivation changed.',
      `${Object.values(EXCLUDED_BY_DEFAULT).join(' and ')} are excluded.`,
    ],
    provenance: {
      files: ['la-panel.json'],
      columns: ['spend_per_child_gbp', 'idaci_score'],
      years: years.map((y) => y.year),
      dataVersion: inputs.dataVersion,
    },
    data: { years, newtonYear, benchmarks: { deprivationAlone: 0.31, fiveFactors: 0.5 } },
  };
}
