/**
 * Parsers for the geography lookups. Each returns plain typed rows and
 * validates what it reads; `scripts/data/sources/geography.ts` assembles them.
 *
 * lookup-dfe-las (DfE EES lookups/las.csv)
 *   ROW = one GSS code for one council over its period of operation
 *   (dd/mm/yyyy dates; a blank termination means still live). A council whose
 *   code changed has one row per code, sharing the DfE three-digit old code.
 *   Also present and handled: joint-reporting rows ("E09000021 / E09000027",
 *   old code "314 / 318"), pre-2009 counties (old code "x", ended 31/03/2009)
 *   and one BFPO row (code "z").
 * lookup-gias-la-codes (GIAS EnglishLaNameCodes.csv)
 *   ROW = one name → three-digit code → GSS code, incl. "Pre-LGR 2019 Dorset".
 *   Used for name matching and as a cross-check of las.csv. Councils abolished
 *   before 1998 have the placeholder GSS code X999999 (read as no code).
 * lookup-mysociety-las (mySociety uk_local_authorities.csv)
 *   ROW = one UK council, current or former; used only for reader-friendly
 *   names (nice-name, official-name, alt-names), joined on GSS code.
 * lookup-ons-changes (ONS data-vis changes.csv)
 *   ROW = one code change; only type "new_code" rows for upper-tier English
 *   councils matter here (Barnsley/Sheffield 2025): the new code is an alias.
 *   The `start` year is a calendar year (first year of the new geography).
 */
import { readCsv } from '../core/csv.ts';
import { fileOf, type SourceFiles } from '../core/acquire.ts';
import { isLaCode, isOldLaCode, isRegionCode } from '../../../contract/codes.ts';
import type { Table } from '../core/table.ts';

/** A date as yyyymmdd, comparable with < and >. */
export type DateNum = number;

export interface DfeLaRow {
  code: string;
  name: string;
  operation: DateNum;
  termination: DateNum | null;
  regionCode: string;
  oldCode: string | null; // null for pre-2009 counties ("x")
  /** 1-based row in las.csv. */
  row: number;
}

export interface DfeJointRow {
  codes: string[];
  oldCodes: string[];
  name: string;
}

export interface DfeLas {
  las: DfeLaRow[];
  joint: DfeJointRow[];
}

function table(files: SourceFiles, id: string, minRows: number): Table {
  const f = fileOf(files, id);
  return readCsv(f.bytes, { source: id, file: f.entry.path, encoding: f.entry.encoding ?? 'utf-8', minRows });
}

function parseDate(t: Table, r: number, column: string): DateNum | null {
  const raw = t.text(r, column);
  if (raw === '') return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
  if (!m) throw t.error('expected a date as dd/mm/yyyy', { row: r, column, value: raw });
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) {
    throw t.error('not a valid date', { row: r, column, value: raw });
  }
  return y * 10000 + mo * 100 + d;
}

const DFE_COLUMNS = ['new_la_code', 'la_name', 'date_of_operation', 'date_of_termination', 'parent_geography_code', 'old_la_code'] as const;

export function parseDfeLas(files: SourceFiles, id = 'lookup-dfe-las', minRows = 150): DfeLas {
  const t = table(files, id, minRows);
  t.requireColumns(DFE_COLUMNS);
  const las: DfeLaRow[] = [];
  const joint: DfeJointRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const code = t.text(r, 'new_la_code');
    const oldRaw = t.text(r, 'old_la_code');
    const name = t.text(r, 'la_name');
    if (code === 'z') continue; // BFPO overseas establishments: not a council
    if (code.includes('/')) {
      const codes = code.split('/').map((c) => c.trim());
      const oldCodes = oldRaw.split('/').map((c) => c.trim());
      if (!codes.every(isLaCode) || !oldCodes.every(isOldLaCode) || codes.length !== oldCodes.length) {
        throw t.error('malformed joint-reporting row: expected "CODE / CODE" and "NNN / NNN"', { row: r, column: 'new_la_code', value: code });
      }
      joint.push({ codes, oldCodes, name });
      continue;
    }
    if (!isLaCode(code)) {
      throw t.error('not an upper-tier LA code (E06/E08/E09/E10 + 6 digits)', { row: r, column: 'new_la_code', value: code });
    }
    if (name === '') throw t.error('blank council name', { row: r, column: 'la_name' });
    if (oldRaw !== 'x' && !isOldLaCode(oldRaw)) {
      throw t.error('not a DfE three-digit LA code (or "x")', { row: r, column: 'old_la_code', value: oldRaw });
    }
    const regionCode = t.text(r, 'parent_geography_code');
    if (!isRegionCode(regionCode)) {
      throw t.error('not a region code (E12 + 6 digits)', { row: r, column: 'parent_geography_code', value: regionCode });
    }
    const operation = parseDate(t, r, 'date_of_operation');
    if (operation === null) throw t.error('blank date of operation', { row: r, column: 'date_of_operation' });
    const termination = parseDate(t, r, 'date_of_termination');
    if (termination !== null && termination < operation) {
      throw t.error('terminated before it started', { row: r, column: 'date_of_termination', value: t.text(r, 'date_of_termination') });
    }
    las.push({ code, name, operation, termination, regionCode, oldCode: oldRaw === 'x' ? null : oldRaw, row: t.rowNumber(r) });
  }
  const seen = new Map<string, number>();
  for (const la of las) {
    const first = seen.get(la.code);
    if (first !== undefined) {
      throw t.error(`duplicate LA code ${la.code} (first seen at row ${first})`, { value: la.code }, 'each GSS code should appear once');
    }
    seen.set(la.code, la.row);
  }
  return { las, joint };
}

