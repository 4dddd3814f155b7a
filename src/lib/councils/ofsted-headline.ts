/**
 * The Ofsted headline of a council page: the CURRENT judgement (the latest report
 * published, with its date and a link to the council's Ofsted reports), and a note
 * when it differs from the judgement Ofsted counted at the last 31 March (the
 * panel's ofsted_overall: inspected by 31 March, published by the release's cut-off).
 * Pure: takes the council's inspections and its latest panel row.
 */
import type { Inspection, OfstedGrade, PanelRow } from '../../../contract/outputs.ts';

export interface OfstedHeadline {
  current: { grade: OfstedGrade; type: string; published: string; inspected: string | null } | null;
  counted: { grade: OfstedGrade | null; published: string | null; year: number } | null;
  /** The current report is not the one counted at the last 31 March. */
  differs: boolean;
  /** The current report was published after 31 March but counted in Ofsted's figures as at that date. */
  countedAfterMarch: boolean;
  link: string | null;
}

export function ofstedHeadline(inspections: readonly Inspection[], latest: PanelRow | undefined, reportPage: string | null): OfstedHeadline {
  const judged = inspections.filter((i) => i.overall !== null).sort((a, b) => b.published.localeCompare(a.published));
  const c = judged[0];
  const current = c ? { grade: c.overall!, type: c.type, published: c.published, inspected: c.inspection_start } : null;
  const counted = latest ? { grade: latest.ofsted_overall, published: latest.ofsted_published, year: latest.year } : null;
  const differs = current !== null && counted !== null && (counted.published !== current.published || counted.grade !== current.grade);
  const countedAfterMarch = current !== null && counted !== null && !differs && current.published > `${counted.year}-03-31`;
  return { current, counted, differs, countedAfterMarch, link: reportPage };
}
