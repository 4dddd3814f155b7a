/**
 * Ofsted, "Children's social care data in England 2023", underlying data
 * (ODS, official statistics, 6 July 2023). The file is the newest manifest entry of
 * family "ofsted" and role "inspection-history" (CSC_HISTORY_ROLE; now ofsted-csc-2023),
 * so a later release is one more entry. Only the sheet the entry names in `sheet`
 * (now LA_inspections_2009-2023) is parsed (pass `sheets`: see timings in tests).
 *
 * DATA MODEL
 *   The sheet holds two tables, each with header "Web link | Local authority name | …":
 *     Table 10 (rows 6–157): the 152 LAs of 2023;
 *     Table 11 (rows 162–165): LAs that existed before a restructure
 *       (Bournemouth, Dorset county, Poole, Northamptonshire).
 *   One row = one LA, wide: for each inspection kind a PUBLICATION date and
 *   its judgements. The table has NO LA codes, only names: codes are resolved
 *   from the names (see resolveLaName) and an unknown name is an error.
 *   We emit one Inspection per filled date:
 *     SLAC (2009–2012): two "overall effectiveness" judgements (safeguarding;
 *       looked-after children) and no single overall, so `overall` is null and
 *       both go into `judgements`. Pre-2013 frameworks graded Outstanding /
 *       Good / ADEQUATE / Inadequate; this file shows no "Adequate" and prints
 *       "Requires improvement to be good" instead, so a SLAC 'Requires
 *       improvement' means "Adequate". SLAC re-inspections: one strand each (one
 *       Inspection "SLAC re-inspection" when both strands share a publication date).
 *     SIF first inspection (published Feb 2014 – Dec 2017) and SIF
 *       re-inspection: overall + sub-judgements; the LSCB review judgement
 *       published in the same report is kept as a sub-judgement.
 *     ILACS first and second inspections (also in ofsted-outcomes-2025, which
 *       wins: see index.ts).
 *   Child protection inspections (CPI/CPRI, 2012–13) and targeted
 *   looked-after-children inspections (TLAC) are other frameworks, not read.
 *   " -" = no judgement (Isles of Scilly, City of London): null.
 *   No inspection start/end dates: both null.
 */
import type { Inspection, OfstedFramework, OfstedGrade } from '../../../../contract/outputs.ts';
import { newestFile, type SourceFiles } from '../../core/acquire.ts';
import { DataError } from '../../core/errors.ts';
import { readWorkbook, type Workbook } from '../../core/sheet.ts';
import type { Table } from '../../core/table.ts';
import { cellGrid, DATE_RANGE, dateAt, FIRST_JUDGEMENT_DATE, gradeAt, gridTable, publishedBound, tidy, type Where } from './cells.ts';

/** Manifest role (family "ofsted") of the file with every council's inspections since 2009, by framework. */
export const CSC_HISTORY_ROLE = 'inspection-history';

/** LA name → E-code. Supplied by the caller (built from ofsted-outcomes-2025, which has codes). */
export type NameResolver = (name: string, table: 'current' | 'pre-restructure') => string | undefined;

interface Block {
  framework: OfstedFramework;
  type: string;
  date: string[]; // candidate column names (Table 10 / Table 11 differ)
  overall?: string[];
  typeColumn?: string[];
  /** published sub-judgement column → key in `judgements` */
  subs: Array<[string[], string]>;
}

const SIF_SUBS = (p: string): Array<[string[], string]> => [
  [[`${p} children who need help and protection`], 'Children who need help and protection'],
  [[`${p} children looked after and achieving permanence`], 'Children looked after and achieving permanence'],
  [[`${p} CLA Sub: Adoption Performance`], 'Adoption performance'],
  [[`${p} CLA Sub: Experiences and progress of care leavers`], 'Experiences and progress of care leavers'],
  [[`${p} leadership, management and governance`], 'Leadership, management and governance'],
];

