/**
 * The numbers each story prints, computed from data/output at build time.
 * One function per story; every value is required (must() throws, failing the
 * build, if the data lack it). Prose formatting lives with the numbers so the
 * MDX reads `{f.text.totalReal0}` and a data update rewrites the sentence.
 */
import { TIMELINE } from '../../lib/analysis/timeline.ts';
import { getLa, getPanel, getRegions, latestYear } from '../../lib/data.ts';
import {
  blockChange,
  deflator,
  deflatorBase,
  englandFull,
  englandValue,
  fmt,
  latestRealYear,
  latestSpendYear,
  must,
  real,
  results,
} from './analysis.ts';

export interface Annotation {
  date: number;
  label: string;
}

/** Funding milestones as chart annotations (short labels; the detail is in the text). */
export function fundingAnnotations(): Annotation[] {
  const short: Record<string, string> = {
    'innovation-programme': 'Innovation Programme £100m',
    'innovation-programme-200m': '£200m to 2020',
    'improvement-20m': '£20m improvement fund',
  };
  return TIMELINE.filter((m) => m.id in short).map((m) => ({ date: m.year, label: short[m.id]! }));
}

export function milestone(id: string) {
  const m = TIMELINE.find((x) => x.id === id);
  if (!m) throw new Error(`Timeline has no milestone "${id}".`);
  return m;
}

// ------------------------------------------------------------ 1. the squeeze and the shift
export function squeeze() {
  const first = 2011;
  const lastReal = latestRealYear();
  const lastCash = latestSpendYear();
  const t0 = must(real(englandValue(first, 'spend_total_gbp'), first), `real total ${first}`);
  const tMid = must(real(englandValue(2014, 'spend_total_gbp'), 2014), 'real total 2014');
  const tLast = must(real(englandValue(lastReal, 'spend_total_gbp'), lastReal), `real total ${lastReal}`);
  const cashLast = must(englandValue(lastCash, 'spend_total_gbp'), `cash total ${lastCash}`);
  // the low point of real spend after 2011
  const realYears = englandFull()
    .series.filter((s) => s.code === 'E92000001' && s.year >= first)
    .map((s) => ({ year: s.year, v: real(s.values.spend_total_gbp ?? null, s.year) }))
    .filter((x): x is { year: number; v: number } => x.v !== null);
  const low = realYears.reduce((a, b) => (b.v < a.v ? b : a));
  const cla = blockChange('spend_cla_gbp', first, lastReal);
  const safe = blockChange('spend_safeguarding_gbp', first, lastReal);
  const early = blockChange('spend_early_help_gbp', first, lastReal);
  const young = blockChange('spend_young_people_gbp', first, lastReal);
  const share = results().claShare.data.years;
  const share0 = share.find((y) => y.year === first)!;
  const shareLast = share.at(-1)!;
  const perChild0 = must(englandValue(2016, 'spend_per_child_real_gbp'), 'real spend per child 2016');
  const perChildLast = must(englandValue(lastReal, 'spend_per_child_real_gbp'), `real spend per child ${lastReal}`);
  const approx = englandFull().deflators!.years.filter((y) => y.approximate).map((y) => y.year);
  return {
    first,
    lastReal,
    lastCash,
    noDeflator: deflator(lastCash).index === null,
    base: deflatorBase(),
    approxFromFy: approx.length ? fmt.fy(Math.min(...approx)) : null,
    low,
    risingSinceLow: realYears.filter((x) => x.year >= low.year).every((x, i, a) => i === 0 || x.v > a[i - 1]!.v),
    text: {
      t0: fmt.bn(t0, 1),
      tMid: fmt.bn(tMid, 1),
      tLast: fmt.bn(tLast, 1),
      low: fmt.bn(low.v, 1),
      lowFy: fmt.fy(low.year),
      lowChange: fmt.signedPct(low.v / t0 - 1),
      totalChange: fmt.signedPct(tLast / t0 - 1),
      cashLast: fmt.bn(cashLast, 1),
      firstFy: fmt.fy(first),
      lastRealFy: fmt.fy(lastReal),
      lastCashFy: fmt.fy(lastCash),
      cla0: fmt.bn(cla.from, 1),
      claLast: fmt.bn(cla.to, 1),
      claChange: fmt.signedPct(cla.change),
      safeChange: fmt.signedPct(safe.change),
      halfFromFy: share.find((y) => (y.englandShare ?? 0) >= 0.5)?.financialYear ?? null,
      early0: fmt.bn(early.from, 2),
      earlyLast: fmt.bn(early.to, 2),
      earlyChange: fmt.signedPct(early.change),
      young0: fmt.bn(young.from, 2),
      youngLast: fmt.bn(young.to, 2),
      youngChange: fmt.signedPct(young.change),
      share0: fmt.pct(share0.englandShare),
      shareLast: fmt.pct(shareLast.englandShare),
      shareLastFy: shareLast.financialYear,
      perChild0: fmt.gbp(perChild0),
      perChildLast: fmt.gbp(perChildLast),
    },
  };
}

