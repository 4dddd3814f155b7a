/**
 * Claims 1 and 2: does spending per child go with the Ofsted grade?
 *
 * Claim 1 (DfE, 2016): "no significant correlation between spend and
 * effectiveness". For every year with both a spend figure and Ofsted
 * judgements in force we test spend per child against the overall grade.
 * The grade is ordinal (Inadequate < Requires improvement < Good <
 * Outstanding), so we use Spearman's rank correlation with ties, a
 * bootstrap 95% CI (2,000 resamples of councils), a two-sided permutation
 * p-value (5,000 shuffles), the Kruskal–Wallis test across grades and a
 * Jonckheere–Terpstra trend test (permutation p). Spend per child is cash:
 * within one year every council has the same deflator, so ranks, and so
 * every statistic here, are identical in real terms; medians are given in
 * both where a deflator exists.
 *
 * Claim 2 (Goodwill, 2017): "good" councils spending half as much per child
 * as others. For a year, the spread of spend among councils rated Good or
 * Outstanding and the ratios that could make "half as much" true.
 */
import type { OfstedGrade, PanelRow } from '../../../scripts/data/contract.ts';
import { claimById } from './claims.ts';
import {
  bootstrapPairedCI,
  jonckheereTest,
  kruskalWallis,
  median,
  permutationTest,
  spearman,
  type Interval,
  type JonckheereTest,
  type KruskalWallis,
  type PermutationTest,
} from './stats.ts';
import { GRADE_ORDER, gradeScore, panelYears, sampleYear, EXCLUDED_BY_DEFAULT } from './sample.ts';
import { num, type AnalysisInputs, type ClaimResult } from './types.ts';

export const ALPHA = 0.05;
/** Years in which fewer graded councils than this are reported but not used for the verdict. */
export const MIN_N = 30;

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
  rho: number;
  ci: Interval;
  permutation: PermutationTest;
  kruskalWallis: KruskalWallis;
  jonckheere: JonckheereTest;
  byGrade: GradeSummary[];
  significant: boolean;
  usedForVerdict: boolean;
}