export const BLOCKS: Block[] = [
  {
    framework: 'SLAC',
    type: 'SLAC',
    date: ['Safeguarding & Looked After Children (SLAC) Inspection publication date'],
    subs: [
      [['SLAC Safeguarding Overall effectiveness (OE)'], 'Safeguarding overall effectiveness'],
      [['SLAC Looked After Children Overall Effectiveness (OE)'], 'Looked after children overall effectiveness'],
    ],
  },
  {
    framework: 'SLAC',
    type: 'SLAC re-inspection (safeguarding)',
    date: ['SLAC re-inspection of Safeguarding publication date'],
    subs: [[['SLAC re-inspection Safeguarding OE'], 'Safeguarding overall effectiveness']],
  },
  {
    framework: 'SLAC',
    type: 'SLAC re-inspection (looked after children)',
    date: ['SLAC re-inspection of services for Children Looked After publication date'],
    subs: [[['SLAC re-inspection of services Children Looked After OE'], 'Looked after children overall effectiveness']],
  },
  {
    framework: 'SIF',
    type: 'SIF',
    date: ["Single Inspection of LA Children's Services (SIF) First SIF publication date"],
    overall: ['First SIF Overall Judgement (OE)'],
    subs: [...SIF_SUBS('First SIF'), [['LSCB Overall Effectiveness'], 'LSCB overall effectiveness']],
  },
  {
    framework: 'SIF',
    type: 'SIF re-inspection',
    date: ["Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date"],
    overall: ['SIF Re-inspection Overall Judgement (OE)'],
    subs: SIF_SUBS('SIF Re-inspection'),
  },
  {
    framework: 'ILACS',
    type: 'ILACS',
    typeColumn: ['First ILACS framework inspection type', 'ILACS framework inspection type'],
    date: ['First ILACS framework publication date', 'ILACS framework publication date'],
    overall: ['First ILACS framework overall effectiveness', 'ILACS framework overall effectiveness'],
    subs: [
      [
        ['First ILACS framework impact of leaders', 'ILACS framework impact of leaders'],
        'The impact of leaders on social work practice with children and families',
      ],
      [
        [
          'First ILACS framework experiences and progress of children who need help and protection',
          'ILACS framework experiences and progress of children who need help and protection',
        ],
        'The experiences and progress of children who need help and protection',
      ],
      [
        [
          'First ILACS framework experiences and progress of children in care and care leavers',
          'ILACS framework experiences and progress of children in care and care leavers',
        ],
        'The experiences and progress of children in care and care leavers',
      ],
    ],
  },
  {
    framework: 'ILACS',
    type: 'ILACS',
    typeColumn: ['Second ILACS framework inspection type'],
    date: ['Second ILACS framework publication date'],
    overall: ['Second ILACS framework overall effectiveness'],
    subs: [
      [['Second ILACS framework impact of leaders'], 'The impact of leaders on social work practice with children and families'],
      [
        ['Second ILACS framework experiences and progress of children who need help and protection'],
        'The experiences and progress of children who need help and protection',
      ],
      [['Second ILACS framework experiences and progress of children in care'], 'The experiences and progress of children in care'],
      [['Second ILACS framework experiences and progress of care leavers'], 'The experiences and progress of care leavers'],
    ],
  },
];

const ILACS_TYPES: Record<string, string> = { 'ILACS Standard Inspection': 'ILACS standard', 'ILACS Short Inspection': 'ILACS short' };

/** The column of `candidates` present in the table, or undefined if the whole block is absent (Table 11 has no second ILACS). */
function pick(t: Table, candidates: string[]): string | undefined {
  return candidates.find((c) => t.has(c));
}

/** The two tables of the sheet, found by their "Web link" header rows. */
export function historyTables(wb: Workbook, where: Where, sheet: string): { current: Table; preRestructure: Table } {
  const grid = cellGrid(wb, sheet, where);
  const headers = grid.flatMap((r, i) => (tidy(r[0] ?? '') === 'Web link' && tidy(r[1] ?? '') === 'Local authority name' ? [i] : []));
  if (headers.length !== 2) {
    throw new DataError(
      { ...where, sheet },
      `expected 2 tables (header rows "Web link | Local authority name"), found ${headers.length} at rows ${headers.map((h) => h + 1).join(', ')}`,
      'the layout of the sheet changed; update this module',
    );
  }
  const sheetWhere = { ...where, sheet };
  return { current: gridTable(grid, headers[0]!, sheetWhere, headers[1]), preRestructure: gridTable(grid, headers[1]!, sheetWhere) };
}