/** England looked-after share of spend, one row per year (for the chart). */
export function claShareRows() {
  return results().claShare.data.years.map((y) => ({ year: y.year, share: y.englandShare === null ? null : Math.round(y.englandShare * 1000) / 10, basis: y.basis }));
}

// ------------------------------------------------------------ 2. spend and Ofsted
export function spendOfsted() {
  const sq = results().spendVsOfsted;
  const used = sq.data.years.filter((y) => y.usedForVerdict);
  const y16 = sq.data.years.find((y) => y.year === 2016)!;
  const y17 = sq.data.years.find((y) => y.year === 2017)!;
  const latest = sq.data.latest!;
  const sig = sq.data.significantYears;
  const med = (y: typeof latest, g: string) => y.byGrade.find((b) => b.grade === g)?.medianCash ?? null;
  const half = results().halfAsMuch.data.years;
  const h17 = half.find((y) => y.year === 2017)!;
  return {
    latestYear: latest.year,
    chartYear: latest.year,
    y17,
    text: {
      firstFy: fmt.fy(used[0]!.year),
      lastFy: fmt.fy(latest.year),
      years: used.length,
      rho16: fmt.rho(y16.rho),
      p16: fmt.p(y16.permutation.p),
      ci16: `${fmt.rho(y16.ci.lo)} to ${fmt.rho(y16.ci.hi)}`,
      kw16: fmt.p(y16.kruskalWallis.p),
      rho17: fmt.rho(y17.rho),
      p17: fmt.p(y17.permutation.p),
      ci17: `${fmt.rho(y17.ci.lo)} to ${fmt.rho(y17.ci.hi)}`,
      kw17: fmt.p(y17.kruskalWallis.p),
      n17: y17.n,
      rhoLatest: fmt.rho(latest.rho),
      ciLatest: `${fmt.rho(latest.ci.lo)} to ${fmt.rho(latest.ci.hi)}`,
      pLatest: fmt.p(latest.permutation.p),
      nLatest: latest.n,
      sigYears: sig.length ? sig.map((y) => fmt.fy(y)).join(', ') : 'none',
      sigCount: sig.length,
      medGoodLatest: fmt.gbp(med(latest, 'Good')),
      medRiLatest: fmt.gbp(med(latest, 'Requires improvement')),
      medInadLatest: fmt.gbp(med(latest, 'Inadequate')),
      medOutLatest: fmt.gbp(med(latest, 'Outstanding')),
      lowestGood: h17.lowestGood.name,
      lowestGoodSpend: fmt.gbp(h17.lowestGood.cash),
      highestGood: h17.highestGood.name,
      highestGoodSpend: fmt.gbp(h17.highestGood.cash),
      medGood17: fmt.gbp(h17.good.medianCash),
      typical17: fmt.pct(h17.typicalRatio),
      nGood17: h17.nGood,
      atMostHalf17: h17.goodAtMostHalfOfMedian,
    },
  };
}

