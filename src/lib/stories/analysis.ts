/**
 * Build-time data for the stories: runs the story analyses (src/lib/analysis/index.ts)
 * ONCE per build process on the pipeline outputs and shapes chart rows.
 *
 * Data model: every year is a year ending 31 March (spend in year Y is the
 * financial year (Y-1)-(Y); children looked after are counted at 31 March Y;
 * the Ofsted grade is the judgement counted at 31 March Y, Ofsted’s rule). england.json
 * holds the latest release of each national figure; first-published figures
 * are in its `revisions`. Nothing here types a number: every value comes from
 * data/output/, and a missing input throws, failing the build.
 *
 * The descriptive analyses take a few seconds (bootstrap intervals), so the result is
 * memoised at module level: Astro renders all pages in one process.
 */
import type { Inspection, PanelRow } from '../../../contract/outputs.ts';
import { analyseForStories, type StoryAnalyses } from '../analysis/index.ts';
import type { EnglandOutput } from '../analysis/types.ts';
import { GRADE_ORDER, sampleYear } from '../analysis/sample.ts';
import { getAnomalies, getEngland, getInspections, getPanel, getPanelForAnalysis, getRegions } from '../data.ts';
import { yearChartFlags } from '../councils/flags.ts';
import type { ChartFlag, Datum } from '../charts/types.ts';
import type { PanelNumericColumn } from '../../../contract/outputs.ts';
import { getEvaluatedClaim } from '../data/claims.ts';
import type { SpecificationData } from '../../../contract/claims-schema.ts';
import { ENGLAND_CODE } from '../../../contract/codes.ts';
import type { SpendBlockMeasure } from '../../../contract/measures.ts';
import { financialYear } from '../../../contract/years.ts';

export type Row = Record<string, string | number | null>;

let englandCache: EnglandOutput | null = null;
/** england.json (validated by getEngland) with the extras the stories need: the deflators and spendChecks. */
export function englandFull(): EnglandOutput {
  if (!englandCache) {
    const e = getEngland();
    const { spendChecks, deflators } = e;
    if (!spendChecks?.socialWorkClaim) throw new Error('england.json has no spendChecks.socialWorkClaim: rerun `npm run data`.');
    if (!deflators?.years.length) throw new Error('england.json has no deflators: rerun `npm run data`.');
    englandCache = { ...e, spendChecks, deflators };
  }
  return englandCache;
}

let resultsCache: StoryAnalyses | null = null;
export function results(): StoryAnalyses {
  if (!resultsCache) {
    const panel = getPanel();
    resultsCache = analyseForStories({
      // values an editor excluded from analysis (data/anomaly-decisions.json) are null here
      panel: getPanelForAnalysis(),
      england: englandFull(),
      inspections: getInspections() as Inspection[],
      dataVersion: panel.provenance.dataVersion,
    });
  }
  return resultsCache;
}

// ------------------------------------------------------------------ helpers

const ENGLAND = ENGLAND_CODE;

export function englandValue(year: number, col: string): number | null {
  const r = englandFull().series.find((s) => s.code === ENGLAND && s.year === year);
  if (!r) throw new Error(`england.json has no England row for ${year}.`);
  const v = (r.values as Record<string, number | null | undefined>)[col];
  if (v === undefined) throw new Error(`england.json ${year} has no ${col}.`);
  return v;
}

export function englandMissing(year: number, col: string): string | null {
  const r = englandFull().series.find((s) => s.code === ENGLAND && s.year === year)!;
  return (r.missing as Record<string, string | undefined>)[col] ?? null;
}

export function englandYears(): number[] {
  return englandFull()
    .series.filter((s) => s.code === ENGLAND)
    .map((s) => s.year)
    .sort((a, b) => a - b);
}

export function deflator(year: number): { index: number | null; approximate: boolean } {
  const d = englandFull().deflators!.years.find((y) => y.year === year);
  return { index: d && typeof d.index === 'number' ? d.index : null, approximate: d?.approximate ?? false };
}

export function deflatorBase(): string {
  return englandFull().deflators!.baseLabel;
}

/** Spend basis of a year (from the panel), e.g. "s251-2008", "s251", "lait-s251"; null if no spend. */
export function spendBasis(year: number): string | null {
  return getPanel().rows.find((r) => r.year === year && r.spend_basis)?.spend_basis ?? null;
}