export function financialYear(year: number): string {
  return `${year - 1}-${String(year % 100).padStart(2, '0')}`;
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
export function spendGradeYear(panel: readonly PanelRow[], year: number, seed = 2016): SpendGradeYear | null {
  const rows = sampleYear(panel, year, 'spend_per_child_gbp').filter((s) => s.row.ofsted_overall !== null);
  if (rows.length < 5) return null;
  const x = rows.map((s) => s.x);
  const g = rows.map((s) => gradeScore(s.row.ofsted_overall!));
  const groups = GRADE_ORDER.map((grade) => rows.filter((s) => s.row.ofsted_overall === grade).map((s) => s.x));
  const permutation = permutationTest(x, g, spearman, { permutations: 5000, seed: seed + year });
  return {
    year,
    financialYear: financialYear(year),
    n: rows.length,
    frameworks: [...new Set(rows.map((s) => s.row.ofsted_framework ?? 'unknown'))].sort(),
    rho: permutation.observed,
    ci: bootstrapPairedCI(x, g, spearman, { resamples: 2000, seed: seed + year + 1 }),
    permutation,
    kruskalWallis: kruskalWallis(groups),
    jonckheere: jonckheereTest(groups, { permutations: 2000, seed: seed + year + 2 }),
    byGrade: GRADE_ORDER.map((grade) => gradeSummary(rows.filter((s) => s.row.ofsted_overall === grade).map((s) => s.row), grade)),
    significant: permutation.p < ALPHA,
    usedForVerdict: rows.length >= MIN_N,
  };
}

export interface SpendQualityData {
  years: SpendGradeYear[];
  /** The 2016-era cut: SIF judgements in force at 31 March 2016 and 2017 against 2015-16 and 2016-17 spend. */
  era2016: SpendGradeYear[];
  latest: SpendGradeYear | null;
  significantYears: number[];
}

const fmtP = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

export function analyseSpendVsOfsted(inputs: AnalysisInputs): ClaimResult<SpendQualityData> {
  const years = panelYears(inputs.panel)
    .map((y) => spendGradeYear(inputs.panel, y))
    .filter((r): r is SpendGradeYear => r !== null);
  const used = years.filter((y) => y.usedForVerdict);
  const era2016 = years.filter((y) => y.year === 2016 || y.year === 2017);
  const latest = used.at(-1) ?? null;
  const significantYears = used.filter((y) => y.significant).map((y) => y.year);
  const eraSig = era2016.filter((y) => y.significant);

  let verdictCode: ClaimResult<SpendQualityData>['verdictCode'];
  let verdict: string;
  const rhoList = used.map((y) => `${y.year}: ρ = ${minus(y.rho.toFixed(2))}`).join('; ');
  if (significantYears.length === 0) {
    verdictCode = 'supported';
    verdict = `Supported: no significant rank correlation between spend per child and the Ofsted grade in any year ${used[0]?.year}–${latest?.year} (${rhoList}).`;
  } else if (eraSig.length === 0) {
    verdictCode = 'partly-supported';
    const era = era2016
      .map((y) => `${y.financialYear}: ρ = ${minus(y.rho.toFixed(2))}, ${fmtP(y.permutation.p)}, Kruskal–Wallis ${fmtP(y.kruskalWallis.p)}`)
      .join('; ');
    const later = significantYears
      .map((y) => {
        const r = used.find((u) => u.year === y)!;
        return `${y}: ρ = ${minus(r.rho.toFixed(2))}, ${fmtP(r.permutation.p)}`;
      })
      .join('; ');
    const eraOther = era2016.some((y) => y.kruskalWallis.p < ALPHA || y.jonckheere.p < ALPHA);
    verdict =
      `Only narrowly true when said, and not true later: in the years the DfE described the rank correlation was negative but not significant at 5% (${era})` +
      `${eraOther ? ', although spend differed between grades' : ''}; in ${significantYears.join(', ')} higher spend per child went significantly with worse grades (${later}).`;
  } else {
    verdictCode = 'not-supported';
    verdict = `Not supported in ${significantYears.join(', ')}: spend per child and the Ofsted grade are significantly rank-correlated there.`;
  }

  const caveats = [
    'Correlation is not causation in either direction: councils with more need spend more per child, and deprivation is itself associated with worse Ofsted grades (see the deprivation claim).',
    'Spend is gross Section 251 spend on all children’s and young people’s services (excluding schools) per child aged 0–17, not social care alone; the 2014-15 year has no line-level outturn and is missing.',
    'The grade is the judgement in force on 31 March, which may be several years old; in 2014–2017 only councils already inspected under the single inspection framework have a grade.',
    `Each year is a separate test at the 5% level: by chance alone about ${(used.length * ALPHA).toFixed(1)} of ${used.length} years would be “significant”; ${significantYears.length} were. Successive years share most councils and grades, so they are not independent tests.`,
    `${Object.values(EXCLUDED_BY_DEFAULT).join(' and ')} are excluded: very few children and very high spend per child.`,
    'Years with fewer than 30 graded councils (2014: the first SIF inspections) are shown but do not count towards the verdict.',
    'Cash and real-terms spend give identical rank statistics within a year; 2024-25 has no deflator yet, so its medians are cash only.',
  ];
  return {
    claimId: claimById('dfe-2016-no-correlation').id,
    verdictCode,
    verdict,
    method:
      'For each year: Spearman rank correlation (ties averaged) between spend per child and the Ofsted overall grade coded 1–4; 95% percentile bootstrap CI (2,000 resamples, fixed seed); two-sided permutation p-value (5,000 shuffles); Kruskal–Wallis H across grades; Jonckheere–Terpstra trend statistic with a permutation p-value.',
    caveats,
    provenance: {
      files: ['la-panel.json'],
      columns: ['spend_per_child_gbp', 'spend_per_child_real_gbp', 'ofsted_overall', 'ofsted_framework'],
      years: years.map((y) => y.year),
      dataVersion: inputs.dataVersion,
    },
    data: { years, era2016, latest, significantYears },
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

const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);

export function analyseHalfAsMuch(inputs: AnalysisInputs, years: readonly number[] = [2017]): ClaimResult<HalfAsMuchData> {
  const latestYear = Math.max(...inputs.panel.filter((r) => num(r.spend_per_child_gbp) !== null && r.ofsted_overall).map((r) => r.year));
  const ys = [...new Set([...years, latestYear])].sort((a, b) => a - b);
  const out = ys.map((y) => halfAsMuchYear(inputs.panel, y)).filter((r): r is HalfAsMuchYear => r !== null);
  const y17 = out.find((r) => r.year === 2017) ?? out[0]!;
  const toMaxGood = y17.ratios.find((r) => r.grade === 'Good')!;
  const toMedGood = y17.ratios.find((r) => r.grade === 'Good')!;
  const big = y17.ratios.filter((r) => r.n >= 5);
  const trueVsMax = big.filter((r) => r.toMax !== null && r.toMax <= 0.5).map((r) => r.grade);
  const trueVsMedian = big.filter((r) => r.toMedian !== null && r.toMedian <= 0.5).map((r) => r.grade);
  const typical = y17.typicalRatio !== null && y17.typicalRatio <= 0.5;
  const verdictCode = typical ? 'supported' : trueVsMax.length || trueVsMedian.length ? 'partly-supported' : 'not-supported';
  const verdict =
    `${typical ? 'Supported' : trueVsMax.length || trueVsMedian.length ? 'True only at the extremes, not typical' : 'Not supported'}: in ${y17.financialYear} the lowest-spending good council (${y17.lowestGood.name}, £${y17.lowestGood.cash} per child) spent ` +
    `${pct(toMedGood.toMedian)} of the median good council and ${pct(toMaxGood.toMax)} of the highest-spending good council; “half as much” holds against the highest spender ${trueVsMax.length ? `among councils rated ${trueVsMax.join(', ')}` : 'of no grade'}` +
    `${trueVsMedian.length ? ` and against the median of ${trueVsMedian.join(', ')}` : ' but against no grade’s median'}, ` +
    `while the median good or outstanding council spent ${pct(y17.typicalRatio)} of the median council rated below good.`;
  return {
    claimId: claimById('minister-2017-half-as-much').id,
    verdictCode,
    verdict,
    method:
      'Among councils whose overall Ofsted grade in force on 31 March was Good or Outstanding: minimum, median and maximum spend per child (cash and 2023-24 prices); the lowest such council’s spend as a share of the median and the maximum of each grade; the median good council against the median council rated below good.',
    caveats: [
      'Any comparison of extremes finds a factor of two somewhere: spend per child varies about threefold between councils whatever the grade.',
      'Spend per child reflects need: the lowest-spending good councils are among the least deprived (see the deprivation claim), so “half as much” says little about efficiency.',
      'The minister cited LGA analysis whose exact definitions we have not seen; ours is Section 251 gross spend on children’s and young people’s services per child aged 0–17.',
      'City of London and Isles of Scilly are excluded.',
    ],
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
