/**
 * Claim 6: the share of councils Ofsted judged not good under the single
 * inspection framework (SIF), as reported in 2015 and 2017.
 *
 * Data model: inspections.json holds every published judgement; a council's
 * FIRST SIF inspection is its earliest `type === "SIF"` record by
 * publication date (re-inspections are typed "SIF re-inspection" and are
 * excluded, as the reported counts are of councils inspected, not of
 * reports). A count "by date D" includes reports published on or before D.
 * Publication dates are Ofsted's (Children's social care in England 2023
 * underlying data); several reports share a date, so a count by a date
 * includes all of that day's reports.
 */
import type { Inspection, OfstedGrade } from '../../../scripts/data/contract.ts';
import { claimById } from './claims.ts';
import { GRADE_ORDER } from './sample.ts';
import type { AnalysisInputs, ClaimResult } from './types.ts';

export interface GradeCount {
  grade: OfstedGrade;
  count: number;
  /** Share of councils with a grade, 0–1. */
  share: number;
}

export interface Distribution {
  label: string;
  asAt: string;
  n: number;
  counts: GradeCount[];
  notGood: number;
  notGoodShare: number;
  councils: string[];
}

export function firstSifInspections(inspections: readonly Inspection[]): Inspection[] {
  const first = new Map<string, Inspection>();
  for (const i of [...inspections].filter((x) => x.framework === 'SIF' && x.type === 'SIF').sort((a, b) => a.published.localeCompare(b.published))) {
    if (!first.has(i.la_code)) first.set(i.la_code, i);
  }
  return [...first.values()];
}

export function distribution(label: string, asAt: string, items: ReadonlyArray<{ name: string; grade: OfstedGrade | null }>): Distribution {
  const graded = items.filter((i) => i.grade !== null);
  const n = graded.length;
  const counts = GRADE_ORDER.map((grade) => {
    const count = graded.filter((i) => i.grade === grade).length;
    return { grade, count, share: n ? count / n : 0 };
  });
  const notGood = counts.filter((c) => c.grade === 'Inadequate' || c.grade === 'Requires improvement').reduce((a, c) => a + c.count, 0);
  return { label, asAt, n, counts, notGood, notGoodShare: n ? notGood / n : 0, councils: graded.map((i) => i.name).sort() };
}

/** First SIF judgements published on or before `date` (ISO), optionally plus named councils published later. */
export function sifFirstBy(inspections: readonly Inspection[], date: string, label: string, plus: readonly string[] = []): Distribution {
  const first = firstSifInspections(inspections);
  const items = first.filter((i) => i.published <= date || plus.includes(i.la_name)).map((i) => ({ name: i.la_name, grade: i.overall }));
  return distribution(label, date, items);
}

export interface OfstedClaimData {
  nov2015: Distribution;
  jul2017: Distribution;
  jul2017PlusWarwickshire: Distribution;
  jul2017AllOn14th: Distribution;
  latest: Distribution;
  /** Printed shares in the claims (per cent). */
  printed: { 2015: { n: number; notGood: number; ri: number; inadequate: number }; 2017: { n: number; inadequate: number; ri: number; good: number; outstanding: number } };
}

const pc = (x: number) => Math.round(x * 100);
const share = (d: Distribution, g: OfstedGrade) => d.counts.find((c) => c.grade === g)!.share;

