/**
 * Section 251 outturn, 2008-09 .. 2013-14: LA expenditure on children's and
 * young people's services (DfE), underlying LA data.
 *
 * DATA MODEL
 *  - A file is one financial year F; its figures are filed under the year
 *    ending 31 March (2013-14 → 2014). Manifest ids s251-outturn-0809 … -1314.
 *  - A row is one LA (DfE three-digit code) × one S251 line; lines are leaves,
 *    publisher subtotals, totals, CERA or memorandum items. Values are £ cash.
 *    We read the gross "Total Expenditure" column only (before income).
 *  - There is no England row: England = the sum of the LAs (150 LAs in 2008-09,
 *    before the 2009 Bedfordshire/Cheshire reorganisation; 152 afterwards).
 *    No regional figures are given, so none are emitted.
 *  - Layouts differ by year (see LAYOUTS); line numbers and wording change every
 *    year, so lines are mapped by description (blocks.ts). Each file is the only
 *    release of its year in the manifest, so there is nothing to reconcile.
 *
 * VALIDATION: expected columns per layout; three-digit LA codes; every line
 * mapped by exactly one rule; no LA × line repeated; every LA has the full set
 * of lines (a short LA means a truncated file); at least 100 LAs; and per LA,
 * the mapped leaf lines add up to the published total excluding CERA.
 */
import { readCsv } from '../../core/csv.ts';
import { fileOf, type SourceFiles } from '../../core/acquire.ts';
import { isMissing, missing, sumValues, type Value } from '../../../../contract/missing.ts';
import type { Table } from '../../core/table.ts';
import type { SourceCell } from '../../core/types.ts';
import { BLOCKS, normaliseDescription, OUT_OF_SCOPE, ruleFor, S251_YEARS, type LineRule, type S251Tag, type S251Year, type SpendMeasure } from './blocks.ts';

export const S251_SOURCES: Record<S251Year, string> = {
  2009: 's251-outturn-0809',
  2010: 's251-outturn-0910',
  2011: 's251-outturn-1011',
  2012: 's251-outturn-1112',
  2013: 's251-outturn-1213',
  2014: 's251-outturn-1314',
};

export const S251_BASIS: Record<S251Year, string> = {
  2009: 's251-2008',
  2010: 's251-2008',
  2011: 's251',
  2012: 's251',
  2013: 's251',
  2014: 's251',
};

interface Layout {
  code: string;
  name: string;
  /** Absent in 2008-09, where the number leads the description. */
  line?: string;
  description: string;
  gross: string;
}

const LAYOUTS: Record<S251Year, Layout> = {
  2009: { code: 'LEA Number:', name: 'LA Name:', description: 'S52 Line Reference:', gross: 'TOTAL EXPENDITURE (k)' },
  2010: { code: 'LEA', name: 'LEA Name', line: 'Line', description: 'S52 Line Reference', gross: 'Total Expenditure (k)' },
  2011: { code: 'LA', name: 'LA Name', line: 'Line', description: 'S52 Line Reference', gross: 'Total Expenditure (k)' },
  2012: { code: 'LA', name: 'LA Name', line: 'LineNumber', description: 'CYPServiceDescription', gross: 'TotalExpenditure' },
  2013: { code: 'LA', name: 'LA Name', line: 'LineNumber', description: 'CYPServiceDescription', gross: 'TotalExpenditure' },
  2014: { code: 'LA', name: 'LA Name', line: 'LineNumber', description: 'CYPServiceDescription', gross: 'TotalExpenditure' },
};

/** Largest accepted gap between the sum of leaf lines and the published total (rounding of pence). */
export const TOTAL_TOLERANCE_GBP = 5;

export interface S251La {
  oldCode: string;
  name: string;
  /** The seven blocks and the total; out-of-scope blocks are a 'definition_break' gap. */
  values: Record<SpendMeasure, Value>;
  /** Named published lines (subtotals and individual lines) for checks and stories. */
  tagged: Partial<Record<S251Tag, Value>>;
  /** The file rows each value was read from (see SourceCell), for range errors. */
  at: Partial<Record<SpendMeasure, SourceCell>>;
}

export interface S251Outturn {
  year: S251Year;
  source: string;
  las: S251La[];
  rowsRead: number;
}

