/**
 * Ofsted, "Local authority inspection outcomes as at 31 March 2025"
 * (manifest id ofsted-outcomes-2025, ODS, official statistics, 25 Sept 2025).
 *
 * DATA MODEL
 *   Sheet ILACS_inspection_history: one row = one ILACS standard or short
 *     inspection of one LA (Jan 2018 – Mar 2025; 271 rows). Columns: E-code,
 *     name, status ("Current" / "No longer exists": Bournemouth, Cumbria,
 *     Northamptonshire), region, "Inspection date" (the first day on site),
 *     "Publication date" (report published), inspection type, overall
 *     effectiveness and four sub-judgements. Dates are date-typed cells
 *     (spreadsheet serial numbers). Key: (LA code, publication date).
 *   Sheet Inspections_as_at_31_March: one row per current LA (153) = its most
 *     recent ILACS judgement among inspections carried out by 31 March 2025
 *     whose report was published by 30 June 2025 (the publication's "period
 *     covered"). So a row's publication date can be after 31 March 2025 (York,
 *     Blackburn with Darwen…): it is NOT "the judgement in force on 31 March".
 *   Header row is row 3 of both sheets (a title and a description above).
 *   The "care leavers" sub-judgement exists only from 1 Jan 2023: blank before.
 *
 * The file has no inspection END date: `inspection_end` is null and the
 * publication-after-inspection check uses the start ("Inspection date").
 */
import * as XLSX from '@e965/xlsx';
import type { Inspection, OfstedGrade } from '../../../../contract/outputs.ts';
import { newestFile, type SourceFiles } from '../../core/acquire.ts';
import { releaseKey } from '../../../../contract/manifest.ts';
import { publicationCutoff } from '../../derive/ofsted-in-force.ts';
import { LA_CODE } from '../../../../contract/codes.ts';
import { DataError } from '../../core/errors.ts';
import { readWorkbook, type Workbook } from '../../core/sheet.ts';
import type { Table } from '../../core/table.ts';
import { cellGrid, dateAt, gradeAt, gridTable, tidy, type Where } from './cells.ts';

/**
 * The manifest role of Ofsted's "inspection outcomes as at 31 March" releases. The
 * newest entry of family "ofsted" with this role is read, so next year's release is
 * one more manifest entry (its `release` names the 31 March it counts at).
 */
export const OUTCOMES_ROLE = 'outcomes-as-at-31-march';
export const HISTORY_SHEET = 'ILACS_inspection_history';
export const LATEST_SHEET = 'Inspections_as_at_31_March';

const SUB_JUDGEMENTS = [
  'The impact of leaders on social work practice with children and families',
  'The experiences and progress of children who need help and protection',
  'The experiences and progress of children in care',
  'The experiences and progress of care leavers',
] as const;

const COMMON = ['Local authority area code', 'Local authority name', 'Inspection date', 'Publication date', 'Overall effectiveness', ...SUB_JUDGEMENTS];

const TYPES: Record<string, string> = {
  'ILACS Standard Inspection': 'ILACS standard',
  'ILACS Short Inspection': 'ILACS short',
};

/** The latest-judgement table: one row per current LA. */
export interface LatestJudgement {
  la_code: string;
  la_name: string;
  region: string;
  inspection_date: string;
  published: string;
  overall: OfstedGrade;
  judgements: Record<string, OfstedGrade | null>;
}

export interface HistoryRow extends Inspection {
  status: 'current' | 'former';
}

/**
 * A release's "period covered": inspected by 31 March of the year it counts at,
 * published by that year's cut-off (derive/ofsted-in-force.ts PUBLICATION_CUTOFF;
 * 30 June for the 2025 release). The year is the one the entry's `release` names.
 */
export interface OutcomesPeriod {
  source: string;
  inspectedBy: string;
  publishedBy: string;
}