export function analyseOfstedShares(inputs: AnalysisInputs): ClaimResult<OfstedClaimData> {
  const insp = inputs.inspections;
  const nov2015 = sifFirstBy(insp, '2015-10-31', 'First SIF reports published by 31 October 2015');
  const jul2017 = sifFirstBy(insp, '2017-07-07', 'First SIF reports published by 7 July 2017');
  const jul2017PlusWarwickshire = sifFirstBy(insp, '2017-07-07', 'By 7 July 2017 plus Warwickshire (published 14 July 2017)', ['Warwickshire']);
  const jul2017AllOn14th = sifFirstBy(insp, '2017-07-14', 'First SIF reports published by 14 July 2017');
  const ordered = firstSifInspections(insp).sort((a, b) => a.published.localeCompare(b.published));
  const first69 = ordered[68];
  const next70 = first69 ? ordered.find((i) => i.published > first69.published) : undefined;
  const latestYear = Math.max(...inputs.panel.map((r) => r.year));
  const latest = distribution(
    `Judgement in force on 31 March ${latestYear}`,
    `${latestYear}-03-31`,
    inputs.panel.filter((r) => r.year === latestYear).map((r) => ({ name: r.la_name, grade: r.ofsted_overall })),
  );
  const printed = {
    2015: { n: 69, notGood: 77, ri: 52, inadequate: 25 },
    2017: { n: 136, inadequate: 24, ri: 46, good: 29, outstanding: 1 },
  } as const;
  const match2015 = nov2015.n === 69 && pc(nov2015.notGoodShare) === 77 && pc(share(nov2015, 'Requires improvement')) === 52 && pc(share(nov2015, 'Inadequate')) === 25;
  const d = jul2017PlusWarwickshire;
  const match2017 =
    d.n === 136 &&
    pc(share(d, 'Inadequate')) === 24 &&
    pc(share(d, 'Requires improvement')) === 46 &&
    pc(share(d, 'Good')) === 29 &&
    pc(share(d, 'Outstanding')) === 1;
  const verdictCode = match2015 && match2017 ? 'supported' : match2015 || match2017 ? 'partly-supported' : 'not-reproduced';
  const verdict =
    `${match2015 && match2017 ? 'Supported' : 'Partly reproduced'}: ${nov2015.notGood} of the ${nov2015.n} councils with a first SIF report by autumn 2015 were not good (${(nov2015.notGoodShare * 100).toFixed(1)}%)` +
    `; the 2017 shares (${printed[2017].inadequate}/${printed[2017].ri}/${printed[2017].good}/${printed[2017].outstanding}%) are reproduced exactly by the ${d.n} first SIF reports published by 7 July 2017 plus Warwickshire (14 July)` +
    `${match2017 ? '' : ' — NOT matched'}. By 31 March ${latestYear}, under ILACS, ${latest.notGood} of ${latest.n} (${pc(latest.notGoodShare)}%) were not good.`;
  return {
    claimId: claimById('ofsted-sif-not-good').id,
    verdictCode,
    verdict,
    method:
      'Each council’s first single-inspection-framework report (re-inspections excluded), counted by publication date; shares of the four overall grades among councils inspected by the date. The latest comparison uses the judgement in force on 31 March from the council panel.',
    caveats: [
      `Reports are often published in batches: three first SIF reports were published on 14 July 2017 (${jul2017AllOn14th.councils.filter((c) => !jul2017.councils.includes(c)).join(', ')}); counting all of them gives ${jul2017AllOn14th.n} councils and shares of ${GRADE_ORDER.map((g) => pc(share(jul2017AllOn14th, g))).join('/')}%, which do not match the printed figures. The count of 136 matches only with Warwickshire alone, so the printed figures probably reflect a count taken between the publication of those reports.`,
      first69
        ? `The 2015 count of 69 holds for any cut-off from ${first69.published} (${first69.la_name}, the 69th first report) to the day before ${next70?.published ?? 'the next report'} (${next70?.la_name ?? '–'}, the 70th); the report said “as of November”.`
        : 'Fewer than 69 first SIF reports in the data: the 2015 count cannot be reproduced.',
      'SIF (2013–2017) and ILACS (from 2018) are different frameworks; the latest distribution is not a like-for-like comparison, and many ILACS grades are from short inspections of councils previously rated good.',
      'The latest distribution includes every council (153), among them the City of London and Isles of Scilly.',
    ],
    provenance: {
      files: ['inspections.json', 'la-panel.json'],
      columns: ['framework', 'type', 'published', 'overall', 'ofsted_overall'],
      years: [2015, 2017, latestYear],
      dataVersion: inputs.dataVersion,
    },
    data: { nov2015, jul2017, jul2017PlusWarwickshire, jul2017AllOn14th, latest, printed },
  };
}
