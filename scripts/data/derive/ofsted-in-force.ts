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
import type { Inspection, OfstedGrade } from '../contract.ts';

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
