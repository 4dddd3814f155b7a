/**
 * Cross-check of ILACS dates and grades against the Data to Insight scrape of
 * Ofsted reports (manifest id ofsted-d2i-scrape). NOT an official statistic:
 * never a source of judgements, only a second pair of eyes on ours.
 *
 * DATA MODEL. Sheet ofsted_cs_inspections_overview: one row per LA = its
 * latest ILACS report as scraped in June 2026 (153 rows). `la_code` is the
 * DfE 3-digit code; `ltla23cd` the E-code we match on. Dates are TEXT,
 * day first: start/end "dd/mm/yyyy", publication "dd/mm/yy". Grades lower case.
 *
 * Some `ltla23cd` are stale (county codes for LAs reorganised since): rows are
 * matched on code AND name, else on name (the code difference is reported),
 * else on code alone (spelling differs: "london corporation").
 * A few rows have no start date (matched on publication date only).
 * Reports published after the newest official release's cut-off (its period,
 * outcomes.ts outcomesPeriod: 30 June 2025 for the 31 March 2025 release) or
 * inspected after its 31 March are out of scope (`later`), not disagreements.
 * Dates later than the scrape's own publication (its manifest entry) are errors.
 */
import type { Inspection, OfstedGrade } from '../../../../contract/outputs.ts';
import { fileOf, newestFile, type SourceFiles } from '../../core/acquire.ts';
import { readWorkbook } from '../../core/sheet.ts';
import { cellGrid, dateAt, gridTable, parseGrade, publishedBound } from './cells.ts';
import { OUTCOMES_ROLE, outcomesPeriod } from './outcomes.ts';
import { nameKey } from './names.ts';

export const D2I_ID = 'ofsted-d2i-scrape';
const SHEET = 'ofsted_cs_inspections_overview';

export interface D2iDisagreement {
  la_code: string;
  la_name: string;
  field: 'publication date' | 'inspection start' | 'overall' | 'LA code' | 'not in official data';
  d2i: string;
  official: string | null;
}

export interface D2iCheck {
  checked: number;
  agreed: number;
  later: number;
  disagreements: D2iDisagreement[];
}

export function crossCheckD2i(files: SourceFiles, inspections: readonly Inspection[]): D2iCheck {
  const f = fileOf(files, D2I_ID);
  const where = { source: D2I_ID, file: f.entry.path };
  const grid = cellGrid(readWorkbook(f.bytes, where, [SHEET]), SHEET, where);
  const t = gridTable(grid, 0, { ...where, sheet: SHEET });
  t.requireColumns(['ltla23cd', 'local_authority', 'inspection_start_date', 'publication_date', 'overall_effectiveness_grade']);
  const out: D2iCheck = { checked: 0, agreed: 0, later: 0, disagreements: [] };
  const period = outcomesPeriod(newestFile(files, 'ofsted', OUTCOMES_ROLE).entry);
  const latest = publishedBound(f.entry);
  for (let r = 0; r < t.rows.length; r++) {
    const code = t.text(r, 'ltla23cd');
    const name = t.text(r, 'local_authority');
    // ILACS began with inspections from November 2017, first published in 2018.
    const start = dateAt(t, r, 'inspection_start_date', { min: '2017-11-01', max: latest });
    const published = dateAt(t, r, 'publication_date', { min: '2018-01-01', max: latest });
    const grade: OfstedGrade | null | undefined = parseGrade(t.text(r, 'overall_effectiveness_grade'));
    if (published === null) throw t.error('blank publication date', { row: r, column: 'publication_date' });
    if (published > period.publishedBy || (start !== null && start > period.inspectedBy)) {
      out.later++;
      continue;
    }
    out.checked++;
    let mine = inspections.filter((i) => i.la_code === code && i.framework === 'ILACS' && nameKey(i.la_name) === nameKey(name));
    if (mine.length === 0) {
      // The scrape carries some pre-reorganisation codes (county codes for new unitaries): match on the name and report the code.
      mine = inspections.filter((i) => i.framework === 'ILACS' && nameKey(i.la_name) === nameKey(name));
      if (mine[0]) out.disagreements.push({ la_code: code, la_name: name, field: 'LA code', d2i: code, official: mine[0].la_code });
      else mine = inspections.filter((i) => i.framework === 'ILACS' && i.la_code === code); // same code, other spelling ("london corporation")
    }
    const same = mine.find((i) => i.published === published) ?? (start === null ? undefined : mine.find((i) => i.inspection_start === start));
    if (!same) {
      out.disagreements.push({
        la_code: code,
        la_name: name,
        field: 'not in official data',
        d2i: `published ${published}`,
        official: mine.map((i) => i.published).join(', ') || null,
      });
      continue;
    }
    let ok = true;
    const diff = (field: D2iDisagreement['field'], d2i: string, official: string | null) => {
      ok = false;
      out.disagreements.push({ la_code: code, la_name: name, field, d2i, official });
    };
    if (same.published !== published) diff('publication date', published, same.published);
    if (start !== null && same.inspection_start !== start) diff('inspection start', start, same.inspection_start);
    if (grade !== same.overall) diff('overall', String(grade), same.overall);
    if (ok) out.agreed++;
  }
  return out;
}
