/**
 * The numbers each story prints, computed from data/output at build time.
 * One function per story; every value is required (must() throws, failing the
 * build, if the data lack it). Prose formatting lives with the numbers so the
 * MDX reads `{f.text.totalReal0}` and a data update rewrites the sentence.
 */
import { TIMELINE } from '../analysis/timeline.ts';
import { getEvaluatedClaim } from '../data/claims.ts';
import { registryClaim } from '../analysis/registry/index.ts';
import type { Distribution } from '../analysis/ofsted.ts';
import { getLa, getPanel, getRegions, latestYear } from '../data.ts';
import { blockChange, deflator, deflatorBase, englandFull, englandValue, fmt, latestRealYear, latestSpendYear, must, real, results } from './analysis.ts';
import { ENGLAND_CODE } from '../../../contract/codes.ts';

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
    .series.filter((s) => s.code === ENGLAND_CODE && s.year >= first)
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
  const fallClaim = getEvaluatedClaim('spend-fall-2-58bn');
  const approx = englandFull()
    .deflators!.years.filter((y) => y.approximate)
    .map((y) => y.year);
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
      // the claims engine's finding on the £2.58bn → £2.12bn claim, as on its card
      fallSummary: fallClaim.summary,
    },
  };
}

/** England looked-after share of spend, one row per year (for the chart). */
export function claShareRows() {
  return results().claShare.data.years.map((y) => ({
    year: y.year,
    share: y.englandShare === null ? null : Math.round(y.englandShare * 1000) / 10,
    basis: y.basis,
  }));
}

