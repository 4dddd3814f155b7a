/**
 * Claims 1 and 2: does spending per child go with the Ofsted grade?
 *
 * Claim 1 (DfE, 2016): "no significant correlation between spend and
 * effectiveness". For every year with both a spend figure and Ofsted
 * judgements in force, the story's descriptive table: councils, frameworks
 * and spend per child by grade (medians in cash and, where a deflator exists,
 * real terms). The tests of the claim (rank correlations, intervals,
 * p-values) are the claims engine's (engine.ts, in claims.json).
 *
 * Claim 2 (Goodwill, 2017): "good" councils spending half as much per child
 * as others. For a year, the spread of spend among councils rated Good or
 * Outstanding and the ratios that could make "half as much" true.
 */
import type { OfstedGrade, PanelRow } from '../../../contract/outputs.ts';
import { registryClaim } from './registry/index.ts';
import { median } from '../../../contract/stats.ts';
import { financialYear } from '../../../contract/years.ts';
import { GRADE_ORDER, panelYears, sampleYear } from './sample.ts';
import { num, type AnalysisInputs, type StoryResult } from './types.ts';

// One source for the thresholds: the claims registry (these per-year descriptive tables feed the story charts;
// verdicts are the claims engine's, src/lib/analysis/engine.ts).
const DFE_TEST = registryClaim('dfe-no-significant-correlation').test;
if (DFE_TEST.kind !== 'spend-grade-association') throw new Error('registry: dfe-no-significant-correlation must be a spend-grade-association test.');
/** Years in which fewer graded councils than this are reported but not used for the verdict. */
export const MIN_N = DFE_TEST.minN;

export interface GradeSummary {
  grade: OfstedGrade;
  n: number;
  medianCash: number | null;
  medianReal: number | null;
  minCash: number | null;
  maxCash: number | null;
}

export interface SpendGradeYear {
  year: number;
  financialYear: string;
  n: number;
  /** Frameworks of the judgements in force (SIF, ILACS). */
  frameworks: string[];
  byGrade: GradeSummary[];
  usedForVerdict: boolean;
}

function gradeSummary(rows: PanelRow[], grade: OfstedGrade): GradeSummary {
  const cash = rows.map((r) => num(r.spend_per_child_gbp)).filter((v): v is number => v !== null);
  const real = rows.map((r) => num(r.spend_per_child_real_gbp)).filter((v): v is number => v !== null);
  return {
    grade,
    n: rows.length,
    medianCash: cash.length ? median(cash) : null,
    medianReal: real.length === rows.length && real.length ? median(real) : null,
    minCash: cash.length ? Math.min(...cash) : null,
    maxCash: cash.length ? Math.max(...cash) : null,
  };
}

/** Spend per child (cash) against the Ofsted grade in force, one year. Null if fewer than 5 councils. */
export function spendGradeYear(panel: readonly PanelRow[], year: number): SpendGradeYear | null {
  const rows = sampleYear(panel, year, 'spend_per_child_gbp').filter((s) => s.row.ofsted_overall !== null);
  if (rows.length < 5) return null;
  return {
    year,
    financialYear: financialYear(year),
    n: rows.length,
    frameworks: [...new Set(rows.map((s) => s.row.ofsted_framework ?? 'unknown'))].sort(),
    byGrade: GRADE_ORDER.map((grade) =>
      gradeSummary(
        rows.filter((s) => s.row.ofsted_overall === grade).map((s) => s.row),
        grade,
      ),
    ),
    usedForVerdict: rows.length >= MIN_N,
  };
}

export interface SpendQualityData {
  years: SpendGradeYear[];
  /** The 2016-era cut: SIF judgements in force at 31 March 2016 and 2017 against 2015-16 and 2016-17 spend. */
  era2016: SpendGradeYear[];
  latest: SpendGradeYear | null;
}

export function analyseSpendVsOfsted(inputs: AnalysisInputs): StoryResult<SpendQualityData> {
  const years = panelYears(inputs.panel)
    .map((y) => spendGradeYear(inputs.panel, y))
    .filter((r): r is SpendGradeYear => r !== null);
  const used = years.filter((y) => y.usedForVerdict);
  const era2016 = years.filter((y) => y.year === 2016 || y.year === 2017);
  const latest = used.at(-1) ?? null;

  return {
    provenance: {
      files: ['la-panel.json'],
      columns: ['spend_per_child_gbp', 'spend_per_child_real_gbp', 'ofsted_overall', 'ofsted_framework'],
      years: years.map((y) => y.year),
      dataVersion: inputs.dataVersion,
    },
    data: { years, era2016, latest },
  };
}

