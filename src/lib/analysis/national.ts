/**
 * Descriptive figures from England totals (england.json) for the stories'
 * charts and sentences (verdicts are the claims engine's, engine.ts):
 *  5. "Spending on social work and child protection fell from £2.58bn
 *     (2011/12) to £2.12bn (2014/15)" — against the Section 251 candidate lines.
 *  7. "72,670 looked-after children, up 3.1%" and "90 children going into care
 *     every day" (2017) — first-published and revised figures.
 *  8. "Looked-after children take half of children's services budgets".
 *
 * Years end 31 March: spend in year Y is financial year (Y-1)-(Y); children
 * looked after are counted at 31 March Y and starts are in the year to 31 March Y.
 * england.json `series` holds the latest release of every figure; `revisions`
 * holds first-published values where a later release changed them.
 */
import type { AreaYear, PanelNumericColumn } from '../../../contract/outputs.ts';
import { median, quantile } from '../../../contract/stats.ts';
import { sampleYear } from './sample.ts';
import { financialYear } from '../../../contract/years.ts';
import { num, type AnalysisInputs, type StoryResult, type EnglandOutput } from './types.ts';
import { ENGLAND_CODE } from '../../../contract/codes.ts';

const ENGLAND = ENGLAND_CODE;

function englandRow(england: EnglandOutput, year: number): AreaYear {
  const r = england.series.find((s) => s.code === ENGLAND && s.year === year);
  if (!r) throw new Error(`england.json has no England row for ${year}.`);
  return r;
}

function englandValue(england: EnglandOutput, year: number, col: PanelNumericColumn): number | null {
  return num(englandRow(england, year).values[col]);
}

// ---------------------------------------------------------------- claim 5

export interface SocialWorkData {
  claimed: { from: { year: number; value: number }; to: { year: number; value: number } };
  lines: Array<{ year: number; line: string; label: string; value: number | null; missing: string | null }>;
  /** Candidate line closest to £2.58bn in 2011-12. */
  closestTo2012Claim: { line: string; value: number; gapToClaim: number } | null;
  /** Lines present in both 2011-12 and 2013-14 and their change. */
  change2012to2014: Array<{ line: string; from: number; to: number; change: number }>;
  has2015Lines: boolean;
}

export function analyseSocialWorkFall(inputs: AnalysisInputs): StoryResult<SocialWorkData> {
  const raw = inputs.england.spendChecks.socialWorkClaim;
  const lines = raw.map((l) => ({
    year: l.year,
    line: l.line,
    label: l.label,
    value: num(l.value),
    missing: typeof l.value === 'object' && l.value !== null && 'missing' in l.value ? l.value.missing : null,
  }));
  const claimFrom = 2.58e9;
  const y12 = lines.filter((l) => l.year === 2012 && l.value !== null);
  const closest = y12.sort((a, b) => Math.abs(a.value! - claimFrom) - Math.abs(b.value! - claimFrom))[0];
  const change = lines
    .filter((l) => l.year === 2012 && l.value !== null)
    .map((a) => ({ a, b: lines.find((l) => l.year === 2014 && l.line === a.line && l.value !== null) }))
    .filter((p) => p.b)
    .map(({ a, b }) => ({ line: a.line, from: a.value!, to: b!.value!, change: b!.value! / a.value! - 1 }));
  const has2015 = lines.some((l) => l.year === 2015 && l.value !== null);
  return {
    provenance: {
      files: ['england.json'],
      columns: ['spendChecks.socialWorkClaim'],
      years: [...new Set(lines.map((l) => l.year))].sort(),
      dataVersion: inputs.dataVersion,
    },
    data: {
      claimed: { from: { year: 2012, value: claimFrom }, to: { year: 2015, value: 2.12e9 } },
      lines,
      closestTo2012Claim: closest ? { line: closest.line, value: closest.value!, gapToClaim: closest.value! - claimFrom } : null,
      change2012to2014: change,
      has2015Lines: has2015,
    },
  };
}

// ---------------------------------------------------------------- claim 7

export interface ClaCountData {
  year2017: {
    firstPublished: { value: number; release: string } | null;
    latest: number | null;
    prior: { firstPublished: { value: number; release: string } | null; latest: number | null };
    changeFirstVsFirst: number | null;
    changeLatestVsLatest: number | null;
    startsFirstPublished: { value: number; release: string } | null;
    startsLatest: number | null;
    startsPerDayFirst: number | null;
    startsPerDayLatest: number | null;
  };
  latestYear: {
    year: number;
    count: number | null;
    prior: number | null;
    change: number | null;
    starts: number | null;
    startsPerDay: number | null;
    daysInYear: number;
  };
}