/** `latest`: the last date a row may carry (the file's publication date, cells.ts publishedBound). */
export function parseHistoryTable(t: Table, which: 'current' | 'pre-restructure', resolve: NameResolver, latest: string = DATE_RANGE.max): Inspection[] {
  t.requireColumns(['Local authority name', ...BLOCKS.slice(0, 5).flatMap((b) => [b.date[0]!, ...(b.overall ?? []), ...b.subs.map((s) => s[0][0]!)])]);
  t.assertUniqueKeys((r) => t.text(r, 'Local authority name'), 'LA name');
  const out: Inspection[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const rowOut: Inspection[] = [];
    const name = tidy(t.text(r, 'Local authority name'));
    const code = resolve(name, which);
    if (code === undefined) {
      throw t.error(
        'LA name not recognised (this table has no codes)',
        { row: r, column: 'Local authority name', value: name },
        'add the name to the aliases in ofsted/names.ts',
      );
    }
    for (const b of BLOCKS) {
      const dateCol = pick(t, b.date);
      if (dateCol === undefined) continue;
      const published = dateAt(t, r, dateCol, { min: FIRST_JUDGEMENT_DATE, max: latest });
      const overallCol = b.overall ? pick(t, b.overall) : undefined;
      const subs: Array<[string, string]> = b.subs.flatMap(([cands, key]) => {
        const c = pick(t, cands);
        return c === undefined ? [] : [[c, key] as [string, string]];
      });
      const anyGrade = [overallCol, ...subs.map((s) => s[0])].some((c) => c !== undefined && t.text(r, c) !== '');
      if (published === null) {
        if (anyGrade) throw t.error(`judgements without a publication date (${b.type})`, { row: r, column: dateCol });
        continue;
      }
      let type = b.type;
      if (b.typeColumn) {
        const tc = pick(t, b.typeColumn);
        const raw = tc === undefined ? '' : tidy(t.text(r, tc));
        const mapped = ILACS_TYPES[raw];
        if (mapped === undefined) throw t.error('unknown ILACS inspection type', { row: r, column: tc ?? b.typeColumn[0]!, value: raw });
        type = mapped;
      }
      const judgements: Record<string, OfstedGrade | null> = {};
      for (const [col, key] of subs) {
        if (t.text(r, col) === '') continue;
        judgements[key] = gradeAt(t, r, col);
      }
      const overall = overallCol === undefined ? null : gradeAt(t, r, overallCol);
      if (overallCol !== undefined && overall === null) {
        throw t.error(`${b.type} published without an overall judgement`, { row: r, column: overallCol, value: t.text(r, overallCol) });
      }
      // The two SLAC re-inspection strands, when published the same day, are one report.
      const sameDay = rowOut.find(
        (i) => i.framework === 'SLAC' && b.framework === 'SLAC' && i.type.startsWith('SLAC re-inspection') && i.published === published,
      );
      if (sameDay && type.startsWith('SLAC re-inspection')) {
        sameDay.type = 'SLAC re-inspection';
        Object.assign(sameDay.judgements, judgements);
        continue;
      }
      rowOut.push({
        la_code: code,
        la_name: name,
        framework: b.framework,
        type,
        inspection_start: null,
        inspection_end: null,
        published,
        overall,
        judgements,
        source: t.source,
      });
    }
    out.push(...rowOut);
  }
  return out;
}

/** `minRows`: Table 10 must have at least this many LAs (152 in the release; a truncated file has fewer). Tests lower it. */
export function readInspectionHistory(
  files: SourceFiles,
  resolve: NameResolver,
  opts: { minRows?: number } = {},
): { inspections: Inspection[]; rowsRead: number } {
  const f = newestFile(files, 'ofsted', CSC_HISTORY_ROLE);
  const where = { source: f.entry.id, file: f.entry.path };
  const sheet = f.entry.sheet;
  if (sheet === undefined) {
    throw new DataError(
      where,
      "the entry does not name the sheet that lists each council's inspections",
      'add "sheet" to this entry in data/sources.json: the name of that sheet in the file (in the 2023 release, "LA_inspections_2009-2023")',
    );
  }
  const wb = readWorkbook(f.bytes, where, [sheet]);
  const { current, preRestructure } = historyTables(wb, where, sheet);
  if (current.rows.length < (opts.minRows ?? 150)) {
    throw current.error(`only ${current.rows.length} LA rows in Table 10 (expected 152)`, {}, 'the file may be truncated');
  }
  return {
    inspections: [
      ...parseHistoryTable(current, 'current', resolve, publishedBound(f.entry)),
      ...parseHistoryTable(preRestructure, 'pre-restructure', resolve, publishedBound(f.entry)),
    ],
    rowsRead: current.rows.length + preRestructure.rows.length,
  };
}