export function outcomesPeriod(entry: { id: string; release: string; published?: string | undefined }): OutcomesPeriod {
  const key = releaseKey({ release: entry.release });
  const year = key ? Number(key.slice(0, 4)) : Number.NaN;
  if (!Number.isInteger(year)) {
    throw new DataError(
      { source: entry.id, value: entry.release },
      'the release does not name the 31 March it counts at',
      'write the release as "31 March YYYY" in data/sources.json',
    );
  }
  return { source: entry.id, inspectedBy: `${year}-03-31`, publishedBy: publicationCutoff(year) };
}

/** The sheet's table: header = the first row (of 10) naming "Local authority area code"; data to the first blank row. */
export function outcomesTable(wb: Workbook, where: Where, sheet: string): Table {
  const grid = cellGrid(wb, sheet, where);
  const h = grid.slice(0, 10).findIndex((r) => r.some((c) => tidy(c) === 'Local authority area code'));
  if (h < 0) {
    throw new DataError(
      { ...where, sheet },
      'no header row (a row with "Local authority area code") in the first 10 rows',
      'the layout of the sheet has changed; update this module',
    );
  }
  return gridTable(grid, h, { ...where, sheet });
}

function laCode(t: Table, r: number): string {
  const code = t.text(r, 'Local authority area code');
  if (!LA_CODE.test(code)) {
    throw t.error('not an upper-tier LA code (E06/E08/E09/E10 + 6 digits)', { row: r, column: 'Local authority area code', value: code });
  }
  return code;
}

function subJudgements(t: Table, r: number): Record<string, OfstedGrade | null> {
  const out: Record<string, OfstedGrade | null> = {};
  for (const name of SUB_JUDGEMENTS) {
    const raw = t.text(r, name);
    if (raw === '') continue; // not part of the framework at the time (care leavers before 2023)
    out[name] = gradeAt(t, r, name);
  }
  return out;
}

function dates(t: Table, r: number, period: OutcomesPeriod): { inspected: string; published: string } {
  const inspected = dateAt(t, r, 'Inspection date', { min: '2017-11-01', max: period.inspectedBy });
  const published = dateAt(t, r, 'Publication date', { min: '2018-01-01', max: period.publishedBy });
  if (inspected === null) throw t.error('inspection date is blank', { row: r, column: 'Inspection date' });
  if (published === null) throw t.error('publication date is blank', { row: r, column: 'Publication date' });
  if (published < inspected) {
    throw t.error(`publication date ${published} is before the inspection date ${inspected}`, { row: r, column: 'Publication date', value: published });
  }
  return { inspected, published };
}

function overall(t: Table, r: number): OfstedGrade {
  const g = gradeAt(t, r, 'Overall effectiveness');
  if (g === null) throw t.error('an ILACS inspection without an overall effectiveness judgement', { row: r, column: 'Overall effectiveness' });
  return g;
}

export function parseHistory(t: Table, period: OutcomesPeriod): HistoryRow[] {
  t.requireColumns([...COMMON, 'Local authority status', 'Inspection type']);
  const out: HistoryRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const status = t.text(r, 'Local authority status');
    if (status !== 'Current' && status !== 'No longer exists') {
      throw t.error('unknown LA status', { row: r, column: 'Local authority status', value: status }, 'expected "Current" or "No longer exists"');
    }
    const typeRaw = tidy(t.text(r, 'Inspection type'));
    const type = TYPES[typeRaw];
    if (type === undefined) {
      throw t.error('unknown inspection type', { row: r, column: 'Inspection type', value: typeRaw }, `expected ${Object.keys(TYPES).join(' or ')}`);
    }
    const { inspected, published } = dates(t, r, period);
    out.push({
      la_code: laCode(t, r),
      la_name: t.text(r, 'Local authority name'),
      framework: 'ILACS',
      type,
      inspection_start: inspected,
      inspection_end: null,
      published,
      overall: overall(t, r),
      judgements: subJudgements(t, r),
      source: period.source,
      status: status === 'Current' ? 'current' : 'former',
    });
  }
  t.assertUniqueKeys((r) => `${t.text(r, 'Local authority area code')} published ${t.text(r, 'Publication date')}`, '(LA, publication date)');
  return out;
}