// ------------------------------------------------------------ 3. deprivation
export function deprivation() {
  const d = results().deprivation.data;
  const ny = d.newtonYear!;
  const last = d.years.at(-1)!;
  const r2s = d.years.map((y) => y.r2);
  const over = d.years.filter((y) => y.r2CI.hi >= 0.5).map((y) => y.year);
  return {
    scatterYear: last.year,
    text: {
      r2Newton: fmt.pct(ny.r2),
      ciNewton: `${fmt.pct(ny.r2CI.lo)} to ${fmt.pct(ny.r2CI.hi)}`,
      newtonFy: ny.financialYear,
      r2Last: fmt.pct(last.r2),
      ciLast: `${fmt.pct(last.r2CI.lo)} to ${fmt.pct(last.r2CI.hi)}`,
      lastFy: last.financialYear,
      nLast: last.n,
      r2Lo: fmt.pct(Math.min(...r2s)),
      r2Hi: fmt.pct(Math.max(...r2s)),
      firstFy: d.years[0]!.financialYear,
      slopeLast: fmt.gbp(last.slopePerTenth),
      pctLast: `${Math.round(last.pctPerTenthLog)}%`,
      r2LogLast: fmt.pct(last.r2Log),
      yearsCount: d.years.length,
      ciReachesHalf: over.length,
      alone: fmt.pct(d.benchmarks.deprivationAlone),
    },
  };
}

// ------------------------------------------------------------ 4. children in care
const regionPhrase = (n: string) => (/^(North|South|East|West)/.test(n) ? `the ${n}` : n);
export function inCare() {
  const cc = results().claCount.data;
  const long = englandFull().longRun.filter((r) => r.cla_count !== null);
  const first = long[0]!;
  const peak = long.reduce((a, b) => ((b.cla_count ?? 0) > (a.cla_count ?? 0) ? b : a));
  const year = latestYear();
  const rows = getPanel().rows.filter((r) => r.year === year && r.cla_rate_per_10k !== null);
  const hi = rows.reduce((a, b) => (b.cla_rate_per_10k! > a.cla_rate_per_10k! ? b : a));
  const lo = rows.reduce((a, b) => (b.cla_rate_per_10k! < a.cla_rate_per_10k! ? b : a));
  const regions = getRegions().filter((r) => r.year === year && r.values.cla_rate_per_10k != null);
  const rhi = regions.reduce((a, b) => (b.values.cla_rate_per_10k! > a.values.cla_rate_per_10k! ? b : a));
  const rlo = regions.reduce((a, b) => (b.values.cla_rate_per_10k! < a.values.cla_rate_per_10k! ? b : a));
  const c2010 = must(englandValue(2010, 'cla_count'), 'CLA 2010');
  const latestCount = must(cc.latestYear.count, 'latest CLA count');
  // The news: how many annual falls (or rises) in a row end at the latest year, from the England series.
  const countAt = (y: number): number | null => {
    try { return englandValue(y, 'cla_count'); } catch { return null; }
  };
  const runOf = (dir: 1 | -1): number => {
    let n = 0;
    for (let y = cc.latestYear.year; ; y--) {
      const a = countAt(y), b = countAt(y - 1);
      if (a === null || b === null || Math.sign(a - b) !== dir) return n;
      n++;
    }
  };
  const falls = runOf(-1);
  const rises = runOf(1);
  const ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  const nth = (n: number) => ORD[n] ?? `${n}th`;
  const lead = falls >= 1
    ? `The number of children in care in England has fallen for a ${nth(falls)} year in a row`
    : rises >= 1 ? `The number of children in care in England rose for a ${nth(rises)} year in a row` : 'The number of children in care in England was unchanged on a year earlier';
  return {
    year,
    englandRate: must(englandValue(year, 'cla_rate_per_10k'), `England CLA rate ${year}`),
    text: {
      first: fmt.int(first.cla_count),
      firstYear: first.year,
      peak: fmt.int(peak.cla_count),
      peakYear: peak.year,
      latest: fmt.int(latestCount),
      latestYear: cc.latestYear.year,
      latestChange: fmt.signedPct(cc.latestYear.change, 1),
      lead: falls === 1 ? `The number of children in care in England fell in the year to 31 March ${cc.latestYear.year}` : lead,
      falls,
      since2010: fmt.signedPct(latestCount / c2010 - 1),
      c2010: fmt.int(c2010),
      startsPerDay: cc.latestYear.startsPerDay === null ? 'not available' : cc.latestYear.startsPerDay.toFixed(0),
      startsLatest: fmt.int(cc.latestYear.starts),
      first2017: fmt.int(cc.year2017.firstPublished?.value ?? null),
      latest2017: fmt.int(cc.year2017.latest),
      release2017: cc.year2017.firstPublished?.release ?? 'not available',
      rise2017Rev: fmt.signedPct(cc.year2017.changeLatestVsLatest, 1),
      rise2017First: fmt.signedPct(cc.year2017.changeFirstVsFirst, 1),
      perDay2017: cc.year2017.startsPerDayFirst === null ? 'not available' : cc.year2017.startsPerDayFirst.toFixed(1),
      starts2017: fmt.int(cc.year2017.startsFirstPublished?.value ?? null),
      hiName: hi.la_name,
      hiRate: fmt.int(hi.cla_rate_per_10k),
      loName: lo.la_name,
      loRate: fmt.int(lo.cla_rate_per_10k),
      ratesN: rows.length,
      rhiName: regionPhrase(rhi.name),
      rhiRate: fmt.int(rhi.values.cla_rate_per_10k!),
      rloName: regionPhrase(rlo.name),
      rloRate: fmt.int(rlo.values.cla_rate_per_10k!),
    },
  };
}