/** Years in which a new spend basis starts (a break in every spend line). */
export function spendBreaks(): number[] {
  const ys = englandYears();
  const out: number[] = [];
  let prev: string | null = null;
  for (const y of ys) {
    const b = spendBasis(y);
    if (b && prev && b !== prev) out.push(y);
    if (b) prev = b;
  }
  return out;
}

/** Human names of the Section 251 lines in england.json spendChecks.socialWorkClaim. */
export const SOCIAL_WORK_LINES: Record<string, string> = {
  commissioning_and_social_work: 'Commissioning and social work',
  child_protection_functions: 'Child protection functions',
  social_work: 'Social work (incl. child protection)',
  safeguarding_published_total: 'Published safeguarding total',
  safeguarding_block: 'Our safeguarding block',
};
export function lineName(id: string): string {
  const n = SOCIAL_WORK_LINES[id];
  if (!n) throw new Error(`Unknown Section 251 line "${id}" in spendChecks.socialWorkClaim.`);
  return n;
}
/** Replace line ids in analysis text with their names. */
export function nameLines(text: string): string {
  return text.replace(/\b(commissioning_and_social_work|child_protection_functions|social_work|safeguarding_published_total|safeguarding_block)\b/g, (id) =>
    lineName(id).toLowerCase(),
  );
}

/** Candidate lines for the £2.58bn claim, plus the claimed figures, one row per line per year. */
export function socialWorkRows(): Row[] {
  const d = results().socialWorkFall.data;
  // The published safeguarding total covered only a few small lines before 2011-12 (about £0.2–0.3bn, against
  // £1.7bn+ after), so its earlier years are not comparable and are left out rather than joined to the later ones.
  const rows: Row[] = d.lines
    .filter((l) => !(l.line === 'safeguarding_published_total' && l.year < 2012))
    .map((l) => ({ year: l.year, line: lineName(l.line), spend: l.value, missingReason: l.value === null ? (l.missing ?? 'blank') : null }));
  rows.push({ year: d.claimed.from.year, line: 'Claimed (CYP Now, 2016)', spend: d.claimed.from.value, missingReason: null });
  rows.push({ year: d.claimed.to.year, line: 'Claimed (CYP Now, 2016)', spend: d.claimed.to.value, missingReason: null });
  return rows;
}

export function real(cash: number | null, year: number): number | null {
  const d = deflator(year).index;
  return cash === null || d === null ? null : (cash * 100) / d;
}

/**
 * Flags for a story chart of every council in one year (/data/anomalies.json): `flags` rings the
 * flagged values the chart draws; `notes` is the chart's notes plus, when the analysis left a
 * council's value out (decision "exclude-from-analysis"), one saying how many and which.
 */
export function storyFlags(
  rows: readonly Row[],
  t: { measures: PanelNumericColumn[]; year: number; label: string; values: string[] },
  notes: string | string[] = [],
): { flags: ChartFlag[]; notes: string[] } {
  const drawn = (r: Datum) => t.values.every((f) => typeof r[f] === 'number' && Number.isFinite(r[f]));
  const { flags, leftOut } = yearChartFlags(getAnomalies(), rows, { measures: t.measures, year: t.year, label: t.label, drawn });
  const list = Array.isArray(notes) ? notes : [notes];
  return { flags, notes: leftOut && !list.includes(leftOut) ? [...list, leftOut] : list };
}

// ------------------------------------------------------------------ story 1: spending

/** The story's five blocks (registry ids, contract/measures.ts), named as the story names them; the other two are one layer. */
export const BLOCKS: ReadonlyArray<{ col: Exclude<SpendBlockMeasure, 'spend_youth_justice_gbp' | 'spend_other_gbp'>; label: string }> = [
  { col: 'spend_cla_gbp', label: 'Children looked after' },
  { col: 'spend_safeguarding_gbp', label: 'Safeguarding and social work' },
  { col: 'spend_family_support_gbp', label: 'Family support' },
  { col: 'spend_early_help_gbp', label: 'Sure Start and early years' },
  { col: 'spend_young_people_gbp', label: 'Services for young people' },
];
/** Youth justice and the unassigned remainder share one layer, so the chart needs only six colours. */
export const YOUTH_JUSTICE_AND_OTHER: { col: SpendBlockMeasure; label: string } = { col: 'spend_youth_justice_gbp', label: 'Youth justice and other' };