export interface HalfAsMuchYear {
  year: number;
  financialYear: string;
  nGood: number;
  good: { minCash: number; medianCash: number; maxCash: number; minReal: number | null; medianReal: number | null; maxReal: number | null };
  lowestGood: { code: string; name: string; grade: OfstedGrade; cash: number };
  highestGood: { code: string; name: string; grade: OfstedGrade; cash: number };
  /** Lowest-spending Good/Outstanding council's spend as a share of each grade's median and maximum. */
  ratios: Array<{ grade: OfstedGrade; n: number; toMedian: number | null; toMax: number | null }>;
  /** Median Good/Outstanding spend as a share of the median of councils rated below Good. */
  typicalRatio: number | null;
  /** Good/Outstanding councils spending at most half the median of all graded councils. */
  goodAtMostHalfOfMedian: number;
  medianAllGraded: number;
}

export function halfAsMuchYear(panel: readonly PanelRow[], year: number): HalfAsMuchYear | null {
  const rows = sampleYear(panel, year, 'spend_per_child_gbp').filter((s) => s.row.ofsted_overall !== null);
  const good = rows.filter((s) => s.row.ofsted_overall === 'Good' || s.row.ofsted_overall === 'Outstanding').sort((a, b) => a.x - b.x);
  const below = rows.filter((s) => s.row.ofsted_overall === 'Inadequate' || s.row.ofsted_overall === 'Requires improvement');
  if (good.length === 0) return null;
  const lo = good[0]!;
  const hi = good.at(-1)!;
  const real = good.map((s) => num(s.row.spend_per_child_real_gbp));
  const realOk = real.every((v) => v !== null) ? (real as number[]) : null;
  const medianAll = median(rows.map((s) => s.x));
  return {
    year,
    financialYear: financialYear(year),
    nGood: good.length,
    good: {
      minCash: lo.x,
      medianCash: median(good.map((s) => s.x)),
      maxCash: hi.x,
      minReal: realOk ? Math.min(...realOk) : null,
      medianReal: realOk ? median(realOk) : null,
      maxReal: realOk ? Math.max(...realOk) : null,
    },
    lowestGood: { code: lo.code, name: lo.name, grade: lo.row.ofsted_overall!, cash: lo.x },
    highestGood: { code: hi.code, name: hi.name, grade: hi.row.ofsted_overall!, cash: hi.x },
    ratios: GRADE_ORDER.map((grade) => {
      const xs = rows.filter((s) => s.row.ofsted_overall === grade).map((s) => s.x);
      return { grade, n: xs.length, toMedian: xs.length ? lo.x / median(xs) : null, toMax: xs.length ? lo.x / Math.max(...xs) : null };
    }),
    typicalRatio: below.length ? median(good.map((s) => s.x)) / median(below.map((s) => s.x)) : null,
    goodAtMostHalfOfMedian: good.filter((s) => s.x <= medianAll / 2).length,
    medianAllGraded: medianAll,
  };
}

export interface HalfAsMuchData {
  years: HalfAsMuchYear[];
}

export function analyseHalfAsMuch(inputs: AnalysisInputs, years: readonly number[] = [2017]): StoryResult<HalfAsMuchData> {
  const latestYear = Math.max(...inputs.panel.filter((r) => num(r.spend_per_child_gbp) !== null && r.ofsted_overall).map((r) => r.year));
  const ys = [...new Set([...years, latestYear])].sort((a, b) => a - b);
  const out = ys.map((y) => halfAsMuchYear(inputs.panel, y)).filter((r): r is HalfAsMuchYear => r !== null);
  return {
    provenance: {
      files: ['la-panel.json'],
      columns: ['spend_per_child_gbp', 'spend_per_child_real_gbp', 'ofsted_overall'],
      years: out.map((r) => r.year),
      dataVersion: inputs.dataVersion,
    },
    data: { years: out },
  };
}

/** A true minus sign for reader copy: "-0.21" → "−0.21". */
function minus(s: string): string {
  return s.replace(/^-/, '\u2212');
}
