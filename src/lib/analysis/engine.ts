/**
 * The claims engine: one evaluator turns each claim in the registry
 * (./registry/) and the pipeline's outputs into specifications (each an
 * estimate with its interval, or a count) and a verdict by the rubric
 * (./registry/rubric.ts). The result is data/output/claims.json, which every
 * card, story, /claims/ and docs/claims.md only render.
 *
 * Then and now: every specification records whether its inputs were public
 * on the claim's date (releases.ts; first-published figures where a later
 * release revised them). `verdict_at_the_time` applies the rubric to those
 * specifications within the period the speaker described; `verdict` to every
 * specification from that period on, with today's figures.
 *
 * Years end 31 March. Spend in year Y is the financial year (Y−1)-(Y); the
 * Ofsted grade is the judgement counted at 31 March Y (Ofsted’s rule).
 */
import type { OfstedGrade, PanelRow } from '../../../contract/outputs.ts';
import { firstSifInspections } from './ofsted.ts';
import { EXCLUDED_BY_DEFAULT, GRADE_ORDER, gradeScore, panelYears } from './sample.ts';
import { bootstrapPairedCI, holm, median, ols, ordinalLogit, rankCorrelationTest, waldTest } from '../../../contract/stats.ts';
import { num, type AnalysisInputs } from './types.ts';
import { REGISTRY } from './registry/index.ts';
import { claimDateEnd, firstPublishedOn } from './registry/releases.ts';
import { rubric, thresholdsOf, verdictFromSpecifications, VERDICT_LABELS, type Verdict } from './registry/rubric.ts';
import type { ClaimRecord, ClaimTest } from './registry/types.ts';
import { ENGLAND_CODE } from '../../../contract/codes.ts';
import { financialYear } from '../../../contract/years.ts';

export const CLAIMS_SCHEMA_VERSION = 1;

export type Method = 'spearman' | 'partial-spearman' | 'ordinal-logit' | 'r2' | 'share' | 'growth' | 'count' | 'total' | 'rank';
export type Control = 'none' | 'idaci' | 'idaci+london';

export interface Specification {
  id: string;
  label: string;
  /** Year ending 31 March the specification is about. */
  year: number;
  measure: string;
  subset: string;
  control: Control;
  method: Method;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number | null;
  p: number | null;
  p_adjusted: number | null;
  /** true/false: agrees/disagrees with the claim; null: context only, or not computable. */
  supports: boolean | null;
  /** Smallest |ρ| the test could detect with the claim's power (rank correlations only). */
  mde: number | null;
  /** The inputs were public on the claim's date (first-published figures where revised). */
  known_at_the_time: boolean;
}

export interface EvaluatedClaim {
  id: string;
  topic: string;
  speaker: string;
  role: string;
  date: string;
  date_note: string | null;
  venue: string;
  words: string;
  words_are_quote: boolean;
  source_url: string | null;
  report: ClaimRecord['report'];
  quantities: ClaimRecord['quantities'];
  period: ClaimRecord['period'];
  story: string;
  verdict: Verdict;
  verdict_at_the_time: Verdict;
  /** One plain-English sentence, computed from the results. */
  summary: string;
  /** Why the two verdicts differ, or null when they agree. */
  then_and_now: string | null;
  /** Technical sentences (estimates, p-values, power), below the summary. */
  detail: string[];
  counts: { now: { supporting: number; testable: number }; at_the_time: { supporting: number; testable: number } };
  thresholds: Record<string, number | string>;
  specifications: Specification[];
}

export interface ClaimsFile {
  schema_version: number;
  data_version: string;
  rubric: ReturnType<typeof rubric>;
  claims: EvaluatedClaim[];
}

// ------------------------------------------------------------------ formatting (for computed prose)

