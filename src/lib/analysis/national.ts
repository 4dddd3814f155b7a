/**
 * Claims tested against England totals (england.json):
 *  4. LGA: "£2bn funding gap by 2020" — a projection; context figures only.
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
import type { AreaYear, PanelNumericColumn } from '../../../scripts/data/contract.ts';
import { claimById } from './claims.ts';
import { median, quantile } from './stats.ts';
import { EXCLUDED_BY_DEFAULT, sampleYear } from './sample.ts';
import { financialYear } from './spend-quality.ts';
import { num, type AnalysisInputs, type ClaimResult, type EnglandOutput } from './types.ts';

const ENGLAND = 'E92000001';

function englandRow(england: EnglandOutput, year: number): AreaYear {
  const r = england.series.find((s) => s.code === ENGLAND && s.year === year);
  if (!r) throw new Error(`england.json has no England row for ${year}.`);
  return r;
}

function englandValue(england: EnglandOutput, year: number, col: PanelNumericColumn): number | null {
  return num(englandRow(england, year).values[col]);
}

function deflatorIndex(england: EnglandOutput, year: number): number | null {
  const d = england.deflators?.years.find((y) => y.year === year);
  return d && typeof d.index === 'number' ? d.index : null;
}

const bn = (v: number) => `£${(v / 1e9).toFixed(2)}bn`;
const pct1 = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;

// ---------------------------------------------------------------- claim 4

export interface FundingGapData {
  from: number;
  to: number;
  spendCash: { from: number; to: number; change: number };
  spendReal: { from: number; to: number; change: number; priceBase: string } | null;
  claCount: { from: number; to: number; change: number };
  spendPerChildCash: { from: number | null; to: number | null };
  spendPerChildReal: { from: number | null; to: number | null };
}

export function analyseFundingGap(inputs: AnalysisInputs, from = 2016, to = 2020): ClaimResult<FundingGapData> {
  const e = inputs.england;
  const s0 = englandValue(e, from, 'spend_total_gbp');
  const s1 = englandValue(e, to, 'spend_total_gbp');
  const c0 = englandValue(e, from, 'cla_count');
  const c1 = englandValue(e, to, 'cla_count');
  if (s0 === null || s1 === null || c0 === null || c1 === null) throw new Error(`england.json lacks spend or CLA for ${from} or ${to}.`);
  const d0 = deflatorIndex(e, from);
  const d1 = deflatorIndex(e, to);
  const spendReal = d0 && d1 ? { from: (s0 * 100) / d0, to: (s1 * 100) / d1, change: (s1 / d1) / (s0 / d0) - 1, priceBase: e.deflators!.baseLabel } : null;
  return {
    claimId: claimById('lga-2bn-gap').id,
    verdictCode: 'cannot-be-tested',
    verdict: `Cannot be tested with outturn data: a “gap” is a projection of need against funding. What the data show: England spending rose from ${bn(s0)} in ${financialYear(from)} to ${bn(s1)} in ${financialYear(to)} (${pct1(s1 / s0 - 1)} cash${spendReal ? `, ${pct1(spendReal.change)} real` : ''}) while children in care rose from ${c0.toLocaleString('en-GB')} to ${c1.toLocaleString('en-GB')} (${pct1(c1 / c0 - 1)}).`,
    method: 'England Section 251 gross spend on children’s and young people’s services (LAIT basis) and children looked after at 31 March, first and last year of the period; real terms with the HM Treasury GDP deflator.',
    caveats: [
      'Outturn is what councils spent, after any overspend was met from other budgets or reserves; a funding gap is the difference between projected cost and projected funding, which no outturn dataset records.',
      'The deflator for 2019-20 is approximate (chained from calendar-year data).',
      'Spend covers all children’s and young people’s services excluding schools, not children’s social care alone.',
    ],
    provenance: {
      files: ['england.json'],
      columns: ['spend_total_gbp', 'cla_count', 'spend_per_child_gbp', 'spend_per_child_real_gbp', 'deflators'],
      years: [from, to],
      dataVersion: inputs.dataVersion,
    },
    data: {
      from,
      to,
      spendCash: { from: s0, to: s1, change: s1 / s0 - 1 },
      spendReal,
      claCount: { from: c0, to: c1, change: c1 / c0 - 1 },
      spendPerChildCash: { from: englandValue(e, from, 'spend_per_child_gbp'), to: englandValue(e, to, 'spend_per_child_gbp') },
      spendPerChildReal: { from: englandValue(e, from, 'spend_per_child_real_gbp'), to: englandValue(e, to, 'spend_per_child_real_gbp') },
    },
  };
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

export function analyseSocialWorkFall(inputs: AnalysisInputs): ClaimResult<SocialWorkData> {
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
  const allRose = change.length > 0 && change.every((c) => c.change > 0);
  return {
    claimId: claimById('social-work-spend-fell').id,
    verdictCode: 'not-reproduced',
    verdict: `Not reproduced: no Section 251 line comes near £2.58bn in 2011-12 (closest: ${closest ? `${closest.line} ${bn(closest.value!)}` : 'none'})${has2015 ? '' : ', there is no line-level data for 2014-15'}, and ${allRose ? `every comparable line rose between 2011-12 and 2013-14 (${change.map((c) => `${c.line} ${pct1(c.change)}`).join(', ')})` : 'the comparable lines did not all rise'} — no fall is visible by 2013-14.`,
    method: 'England sums of the Section 251 outturn lines that could be meant by “social work and child protection” (commissioning and social work; child protection functions; the published safeguarding total; our safeguarding block), summed for England for each year.',
    caveats: [
      'The report does not say which “government figures” it used; they may be budgets rather than outturn, a different scope, or a different source (for example MHCLG revenue outturn). We can only say our outturn lines do not reproduce them.',
      'Section 251 line definitions changed in 2012-13 (social work absorbed the child protection line), so single lines are not comparable across that break; the safeguarding block is our consistent grouping.',
      'No line-level outturn for 2014-15 was found in any stored source; MHCLG’s 2014-15 children’s social care total is on a new, wider scope and is not comparable.',
    ],
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
  latestYear: { year: number; count: number | null; prior: number | null; change: number | null; starts: number | null; startsPerDay: number | null; daysInYear: number };
}

function firstPublished(e: EnglandOutput, measure: string, year: number): { value: number; release: string } | null {
  const r = e.revisions.find((x) => x.code === ENGLAND && x.measure === measure && x.year === year);
  return r && r.first.value !== null ? { value: r.first.value, release: r.first.release } : null;
}

/** Days in the year ending 31 March `year` (366 when it contains 29 February). */
export function daysInYearEnding(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

export function analyseClaCount(inputs: AnalysisInputs): ClaimResult<ClaCountData> {
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
    latestYear: { year: latestYear, count: lc, prior: lp, change: lc !== null && lp !== null ? lc / lp - 1 : null, starts: ls, startsPerDay: ls !== null ? ls / dl : null, daysInYear: dl },
  };
  const ok72670 = f17?.value === 72670;
  const okDay = spd !== null && Math.round(spd) === 90;
  return {
    claimId: claimById('cla-72670').id,
    verdictCode: ok72670 && okDay ? 'supported' : 'partly-supported',
    verdict: `${ok72670 && okDay ? 'Supported' : 'Partly supported'}: ${f17 ? f17.value.toLocaleString('en-GB') : '?'} children were looked after at 31 March 2017 as first published (${f17?.release}; revised to ${l17?.toLocaleString('en-GB')}), ${ff !== null ? pct1(ff) : '?'} on the ${f16?.value.toLocaleString('en-GB')} first published for 2016 (${ll !== null ? pct1(ll) : '?'} on revised figures, which gives the 3.1%); ${s17?.value.toLocaleString('en-GB')} started to be looked after in 2016-17, ${spd?.toFixed(1)} a day. Latest: ${lc?.toLocaleString('en-GB')} at 31 March ${latestYear} (${data.latestYear.change !== null ? pct1(data.latestYear.change) : '?'} on ${latestYear - 1}), ${data.latestYear.startsPerDay?.toFixed(1)} starts a day.`,
    method: 'First-published England figures from the revisions list (SFR releases), latest figures from the England series; starts in the year divided by the days in the year to 31 March.',
    caveats: [
      'National figures are rounded to the nearest 10 by DfE.',
      '“Up 3.1%” matches the revised series (72,600 on 70,400); on first-published figures (72,670 on 70,440) the rise is 3.2%. Quote the figures from one release.',
      '“Going into care every day” is an average of starts over the year; some children start more than once in a year and each start is counted.',
    ],
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

export function analyseClaShare(inputs: AnalysisInputs): ClaimResult<ClaShareData> {
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
          ? { n: shares.length, median: median(shares), p25: quantile(shares, 0.25), p75: quantile(shares, 0.75), min: Math.min(...shares), max: Math.max(...shares), overHalf: shares.filter((v) => v > 0.5).length }
          : null,
      };
    })
    .filter((y) => y.englandShare !== null);
  const last = years.at(-1)!;
  const p = (v: number | null) => (v === null ? '?' : `${(v * 100).toFixed(0)}%`);
  // Only the consistent LAIT basis (2015-16 on) is used for the verdict; see caveats for earlier bases.
  const lait = years.filter((y) => y.basis === 'lait-s251');
  const firstHalf = lait.find((y) => (y.englandShare ?? 0) >= 0.5);
  return {
    claimId: claimById('cla-half-of-budget').id,
    verdictCode: firstHalf ? (firstHalf.year === lait[0]!.year ? 'supported' : 'partly-supported') : 'not-supported',
    verdict: firstHalf
      ? `True only from ${firstHalf.financialYear}: children looked after took ${p(lait[0]?.englandShare ?? null)} of England’s children’s services spend in ${lait[0]?.financialYear}, ${p(firstHalf.englandShare)} in ${firstHalf.financialYear} and ${p(last.englandShare)} in ${last.financialYear} (median council ${p(last.councils?.median ?? null)}).`
      : `Not supported: the looked-after share never reached half (latest ${p(last.englandShare)} in ${last.financialYear}).`,
    method: 'England Section 251 gross spend on children looked after divided by gross spend on all children’s and young people’s services (excluding schools), per financial year; the same ratio per council for the distribution.',
    caveats: [
      'The denominator is all children’s and young people’s services excluding schools (including early years, youth services and youth justice), not children’s social care alone; against social care alone the share is higher.',
      'Bases differ: 2009-10 (“s251-2008”) had a narrower scope (no Sure Start or young people’s services), which is why its share looks like half; 2010-11 to 2013-14 are S251 outturn; 2015-16 on are S251 outturn as compiled in LAIT; 2014-15 is missing. Compare shares within a basis.',
      'According to the pipeline’s data dictionary, adoption and special guardianship support are in the looked-after block from 2012-13; for earlier years the block is narrower, so early shares are slightly understated.',
      `Council distribution excludes ${Object.values(EXCLUDED_BY_DEFAULT).join(' and ')}.`,
    ],
    provenance: {
      files: ['england.json', 'la-panel.json'],
      columns: ['spend_cla_gbp', 'spend_total_gbp', 'spend_basis'],
      years: years.map((y) => y.year),
      dataVersion: inputs.dataVersion,
    },
    data: { years },
  };
}