/** Real-terms England spend by block, one row per block per year, from `from` (Section 251 with all blocks in scope). */
export function spendBlocksReal(from = 2011): Row[] {
  const rows: Row[] = [];
  for (const year of englandYears().filter((y) => y >= from)) {
    const total = englandValue(year, 'spend_total_gbp');
    const d = deflator(year).index;
    let sum = 0;
    for (const b of BLOCKS) {
      const v = englandValue(year, b.col);
      sum += v ?? 0;
      const reason = v === null ? (englandMissing(year, b.col) ?? 'blank') : d === null ? 'no_deflator' : null;
      rows.push({ year, block: b.label, spend: v === null || d === null ? null : (v * 100) / d, missingReason: reason });
    }
    const other = total === null ? null : total - sum;
    rows.push({
      year,
      block: YOUTH_JUSTICE_AND_OTHER.label,
      spend: other === null || d === null ? null : (other * 100) / d,
      missingReason: total === null ? (englandMissing(year, 'spend_total_gbp') ?? 'blank') : d === null ? 'no_deflator' : null,
    });
  }
  return rows;
}

/** England total spend, cash and real, one row per series per year. */
export function spendTotals(): Row[] {
  const rows: Row[] = [];
  for (const year of englandYears()) {
    const cash = englandValue(year, 'spend_total_gbp');
    const why = cash === null ? (englandMissing(year, 'spend_total_gbp') ?? 'blank') : null;
    const r = real(cash, year);
    rows.push({ year, series: 'Cash', spend: cash, missingReason: why });
    rows.push({ year, series: `Real terms (${deflatorBase()})`, spend: r, missingReason: why ?? (r === null ? 'no_deflator' : null) });
  }
  return rows;
}

/** Real-terms change of one block between two years (both must exist). */
export function blockChange(col: string, from: number, to: number): { from: number; to: number; change: number } {
  const a = real(englandValue(from, col), from);
  const b = real(englandValue(to, col), to);
  if (a === null || b === null) throw new Error(`No real-terms ${col} for ${from} or ${to}.`);
  return { from: a, to: b, change: b / a - 1 };
}

/** Latest year with a deflator and total spend. */
export function latestRealYear(): number {
  return Math.max(...englandYears().filter((y) => real(englandValue(y, 'spend_total_gbp'), y) !== null));
}
export function latestSpendYear(): number {
  return Math.max(...englandYears().filter((y) => englandValue(y, 'spend_total_gbp') !== null));
}

// ------------------------------------------------------------------ story 2: spend vs grade

/** Councils with spend per child and a grade in `year` (tiny councils excluded, as in the analysis). */
export function spendGradeRows(year: number): Row[] {
  return sampleYear(getPanelForAnalysis(), year, 'spend_per_child_gbp')
    .filter((s) => s.row.ofsted_overall !== null)
    .map((s) => ({ council: s.name, grade: s.row.ofsted_overall!, spend: s.x }));
}

/** The claims engine's specification `specId` of claim `claimId` (data/output/claims.json). */
export function claimSpec(claimId: string, specId: string): SpecificationData {
  const s = getEvaluatedClaim(claimId).specifications.find((x) => x.id === specId);
  if (!s) throw new Error(`claims.json: claim ${claimId} has no specification ${specId}; run \`npm run data\`.`);
  return s;
}

/** Spearman's ρ by year, all children's services, no controls: the claims engine's headline specification. */
export function rhoRows(): Row[] {
  return getEvaluatedClaim('dfe-no-significant-correlation')
    .specifications.filter((s) => s.method === 'spearman' && s.measure === 'all-childrens-services')
    .sort((a, b) => a.year - b.year)
    .map((s) => ({ year: s.year, estimate: s.estimate, lo: s.ci_low, hi: s.ci_high, n: s.n, p: s.p, p_adjusted: s.p_adjusted }));
}

// ------------------------------------------------------------------ story 3: deprivation

/** R² of spend per child on IDACI by year, all councils, all children's services (the claims engine's specifications). */
export function r2Rows(): Row[] {
  return getEvaluatedClaim('lga-deprivation-half')
    .specifications.filter((s) => s.method === 'r2' && s.measure === 'all-childrens-services' && s.subset === 'all')
    .sort((a, b) => a.year - b.year)
    .map((s) => ({ year: s.year, estimate: s.estimate! * 100, lo: s.ci_low! * 100, hi: s.ci_high! * 100, n: s.n }));
}