export function parseLatest(t: Table, period: OutcomesPeriod): LatestJudgement[] {
  t.requireColumns([...COMMON, 'Ofsted region']);
  const out: LatestJudgement[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const { inspected, published } = dates(t, r, period);
    out.push({
      la_code: laCode(t, r),
      la_name: t.text(r, 'Local authority name'),
      region: t.text(r, 'Ofsted region'),
      inspection_date: inspected,
      published,
      overall: overall(t, r),
      judgements: subJudgements(t, r),
    });
  }
  t.assertUniqueKeys((r) => t.text(r, 'Local authority area code'), 'LA code');
  return out;
}

export interface OutcomesFile {
  history: HistoryRow[];
  latest: LatestJudgement[];
  /** Each current LA's page of Ofsted reports (the sheet's "Web link" HYPERLINK), by LA code. */
  reportPages: Record<string, string>;
  rowsRead: number;
}

const PAGE = /^HYPERLINK\("(https:\/\/reports\.ofsted\.gov\.uk\/provider\/[0-9/]+)"[;,]/;

/** The "Web link" column of the latest-judgement sheet: HYPERLINK formulas to each LA's Ofsted page. */
export function readReportPages(bytes: Uint8Array, where: Where): Record<string, string> {
  const wb = readWorkbook(bytes, where, [LATEST_SHEET], true);
  const ws = wb.Sheets[LATEST_SHEET];
  const out: Record<string, string> = {};
  if (!ws || !ws['!ref']) return out;
  const range = XLSX.utils.decode_range(ws['!ref']);
  for (let r = 0; r <= range.e.r; r++) {
    const link = ws[XLSX.utils.encode_cell({ r, c: 0 })] as XLSX.CellObject | undefined;
    const code = ws[XLSX.utils.encode_cell({ r, c: 1 })] as XLSX.CellObject | undefined;
    const m = typeof link?.f === 'string' ? PAGE.exec(link.f) : null;
    if (m && typeof code?.v === 'string' && LA_CODE.test(code.v.trim())) out[code.v.trim()] = m[1]!;
  }
  return out;
}

/** Read both sheets of the newest outcomes release; checks that each LA's latest row is its latest history row. */
export function readOutcomes(files: SourceFiles): OutcomesFile {
  const f = newestFile(files, 'ofsted', OUTCOMES_ROLE);
  const period = outcomesPeriod(f.entry);
  const where = { source: f.entry.id, file: f.entry.path };
  const wb = readWorkbook(f.bytes, where, [HISTORY_SHEET, LATEST_SHEET]);
  const ht = outcomesTable(wb, where, HISTORY_SHEET);
  const lt = outcomesTable(wb, where, LATEST_SHEET);
  const history = parseHistory(ht, period);
  const latest = parseLatest(lt, period);
  checkLatestAgainstHistory(latest, history, lt);
  return { history, latest, reportPages: readReportPages(f.bytes, where), rowsRead: ht.rows.length + lt.rows.length };
}

/** Every latest row must be the most recently published history row of that LA, with the same overall grade. */
export function checkLatestAgainstHistory(latest: LatestJudgement[], history: Inspection[], lt: Table): void {
  latest.forEach((l, r) => {
    const mine = history.filter((h) => h.la_code === l.la_code).sort((a, b) => a.published.localeCompare(b.published));
    const last = mine[mine.length - 1];
    if (!last || last.published !== l.published || last.overall !== l.overall) {
      throw lt.error(
        `the latest judgement (${l.overall}, published ${l.published}) is not the LA's latest in ${HISTORY_SHEET} (${last ? `${last.overall}, published ${last.published}` : 'none'})`,
        { row: r, column: 'Publication date', value: l.published },
        'the two sheets of the release disagree; check which is right before publishing',
      );
    }
  });
}