/** Parse one S251 outturn file. */
export interface S251Limits {
  /** Fewer data rows means a truncated file. */
  minRows: number;
  /** Fewer LAs means a truncated file. */
  minLas: number;
}
export const S251_LIMITS: S251Limits = { minRows: 1000, minLas: 100 };

export function parseS251(
  bytes: Uint8Array,
  year: S251Year,
  where: { source: string; file: string; encoding?: 'utf-8' | 'windows-1252' },
  limits: S251Limits = S251_LIMITS,
): S251Outturn {
  const table = readCsv(bytes, { source: where.source, file: where.file, minRows: limits.minRows, ...(where.encoding ? { encoding: where.encoding } : {}) });
  const layout = LAYOUTS[year];
  table.requireColumns([layout.code, layout.name, layout.description, layout.gross, ...(layout.line ? [layout.line] : [])]);
  const cCode = table.col(layout.code);
  const cName = table.col(layout.name);
  const cDesc = table.col(layout.description);
  const cGross = table.col(layout.gross);
  const cLine = layout.line ? table.col(layout.line) : undefined;

  const lineKey = (r: number): string => {
    const desc = table.text(r, cDesc);
    if (cLine !== undefined) return table.text(r, cLine);
    const m = /^\s*(\d+)/.exec(desc);
    if (!m) throw table.error('the line reference does not start with a line number', { row: r, column: layout.description, value: desc });
    return m[1]!;
  };
  table.assertUniqueKeys((r) => `${table.text(r, cCode)} line ${lineKey(r)}`, 'LA × line');

  const rules = new Map<string, LineRule>();
  const byLa = new Map<string, { name: string; rows: number[] }>();
  const linesPerLa = new Map<string, Set<string>>();
  for (let r = 0; r < table.rows.length; r++) {
    const code = table.text(r, cCode);
    if (!/^\d{3}$/.test(code)) {
      throw table.error('the LA code is not a DfE three-digit code', { row: r, column: layout.code, value: code });
    }
    const desc = table.text(r, cDesc);
    const key = `${lineKey(r)}|${normaliseDescription(desc)}`;
    if (!rules.has(key)) {
      const { rule, matches } = ruleFor(year, desc);
      if (!rule) {
        throw table.error(
          matches.length === 0 ? 'this S251 line is not in the block mapping' : `this S251 line matches ${matches.length} rules of the block mapping`,
          { row: r, column: layout.description, value: desc },
          "add the line to its year in scripts/data/sources/spend/blocks.ts (the base table for 2008-09, otherwise that year's differences), mapped to a block or excluded with a reason",
        );
      }
      rules.set(key, rule);
    }
    const la = byLa.get(code) ?? { name: table.text(r, cName), rows: [] };
    la.rows.push(r);
    byLa.set(code, la);
    const set = linesPerLa.get(code) ?? new Set<string>();
    set.add(key);
    linesPerLa.set(code, set);
  }
  if (byLa.size < limits.minLas) {
    throw table.error(`only ${byLa.size} LAs in the file; at least ${limits.minLas} expected (the file looks truncated)`);
  }
  const expectedLines = rules.size;
  for (const [code, set] of linesPerLa) {
    if (set.size !== expectedLines) {
      const missingLines = [...rules.keys()].filter((k) => !set.has(k)).map((k) => k.split('|')[0]);
      throw table.error(
        `LA ${code} has ${set.size} lines but the file has ${expectedLines} distinct lines (missing line(s) ${missingLines.join(', ')}): the file looks truncated or the line numbering is inconsistent`,
        { row: byLa.get(code)!.rows.at(-1)! },
      );
    }
  }

  const las: S251La[] = [];
  for (const [oldCode, la] of byLa) {
    las.push(aggregateLa(table, year, oldCode, la.name, la.rows, (r) => rules.get(`${lineKey(r)}|${normaliseDescription(table.text(r, cDesc))}`)!, cGross));
  }
  return { year, source: where.source, las, rowsRead: table.rows.length };
}