export interface GiasRow {
  name: string;
  oldCode: string;
  code: string;
}

export function parseGias(files: SourceFiles, id = 'lookup-gias-la-codes', minRows = 150): GiasRow[] {
  const t = table(files, id, minRows);
  const name = t.colOneOf(['English local authority (LA) name']).index;
  const old = t.colOneOf(['Get Information about Schools (GIAS) local authority (LA) code']).index;
  const gss = t.colOneOf([
    'Office for National Statistics (ONS) local authority (LA) code (also known as Government Statistical Service (GSS) local authority (LA) code on GIAS)',
  ]).index;
  const out: GiasRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const gssText = t.text(r, gss);
    // GIAS writes X999999 for pre-1998 councils that never had a GSS code.
    const row = { name: t.text(r, name), oldCode: t.text(r, old), code: gssText === 'X999999' ? '' : gssText };
    if (!isOldLaCode(row.oldCode)) throw t.error('not a three-digit LA code', { row: r, column: t.header[old], value: row.oldCode });
    if (row.code !== '' && !/^E\d{8}$/.test(row.code)) throw t.error('not a GSS code', { row: r, column: t.header[gss], value: row.code });
    out.push(row);
  }
  return out;
}

export interface MySocietyRow {
  code: string;
  formerCodes: string[];
  officialName: string;
  niceName: string;
  altNames: string[];
}

/** English upper-tier councils only (E06/E08/E09/E10 codes). */
export function parseMySociety(files: SourceFiles, id = 'lookup-mysociety-las', minRows = 300): MySocietyRow[] {
  const t = table(files, id, minRows);
  t.requireColumns(['gss-code', 'official-name', 'nice-name', 'alt-names', 'former-gss-codes']);
  const out: MySocietyRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const code = t.text(r, 'gss-code');
    if (!isLaCode(code)) continue;
    // Lists are comma-separated WITHOUT a space; names themselves contain ", "
    // ("Bournemouth, Christchurch and Poole"), so split only on a bare comma.
    const split = (s: string) =>
      s
        .split(/,(?!\s)/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
    out.push({
      code,
      formerCodes: split(t.text(r, 'former-gss-codes')).filter(isLaCode),
      officialName: t.text(r, 'official-name'),
      niceName: t.text(r, 'nice-name'),
      altNames: split(t.text(r, 'alt-names')),
    });
  }
  t.assertUniqueKeys((r) => t.text(r, 'gss-code') || `row${r}`, 'GSS code');
  return out;
}

export interface OnsCodeChange {
  oldCode: string;
  newCode: string;
  /** Calendar year from which the new code is used. */
  start: number;
}

/** Pure recodes (type "new_code") of English upper-tier councils. */
export function parseOnsRecodes(files: SourceFiles, id = 'lookup-ons-changes', minRows = 20): OnsCodeChange[] {
  const t = table(files, id, minRows);
  t.requireColumns(['oldcd', 'newcd', 'type', 'start']);
  const out: OnsCodeChange[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    if (t.text(r, 'type') !== 'new_code') continue;
    const oldCode = t.text(r, 'oldcd');
    const newCode = t.text(r, 'newcd');
    if (!isLaCode(oldCode) && !isLaCode(newCode)) continue; // Scottish recodes
    if (!isLaCode(oldCode) || !isLaCode(newCode)) {
      throw t.error('a recode must map one upper-tier LA code to another', { row: r, column: 'newcd', value: `${oldCode} → ${newCode}` });
    }
    const start = Number(t.text(r, 'start'));
    if (!Number.isInteger(start) || start < 2009 || start > 2100) {
      throw t.error('start is not a plausible year', { row: r, column: 'start', value: t.text(r, 'start') });
    }
    out.push({ oldCode, newCode, start });
  }
  return out;
}