// ------------------------------------------------------------ 2. spend and Ofsted
export function spendOfsted() {
  const sq = results().spendVsOfsted;
  const used = sq.data.years.filter((y) => y.usedForVerdict);
  const y17 = sq.data.years.find((y) => y.year === 2017)!;
  const latest = sq.data.latest!;
  const dfe = getEvaluatedClaim('dfe-no-significant-correlation');
  const alpha = Number(dfe.thresholds.alpha);
  const headline = dfe.specifications.filter((s) => s.method === 'spearman' && s.measure === 'all-childrens-services');
  const spec = (year: number) => {
    const s = headline.find((x) => x.year === year);
    if (!s) throw new Error(`claims.json has no ${year} headline specification for the spend and Ofsted claim; run \`npm run data\`.`);
    return s;
  };
  const sigSpecs = headline.filter((s) => s.p! < alpha);
  const sig = sigSpecs.map((s) => s.year);
  const sigAdjusted = headline.filter((s) => s.p_adjusted! < alpha).length;
  const med = (y: typeof latest, g: string) => y.byGrade.find((b) => b.grade === g)?.medianCash ?? null;
  const half = results().halfAsMuch.data.years;
  const h17 = half.find((y) => y.year === 2017)!;
  const alphaPct = fmt.pct(alpha);
  const s16 = spec(2016);
  const s17 = spec(2017);
  const sig16 = s16.p! < alpha;
  const sig17 = s17.p! < alpha;
  // The sentences that depend on a result are written from the result (claims.json), never typed.
  const thenText =
    !sig16 && !sig17
      ? `Neither is below the usual ${alphaPct} threshold, so in the strict statistical sense the department was right.${Math.sign(s16.estimate!) === Math.sign(s17.estimate!) ? ' But both point the same way.' : ''}`
      : sig16 && sig17
        ? `Both are below the usual ${alphaPct} threshold, so even in the strict statistical sense there was a link.`
        : `Only ${fmt.fy(sig16 ? 2016 : 2017)} is below the usual ${alphaPct} threshold.`;
  const direction = sigSpecs.every((x) => x.estimate! < 0)
    ? 'negative: councils that spent more per child tended to have worse grades, not better'
    : sigSpecs.every((x) => x.estimate! > 0)
      ? 'positive: councils that spent more per child tended to have better grades'
      : 'not always in the same direction';
  const sigText = sig.length
    ? `In ${sig.length} of the ${headline.length} years we tested — ${sig.map((y) => fmt.fy(y)).join(', ')} — the relationship was statistically significant, and it was ${direction}.`
    : `In none of the ${headline.length} years we tested was the relationship statistically significant.`;
  const ratioAtMost = Number(getEvaluatedClaim('minister-half-as-much').thresholds.ratio_at_most);
  const extremesHalf = h17.lowestGood.cash / h17.highestGood.cash <= ratioAtMost;
  return {
    latestYear: latest.year,
    chartYear: latest.year,
    minCouncils: Number(dfe.thresholds.min_councils),
    y17,
    text: {
      firstFy: fmt.fy(used[0]!.year),
      lastFy: fmt.fy(latest.year),
      // ρ, intervals and p-values as on the claim cards (the claims engine, data/output/claims.json).
      rho16: fmt.rho(spec(2016).estimate!),
      p16: fmt.p(spec(2016).p!),
      ci16: `${fmt.rho(spec(2016).ci_low!)} to ${fmt.rho(spec(2016).ci_high!)}`,
      rho17: fmt.rho(spec(2017).estimate!),
      p17: fmt.p(spec(2017).p!),
      ci17: `${fmt.rho(spec(2017).ci_low!)} to ${fmt.rho(spec(2017).ci_high!)}`,
      n17: y17.n,
      rhoLatest: fmt.rho(spec(latest.year).estimate!),
      ciLatest: `${fmt.rho(spec(latest.year).ci_low!)} to ${fmt.rho(spec(latest.year).ci_high!)}`,
      pLatest: fmt.p(spec(latest.year).p!),
      nLatest: latest.n,
      thenText,
      sigText,
      latestSig: spec(latest.year).p! < alpha ? 'statistically significant' : 'not statistically significant',
      alphaPct,
      narrowText: extremesHalf ? 'The minister’s claim is true in a narrow sense.' : 'The minister’s claim does not hold even in a narrow sense.',
      sigYears: sig.length ? sig.map((y) => fmt.fy(y)).join(', ') : 'none',
      sigCount: sig.length,
      sigAdjustedCount: sigAdjusted,
      sigAdjustedText: sigAdjusted === 0 ? 'none of them stays significant' : `${sigAdjusted} ${sigAdjusted === 1 ? 'stays' : 'stay'} significant`,
      years: headline.length,
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
  // R², intervals and the target are the claims engine's (claims.json), as on the claim card; the slope
  // and the log fit are descriptive and come from the story analysis.
  const d = results().deprivation.data;
  const claim = getEvaluatedClaim('lga-deprivation-half');
  const target = Number(claim.thresholds.target);
  const tolerance = Number(claim.thresholds.tolerance);
  const r2 = claim.specifications
    .filter((s) => s.method === 'r2' && s.measure === 'all-childrens-services' && s.subset === 'all')
    .sort((a, b) => a.year - b.year);
  if (!r2.length) throw new Error('claims.json has no R² specifications for lga-deprivation-half; run `npm run data`.');
  const newtonYear = registryClaim('lga-deprivation-half').period.to;
  const ny = r2.find((s) => s.year === newtonYear);
  if (!ny) throw new Error(`claims.json has no ${newtonYear} R² specification for lga-deprivation-half; run \`npm run data\`.`);
  const last = r2.at(-1)!;
  const lastDescr = d.years.find((y) => y.year === last.year);
  if (!lastDescr) throw new Error(`The deprivation analysis has no ${last.year}; run \`npm run data\`.`);
  const alone = d.benchmarks.deprivationAlone;
  const est = ny.estimate!;
  const vsHalf = Math.abs(est - target) <= tolerance ? `close to ${fmt.pct(target)}` : est < target ? 'less than half' : 'more than half';
  return {
    scatterYear: last.year,
    text: {
      r2Newton: fmt.pct(est),
      ciNewton: `${fmt.pct(ny.ci_low)} to ${fmt.pct(ny.ci_high)}`,
      newtonFy: fmt.fy(newtonYear),
      r2Last: fmt.pct(last.estimate),
      ciLast: `${fmt.pct(last.ci_low)} to ${fmt.pct(last.ci_high)}`,
      lastFy: fmt.fy(last.year),
      nLast: last.n,
      r2Lo: fmt.pct(Math.min(...r2.map((s) => s.estimate!))),
      r2Hi: fmt.pct(Math.max(...r2.map((s) => s.estimate!))),
      firstFy: fmt.fy(r2[0]!.year),
      slopeLast: fmt.gbp(lastDescr.slopePerTenth),
      pctLast: `${Math.round(lastDescr.pctPerTenthLog)}%`,
      r2LogLast: fmt.pct(lastDescr.r2Log),
      yearsCount: r2.length,
      ciReachesHalf: r2.filter((s) => s.ci_high! >= target).length,
      target: fmt.pct(target),
      resamples: (() => {
        const t = registryClaim('lga-deprivation-half').test;
        if (t.kind !== 'explained-share') throw new Error('lga-deprivation-half is not an explained-share claim.');
        return t.bootstrapResamples.toLocaleString('en-GB');
      })(),
      vsNewton: `${est > alone ? 'more' : 'less'} than the ${fmt.pct(alone)} Newton gave deprivation alone — our measure of spending and our population differ — and ${vsHalf}`,
      alone: fmt.pct(alone),
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
  // Which series the claimed rise matches: the claims engine's growth specifications (claims.json).
  const claSpecs = getEvaluatedClaim('cla-72670').specifications.filter((s) => s.method === 'growth');
  const riseMatches = (basis: string) => claSpecs.find((s) => s.subset === basis)?.supports === true;
  const [onLatest, onFirst] = [riseMatches('latest'), riseMatches('first-published')];
  // The news: how many annual falls (or rises) in a row end at the latest year, from the England series.
  const countAt = (y: number): number | null => {
    try {
      return englandValue(y, 'cla_count');
    } catch {
      return null;
    }
  };
  const runOf = (dir: 1 | -1): number => {
    let n = 0;
    for (let y = cc.latestYear.year; ; y--) {
      const a = countAt(y),
        b = countAt(y - 1);
      if (a === null || b === null || Math.sign(a - b) !== dir) return n;
      n++;
    }
  };
  const falls = runOf(-1);
  const rises = runOf(1);
  const ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  const nth = (n: number) => ORD[n] ?? `${n}th`;
  const lead =
    falls >= 1
      ? `The number of children in care in England has fallen for a ${nth(falls)} year in a row`
      : rises >= 1
        ? `The number of children in care in England rose for a ${nth(rises)} year in a row`
        : 'The number of children in care in England was unchanged on a year earlier';
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
      riseMatch:
        onLatest && onFirst
          ? 'matches both the revised and the first-published series'
          : onLatest
            ? 'matches the revised series'
            : onFirst
              ? 'matches the first-published series'
              : 'matches neither series',
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
  // Whether a count reproduces the printed figures, on the claim's own numbers and rounding (the registry).
  const matchesPrinted = (dist: Distribution, claimId: string) => {
    const t = registryClaim(claimId as Parameters<typeof registryClaim>[0]).test;
    if (t.kind !== 'ofsted-distribution') throw new Error(`Claim ${claimId} is not an Ofsted distribution claim.`);
    const pc = (x: number) => Math.round(x * 100);
    return (
      dist.n === t.n &&
      Object.entries(t.shares).every(([g, v]) => pc(g === 'notGood' ? dist.notGoodShare : dist.counts.find((c) => c.grade === g)!.share) === pc(v))
    );
  };
  return {
    latestYear: Number(of.latest.asAt.slice(0, 4)),
    text: {
      match2015: matchesPrinted(of.nov2015, 'ofsted-77-of-69'),
      match2017: matchesPrinted(of.jul2017PlusWarwickshire, 'ofsted-136-shares'),
      match14: matchesPrinted(of.jul2017AllOn14th, 'ofsted-136-shares'),
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