const pc = (x: number, d = 0) => `${(x * 100).toFixed(d)}%`;
const signedPc = (x: number, d = 1) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(d)}%`;
const bn = (v: number) => `£${(v / 1e9).toFixed(2)}bn`;
const int = (v: number) => Math.round(v).toLocaleString('en-GB');
const gbp = (v: number) => `£${int(v)}`;
const r2 = (x: number) => (x < 0 ? `−${Math.abs(x).toFixed(2)}` : x.toFixed(2));
const fp = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2015-10-19" → "19 October 2015". */
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
/** 0.1 → "10 percentage points". */
const points = (x: number) => `${+(x * 100).toFixed(2)} percentage points`;

// ------------------------------------------------------------------ panel helpers

const LONDON = 'E12000007';
const ENGLAND = ENGLAND_CODE;

/** Spend measures per child aged 0–17, all Section 251 lines of the panel. */
const MEASURES: ReadonlyArray<{ id: string; label: string; value: (r: PanelRow) => number | null }> = [
  { id: 'all-childrens-services', label: 'all children’s services', value: (r) => perChild(r, [num(r.spend_total_gbp)]) },
  {
    id: 'childrens-social-care',
    label: 'children’s social care (looked after, safeguarding, family support)',
    value: (r) => perChild(r, [num(r.spend_cla_gbp), num(r.spend_safeguarding_gbp), num(r.spend_family_support_gbp)]),
  },
  { id: 'looked-after-children', label: 'children looked after', value: (r) => perChild(r, [num(r.spend_cla_gbp)]) },
];

function perChild(r: PanelRow, parts: Array<number | null>): number | null {
  const pop = num(r.population_0_17);
  if (pop === null || pop <= 0 || parts.some((p) => p === null)) return null;
  return (parts as number[]).reduce((a, b) => a + b, 0) / pop;
}

function rowsOf(panel: readonly PanelRow[], year: number): Map<string, PanelRow> {
  const m = new Map<string, PanelRow>();
  for (const r of panel) if (r.year === year && !(r.la_code in EXCLUDED_BY_DEFAULT)) m.set(r.la_code, r);
  return m;
}

function englandValue(inputs: AnalysisInputs, year: number, col: string): number | null {
  const s = inputs.england.series.find((x) => x.code === ENGLAND && x.year === year);
  return s ? num((s.values as Record<string, unknown>)[col]) : null;
}

function firstPublishedEngland(inputs: AnalysisInputs, measure: string, year: number): number | null {
  const r = inputs.england.revisions.find((x) => x.code === ENGLAND && x.measure === measure && x.year === year);
  return r ? r.first.value : englandValue(inputs, year, measure);
}

// ------------------------------------------------------------------ spend and the Ofsted grade

interface SpendGradeCase {
  code: string;
  spend: number;
  grade: number;
  idaci: number;
  london: number;
}

function spendGradeCases(panel: readonly PanelRow[], year: number, lag: 0 | 1, measure: (typeof MEASURES)[number]): SpendGradeCase[] {
  const gradeRows = rowsOf(panel, year);
  const spendRows = lag === 0 ? gradeRows : rowsOf(panel, year - 1);
  const out: SpendGradeCase[] = [];
  for (const [code, g] of gradeRows) {
    const s = spendRows.get(code);
    if (!s || g.ofsted_overall === null) continue;
    const spend = measure.value(s);
    const idaci = num(g.idaci_score);
    if (spend === null || idaci === null || spend <= 0) continue;
    out.push({ code, spend, grade: gradeScore(g.ofsted_overall), idaci, london: g.region_code === LONDON ? 1 : 0 });
  }
  return out;
}

const CONTROLS: ReadonlyArray<{ control: Control; of: (c: SpendGradeCase[]) => number[][] }> = [
  { control: 'none', of: () => [] },
  { control: 'idaci', of: (c) => [c.map((x) => x.idaci)] },
  { control: 'idaci+london', of: (c) => [c.map((x) => x.idaci), c.map((x) => x.london)] },
];

function standardise(xs: number[]): number[] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  return xs.map((x) => (x - m) / sd);
}

type SpecDraft = Omit<Specification, 'p_adjusted' | 'supports'> & { family: string };

function spendGradeSpecifications(inputs: AnalysisInputs, test: Extract<ClaimTest, { kind: 'spend-grade-association' }>, dateEnd: string): Specification[] {
  const drafts: SpecDraft[] = [];
  for (const year of panelYears(inputs.panel)) {
    for (const lag of [0, 1] as const) {
      for (const measure of lag === 0 ? MEASURES : MEASURES.slice(0, 1)) {
        const cases = spendGradeCases(inputs.panel, year, lag, measure);
        if (cases.length < test.minN) continue;
        const known = firstPublishedOn('spendOutturn', year - lag) <= dateEnd && `${year}-03-31` <= dateEnd;
        const spendYear = year - lag;
        const mlabel = `${measure.label}, ${financialYear(spendYear)}`;
        const measureId = lag === 0 ? measure.id : `${measure.id} (previous year)`;
        for (const { control, of } of CONTROLS) {
          const rc = rankCorrelationTest(
            cases.map((c) => c.spend),
            cases.map((c) => c.grade),
            of(cases),
            { alpha: test.alpha, power: test.power },
          );
          const method: Method = control === 'none' ? 'spearman' : 'partial-spearman';
          drafts.push({
            family: `${measureId}|${control}|${method}`,
            id: `${year}-${measureId.replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '')}-${control.replace('+', '-')}-${method}`,
            label: `Spend per child on ${mlabel}, against the grade at 31 March ${year}; ${method === 'spearman' ? 'rank correlation' : `rank correlation allowing for ${control === 'idaci' ? 'child deprivation' : 'child deprivation and London'}`}`,
            year,
            measure: measureId,
            subset: 'all',
            control,
            method,
            ...rankFields(rc),
            known_at_the_time: known,
          });
          // Ordinal logistic regression of the grade on standardised log spend (+ controls): log-odds of a better grade per SD.
          const X = cases.map((c, i) => [standardise(cases.map((d) => Math.log(d.spend)))[i]!, ...of(cases).map((col) => col[i]!)]);
          let w: ReturnType<typeof waldTest> | null = null;
          try {
            const fit = ordinalLogit(
              cases.map((c) => c.grade),
              X,
            );
            w = waldTest(fit.beta[0]!, fit.se[0]!);
            if (![w.estimate, w.ciLow, w.ciHigh, w.p].every(Number.isFinite)) w = null;
          } catch (e) {
            if (!(e instanceof RangeError)) throw e;
            w = null; // Perfect separation or a constant predictor: no finite maximum-likelihood fit.
          }
          drafts.push({
            family: `${measureId}|${control}|ordinal-logit`,
            id: `${year}-${measureId.replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '')}-${control.replace('+', '-')}-ordinal-logit`,
            label: `Spend per child on ${mlabel}, against the grade at 31 March ${year}; ordinal logistic regression${control === 'none' ? '' : ` allowing for ${control === 'idaci' ? 'child deprivation' : 'child deprivation and London'}`} (log-odds of a better grade per standard deviation of log spend)${w ? '' : ': could not be fitted (spending separates the grades completely)'}`,
            year,
            measure: measureId,
            subset: 'all',
            control,
            method: 'ordinal-logit',
            estimate: w?.estimate ?? null,
            ci_low: w?.ciLow ?? null,
            ci_high: w?.ciHigh ?? null,
            n: cases.length,
            p: w?.p ?? null,
            mde: null,
            known_at_the_time: known,
          });
        }
      }
    }
  }
  return adjustAcrossYears(drafts, (d, pAdj) => {
    const significant = pAdj < test.alpha;
    return test.claimedAbsent === 'any' ? !significant : !(significant && (d.estimate ?? 0) > 0);
  });
}

/** Holm correction across the years of each family (same measure, control and method), then `supports`. */
function adjustAcrossYears(drafts: SpecDraft[], supports: (d: SpecDraft, pAdj: number) => boolean): Specification[] {
  const byFamily = new Map<string, SpecDraft[]>();
  for (const d of drafts) byFamily.set(d.family, [...(byFamily.get(d.family) ?? []), d]);
  const adj = new Map<SpecDraft, number>();
  for (const fam of byFamily.values()) {
    const a = holm(fam.map((d) => d.p ?? NaN));
    fam.forEach((d, i) => adj.set(d, a[i]!));
  }
  return drafts.map((d) => {
    const { family: _family, ...rest } = d;
    const pAdj = adj.get(d)!;
    // A specification without a p-value (no finite fit) is reported but agrees with nothing.
    if (d.p === null || Number.isNaN(pAdj)) return { ...rest, p_adjusted: null, supports: null };
    return { ...rest, p_adjusted: pAdj, supports: supports(d, pAdj) };
  });
}

// ------------------------------------------------------------------ "half as much per child"

function halfAsMuchSpecifications(
  inputs: AnalysisInputs,
  test: Extract<ClaimTest, { kind: 'half-as-much' }>,
  dateEnd: string,
): { specs: Specification[]; lowest: Map<string, { name: string; london: boolean }> } {
  const specs: Specification[] = [];
  const lowest = new Map<string, { name: string; london: boolean }>();
  for (const year of panelYears(inputs.panel)) {
    for (const measure of MEASURES) {
      const rows = [...rowsOf(inputs.panel, year).values()]
        .filter((r) => r.ofsted_overall !== null && measure.value(r) !== null && num(r.idaci_score) !== null)
        .map((r) => ({ r, spend: measure.value(r)!, idaci: num(r.idaci_score)!, good: r.ofsted_overall === 'Good' || r.ofsted_overall === 'Outstanding' }));
      if (rows.length < 30) continue;
      const fit = ols(
        rows.map((x) => x.idaci),
        rows.map((x) => x.spend),
      );
      for (const adjust of ['none', 'idaci'] as const) {
        for (const subset of ['all', 'excluding-london'] as const) {
          const pool = rows.filter((x) => subset === 'all' || x.r.region_code !== LONDON);
          const value = (x: (typeof rows)[number]) => (adjust === 'none' ? x.spend : x.spend / (fit.intercept + fit.slope * x.idaci));
          const good = pool.filter((x) => x.good).sort((a, b) => value(a) - value(b));
          const others = pool.filter((x) => !x.good || x !== good[0]);
          if (good.length === 0 || others.length === 0) continue;
          const ratio = value(good[0]!) / median(others.map(value));
          const id = `${year}-${measure.id}-${subset}-${adjust === 'none' ? 'cash' : 'deprivation-adjusted'}`;
          lowest.set(id, { name: good[0]!.r.la_name, london: good[0]!.r.region_code === LONDON });
          specs.push({
            id,
            label: `Lowest-spending council rated good or better (${good[0]!.r.la_name}) against the median of the other councils, spend per child on ${measure.label}, ${financialYear(year)}${adjust === 'idaci' ? ', relative to the spend expected from child deprivation' : ''}${subset === 'all' ? '' : ', outside London'}`,
            year,
            measure: measure.id,
            subset,
            control: adjust,
            method: 'share',
            estimate: ratio,
            ci_low: null,
            ci_high: null,
            n: pool.length,
            p: null,
            p_adjusted: null,
            supports: ratio <= test.ratioAtMost,
            mde: null,
            known_at_the_time: firstPublishedOn('spendOutturn', year) <= dateEnd,
          });
        }
      }
    }
  }
  return { specs, lowest };
}

// ------------------------------------------------------------------ share of variation explained by deprivation

function explainedShareSpecifications(inputs: AnalysisInputs, test: Extract<ClaimTest, { kind: 'explained-share' }>, dateEnd: string): Specification[] {
  const specs: Specification[] = [];
  for (const year of panelYears(inputs.panel)) {
    for (const measure of MEASURES) {
      for (const subset of ['all', 'excluding-london'] as const) {
        const rows = [...rowsOf(inputs.panel, year).values()].filter(
          (r) => measure.value(r) !== null && num(r.idaci_score) !== null && (subset === 'all' || r.region_code !== LONDON),
        );
        if (rows.length < 30) continue;
        const x = rows.map((r) => num(r.idaci_score)!);
        const y = rows.map((r) => measure.value(r)!);
        const fit = ols(x, y);
        const ci = bootstrapPairedCI(x, y, (a, b) => ols(a, b).r2, { resamples: test.bootstrapResamples, seed: test.seed + year });
        specs.push({
          id: `${year}-${measure.id}-${subset}-r2`,
          label: `Share of the variation in spend per child on ${measure.label} explained by child deprivation, ${financialYear(year)}${subset === 'all' ? '' : ', councils outside London'}`,
          year,
          measure: measure.id,
          subset,
          control: 'idaci',
          method: 'r2',
          estimate: fit.r2,
          ci_low: ci.lo,
          ci_high: ci.hi,
          n: rows.length,
          p: null,
          p_adjusted: null,
          supports: Math.abs(fit.r2 - test.target) <= test.tolerance,
          mde: null,
          known_at_the_time: firstPublishedOn('spendOutturn', year) <= dateEnd,
        });
      }
    }
  }
  return specs;
}

// ------------------------------------------------------------------ small builders

function spec(
  p: Partial<Specification> & Pick<Specification, 'id' | 'label' | 'year' | 'measure' | 'method' | 'estimate' | 'supports' | 'known_at_the_time'>,
): Specification {
  return { subset: 'all', control: 'none', ci_low: null, ci_high: null, n: null, p: null, p_adjusted: null, mde: null, ...p };
}

// ------------------------------------------------------------------ evaluation of one claim

interface Evaluation {
  specifications: Specification[];
  /** Specifications the rubric uses for `verdict` and `verdict_at_the_time`. */
  now: Specification[];
  then: Specification[];
  /** Verdicts when the share-of-specifications rule is not the one that applies (counts, figures). */
  verdictOverride?: { now?: Verdict; then?: Verdict };
  untestable?: 'cannot-be-tested' | 'not-reproducible';
  summary: (v: Verdict, vThen: Verdict) => string;
  detail: string[];
  thresholds: Record<string, number | string>;
}

function inPeriod(c: ClaimRecord, s: Specification, end = c.period.to): boolean {
  return s.year >= c.period.from && s.year <= end;
}

function evaluateOne(c: ClaimRecord, inputs: AnalysisInputs): Evaluation {
  const dateEnd = claimDateEnd(c.date);
  const t = c.test;
  const share = thresholdsOf(c.thresholds);
  const shareThresholds = { supported_share: share.supportedShare, partly_share: share.partlyShare };
  switch (t.kind) {
    case 'spend-grade-association': {
      const specs = spendGradeSpecifications(inputs, t, dateEnd);
      const then = specs.filter((s) => s.known_at_the_time && inPeriod(c, s));
      const now = specs.filter((s) => s.year >= c.period.from);
      const sig = (xs: Specification[]) => xs.filter((s) => (s.p_adjusted ?? 1) < t.alpha);
      const neg = (xs: Specification[]) => sig(xs).filter((s) => (s.estimate ?? 0) < 0).length;
      const corr = now.filter((s) => s.mde !== null);
      const mdeMedian = corr.length ? median(corr.map((s) => s.mde!)) : null;
      const headline = now.filter((s) => s.method === 'spearman' && s.measure === 'all-childrens-services').sort((a, b) => a.year - b.year);
      const controlled = now.filter((s) => s.control !== 'none' && s.method === 'partial-spearman');
      const sigYears = [...new Set(sig(now).map((s) => s.year))].sort((a, b) => a - b);
      const rawSig = now.filter((s) => (s.p ?? 1) < t.alpha).length;
      return {
        specifications: specs,
        now,
        then,
        summary: (v, vThen) => {
          const nowSig = sig(now).length;
          const direction = neg(now) > nowSig / 2 ? 'higher spending went with worse grades, not better ones' : 'higher spending went with better grades';
          const claimWord =
            t.claimedAbsent === 'any'
              ? 'no clear link between what councils spend per child and their Ofsted grade'
              : 'no sign that councils spending more per child get better Ofsted grades';
          const then1 =
            then.length === 0
              ? 'The figures public when it was said cannot test it'
              : `On the figures public when it was said, ${plural(then.filter((s) => s.supports).length, 'test')} of ${then.length} found ${claimWord}`;
          const now1 =
            nowSig === 0
              ? `today’s figures agree in every year and test`
              : `on today’s figures ${plural(nowSig, 'test')} of ${now.length} (in ${sigYears.length === 1 ? sigYears[0] : `${plural(sigYears.length, 'year')} between ${sigYears[0]} and ${sigYears.at(-1)}`}) find a clear link, and in those ${direction}`;
          return `${then1}; ${now1}.`;
        },
        detail: [
          `Tests: for each year to 31 March from ${Math.min(...now.map((s) => s.year))} on, spend per child on three measures (all children’s services, children’s social care, children looked after; and the year before the grade) against the Ofsted grade counted at 31 March (Ofsted’s rule), by rank correlation (Spearman), rank correlation allowing for child deprivation and for deprivation plus London (partial Spearman), and ordinal logistic regression; ${now.length} specifications in all.`,
          `Testing many years at once: p-values are Holm-adjusted across years within each measure and method. Before adjustment ${plural(rawSig, 'specification')} had p < ${t.alpha}; after, ${sig(now).length}.`,
          ...(headline.length
            ? [
                `Spearman’s ρ, all children’s services, by year: ${headline.map((s) => `${s.year} ${r2(s.estimate!)} (${fp(s.p!)}, adjusted ${fp(s.p_adjusted!)})`).join('; ')}.`,
              ]
            : []),
          `Allowing for deprivation: ${controlled.filter((s) => (s.p_adjusted ?? 1) < t.alpha).length} of ${controlled.length} partial rank correlations are significant after adjustment.`,
          ...(mdeMedian !== null
            ? [
                `Power: with these numbers of councils the tests detect, with ${pc(t.power)} power, a rank correlation of about ±${mdeMedian.toFixed(2)} or stronger (median over specifications); weaker links could go unseen.`,
              ]
            : []),
          t.claimedAbsent === 'any'
            ? 'A specification agrees with the claim when it finds no significant association in either direction after adjustment.'
            : 'A specification agrees with the claim when it finds no significant positive association (more spend, better grade) after adjustment.',
        ],
        thresholds: { alpha: t.alpha, min_councils: t.minN, power: t.power, correction: 'Holm, across years', ...shareThresholds },
      };
    }
    case 'half-as-much': {
      const { specs, lowest } = halfAsMuchSpecifications(inputs, t, dateEnd);
      const then = specs.filter((s) => s.known_at_the_time && inPeriod(c, s));
      const now = specs.filter((s) => s.year >= c.period.from);
      const at = (xs: Specification[], subset: string, control: string) => xs.filter((s) => s.subset === subset && s.control === control);
      const frac = (xs: Specification[]) => `${xs.filter((s) => s.supports).length} of ${xs.length}`;
      const headlineThen = then.find((s) => s.measure === 'all-childrens-services' && s.subset === 'all' && s.control === 'none');
      const londonLowest = now.filter((s) => s.subset === 'all' && s.control === 'none' && lowest.get(s.id)?.london).length;
      const nowAll = at(now, 'all', 'none');
      return {
        specifications: specs,
        now,
        then,
        summary: () => {
          const h = headlineThen
            ? `When he spoke, the lowest-spending good council (${lowest.get(headlineThen.id)!.name}) spent ${pc(headlineThen.estimate!)} of what the typical other council spent per child`
            : 'The figures public when he spoke cannot test it';
          const ys = now.map((s) => s.year);
          if (ys.length === 0) return `${h}; no year since has the figures to test it again.`;
          const robust = `; from ${financialYear(Math.min(...ys))} to ${financialYear(Math.max(...ys))} the “half” holds in ${frac(at(now, 'all', 'none'))} plain comparisons, ${frac(at(now, 'excluding-london', 'none'))} outside London and ${frac(at(now, 'all', 'idaci'))} once spend is compared with what deprivation predicts`;
          return `${h}${robust}.`;
        },
        detail: [
          `Each specification compares the lowest-spending council rated good or outstanding with the median of all other graded councils, for a year, one of three spend measures, with or without London, in cash or relative to the spend expected from the council’s child deprivation (the fitted value of a regression of spend on IDACI); it agrees with the claim when the ratio is at most ${pc(t.ratioAtMost)}.`,
          `London: in ${londonLowest} of ${nowAll.length} plain comparisons the lowest-spending good council is a London borough.`,
          `City of London and the Isles of Scilly are left out throughout: very few children and very high spend per child.`,
        ],
        thresholds: { ratio_at_most: t.ratioAtMost, ...shareThresholds },
      };
    }
    case 'explained-share': {
      const specs = explainedShareSpecifications(inputs, t, dateEnd);
      const then = specs.filter((s) => s.known_at_the_time && inPeriod(c, s));
      const now = specs.filter((s) => s.year >= c.period.from);
      const head = (xs: Specification[], subset: string) =>
        xs.find((s) => s.measure === 'all-childrens-services' && s.subset === subset && s.year === c.period.to);
      const a = head(specs, 'all');
      const l = head(specs, 'excluding-london');
      return {
        specifications: specs,
        now,
        then,
        summary: () =>
          a && l
            ? `In ${financialYear(c.period.to)} child deprivation alone accounted for ${pc(a.estimate!)} of the differences in spend per child between councils (${pc(l.estimate!)} outside London); ${plural(now.filter((s) => s.supports).length, 'specification')} of ${now.length} fall within ${points(t.tolerance)} of a half.`
            : 'No year has both spending and deprivation figures.',
        detail: [
          `R² of a least-squares regression of spend per child on the council’s IDACI score (child income deprivation), per year, for three spend measures, with and without London; 95% intervals from ${t.bootstrapResamples} bootstrap resamples of councils (fixed seed). A specification agrees when R² is within ${points(t.tolerance)} of ${pc(t.target)}.`,
          ...(a
            ? [
                `${financialYear(c.period.to)}, all children’s services: R² = ${a.estimate!.toFixed(2)} (95% interval ${a.ci_low!.toFixed(2)} to ${a.ci_high!.toFixed(2)}, ${a.n} councils).`,
              ]
            : []),
          ...(l ? [`Outside London: R² = ${l.estimate!.toFixed(2)} (${l.ci_low!.toFixed(2)} to ${l.ci_high!.toFixed(2)}, ${l.n} councils).`] : []),
          'The research itself credited “about half” to five factors together (deprivation among them); a single-factor R² is the test of deprivation alone.',
        ],
        thresholds: { target: t.target, tolerance: t.tolerance, ...shareThresholds },
      };
    }
    case 'not-testable': {
      const specs = contextSpecifications(inputs, c, t.context, dateEnd);
      return {
        specifications: specs,
        now: specs,
        then: specs.filter((s) => s.known_at_the_time),
        untestable: 'cannot-be-tested',
        summary: () => `${t.reason} ${contextSentence(t.context, specs)}`,
        detail: specs.map((s) => `${s.label}: ${formatEstimate(s)}.`),
        thresholds: {},
      };
    }
    case 'spend-fall':
      return spendFall(inputs, c, t, dateEnd);
    case 'ofsted-distribution':
      return ofstedDistribution(inputs, c, t);
    case 'cla-count':
      return claCount(inputs, c, t);
    case 'cla-per-day':
      return claPerDay(inputs, c, t);
    case 'cla-share':
      return claShare(inputs, c, t, dateEnd, shareThresholds);
    case 'agency-association':
      return agencyAssociation(inputs, c, t, dateEnd, shareThresholds);
  }
}

function formatEstimate(s: Specification): string {
  if (s.estimate === null) return 'not available';
  switch (s.method) {
    case 'share':
    case 'r2':
      return pc(s.estimate, 1);
    case 'growth':
      return signedPc(s.estimate);
    case 'total':
      return bn(s.estimate);
    default:
      return int(s.estimate);
  }
}

// ------------------------------------------------------------------ context for untestable claims

function contextSpecifications(
  inputs: AnalysisInputs,
  c: ClaimRecord,
  context: 'residual-variation' | 'spend-growth' | 'ofsted-exits',
  dateEnd: string,
): Specification[] {
  if (context === 'residual-variation') {
    const year = c.period.to;
    const rows = [...rowsOf(inputs.panel, year).values()].filter((r) => num(r.spend_per_child_gbp) !== null && num(r.idaci_score) !== null);
    const fit = ols(
      rows.map((r) => num(r.idaci_score)!),
      rows.map((r) => num(r.spend_per_child_gbp)!),
    );
    return [
      spec({
        id: `${year}-unexplained-by-deprivation`,
        label: `Share of the variation in spend per child not explained by child deprivation, ${financialYear(year)}`,
        year,
        measure: 'all-childrens-services',
        control: 'idaci',
        method: 'share',
        estimate: 1 - fit.r2,
        n: rows.length,
        supports: null,
        known_at_the_time: firstPublishedOn('spendOutturn', year) <= dateEnd,
      }),
    ];
  }
  if (context === 'spend-growth') {
    const from = c.period.from - 2;
    const to = c.period.to;
    const out: Specification[] = [];
    const s0 = englandValue(inputs, from, 'spend_total_gbp');
    const s1 = englandValue(inputs, to, 'spend_total_gbp');
    const k0 = englandValue(inputs, from, 'cla_count');
    const k1 = englandValue(inputs, to, 'cla_count');
    if (s0 !== null && s1 !== null)
      out.push(
        spec({
          id: `${to}-spend-growth`,
          label: `England spending on children’s services, ${financialYear(from)} to ${financialYear(to)} (cash)`,
          year: to,
          measure: 'all-childrens-services',
          method: 'growth',
          estimate: s1 / s0 - 1,
          supports: null,
          known_at_the_time: false,
        }),
      );
    if (k0 !== null && k1 !== null)
      out.push(
        spec({
          id: `${to}-cla-growth`,
          label: `Children looked after at 31 March, ${from} to ${to}`,
          year: to,
          measure: 'cla_count',
          method: 'growth',
          estimate: k1 / k0 - 1,
          supports: null,
          known_at_the_time: false,
        }),
      );
    return out;
  }
  // Councils whose Ofsted judgement moved from inadequate to a better grade between 2010 and the claim date.
  const insp = [...inputs.inspections]
    .filter((i) => i.published >= '2010-01-01' && i.published <= dateEnd)
    .sort((a, b) => a.published.localeCompare(b.published));
  const worst = (i: (typeof insp)[number]): OfstedGrade | null => {
    const gs = [i.overall, ...Object.values(i.judgements)].filter((g): g is OfstedGrade => g !== null);
    return gs.length ? gs.reduce((a, b) => (gradeScore(a) <= gradeScore(b) ? a : b)) : null;
  };
  const state = new Map<string, boolean>();
  const exits = new Set<string>();
  for (const i of insp) {
    const w = worst(i);
    if (w === null) continue;
    if (w === 'Inadequate') state.set(i.la_code, true);
    else if (state.get(i.la_code)) {
      exits.add(i.la_code);
      state.set(i.la_code, false);
    }
  }
  const year = Number(dateEnd.slice(0, 4));
  return [
    spec({
      id: `${year}-councils-leaving-inadequate`,
      label: `Councils judged inadequate in an Ofsted inspection published from 2010 that a later inspection, published by ${dateEnd}, rated better`,
      year,
      measure: 'ofsted-judgements',
      method: 'count',
      estimate: exits.size,
      n: new Set(insp.map((i) => i.la_code)).size,
      supports: null,
      known_at_the_time: true,
    }),
  ];
}

function contextSentence(context: 'residual-variation' | 'spend-growth' | 'ofsted-exits', specs: Specification[]): string {
  const s = specs[0];
  if (!s || s.estimate === null) return '';
  if (context === 'residual-variation')
    return `What the data can say: ${pc(s.estimate)} of the differences in spend per child in ${financialYear(s.year)} are not explained by deprivation, an upper limit on everything else, practice included.`;
  if (context === 'spend-growth') {
    const k = specs[1];
    return `What the data show: spending ${s.estimate >= 0 ? 'rose' : 'fell'} ${pc(Math.abs(s.estimate), 1)} in cash${k?.estimate != null ? ` while the number of children in care ${k.estimate >= 0 ? 'rose' : 'fell'} ${pc(Math.abs(k.estimate), 1)}` : ''}.`;
  }
  return `For comparison, ${int(s.estimate)} councils judged inadequate by Ofsted since 2010 had a better judgement by the time he spoke.`;
}

// ------------------------------------------------------------------ £2.58bn → £2.12bn

function spendFall(inputs: AnalysisInputs, c: ClaimRecord, t: Extract<ClaimTest, { kind: 'spend-fall' }>, dateEnd: string): Evaluation {
  const lines = inputs.england.spendChecks.socialWorkClaim;
  const line = (year: number, id: string) => num(lines.find((l) => l.year === year && l.line === id)?.value);
  const fs = (year: number) => englandValue(inputs, year, 'spend_family_support_gbp');
  const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  const socialWorkLine = (year: number) => line(year, year <= 2012 ? 'commissioning_and_social_work' : 'social_work');
  const start = sum(socialWorkLine(t.from.year), fs(t.from.year));
  const end = sum(socialWorkLine(t.to.year), fs(t.to.year));
  // One consistent definition across the 2012-13 line change: the safeguarding block plus family support.
  const consistent = (year: number) => sum(line(year, 'safeguarding_block'), fs(year));
  const lastYear = [t.to.year, t.to.year - 1, t.to.year - 2].find((y) => consistent(y) !== null && y > t.from.year) ?? null;
  const cStart = consistent(t.from.year);
  const cEnd = lastYear !== null ? consistent(lastYear) : null;
  const within = (v: number | null, target: number) => (v === null ? null : Math.abs(v / target - 1) <= t.tolerance);
  const known = (y: number) => firstPublishedOn('spendOutturn', y) <= dateEnd;
  const specs: Specification[] = [
    spec({
      id: `${t.from.year}-social-work-plus-family-support`,
      label: `England, ${financialYear(t.from.year)}: Section 251 “commissioning and social work” plus “family support services”`,
      year: t.from.year,
      measure: 'social-work-and-family-support',
      method: 'total',
      estimate: start,
      supports: within(start, t.from.value),
      known_at_the_time: known(t.from.year),
    }),
    spec({
      id: `${t.to.year}-social-work-plus-family-support`,
      label: `England, ${financialYear(t.to.year)}: the same two lines`,
      year: t.to.year,
      measure: 'social-work-and-family-support',
      method: 'total',
      estimate: end,
      supports: within(end, t.to.value),
      known_at_the_time: known(t.to.year),
    }),
    spec({
      id: `${t.to.year}-fall-social-work-plus-family-support`,
      label: `Change ${financialYear(t.from.year)} to ${financialYear(t.to.year)} on the same two lines`,
      year: t.to.year,
      measure: 'social-work-and-family-support',
      method: 'growth',
      estimate: start !== null && end !== null ? end / start - 1 : null,
      supports: start !== null && end !== null ? Math.abs(end / start - 1 - t.fall) <= 0.01 : null,
      known_at_the_time: known(t.to.year),
    }),
    ...(lastYear !== null && cStart !== null && cEnd !== null
      ? [
          spec({
            id: `${lastYear}-change-safeguarding-plus-family-support`,
            label: `Change ${financialYear(t.from.year)} to ${financialYear(lastYear)}, the latest year with line-level figures, on one definition across the 2012-13 change of lines (safeguarding block plus family support)`,
            year: lastYear,
            measure: 'safeguarding-and-family-support',
            method: 'growth',
            estimate: cEnd / cStart - 1,
            supports: null,
            known_at_the_time: known(lastYear),
          }),
        ]
      : []),
  ];
  const startOk = specs[0]!.supports === true;
  const endMissing = end === null;
  const verdict: Verdict | undefined = endMissing ? 'not-reproducible' : undefined;
  const ctx = specs[3];
  return {
    specifications: specs,
    now: specs,
    then: specs.filter((s) => s.known_at_the_time),
    verdictOverride: verdict ? { now: verdict, then: verdict } : undefined,
    summary: () =>
      `The ${financialYear(t.from.year)} figure ${startOk ? `is reproduced (${bn(start!)}) as the sum of two published lines, social work and family support` : `is not reproduced (the closest sum is ${start === null ? 'not available' : bn(start)})`}` +
      (endMissing
        ? `, but no line-level figures for ${financialYear(t.to.year)} were published in a usable form, so the fall cannot be checked`
        : `; ${financialYear(t.to.year)} gives ${bn(end!)}`) +
      (ctx?.estimate != null
        ? `; on one consistent definition spending ${ctx.estimate >= 0 ? 'rose' : 'fell'} ${pc(Math.abs(ctx.estimate), 1)} from ${financialYear(t.from.year)} to ${financialYear(ctx.year)}.`
        : '.'),
    detail: [
      `A total is reproduced when it is within ${pc(t.tolerance)} of the printed figure.`,
      'The Section 251 lines changed in 2012-13: “commissioning and social work” became “social work”, with commissioning and child protection functions regrouped, so a single line is not comparable across the change; the safeguarding block groups the same services in every year.',
      ...specs.map((s) => `${s.label}: ${formatEstimate(s)}.`),
    ],
    thresholds: { tolerance: t.tolerance },
  };
}

// ------------------------------------------------------------------ Ofsted distributions

const SHARE_KEYS = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding', 'notGood'] as const;

function ofstedDistribution(inputs: AnalysisInputs, c: ClaimRecord, t: Extract<ClaimTest, { kind: 'ofsted-distribution' }>): Evaluation {
  const first = firstSifInspections(inputs.inspections).sort((a, b) => a.published.localeCompare(b.published) || a.la_name.localeCompare(b.la_name));
  const dist = (items: typeof first) => {
    const n = items.filter((i) => i.overall !== null).length;
    const count = (g: OfstedGrade) => items.filter((i) => i.overall === g).length;
    const shares: Record<(typeof SHARE_KEYS)[number], number> = {
      Inadequate: count('Inadequate') / n,
      'Requires improvement': count('Requires improvement') / n,
      Good: count('Good') / n,
      Outstanding: count('Outstanding') / n,
      notGood: (count('Inadequate') + count('Requires improvement')) / n,
    };
    return { n, shares };
  };
  const matches = (d: ReturnType<typeof dist>) =>
    d.n === t.n && Object.entries(t.shares).every(([k, v]) => Math.round(d.shares[k as (typeof SHARE_KEYS)[number]] * 100) === Math.round(v! * 100));
  const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
  const lo = shift(t.ruleDate, -t.nearbyDays);
  const hi = shift(t.ruleDate, t.nearbyDays);
  const dates = [...new Set([t.ruleDate, ...first.map((i) => i.published).filter((d) => d >= lo && d <= hi)])].sort();
  const describe = (d: ReturnType<typeof dist>) => `${d.n} councils: ${GRADE_ORDER.map((g) => `${pc(d.shares[g])} ${g.toLowerCase()}`).join(', ')}`;
  const year = Number(t.ruleDate.slice(0, 4)) + (t.ruleDate.slice(5) > '03-31' ? 1 : 0);
  const specs: Specification[] = [];
  for (const d of dates) {
    const by = first.filter((i) => i.published <= d);
    const r = dist(by);
    specs.push(
      spec({
        id: `by-${d}`,
        label: `First reports published by ${longDate(d)}${d === t.ruleDate ? ' (the rule)' : ''}: ${describe(r)}`,
        year,
        measure: 'first-sif-judgement',
        subset: `published-by-${d}`,
        method: 'count',
        estimate: r.n,
        n: r.n,
        supports: matches(r),
        known_at_the_time: d <= claimDateEnd(c.date) || d === t.ruleDate,
      }),
    );
    // Part-way through a day on which several reports came out: the earlier days plus one of that day's reports.
    const sameDay = first.filter((i) => i.published === d);
    if (sameDay.length > 1) {
      const before = first.filter((i) => i.published < d);
      for (const one of sameDay) {
        const r1 = dist([...before, one]);
        specs.push(
          spec({
            id: `by-${d}-before-plus-${one.la_code}`,
            label: `First reports published before ${longDate(d)} and ${one.la_name}’s, published that day: ${describe(r1)}`,
            year,
            measure: 'first-sif-judgement',
            subset: `published-before-${d}-plus-${one.la_code}`,
            method: 'count',
            estimate: r1.n,
            n: r1.n,
            supports: matches(r1),
            known_at_the_time: d <= claimDateEnd(c.date),
          }),
        );
      }
    }
  }
  const rule = specs.find((s) => s.id === `by-${t.ruleDate}`)!;
  const matching = specs.filter((s) => s.supports);
  const verdict: Verdict = rule.supports ? 'supported' : matching.length ? 'partly-supported' : 'not-supported';
  const printed = `${t.n} councils${Object.entries(t.shares)
    .map(([k, v]) => `, ${pc(v!)} ${k === 'notGood' ? 'below good' : k.toLowerCase()}`)
    .join('')}`;
  return {
    specifications: specs,
    now: specs,
    then: specs,
    verdictOverride: { now: verdict, then: verdict },
    summary: () =>
      rule.supports
        ? `Ofsted’s first reports published by the stated date give exactly the printed figures (${printed}).`
        : matching.length
          ? `The printed figures (${printed}) match only a count taken at ${matching.length === 1 ? 'one particular moment' : `${matching.length} particular cut-offs`} — ${matching.map((s) => s.label.split(':')[0]!.replace(/^First reports /, 'the first reports ')).join('; or ')} — not the stated rule, reports ${rule.label
              .split(':')[0]!
              .replace(/^First reports /, '')
              .replace(' (the rule)', '')}, which gives ${rule.n} councils.`
          : `No cut-off within ${t.nearbyDays} days of the stated date gives the printed figures (${printed}); the stated rule gives ${describe(dist(first.filter((i) => i.published <= t.ruleDate)))}.`,
    detail: [
      `Rule: ${t.ruleLabel}. Each council’s first single-framework inspection counts once (re-inspections are left out). A cut-off matches when it gives ${t.n} councils and every printed share to the nearest whole per cent.`,
      `Nearby rules tried: every publication date within ${t.nearbyDays} days either side, and each report of a day on which several were published.`,
      ...specs.filter((s) => !s.id.includes('-plus-') || s.supports).map((s) => `${s.label}${s.supports ? ' — matches' : ''}.`),
    ],
    thresholds: { rule_date: t.ruleDate, nearby_days: t.nearbyDays, rounding: 'nearest whole per cent' },
  };
}

// ------------------------------------------------------------------ children looked after

function claCount(inputs: AnalysisInputs, c: ClaimRecord, t: Extract<ClaimTest, { kind: 'cla-count' }>): Evaluation {
  const first = (y: number) => firstPublishedEngland(inputs, 'cla_count', y);
  const latest = (y: number) => englandValue(inputs, y, 'cla_count');
  const growth = (get: (y: number) => number | null, y: number) => {
    const a = get(y);
    const b = get(y - 1);
    return a === null || b === null ? null : a / b - 1;
  };
  const out: Specification[] = [];
  for (const [basis, get, known] of [
    ['first-published', first, true],
    ['latest', latest, false],
  ] as const) {
    const count = get(t.year);
    const g = growth(get, t.year);
    const prior = Array.from({ length: t.biggestRiseYears - 1 }, (_, i) => t.year - 1 - i).map((y) => ({ y, g: growth(get, y) }));
    const priorOk = prior.filter((p): p is { y: number; g: number } => p.g !== null);
    const maxPrior = priorOk.length ? Math.max(...priorOk.map((p) => p.g)) : null;
    const label = basis === 'first-published' ? 'as first published' : 'in the latest release';
    out.push(
      spec({
        id: `${t.year}-count-${basis}`,
        label: `Children looked after at 31 March ${t.year}, ${label}`,
        year: t.year,
        measure: 'cla_count',
        subset: basis,
        method: 'count',
        estimate: count,
        supports: count === null ? null : count === t.count,
        known_at_the_time: known,
      }),
    );
    out.push(
      spec({
        id: `${t.year}-growth-${basis}`,
        label: `Rise on the year before, ${label}`,
        year: t.year,
        measure: 'cla_count',
        subset: basis,
        method: 'growth',
        estimate: g,
        supports: g === null ? null : Math.abs(g - t.growth) <= t.growthTolerance,
        known_at_the_time: known,
      }),
    );
    out.push(
      spec({
        id: `${t.year}-rank-of-rise-${basis}`,
        label: `The ${t.year} rise less the largest rise of the ${priorOk.length} years before (${priorOk.length ? `${Math.min(...priorOk.map((p) => p.y))}–${Math.max(...priorOk.map((p) => p.y))}` : 'none'}), ${label}`,
        year: t.year,
        measure: 'cla_count',
        subset: basis,
        method: 'rank',
        estimate: g !== null && maxPrior !== null ? g - maxPrior : null,
        supports: g !== null && maxPrior !== null && priorOk.length === t.biggestRiseYears - 1 ? g > maxPrior : null,
        known_at_the_time: known,
      }),
    );
  }
  const then = out.filter((s) => s.subset === 'first-published');
  const now = out.filter((s) => s.subset === 'latest');
  const gThen = then[1]!.estimate;
  const gNow = now[1]!.estimate;
  return {
    specifications: out,
    now,
    then,
    summary: () =>
      `${then[0]!.supports ? `The ${int(t.count)} is the figure first published` : `The figure first published was ${then[0]!.estimate === null ? 'not available' : int(then[0]!.estimate)}, not ${int(t.count)}`}; the rise was ${gThen === null ? 'not available' : signedPc(gThen)} on first-published figures and ${gNow === null ? 'not available' : signedPc(gNow)} on today’s revised ones, and it ${then[2]!.supports ? 'was' : then[2]!.supports === false ? 'was not' : 'cannot be checked as'} the biggest rise of the last ${t.biggestRiseYears} years.`,
    detail: [
      `A rise matches when it is within ${(t.growthTolerance * 100).toFixed(2)} percentage points of ${pc(t.growth, 1)}. “Biggest rise of the last ${t.biggestRiseYears} years”: the ${t.year} rise against the rises of the ${t.biggestRiseYears - 1} years before, on one basis at a time.`,
      ...out.map(
        (s) =>
          `${s.label}: ${s.method === 'growth' || s.method === 'rank' ? (s.estimate === null ? 'not available' : signedPc(s.estimate, 2)) : formatEstimate(s)}.`,
      ),
      'National figures are rounded to the nearest 10.',
    ],
    thresholds: { growth_tolerance: t.growthTolerance, seven_years: t.biggestRiseYears },
  };
}

function claPerDay(inputs: AnalysisInputs, c: ClaimRecord, t: Extract<ClaimTest, { kind: 'cla-per-day' }>): Evaluation {
  const days = (y: number) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);
  const f = firstPublishedEngland(inputs, 'cla_starts', t.year);
  const l = englandValue(inputs, t.year, 'cla_starts');
  const mk = (basis: string, v: number | null, known: boolean) =>
    spec({
      id: `${t.year}-starts-per-day-${basis}`,
      label: `Children starting to be looked after in the year to 31 March ${t.year}, per day, ${basis === 'first-published' ? 'as first published' : 'in the latest release'} (${v === null ? 'not available' : int(v)} starts)`,
      year: t.year,
      measure: 'cla_starts',
      subset: basis,
      method: 'count',
      estimate: v === null ? null : v / days(t.year),
      supports: v === null ? null : Math.round(v / days(t.year)) === t.perDay,
      known_at_the_time: known,
    });
  const then = [mk('first-published', f, true)];
  const now = [mk('latest', l, false)];
  return {
    specifications: [...then, ...now],
    now,
    then,
    summary: () =>
      `${then[0]!.estimate === null ? 'No starts figure was published' : `On average ${then[0]!.estimate.toFixed(1)} children a day started to be looked after in the year to 31 March ${t.year} (${now[0]!.estimate?.toFixed(1) ?? 'not available'} on today’s figures)`}; that rounds to ${then[0]!.estimate === null ? '–' : Math.round(then[0]!.estimate)}.`,
    detail: [
      `A daily figure matches when it rounds to ${t.perDay}. Each start is counted; a child who starts twice in a year counts twice.`,
      ...[...then, ...now].map((s) => `${s.label}: ${s.estimate?.toFixed(2) ?? 'not available'}.`),
    ],
    thresholds: { rounding: 'nearest whole child' },
  };
}

function claShare(
  inputs: AnalysisInputs,
  c: ClaimRecord,
  t: Extract<ClaimTest, { kind: 'cla-share' }>,
  dateEnd: string,
  shareThresholds: Record<string, number>,
): Evaluation {
  const specs: Specification[] = [];
  const years = inputs.england.series
    .filter((s) => s.code === ENGLAND)
    .map((s) => s.year)
    .sort((a, b) => a - b);
  for (const year of years) {
    const cla = englandValue(inputs, year, 'spend_cla_gbp');
    const tot = englandValue(inputs, year, 'spend_total_gbp');
    const sg = englandValue(inputs, year, 'spend_safeguarding_gbp');
    const fs = englandValue(inputs, year, 'spend_family_support_gbp');
    if (cla === null || tot === null || sg === null || fs === null) continue;
    const known = firstPublishedOn('spendOutturn', year) <= dateEnd;
    for (const [measure, denom, label] of [
      ['of-all-childrens-services', tot, 'all children’s services'],
      ['of-childrens-social-care', cla + sg + fs, 'children’s social care (looked after, safeguarding, family support)'],
    ] as const) {
      const v = cla / denom;
      specs.push(
        spec({
          id: `${year}-${measure}`,
          label: `Looked-after children’s share of England’s spending on ${label}, ${financialYear(year)}`,
          year,
          measure,
          method: 'share',
          estimate: v,
          supports: Math.abs(v - t.target) <= t.tolerance,
          known_at_the_time: known,
        }),
      );
    }
  }
  const then = specs.filter((s) => s.known_at_the_time && inPeriod(c, s));
  const now = specs.filter((s) => s.year >= c.period.from);
  const lastYear = Math.max(...specs.map((s) => s.year));
  const thenYear = Math.max(...then.map((s) => s.year));
  const get = (y: number, m: string) => specs.find((s) => s.year === y && s.measure === m)?.estimate ?? null;
  return {
    specifications: specs,
    now,
    then,
    summary: () => {
      const a = get(thenYear, 'of-all-childrens-services');
      const b = get(thenYear, 'of-childrens-social-care');
      const la = get(lastYear, 'of-all-childrens-services');
      const lb = get(lastYear, 'of-childrens-social-care');
      return `In ${financialYear(thenYear)}, the latest year published when it was written, children in care took ${a === null ? '–' : pc(a)} of all children’s services spending and ${b === null ? '–' : pc(b)} of children’s social care; by ${financialYear(lastYear)} the shares were ${la === null ? '–' : pc(la)} and ${lb === null ? '–' : pc(lb)}.`;
    },
    detail: [
      `A share matches “half” when it is within ${points(t.tolerance)} of ${pc(t.target)}. Two denominators: all children’s and young people’s services excluding schools, and children’s social care (looked after, safeguarding and family support), the budget a children’s services commissioner most likely meant.`,
      ...now.map((s) => `${s.label}: ${pc(s.estimate!, 1)}.`),
    ],
    thresholds: { target: t.target, tolerance: t.tolerance, ...shareThresholds },
  };
}

// ------------------------------------------------------------------ agency staff

/** Social work workforce columns, when the panel carries them (snapshot at 30 September, assigned to the year ending the next 31 March). */
function agencyAssociation(
  inputs: AnalysisInputs,
  c: ClaimRecord,
  t: Extract<ClaimTest, { kind: 'agency-association' }>,
  dateEnd: string,
  shareThresholds: Record<string, number>,
): Evaluation {
  const drafts: SpecDraft[] = [];
  for (const year of panelYears(inputs.panel)) {
    const rows = [...rowsOf(inputs.panel, year).values()];
    const agency = (r: PanelRow) => num((r as unknown as Record<string, unknown>).sw_agency_rate);
    for (const target of ['ofsted-grade', 'spend-per-child'] as const) {
      const cases = rows
        .filter(
          (r) =>
            agency(r) !== null && num(r.idaci_score) !== null && (target === 'ofsted-grade' ? r.ofsted_overall !== null : num(r.spend_per_child_gbp) !== null),
        )
        .map((r) => ({
          a: agency(r)!,
          y: target === 'ofsted-grade' ? gradeScore(r.ofsted_overall!) : num(r.spend_per_child_gbp)!,
          idaci: num(r.idaci_score)!,
          london: r.region_code === LONDON ? 1 : 0,
        }));
      if (cases.length < t.minN) continue;
      for (const control of ['none', 'idaci', 'idaci+london'] as const) {
        const ctr = control === 'none' ? [] : control === 'idaci' ? [cases.map((x) => x.idaci)] : [cases.map((x) => x.idaci), cases.map((x) => x.london)];
        const rc = rankCorrelationTest(
          cases.map((x) => x.a),
          cases.map((x) => x.y),
          ctr,
          { alpha: t.alpha, power: t.power },
        );
        const method: Method = control === 'none' ? 'spearman' : 'partial-spearman';
        drafts.push({
          family: `${target}|${control}`,
          id: `${year}-agency-vs-${target}-${control.replace('+', '-')}`,
          label: `Agency social workers as a share of the workforce against ${target === 'ofsted-grade' ? 'the Ofsted grade' : 'spend per child'}, ${year}${control === 'none' ? '' : `, allowing for ${control === 'idaci' ? 'child deprivation' : 'child deprivation and London'}`}`,
          year,
          measure: `sw_agency_rate vs ${target}`,
          subset: 'all',
          control,
          method,
          ...rankFields(rc),
          known_at_the_time: `${year - 1}-09-30` <= dateEnd && firstPublishedOn('spendOutturn', year) <= dateEnd,
        });
      }
    }
  }
  // The concern is borne out when more agency staff go with worse grades (negative ρ) or with higher spend (positive ρ).
  const specs = adjustAcrossYears(drafts, (d, pAdj) => pAdj < t.alpha && (d.measure.endsWith('ofsted-grade') ? (d.estimate ?? 0) < 0 : (d.estimate ?? 0) > 0));
  const then = specs.filter((s) => s.known_at_the_time && inPeriod(c, s));
  const now = specs.filter((s) => s.year >= c.period.from);
  const g = now.filter((s) => s.measure.endsWith('ofsted-grade'));
  const sp = now.filter((s) => s.measure.endsWith('spend-per-child'));
  const years = [...new Set(now.map((s) => s.year))];
  return {
    specifications: specs,
    now,
    then,
    summary: () =>
      now.length === 0
        ? 'No year has agency staffing figures alongside grades and spending.'
        : `Councils with more agency social workers ${g.filter((s) => s.supports).length > g.length / 2 ? 'tended to have worse Ofsted grades' : 'did not clearly have worse Ofsted grades'} (${g.filter((s) => s.supports).length} of ${g.length} tests) and ${sp.filter((s) => s.supports).length > sp.length / 2 ? 'tended to spend more per child' : 'did not clearly spend more per child'} (${sp.filter((s) => s.supports).length} of ${sp.length}), ${years.length > 1 ? `${Math.min(...years)}–${Math.max(...years)}` : years[0]}.`,
    detail: [
      'The minister’s words are a concern rather than a figure; the testable part is whether councils relying more on agency social workers get worse results or spend more. A specification agrees when, after Holm adjustment across years, a higher agency share goes significantly with a worse grade or with higher spend per child.',
      'Agency share: agency social workers (full-time equivalent) as a share of agency plus directly employed social workers, at 30 September, assigned to the year ending the following 31 March.',
      ...now
        .filter((s) => s.control === 'none')
        .map((s) => `${s.label}: ρ = ${r2(s.estimate!)} (${fp(s.p!)}, adjusted ${fp(s.p_adjusted!)}, ${s.n} councils).`),
    ],
    thresholds: { alpha: t.alpha, min_councils: t.minN, power: t.power, correction: 'Holm, across years', ...shareThresholds },
  };
}

// ------------------------------------------------------------------ the file

/** A rank-correlation test's result as a specification's estimate fields. */
function rankFields(rc: ReturnType<typeof rankCorrelationTest>) {
  return { estimate: rc.estimate, ci_low: rc.ciLow, ci_high: rc.ciHigh, n: rc.n, p: rc.p, mde: rc.mde };
}

export function evaluateClaim(c: ClaimRecord, inputs: AnalysisInputs): EvaluatedClaim {
  const e = evaluateOne(c, inputs);
  const th = thresholdsOf(c.thresholds);
  const untestable = e.untestable ?? 'cannot-be-tested';
  const vNow =
    e.verdictOverride?.now ??
    verdictFromSpecifications(
      e.now.map((s) => s.supports),
      th,
      untestable,
    ).verdict;
  const vThen =
    e.verdictOverride?.then ??
    verdictFromSpecifications(
      e.then.map((s) => s.supports),
      th,
      untestable,
    ).verdict;
  const count = (xs: Specification[]) => ({ supporting: xs.filter((s) => s.supports === true).length, testable: xs.filter((s) => s.supports !== null).length });
  const cNow = count(e.now);
  const cThen = count(e.then);
  const thenAndNow =
    vNow === vThen
      ? null
      : cThen.testable === 0
        ? `None of the figures needed to test it had been published when it was said; with today’s figures it is “${VERDICT_LABELS[vNow].toLowerCase()}” (${cNow.supporting} of ${cNow.testable} specifications agree).`
        : `With what was public when it was said the verdict is “${VERDICT_LABELS[vThen].toLowerCase()}” (${cThen.supporting} of ${cThen.testable} specifications agree); with today’s figures and the years since, it is “${VERDICT_LABELS[vNow].toLowerCase()}” (${cNow.supporting} of ${cNow.testable}).`;
  return {
    id: c.id,
    topic: c.topic,
    speaker: c.speaker,
    role: c.role,
    date: c.date,
    date_note: c.dateNote,
    venue: c.venue,
    words: c.words,
    words_are_quote: c.wordsAreQuote,
    source_url: c.source_url,
    report: c.report,
    quantities: c.quantities,
    period: c.period,
    story: c.story,
    verdict: vNow,
    verdict_at_the_time: vThen,
    summary: e.summary(vNow, vThen),
    then_and_now: thenAndNow,
    detail: e.detail,
    counts: { now: cNow, at_the_time: cThen },
    thresholds: e.thresholds,
    specifications: e.specifications,
  };
}

export function evaluateClaims(inputs: AnalysisInputs, registry: readonly ClaimRecord[] = REGISTRY): ClaimsFile {
  return {
    schema_version: CLAIMS_SCHEMA_VERSION,
    data_version: inputs.dataVersion,
    rubric: rubric(),
    claims: registry.map((c) => evaluateClaim(c, inputs)),
  };
}
