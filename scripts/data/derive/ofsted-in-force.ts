/**
 * The Ofsted judgement "in force" for an LA on a date.
 *
 * RULE. The in-force judgement on date D is the overall judgement of the most
 * recent inspection whose report was PUBLISHED on or before D. Publication,
 * not the inspection date, because:
 *   - a judgement does not exist for anyone (the council, the DfE, the public)
 *     until the report is published; inspection findings are confidential
 *     until then, and DfE intervention follows publication;
 *   - Ofsted's own "as at 31 March" statistics and the 2023 file's history
 *     count a judgement from its publication (the 2023 file gives publication
 *     dates only, so it is also the only date every framework has);
 *   - an inspection in March published in May must not change a council's
 *     31 March rating retrospectively.
 * Inspections without an overall judgement (SLAC, which has only strand
 * judgements) are skipped. A judgement stays in force until replaced, whatever
 * its age or framework (a 2017 SIF judgement is still "in force" in 2019 if no
 * ILACS report has yet been published): callers can read `framework` and
 * `published` to judge staleness.
 *
 * Dates are ISO "YYYY-MM-DD"; string comparison is date order.
 */
import type { Inspection, OfstedGrade } from '../../../contract/outputs.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function assertIso(date: string): void {
  if (!ISO.test(date) || Number.isNaN(Date.parse(date))) throw new Error(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

export type InspectionWithOverall = Inspection & { overall: OfstedGrade };

/** The most recent inspection with an overall judgement published on or before `date`, or null. */
export function judgementInForce(inspections: readonly Inspection[], laCode: string, date: string): InspectionWithOverall | null {
  assertIso(date);
  let best: InspectionWithOverall | null = null;
  for (const i of inspections) {
    if (i.la_code !== laCode || i.overall === null || i.published > date) continue;
    if (best !== null && i.published === best.published) {
      throw new Error(`${laCode} has two overall judgements published on ${date}: ${best.type} (${best.source}) and ${i.type} (${i.source})`);
    }
    if (best === null || i.published > best.published) best = i as InspectionWithOverall;
  }
  return best;
}

export interface Distribution {
  date: string;
  counts: Record<OfstedGrade, number>;
  /** LAs with a judgement in force. */
  judged: number;
  /** LAs asked about with no judgement in force (only when laCodes is given). */
  notJudged: string[];
}

/**
 * Grades in force on `date`, counted over `laCodes` (default: every LA with
 * any inspection in `inspections`). LAs with nothing in force are listed, not counted.
 */
export function distributionAt(inspections: readonly Inspection[], date: string, laCodes?: readonly string[]): Distribution {
  assertIso(date);
  const codes = laCodes ?? [...new Set(inspections.map((i) => i.la_code))].sort();
  const counts: Record<OfstedGrade, number> = { Outstanding: 0, Good: 0, 'Requires improvement': 0, Inadequate: 0 };
  const notJudged: string[] = [];
  for (const code of codes) {
    const j = judgementInForce(inspections, code, date);
    if (j === null) notJudged.push(code);
    else counts[j.overall] += 1;
  }
  return { date, counts, judged: codes.length - notJudged.length, notJudged };
}

/**
 * OFSTED'S RULE ("inspection outcomes as at 31 March Y"), the rule of `ofsted_overall`.
 *
 * Ofsted's official statistics count, for each LA, its most recent judgement
 * from an inspection that TOOK PLACE by 31 March Y and whose report was
 * PUBLISHED by the release's cut-off (its "period covered"): 30 June for the
 * 2025 release ("Inspections as at 31 March 2025, with a report published by
 * 30 June 2025"), 30 April for the Children's social care in England releases
 * up to 2023 ("As at 31 March 2023, published by 30 April 2023"). The cut-off
 * of each year is data: PUBLICATION_CUTOFF below. So an inspection in
 * February published in April counts at 31 March; one in April does not.
 *
 * Where the inspection date is not known (SLAC and SIF reports come only from
 * the 2023 file, which prints publication dates), the report counts only if it
 * was published by 31 March Y: without the inspection date we cannot show it
 * took place by 31 March, and a report published by 31 March certainly did.
 * ILACS reports (2018 on) all carry their inspection date, so the fallback
 * touches only 2010–2017 (SIF reports published 1 April–30 June of 2014–2017).
 *
 * Among the qualifying reports the latest published wins, as in judgementInForce.
 */
/**
 * Publication cut-off (MM-DD) of Ofsted's "as at 31 March" count, by year. Stated on the releases'
 * cover sheets for 2023 (30 April: "As at 31 March 2023, published by 30 April 2023"), 2024 (30 June:
 * "Inspections as at 31 March 2024, with a report published by 30 June 2024", release of 30 August
 * 2024, not in the mirror; tests/fixtures/ofsted/outcomes_2024_reference.py says where it is) and
 * 2025 (30 June). With 30 June the rule reproduces Ofsted's 2024 list council by council
 * (tests/official/ofsted.test.ts); a 30 April cut-off would miss four reports published on 16 May
 * 2024. For the years before 2023 (Children's social care in England releases not in the mirror)
 * 30 April is assumed from the 2023 release; the methodology page and the ratings story say so.
 */
export const PUBLICATION_CUTOFF: Readonly<{ until2023: string; from2024: string }> = { until2023: '04-30', from2024: '06-30' };
export const publicationCutoff = (year: number): string => `${year}-${year <= 2023 ? PUBLICATION_CUTOFF.until2023 : PUBLICATION_CUTOFF.from2024}`;

export function countedAt31March(inspections: readonly Inspection[], laCode: string, year: number): InspectionWithOverall | null {
  const march = `${year}-03-31`;
  const june = publicationCutoff(year);
  let best: InspectionWithOverall | null = null;
  for (const i of inspections) {
    if (i.la_code !== laCode || i.overall === null) continue;
    const qualifies = i.inspection_start !== null ? i.inspection_start <= march && i.published <= june : i.published <= march;
    if (!qualifies) continue;
    if (best !== null && i.published === best.published) {
      throw new Error(`${laCode} has two overall judgements published on ${i.published}: ${best.type} (${best.source}) and ${i.type} (${i.source})`);
    }
    if (best === null || i.published > best.published) best = i as InspectionWithOverall;
  }
  return best;
}

/** Ofsted's rule counted over `laCodes` (default: every LA with any inspection), as `distributionAt`. */
export function distributionAs31March(inspections: readonly Inspection[], year: number, laCodes?: readonly string[]): Distribution {
  const codes = laCodes ?? [...new Set(inspections.map((i) => i.la_code))].sort();
  const counts: Record<OfstedGrade, number> = { Outstanding: 0, Good: 0, 'Requires improvement': 0, Inadequate: 0 };
  const notJudged: string[] = [];
  for (const code of codes) {
    const j = countedAt31March(inspections, code, year);
    if (j === null) notJudged.push(code);
    else counts[j.overall] += 1;
  }
  return { date: `${year}-03-31`, counts, judged: codes.length - notJudged.length, notJudged };
}

/** The latest report with an overall judgement published by `date` (for "the current judgement" on council pages). */
export const latestPublished = judgementInForce;
