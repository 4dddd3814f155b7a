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
import type { Inspection, OfstedGrade } from '../../../contract/outputs.ts';
import { GRADE_ORDER } from './sample.ts';
import type { AnalysisInputs, StoryResult } from './types.ts';

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
}

export function analyseOfstedShares(inputs: AnalysisInputs): StoryResult<OfstedClaimData> {
  const insp = inputs.inspections;
  const nov2015 = sifFirstBy(insp, '2015-10-31', 'First SIF reports published by 31 October 2015');
  const jul2017 = sifFirstBy(insp, '2017-07-07', 'First SIF reports published by 7 July 2017');
  const jul2017PlusWarwickshire = sifFirstBy(insp, '2017-07-07', 'By 7 July 2017 plus Warwickshire (published 14 July 2017)', ['Warwickshire']);
  const jul2017AllOn14th = sifFirstBy(insp, '2017-07-14', 'First SIF reports published by 14 July 2017');
  const latestYear = Math.max(...inputs.panel.map((r) => r.year));
  const latest = distribution(
    `Judgement counted at 31 March ${latestYear}`,
    `${latestYear}-03-31`,
    inputs.panel.filter((r) => r.year === latestYear).map((r) => ({ name: r.la_name, grade: r.ofsted_overall })),
  );
  return {
    provenance: {
      files: ['inspections.json', 'la-panel.json'],
      columns: ['framework', 'type', 'published', 'overall', 'ofsted_overall'],
      years: [2015, 2017, latestYear],
      dataVersion: inputs.dataVersion,
    },
    data: { nov2015, jul2017, jul2017PlusWarwickshire, jul2017AllOn14th, latest },
  };
}