// ------------------------------------------------------------ 5. ratings
export function ratings() {
  const of = results().ofstedShares.data;
  const cnt = (d: typeof of.latest, g: string) => d.counts.find((c) => c.grade === g)!;
  const latestGoodPlus = cnt(of.latest, 'Good').count + cnt(of.latest, 'Outstanding').count;
  const sifRows = getPanel().rows.filter((r) => r.ofsted_framework === 'SIF');
  const lastSifYear = Math.max(...sifRows.map((r) => r.year));
  const la = (code: string) => getLa(code)?.name ?? code;
  return {
    latestYear: Number(of.latest.asAt.slice(0, 4)),
    text: {
      n2015: of.nov2015.n,
      notGood2015: of.nov2015.notGood,
      notGoodShare2015: fmt.pct(of.nov2015.notGoodShare, 1),
      n2017: of.jul2017PlusWarwickshire.n,
      dist2017: of.jul2017PlusWarwickshire.counts.map((c) => `${fmt.pct(c.share)} ${c.grade.toLowerCase()}`).join(', '),
      n14: of.jul2017AllOn14th.n,
      extra14: of.jul2017AllOn14th.councils.filter((c) => !of.jul2017PlusWarwickshire.councils.includes(c)).join(' and '),
      dist14: of.jul2017AllOn14th.counts.map((c) => fmt.pct(c.share)).join('/'),
      nLatest: of.latest.n,
      latestYear: of.latest.asAt.slice(0, 4),
      goodPlusLatest: latestGoodPlus,
      goodPlusShareLatest: fmt.pct(latestGoodPlus / of.latest.n),
      outstandingLatest: cnt(of.latest, 'Outstanding').count,
      inadequateLatest: cnt(of.latest, 'Inadequate').count,
      notGoodLatest: of.latest.notGood,
      notGoodShareLatest: fmt.pct(of.latest.notGoodShare),
      lastSifYear,
      ilacs: milestone('ilacs').detail,
      la,
    },
  };
}