export function deprivationScatter(year: number): Row[] {
  return sampleYear(getPanelForAnalysis(), year, 'spend_per_child_gbp')
    .filter((s) => typeof s.row.idaci_score === 'number')
    .map((s) => ({ council: s.name, idaci: Math.round((s.row.idaci_score as number) * 1000) / 10, spend: s.x }));
}

// ------------------------------------------------------------------ story 4: children in care

export function longRunRows(): Row[] {
  return englandFull().longRun.map((r) => ({ year: r.year, children: r.cla_count, missingReason: r.cla_count === null ? 'not_available' : null }));
}

/** Regional rates from `from`, starting at the first year in which any region has a rate (rates need a population). */
export function regionRateRows(from = 2010): Row[] {
  const withRate = getRegions().filter((r) => r.year >= from && r.values.cla_rate_per_10k != null);
  if (!withRate.length) throw new Error(`regions.json has no cla_rate_per_10k from ${from}.`);
  const start = Math.min(...withRate.map((r) => r.year));
  return getRegions()
    .filter((r) => r.year >= start)
    .filter((r) => r.year >= from)
    .sort((a, b) => a.year - b.year)
    .map((r) => ({
      region: r.name,
      year: r.year,
      rate: r.values.cla_rate_per_10k ?? null,
      missingReason: r.values.cla_rate_per_10k == null ? (r.missing.cla_rate_per_10k ?? 'blank') : null,
    }));
}

export function councilRateRows(year: number): Row[] {
  return getPanel()
    .rows.filter((r: PanelRow) => r.year === year)
    .map((r) => ({
      council: r.la_name,
      rate: r.cla_rate_per_10k,
      missingReason: r.cla_rate_per_10k === null ? (r.missing.cla_rate_per_10k ?? 'blank') : null,
    }));
}

// ------------------------------------------------------------------ story 5: ratings

/** Grade counts of the judgement counted at 31 March (Ofsted’s rule), per year, from the panel. */
export function gradesInForce(): Row[] {
  const rows = getPanel().rows;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const out: Row[] = [];
  for (const year of years) {
    const ys = rows.filter((r) => r.year === year && r.ofsted_overall !== null);
    if (ys.length < 30) continue;
    for (const grade of GRADE_ORDER) out.push({ year, grade, councils: ys.filter((r) => r.ofsted_overall === grade).length });
  }
  return out;
}

/** The 2015 and 2017 reported distributions reproduced, and the latest counted at 31 March. */
export function ofstedSnapshots(): Row[] {
  const d = results().ofstedShares.data;
  const groups = [
    // Short labels: the narrow chart has about 14 characters for them.
    { label: `2015 SIF (${d.nov2015.n})`, dist: d.nov2015 },
    { label: `2017 SIF (${d.jul2017PlusWarwickshire.n})`, dist: d.jul2017PlusWarwickshire },
    { label: `${d.latest.asAt.slice(0, 4)} (${d.latest.n})`, dist: d.latest },
  ];
  return groups.flatMap((g) => g.dist.counts.map((c) => ({ group: g.label, grade: c.grade, councils: c.count })));
}

// ------------------------------------------------------------------ formatting for prose

const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
export const fmt = {
  int: (v: number | null) => (v === null ? 'not available' : int.format(v)),
  bn: (v: number | null, dp = 2) => (v === null ? 'not available' : `£${(v / 1e9).toFixed(dp)}bn`),
  gbp: (v: number | null) => (v === null ? 'not available' : `£${int.format(Math.round(v))}`),
  pct: (v: number | null, dp = 0) => (v === null ? 'not available' : `${(v * 100).toFixed(dp)}%`),
  signedPct: (v: number | null, dp = 0) => (v === null ? 'not available' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(dp)}%`),
  rho: (v: number) => `${v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`,
  p: (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`),
  fy: financialYear,
};

/** A required number: throws (failing the build) when the data lack it. */
export function must(v: number | null | undefined, what: string): number {
  if (v === null || v === undefined || !Number.isFinite(v)) throw new Error(`Story figure missing: ${what}.`);
  return v;
}
