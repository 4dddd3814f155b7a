/**
 * English Indices of Deprivation 2019, File 11: upper-tier local authority
 * summaries (manifest id iod-2019-utla, MHCLG, 26 September 2019).
 *
 * ROW = one upper-tier council on April 2019 geography (151 rows: BCP and the
 * Dorset unitary council, but Northamptonshire, Cumbria and the North
 * Yorkshire, Somerset and Buckinghamshire county codes). We read two sheets:
 *   IMD   "IMD - Average score" and "IMD - Rank of average score"
 *   IDACI "IDACI - Average score" and "IDACI - Rank of average score"
 *         (income deprivation affecting children: the share of children in
 *         income-deprived families, 0–1)
 * Rank 1 = most deprived of the 151. Headers carry trailing and double spaces;
 * sheetTable normalises them.
 *
 * PUBLISHER ERROR, corrected: in the IMD sheet Slough's code is printed as
 * "E0600003" (a digit dropped); the IDACI sheet and every other source give
 * E06000039. We correct exactly that cell (code and name must both match, see
 * CODE_CORRECTIONS); any other malformed code is still an error.
 *
 * YEAR. The IoD 2019 is one snapshot (mostly 2015-16 data). It is attached to
 * councils, not years; the panel may show it against every year.
 *
 * MAPPING to the geography's canonical codes:
 *   - councils whose code changed but whose area did not (Buckinghamshire
 *     E10000002, North Yorkshire E10000023, Somerset E10000027) carry their
 *     figures over to the new code;
 *   - North and West Northamptonshire, Cumberland, Westmorland and Furness:
 *     no official IoD 2019 summary exists for them. Their values are a typed
 *     missing (no_source); we do not apportion the old county's value.
 *   - Bournemouth, Poole and Dorset County Council were abolished on 1 April
 *     2019, before the IoD 2019 geography: also no_source.
 *   - Northamptonshire and Cumbria keep their published figures.
 */
import type { SourceFiles } from '../core/acquire.ts';
import { fileOf } from '../core/acquire.ts';
import { isLaCode } from '../../../contract/codes.ts';
import { DataError } from '../core/errors.ts';
import { isMissing, missing, type Missing, type Value } from '../../../contract/missing.ts';
import { readWorkbook, sheetTable } from '../core/sheet.ts';
import type { Table } from '../core/table.ts';
import { loadGeography, type Geography } from './geography.ts';

export const DEPRIVATION_SOURCE = 'iod-2019-utla';
const UTLA_COUNT = 151;

export interface DeprivationRow {
  /** Canonical LA code (see geography). */
  code: string;
  /** Code in the IoD file, if the council has a figure. */
  iodCode: string | null;
  imd_score: Value;
  imd_rank: Value;
  idaci_score: Value;
  idaci_rank: Value;
  /** Plain-English reason when the figures are missing. */
  note: string | null;
}

interface SheetSpec {
  sheet: 'IMD' | 'IDACI';
  score: string;
  rank: string;
  scoreRange: [number, number];
}

const SHEETS: SheetSpec[] = [
  { sheet: 'IMD', score: 'IMD - Average score', rank: 'IMD - Rank of average score', scoreRange: [0, 100] },
  { sheet: 'IDACI', score: 'IDACI - Average score', rank: 'IDACI - Rank of average score', scoreRange: [0, 1] },
];
const CODE_COL = 'Upper Tier Local Authority District code (2019)';

/** Known misprints in the published file: sheet → printed code → { name it must carry, correct code }. */
export const CODE_CORRECTIONS: Readonly<Record<string, Readonly<Record<string, { name: string; code: string }>>>> = {
  IMD: { E0600003: { name: 'Slough', code: 'E06000039' } },
};
const NAME_COL = 'Upper Tier Local Authority District name (2019)';

export interface IodFigures {
  name: string;
  score: number;
  rank: number;
}

function number(t: Table, r: number, column: string): number {
  const v = t.value(r, column);
  if (isMissing(v)) throw t.error('expected a number, found a missing-value marker', { row: r, column, value: v.marker ?? '' });
  return v;
}