function firstPublished(e: EnglandOutput, measure: string, year: number): { value: number; release: string } | null {
  const r = e.revisions.find((x) => x.code === ENGLAND && x.measure === measure && x.year === year);
  return r && r.first.value !== null ? { value: r.first.value, release: r.first.release } : null;
}

/** Days in the year ending 31 March `year` (366 when it contains 29 February). */
export function daysInYearEnding(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

export function analyseClaCount(inputs: AnalysisInputs): StoryResult<ClaCountData> {
  const e = inputs.england;
  const f17 = firstPublished(e, 'cla_count', 2017);
  const f16 = firstPublished(e, 'cla_count', 2016);
  const l17 = englandValue(e, 2017, 'cla_count');
  const l16 = englandValue(e, 2016, 'cla_count');
  const s17 = firstPublished(e, 'cla_starts', 2017);
  const sl17 = englandValue(e, 2017, 'cla_starts');
  const days17 = daysInYearEnding(2017);
  const latestYear = Math.max(...e.series.filter((s) => s.code === ENGLAND && num(s.values.cla_count) !== null).map((s) => s.year));
  const lc = englandValue(e, latestYear, 'cla_count');
  const lp = englandValue(e, latestYear - 1, 'cla_count');
  const ls = englandValue(e, latestYear, 'cla_starts');
  const dl = daysInYearEnding(latestYear);
  const ff = f17 && f16 ? f17.value / f16.value - 1 : null;
  const ll = l17 !== null && l16 !== null ? l17 / l16 - 1 : null;
  const spd = s17 ? s17.value / days17 : null;
  const data: ClaCountData = {
    year2017: {
      firstPublished: f17,
      latest: l17,
      prior: { firstPublished: f16, latest: l16 },
      changeFirstVsFirst: ff,
      changeLatestVsLatest: ll,
      startsFirstPublished: s17,
      startsLatest: sl17,
      startsPerDayFirst: spd,
      startsPerDayLatest: sl17 !== null ? sl17 / days17 : null,
    },
    latestYear: {
      year: latestYear,
      count: lc,
      prior: lp,
      change: lc !== null && lp !== null ? lc / lp - 1 : null,
      starts: ls,
      startsPerDay: ls !== null ? ls / dl : null,
      daysInYear: dl,
    },
  };
  return {
    provenance: {
      files: ['england.json'],
      columns: ['revisions (cla_count, cla_starts)', 'series.cla_count', 'series.cla_starts'],
      years: [2016, 2017, latestYear - 1, latestYear],
      dataVersion: inputs.dataVersion,
    },
    data,
  };
}

// ---------------------------------------------------------------- claim 8

export interface ClaShareYear {
  year: number;
  financialYear: string;
  basis: string | null;
  englandShare: number | null;
  councils: { n: number; median: number; p25: number; p75: number; min: number; max: number; overHalf: number } | null;
}

export interface ClaShareData {
  years: ClaShareYear[];
}

export function analyseClaShare(inputs: AnalysisInputs): StoryResult<ClaShareData> {
  const e = inputs.england;
  const years: ClaShareYear[] = e.series
    .filter((s) => s.code === ENGLAND)
    .sort((a, b) => a.year - b.year)
    .map((s) => {
      const cla = num(s.values.spend_cla_gbp);
      const tot = num(s.values.spend_total_gbp);
      const shares = sampleYear(inputs.panel, s.year, 'spend_total_gbp')
        .map((r) => ({ t: r.x, c: num(r.row.spend_cla_gbp) }))
        .filter((r): r is { t: number; c: number } => r.c !== null && r.t > 0)
        .map((r) => r.c / r.t);
      const basis = inputs.panel.find((r) => r.year === s.year && r.spend_basis)?.spend_basis ?? null;
      return {
        year: s.year,
        financialYear: financialYear(s.year),
        basis,
        englandShare: cla !== null && tot !== null && tot > 0 ? cla / tot : null,
        councils: shares.length
          ? {
              n: shares.length,
              median: median(shares),
              p25: quantile(shares, 0.25),
              p75: quantile(shares, 0.75),
              min: Math.min(...shares),
              max: Math.max(...shares),
              overHalf: shares.filter((v) => v > 0.5).length,
            }
          : null,
      };
    })
    .filter((y) => y.englandShare !== null);
  return {
    provenance: {
      files: ['england.json', 'la-panel.json'],
      columns: ['spend_cla_gbp', 'spend_total_gbp', 'spend_basis'],
      years: years.map((y) => y.year),
      dataVersion: inputs.dataVersion,
    },
    data: { years },
  };
}