function aggregateLa(table: Table, year: S251Year, oldCode: string, name: string, rows: number[], ruleOf: (r: number) => LineRule, cGross: number): S251La {
  const parts = new Map<SpendMeasure, Value[]>();
  const partRows = new Map<SpendMeasure, { row: number; value: Value }[]>();
  const tagged: Partial<Record<S251Tag, Value>> = {};
  let total: Value | undefined;
  let totalRow = -1;
  for (const r of rows) {
    const rule = ruleOf(r);
    // Excluded lines are never read: in 2011-12 the CERA and memorandum lines
    // carry a database "NULL" that is no DfE marker.
    if (rule.role.kind === 'excluded' && !rule.tag) continue;
    const v = table.value(r, cGross);
    if (rule.tag) tagged[rule.tag] = v;
    if (rule.role.kind === 'block') {
      const list = parts.get(rule.role.block) ?? [];
      list.push(v);
      parts.set(rule.role.block, list);
      partRows.set(rule.role.block, [...(partRows.get(rule.role.block) ?? []), { row: table.rowNumber(r), value: v }]);
    } else if (rule.role.kind === 'total') {
      total = v;
      totalRow = r;
    }
  }
  if (total === undefined) {
    throw table.error(`LA ${oldCode} has no "children and young people's services budget (excluding CERA)" line`, { row: rows.at(-1)! });
  }
  const outOfScope = new Set(OUT_OF_SCOPE[year] ?? []);
  const values = {} as Record<SpendMeasure, Value>;
  for (const block of BLOCKS) {
    const list = parts.get(block);
    if (outOfScope.has(block)) {
      if (list) throw table.error(`lines are mapped to ${block}, which the mapping declares out of S251 scope in ${year}`);
      values[block] = missing('definition_break');
    } else {
      if (!list) throw table.error(`no line is mapped to ${block} in ${year}: the block mapping is incomplete`);
      values[block] = sumValues(list);
    }
  }
  values.spend_total_gbp = total;
  const column = table.header[cGross]!;
  const at: Partial<Record<SpendMeasure, SourceCell>> = { spend_total_gbp: { row: table.rowNumber(totalRow), column } };
  for (const [block, lines] of partRows) at[block] = sumCell(lines, values[block], column);
  const leafSum = sumValues(BLOCKS.filter((bk) => !outOfScope.has(bk)).map((bk) => values[bk]));
  if (!isMissing(leafSum) && !isMissing(total) && Math.abs(leafSum - total) > TOTAL_TOLERANCE_GBP) {
    throw table.error(
      `the mapped lines of LA ${oldCode} add up to £${leafSum.toFixed(2)} but the published total excluding CERA is £${total.toFixed(2)}`,
      { row: totalRow, column: table.header[cGross], value: table.rows[totalRow]?.[cGross] },
      'a line is mapped twice, or a subtotal/memorandum line is mapped as a leaf (check blocks.ts)',
    );
  }
  return { oldCode, name, values, tagged, at };
}

/** The cell of a block that sums several lines: every line's row, led by the one pulling the sum furthest its way. */
function sumCell(lines: readonly { row: number; value: Value }[], sum: Value, column: string): SourceCell {
  const sign = !isMissing(sum) && sum < 0 ? -1 : 1;
  let lead = lines[0]!;
  for (const l of lines) {
    if (!isMissing(l.value) && (isMissing(lead.value) || sign * l.value > sign * lead.value)) lead = l;
  }
  return { row: lead.row, column, rows: lines.map((l) => l.row) };
}

export function loadS251Year(files: SourceFiles, year: S251Year, limits: S251Limits = S251_LIMITS): S251Outturn {
  const f = fileOf(files, S251_SOURCES[year]);
  return parseS251(f.bytes, year, { source: f.entry.id, file: f.entry.path, ...(f.entry.encoding ? { encoding: f.entry.encoding } : {}) }, limits);
}

/** `limits`: the real files' defaults; only small test fixtures lower them. */
export function loadS251(files: SourceFiles, limits: S251Limits = S251_LIMITS): S251Outturn[] {
  return S251_YEARS.map((y) => loadS251Year(files, y, limits));
}

/** England = sum of LAs (any missing part makes the sum missing with its reason). */
export function englandSum(year: S251Outturn, pick: (la: S251La) => Value | undefined): Value {
  return sumValues(year.las.map((la) => pick(la) ?? missing('no_source')));
}