/** Parse one sheet into code → figures, validating codes, ranks and scores. */
function parseSheet(t: Table, spec: SheetSpec, expected: number): Map<string, IodFigures> {
  t.requireColumns([CODE_COL, NAME_COL, spec.score, spec.rank]);
  const out = new Map<string, IodFigures>();
  for (let r = 0; r < t.rows.length; r++) {
    const printed = t.text(r, CODE_COL);
    const fix = CODE_CORRECTIONS[spec.sheet]?.[printed];
    const code = fix && fix.name === t.text(r, NAME_COL) ? fix.code : printed;
    if (!isLaCode(code)) throw t.error('not an upper-tier LA code', { row: r, column: CODE_COL, value: code });
    if (out.has(code)) throw t.error(`duplicate council ${code}`, { row: r, column: CODE_COL, value: code });
    const score = number(t, r, spec.score);
    const rank = number(t, r, spec.rank);
    if (score < spec.scoreRange[0] || score > spec.scoreRange[1]) {
      throw t.error(`score outside ${spec.scoreRange[0]}–${spec.scoreRange[1]}`, { row: r, column: spec.score, value: score });
    }
    if (!Number.isInteger(rank) || rank < 1 || rank > UTLA_COUNT) {
      throw t.error(`rank is not a whole number from 1 to ${UTLA_COUNT}`, { row: r, column: spec.rank, value: rank });
    }
    out.set(code, { name: t.text(r, NAME_COL), score, rank });
  }
  if (out.size !== expected) {
    throw t.error(`${out.size} councils; the IoD 2019 upper-tier summary has ${expected}`, {}, 'the file looks truncated or is a different release');
  }
  return out;
}

/** The IMD and IDACI sheets, keyed by 2019 UTLA code. */
export function parseIod(files: SourceFiles, id = DEPRIVATION_SOURCE, expected = UTLA_COUNT): { imd: Map<string, IodFigures>; idaci: Map<string, IodFigures> } {
  const f = fileOf(files, id);
  const where = { source: id, file: f.entry.path };
  const wb = readWorkbook(
    f.bytes,
    where,
    SHEETS.map((s) => s.sheet),
  );
  const isHeader = (row: string[]) => row[0]?.startsWith('Upper Tier Local Authority District code') ?? false;
  const [imd, idaci] = SHEETS.map((spec) => parseSheet(sheetTable(wb, spec.sheet, where, isHeader, { stopAtBlank: true }), spec, expected)) as [
    Map<string, IodFigures>,
    Map<string, IodFigures>,
  ];
  for (const code of imd.keys()) {
    if (!idaci.has(code)) throw new DataError({ ...where, sheet: 'IDACI', value: code }, `council ${code} is in the IMD sheet but not in the IDACI sheet`);
  }
  return { imd, idaci };
}

const NO_FIGURE: Missing = missing('no_source');

/** One row per council in the geography (current and former), on canonical codes. */
export function loadDeprivation(files: SourceFiles, geography: Geography = loadGeography(files), expected = UTLA_COUNT): DeprivationRow[] {
  const { imd, idaci } = parseIod(files, DEPRIVATION_SOURCE, expected);
  const used = new Set<string>();
  const rows: DeprivationRow[] = [];
  for (const la of geography.las) {
    const iodCode = geography.codesOf(la.code).find((c) => imd.has(c)) ?? null;
    if (iodCode === null) {
      if (geography.existsIn(la.code, 2020)) {
        throw new DataError(
          { source: DEPRIVATION_SOURCE, sheet: 'IMD', value: la.code },
          `${la.name} (${la.code}) existed on 2019 boundaries but has no row`,
          'the file looks incomplete, or the council was recoded: check the geography lookups',
        );
      }
      const note =
        la.firstYear > 2020
          ? `No official IoD 2019 figure: ${la.name} was created after the Indices were published (2019 boundaries). The former county's figure is not a substitute.`
          : `No official IoD 2019 figure: ${la.name} was abolished on 1 April 2019, before the Indices' 2019 boundaries.`;
      rows.push({ code: la.code, iodCode, imd_score: NO_FIGURE, imd_rank: NO_FIGURE, idaci_score: NO_FIGURE, idaci_rank: NO_FIGURE, note });
      continue;
    }
    used.add(iodCode);
    const a = imd.get(iodCode)!;
    const b = idaci.get(iodCode)!;
    rows.push({ code: la.code, iodCode, imd_score: a.score, imd_rank: a.rank, idaci_score: b.score, idaci_rank: b.rank, note: null });
  }
  const unused = [...imd.keys()].filter((c) => !used.has(c));
  if (unused.length > 0) {
    throw new DataError({ source: DEPRIVATION_SOURCE, sheet: 'IMD', value: unused.join(', ') }, 'councils in the IoD file that the geography does not know');
  }
  return rows;
}
