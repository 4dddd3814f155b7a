/**
 * Claim cards: one card per quoted claim, built from the claims metadata
 * (src/lib/analysis/claims.ts: who, when, the words, where) and the analyses'
 * results (verdict, key numbers, caveats). A claim record may carry several
 * quotes; each card picks one quote and gives it its own verdict.
 *
 * Every number here is computed from data/output at build time.
 */
import { claimById, type ClaimId } from '../../lib/analysis/claims.ts';
import type { AllClaimResults, VerdictCode } from '../../lib/analysis/index.ts';
import { fmt, lineName, nameLines } from './analysis.ts';

export type CardId =
  | 'dfe-no-correlation'
  | 'minister-direct-correlation'
  | 'minister-half-as-much'
  | 'newton-deprivation-half'
  | 'newton-practice-13'
  | 'lga-2bn-gap'
  | 'social-work-258-212'
  | 'ofsted-77-of-69'
  | 'ofsted-2017-136'
  | 'cla-72670'
  | 'cla-90-a-day'
  | 'cla-half-of-budget';

export const VERDICT_LABELS: Record<VerdictCode, string> = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  'not-supported': 'Not supported',
  'cannot-be-tested': 'Cannot be tested',
  'not-reproduced': 'Not supported by the published data',
};

export interface Card {
  id: CardId;
  claimId: ClaimId;
  speaker: string;
  role: string;
  date: string;
  quote: string;
  quoteIsExact: boolean;
  where: string;
  url: string | null;
  sourcingNote: string | null;
  verdictCode: VerdictCode;
  verdictLabel: string;
  verdict: string;
  evidence: Array<{ label: string; value: string }>;
  caveats: string[];
  method: string;
  /** Story slug where the evidence is charted. */
  story: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function claimDate(d: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(d);
  if (!m) return d === 'reported' ? 'Date not recorded' : d;
  return m[2] ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : m[1]!;
}

function base(id: CardId, claimId: ClaimId, quoteIndex: number, story: string) {
  const c = claimById(claimId);
  const q = c.quotes[quoteIndex];
  if (!q) throw new Error(`Claim ${claimId} has no quote ${quoteIndex}.`);
  return { id, claimId, speaker: c.speaker, role: c.role, date: claimDate(c.date), quote: q.text, quoteIsExact: q.quoteIsExact, where: c.where, url: c.url, sourcingNote: c.sourcingNote, story };
}

function card(b: ReturnType<typeof base>, verdictCode: VerdictCode, verdict: string, evidence: Card['evidence'], caveats: string[], method: string): Card {
  return { ...b, verdictCode, verdictLabel: VERDICT_LABELS[verdictCode], verdict, evidence, caveats, method };
}

export function buildCards(r: AllClaimResults): Card[] {
  const sq = r.spendVsOfsted;
  const y17 = sq.data.years.find((y) => y.year === 2017);
  if (!y17) throw new Error('No 2016-17 spend/grade test: cannot build the minister card.');
  const used = sq.data.years.filter((y) => y.usedForVerdict);
  const rhoEv = (y: (typeof used)[number]) => ({ label: `${fmt.fy(y.year)} (${y.n} councils)`, value: `ρ = ${fmt.rho(y.rho)}, 95% CI ${fmt.rho(y.ci.lo)} to ${fmt.rho(y.ci.hi)}, ${fmt.p(y.permutation.p)}` });
  const latestSq = sq.data.latest!;

  const half = r.halfAsMuch;
  const h17 = half.data.years.find((y) => y.year === 2017) ?? half.data.years[0]!;
  const goodRatio = h17.ratios.find((x) => x.grade === 'Good')!;

  const dep = r.deprivation;
  const ny = dep.data.newtonYear!;
  const lastDep = dep.data.years.at(-1)!;

  const gap = r.fundingGap.data;
  const sw = r.socialWorkFall.data;
  const of = r.ofstedShares.data;
  const share = (d: typeof of.nov2015, g: string) => d.counts.find((c) => c.grade === g)!;
  const pc = (x: number) => Math.round(x * 100);
  const match2015 = of.nov2015.n === of.printed[2015].n && pc(of.nov2015.notGoodShare) === of.printed[2015].notGood;
  const d17 = of.jul2017PlusWarwickshire;
  const match2017 =
    d17.n === of.printed[2017].n &&
    pc(share(d17, 'Inadequate').share) === of.printed[2017].inadequate &&
    pc(share(d17, 'Requires improvement').share) === of.printed[2017].ri &&
    pc(share(d17, 'Good').share) === of.printed[2017].good &&
    pc(share(d17, 'Outstanding').share) === of.printed[2017].outstanding;

  const cc = r.claCount.data;
  const c17 = cc.year2017;
  const ok72670 = c17.firstPublished?.value === 72670;
  const perDay = c17.startsPerDayFirst;
  const okDay = perDay !== null && Math.round(perDay) === 90;

  const cs = r.claShare.data.years;
  const csFirst = cs.find((y) => y.basis === 'lait-s251') ?? cs[0]!;
  const csLast = cs.at(-1)!;

  return [
    card(base('dfe-no-correlation', 'dfe-2016-no-correlation', 0, 'spend-and-ofsted'), sq.verdictCode, sq.verdict, [...sq.data.era2016.map(rhoEv), rhoEv(latestSq)], sq.caveats.slice(0, 4), sq.method),
    card(
      base('minister-direct-correlation', 'minister-2017-half-as-much', 0, 'spend-and-ofsted'),
      y17.significant ? 'not-supported' : y17.kruskalWallis.p < 0.05 ? 'partly-supported' : 'supported',
      y17.significant
        ? `Not supported for ${fmt.fy(2017)}: spend per child and the grade were significantly rank-correlated (ρ = ${fmt.rho(y17.rho)}, ${fmt.p(y17.permutation.p)}).`
        : `${y17.kruskalWallis.p < 0.05 ? 'Partly supported' : 'Supported'} for the year he was speaking about: in ${fmt.fy(2017)} the rank correlation between spend per child and the grade in force was weak and negative (ρ = ${fmt.rho(y17.rho)}, 95% CI ${fmt.rho(y17.ci.lo)} to ${fmt.rho(y17.ci.hi)}, ${fmt.p(y17.permutation.p)}), so there was no clear “more money, better grade” line${y17.kruskalWallis.p < 0.05 ? `; but spend did differ between grades (Kruskal–Wallis ${fmt.p(y17.kruskalWallis.p)}), so “no relationship” would go too far` : ''}.`,
      [rhoEv(y17), { label: `Differences between grades, ${fmt.fy(2017)} (Kruskal–Wallis)`, value: fmt.p(y17.kruskalWallis.p) }, rhoEv(latestSq)],
      [sq.caveats[0]!, sq.caveats[2]!],
      sq.method,
    ),
    card(
      base('minister-half-as-much', 'minister-2017-half-as-much', 1, 'spend-and-ofsted'),
      half.verdictCode,
      half.verdict,
      [
        { label: `Lowest-spending good council, ${h17.financialYear}`, value: `${h17.lowestGood.name}, ${fmt.gbp(h17.lowestGood.cash)} per child` },
        { label: 'As a share of the median good council', value: fmt.pct(goodRatio.toMedian) },
        { label: 'Median good council vs median council rated below good', value: fmt.pct(h17.typicalRatio) },
      ],
      half.caveats.slice(0, 3),
      half.method,
    ),
    card(
      base('newton-deprivation-half', 'lga-newton-2018-deprivation', 1, 'deprivation-and-cost'),
      dep.verdictCode,
      dep.verdict,
      [
        { label: `Share of variation explained by IDACI, ${ny.financialYear}`, value: `${fmt.pct(ny.r2)} (95% CI ${fmt.pct(ny.r2CI.lo)} to ${fmt.pct(ny.r2CI.hi)})` },
        { label: `Latest, ${lastDep.financialYear}`, value: `${fmt.pct(lastDep.r2)} (95% CI ${fmt.pct(lastDep.r2CI.lo)} to ${fmt.pct(lastDep.r2CI.hi)})` },
        { label: 'Newton: deprivation alone / five factors together', value: `${fmt.pct(dep.data.benchmarks.deprivationAlone)} / about ${fmt.pct(dep.data.benchmarks.fiveFactors)}` },
      ],
      dep.caveats.filter((c) => !c.includes('13 per cent')).slice(0, 3),
      dep.method,
    ),
    card(
      base('newton-practice-13', 'lga-newton-2018-deprivation', 2, 'deprivation-and-cost'),
      'cannot-be-tested',
      `Cannot be tested: the 13% came from Newton Europe’s case studies of a small number of councils, and no published dataset records professional practice. What the public data can say is that ${fmt.pct(1 - ny.r2)} of the variation in spend per child in ${ny.financialYear} is not explained by deprivation alone — which bounds everything else, practice included, from above.`,
      [{ label: `Variation not explained by IDACI, ${ny.financialYear}`, value: fmt.pct(1 - ny.r2) }],
      [dep.caveats.find((c) => c.includes('13 per cent')) ?? 'No public dataset records practice.'],
      'Not testable with published data; the residual from the single-factor model is shown for context only.',
    ),
    card(
      base('lga-2bn-gap', 'lga-2bn-gap', 0, 'the-squeeze-and-the-shift'),
      r.fundingGap.verdictCode,
      r.fundingGap.verdict,
      [
        { label: `Spend, ${fmt.fy(gap.from)} → ${fmt.fy(gap.to)} (cash)`, value: `${fmt.bn(gap.spendCash.from)} → ${fmt.bn(gap.spendCash.to)} (${fmt.signedPct(gap.spendCash.change, 1)})` },
        ...(gap.spendReal ? [{ label: `Real terms (${gap.spendReal.priceBase})`, value: fmt.signedPct(gap.spendReal.change, 1) }] : []),
        { label: `Children looked after, ${gap.from} → ${gap.to}`, value: `${fmt.int(gap.claCount.from)} → ${fmt.int(gap.claCount.to)} (${fmt.signedPct(gap.claCount.change, 1)})` },
      ],
      r.fundingGap.caveats.slice(0, 2),
      r.fundingGap.method,
    ),
    card(
      base('social-work-258-212', 'social-work-spend-fell', 0, 'the-squeeze-and-the-shift'),
      r.socialWorkFall.verdictCode,
      `The published outturn does not support the claim as stated. ${nameLines(r.socialWorkFall.verdict)}`,
      [
        ...(sw.closestTo2012Claim ? [{ label: `Closest Section 251 line to £2.58bn in ${fmt.fy(2012)}`, value: `${lineName(sw.closestTo2012Claim.line)}, ${fmt.bn(sw.closestTo2012Claim.value)}` }] : []),
        ...sw.change2012to2014.map((c) => ({ label: `${lineName(c.line)}, ${fmt.fy(2012)} → ${fmt.fy(2014)}`, value: `${fmt.bn(c.from)} → ${fmt.bn(c.to)} (${fmt.signedPct(c.change, 1)})` })),
        { label: `Line-level outturn for ${fmt.fy(2015)}`, value: sw.has2015Lines ? 'available' : 'not published in any stored source' },
      ],
      r.socialWorkFall.caveats,
      r.socialWorkFall.method,
    ),
    card(
      base('ofsted-77-of-69', 'ofsted-sif-not-good', 0, 'the-ratings'),
      match2015 ? 'supported' : 'not-reproduced',
      `${match2015 ? 'Supported' : 'Not reproduced'}: ${of.nov2015.notGood} of the ${of.nov2015.n} councils with a first single-inspection report published by the end of October 2015 were rated requires improvement or inadequate (${fmt.pct(of.nov2015.notGoodShare, 1)}): ${share(of.nov2015, 'Requires improvement').count} requires improvement (${fmt.pct(share(of.nov2015, 'Requires improvement').share)}) and ${share(of.nov2015, 'Inadequate').count} inadequate (${fmt.pct(share(of.nov2015, 'Inadequate').share)}).`,
      of.nov2015.counts.map((c) => ({ label: c.grade, value: `${c.count} (${fmt.pct(c.share)})` })),
      [r.ofstedShares.caveats[1]!],
      r.ofstedShares.method,
    ),
    card(
      base('ofsted-2017-136', 'ofsted-sif-not-good', 1, 'the-ratings'),
      match2017 ? 'supported' : 'not-reproduced',
      `${match2017 ? 'Supported' : 'Not reproduced'}: the ${d17.n} first single-inspection reports published by 7 July 2017, plus Warwickshire’s (14 July), give ${d17.counts.map((c) => `${fmt.pct(c.share)} ${c.grade.toLowerCase()}`).join(', ')}. Today the picture is different: ${of.latest.notGood} of ${of.latest.n} councils (${fmt.pct(of.latest.notGoodShare)}) were below good at ${of.latest.asAt.slice(0, 4)}.`,
      d17.counts.map((c) => ({ label: c.grade, value: `${c.count} (${fmt.pct(c.share)})` })),
      [r.ofstedShares.caveats[0]!, r.ofstedShares.caveats[2]!],
      r.ofstedShares.method,
    ),
    card(
      base('cla-72670', 'cla-72670', 0, 'more-children-in-care'),
      ok72670 ? 'supported' : 'not-reproduced',
      `${ok72670 ? 'Supported' : 'Not reproduced'}: ${fmt.int(c17.firstPublished?.value ?? null)} children were looked after at 31 March 2017 as first published in ${c17.firstPublished?.release}, later revised to ${fmt.int(c17.latest)}. The rise was ${fmt.signedPct(c17.changeLatestVsLatest, 1)} on the revised series and ${fmt.signedPct(c17.changeFirstVsFirst, 1)} on first-published figures.`,
      [
        { label: '31 March 2017, first published', value: fmt.int(c17.firstPublished?.value ?? null) },
        { label: '31 March 2017, latest release', value: fmt.int(c17.latest) },
        { label: 'Change on 2016 (revised / first published)', value: `${fmt.signedPct(c17.changeLatestVsLatest, 1)} / ${fmt.signedPct(c17.changeFirstVsFirst, 1)}` },
      ],
      r.claCount.caveats.slice(0, 2),
      r.claCount.method,
    ),
    card(
      base('cla-90-a-day', 'cla-72670', 1, 'more-children-in-care'),
      okDay ? 'supported' : 'partly-supported',
      `${okDay ? 'Supported' : 'Partly supported'}: ${fmt.int(c17.startsFirstPublished?.value ?? null)} children started to be looked after in the year to 31 March 2017 as first published — ${perDay?.toFixed(1)} a day. In the year to 31 March ${cc.latestYear.year} it was ${cc.latestYear.startsPerDay?.toFixed(1)} a day.`,
      [
        { label: 'Starts in 2016-17 (first published)', value: fmt.int(c17.startsFirstPublished?.value ?? null) },
        { label: 'Per day, 2016-17', value: perDay === null ? 'not available' : perDay.toFixed(1) },
        { label: `Per day, ${fmt.fy(cc.latestYear.year)}`, value: cc.latestYear.startsPerDay === null ? 'not available' : cc.latestYear.startsPerDay.toFixed(1) },
      ],
      [r.claCount.caveats[2]!],
      r.claCount.method,
    ),
    card(
      base('cla-half-of-budget', 'cla-half-of-budget', 0, 'the-squeeze-and-the-shift'),
      r.claShare.verdictCode,
      r.claShare.verdict,
      [
        { label: `England, ${csFirst.financialYear}`, value: fmt.pct(csFirst.englandShare) },
        { label: `England, ${csLast.financialYear}`, value: fmt.pct(csLast.englandShare) },
        ...(csLast.councils ? [{ label: `Councils above half, ${csLast.financialYear}`, value: `${csLast.councils.overHalf} of ${csLast.councils.n}` }] : []),
      ],
      r.claShare.caveats.slice(0, 2),
      r.claShare.method,
    ),
  ];
}

let cache: Card[] | null = null;
export function cards(r: () => AllClaimResults): Card[] {
  if (!cache) cache = buildCards(r());
  return cache;
}
