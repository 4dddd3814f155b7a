import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestSchema, type SourceEntry } from '../../../contract/manifest.ts';
import type { AcquiredFile, SourceFiles } from '../../../scripts/data/core/acquire.ts';
import { financialYearsIn, loadMhclgNational, parseMhclgNational } from '../../../scripts/data/sources/spend/mhclg.ts';

/** A tiny workbook with the given sheets (rows copied from the real files' layouts). */
function workbook(sheets: Record<string, unknown[][]>, bookType: 'xlsx' | 'ods' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}
const rsRows = (
  title = 'Net current expenditure (£ thousand)',
  col = 'Children Social Care',
  england = 'ENGLAND',
  heading = 'Revenue Outturn Summary (RS): 2011-12 data',
): unknown[][] => [
  [heading],
  [],
  [title],
  [],
  [],
  ['E-code', 'Local authority', '', 'Class', '', 'Education services', 'Highways and transport services', col],
  [],
  ['E0101', 'Bath & North East Somerset UA', '', 'UA', '', 108673, 7899, 15784],
  ['E0102', 'Bristol UA', '', 'UA', '', 303217, 27301, 55573],
  ['', england, '', '', '', 40219115, 5000000, 6422715],
];
/** The RSX layout of 2023-24 (sheet "RSX_LA_Data_2023-24"), with the year in its title. */
const rsxRows = (year = '2023-24', net = 14454683.384092195): unknown[][] => [
  [`Worksheet 2: Revenue Outturn (RO) ${year}: Service Expenditure Summary (RSX) data`],
  ['Data is reported in £ thousand.'],
  [
    'E-code',
    'ONS Code',
    'Local authority',
    'Notes',
    'Class',
    'Children Social Care -  Total Expenditure\n (C3 = C1 + C2)',
    'Children Social Care -  Net Current Expenditure\n (C7 = C3 - C6)',
  ],
  ['E3831', 'E07000223', 'Adur', '', 'SD', '[x]', '[x]'],
  ['Eng', 'E92000001', 'ENGLAND', '', 'Eng', 15761771.338035915, net],
];
/** The three RS data sheets of an .xls workbook: (1) net current expenditure, (2) capital charges, (3) another table. */
const rsBook = (first = rsRows()) => ({
  'Front page': [['RS - REVENUE OUTTURN SUMMARY 2011-12']],
  'RS LA Data 2011-12 (1)': first,
  'RS LA Data 2011-12 (2)': rsRows('Capital charges (£ thousand)'),
  'RS LA Data 2011-12 (3)': rsRows('Income (£ thousand)'),
});
const W = { source: 'test', file: 'rs.xlsx', role: 'revenue-outturn-rs' } as const;
const WX = { source: 'test', file: 'rsx.ods', role: 'revenue-outturn-rsx' } as const;
const rsxBook = (sheet = 'RSX_LA_Data_202425', year = '2024-25', net = 15000000) => workbook({ Front_Page: [['x']], [sheet]: rsxRows(year, net) }, 'ods');

/** The real manifest (data/sources.json): the entries a new release is copied from. */
const REAL = ManifestSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/sources.json'), 'utf8')));
const realEntry = (id: string): SourceEntry => structuredClone(REAL.sources.find((s) => s.id === id)!);

/** SourceFiles holding the given manifest entries and their bytes. */
function files(list: { entry: SourceEntry; bytes: Uint8Array }[]): SourceFiles {
  return new Map<string, AcquiredFile>(list.map(({ entry, bytes }) => [entry.id, { entry, bytes, sha256: '', changed: false, from: 'mirror' }]));
}
/** A spend entry of the given role (the fields the reader uses; the rest as a real entry has them). */
const entry = (id: string, release: string, fields: Partial<SourceEntry> = {}): SourceEntry => ({
  ...realEntry('mhclg-rsx-2024-25'),
  id,
  release,
  path: `test/${id}.ods`,
  sha256: '',
  ...fields,
});

describe('MHCLG revenue outturn: England children social care', () => {
  it('RS layout: finds the net current expenditure sheet among the three, reads ENGLAND, £ thousand → £, pre-2014-15 scope', () => {
    const r = parseMhclgNational(workbook(rsBook()), W);
    expect(r).toMatchObject({ year: 2012, netCurrentGbp: 6422715000, scope: 'rs-pre-2014-15' });
    expect(r.grossGbp).toBeUndefined();
  });

  it('RSX layout (ODS): net and gross, with the 2014-15-on scope note; the year from the title and the sheet name', () => {
    const r = parseMhclgNational(workbook({ Front_Page: [['x']], 'RSX_LA_Data_2023-24': rsxRows() }, 'ods'), WX);
    expect(r).toMatchObject({ year: 2024, netCurrentGbp: 14454683384, grossGbp: 15761771338, scope: 'ro3-2014-15-on' });
    expect(r.note).toMatch(/not comparable with 2013-14/);
  });

  it('financial years are read in both spellings, and only when the second part follows the first', () => {
    expect(financialYearsIn('RSX_LA_Data_202425')).toEqual([2025]);
    expect(financialYearsIn('Revenue Outturn Summary (RS): 2011-12 data')).toEqual([2012]);
    expect(financialYearsIn('Revised 28-Nov-2013, 2013-15')).toEqual([]);
  });

  it('every real entry of the two roles is read, and no other (the RO3 files share the id prefix but not the role)', () => {
    const roles = REAL.sources.filter((s) => s.id.startsWith('mhclg-')).map((s) => [s.id, s.role ?? null]);
    expect(roles.filter(([, r]) => r === 'revenue-outturn-rs').length).toBe(5);
    expect(roles.filter(([, r]) => r === 'revenue-outturn-rsx').length).toBe(3);
    expect(roles.filter(([id]) => String(id).startsWith('mhclg-ro3-')).every(([, r]) => r === null)).toBe(true);
  });

  it('a new year is one manifest entry: a copy of the 2024-25 entry for 2025-26, with its own file, is read with no code change', () => {
    const next = {
      ...realEntry('mhclg-rsx-2024-25'),
      id: 'mhclg-rsx-2025-26',
      release: '2025-26',
      path: 'dfe/mhclg-revenue-outturn/RSX_2025-26_data_by_LA.ods',
      sha256: '',
    };
    delete next.bytes;
    // The fixture manifest: the real one plus the new entry, valid against the schema.
    const manifest = ManifestSchema.parse({ sources: [...REAL.sources, next] });
    const byId = (id: string) => manifest.sources.find((s) => s.id === id)!;
    const fs = files([
      { entry: byId('mhclg-rs-2011-12'), bytes: workbook(rsBook()) },
      { entry: byId('mhclg-rsx-2024-25'), bytes: rsxBook('RSX_LA_Data_202425', '2024-25', 15000000) },
      { entry: byId('mhclg-rsx-2025-26'), bytes: rsxBook('RSX_LA_Data_202526', '2025-26', 15500000) },
    ]);
    const years = loadMhclgNational(fs);
    expect(years.map((y) => [y.year, y.source, y.netCurrentGbp])).toEqual([
      [2012, 'mhclg-rs-2011-12', 6422715000],
      [2025, 'mhclg-rsx-2024-25', 15000000000],
      [2026, 'mhclg-rsx-2025-26', 15500000000],
    ]);
    expect(loadMhclgNational(fs, ['revenue-outturn-rs']).map((y) => y.year)).toEqual([2012]);
  });

  it("a new entry may name the data sheet ('sheet') when the publisher's sheet names change", () => {
    const fs = files([{ entry: entry('mhclg-rsx-2025-26', '2025-26', { sheet: 'Data 2025-26' }), bytes: rsxBook('Data 2025-26', '2025-26', 15500000) }]);
    expect(loadMhclgNational(fs).map((y) => [y.year, y.netCurrentGbp])).toEqual([[2026, 15500000000]]);
    // Without `sheet` the same file is refused, and the message says to name it.
    const unnamed = files([{ entry: entry('mhclg-rsx-2025-26', '2025-26'), bytes: rsxBook('Data 2025-26', '2025-26') }]);
    expect(() => loadMhclgNational(unnamed)).toThrow(
      /no sheet has the MHCLG RSX layout[\s\S]*sheets found: Front_Page, Data 2025-26\. Name the data sheet with "sheet" in this entry of data\/sources\.json/,
    );
  });

  it('a wrong "sheet" is refused naming the file, the sheet and what to do', () => {
    const fs = files([{ entry: entry('mhclg-rsx-2025-26', '2025-26', { sheet: 'RSX_LA_Data_202425' }), bytes: rsxBook('RSX_LA_Data_202526', '2025-26') }]);
    expect(() => loadMhclgNational(fs)).toThrow(
      /^source mhclg-rsx-2025-26, file test\/mhclg-rsx-2025-26\.ods, sheet "RSX_LA_Data_202425": the sheet named by the manifest entry \("sheet"\) is not in the file\n {2}→ sheets found: Front_Page, RSX_LA_Data_202526\. Correct "sheet" in this entry of data\/sources\.json/,
    );
  });

  it('a "sheet" that holds another table is refused naming the sheet and the rows looked at', () => {
    const fs = files([
      { entry: entry('mhclg-rs-2011-12', '2011-12', { role: 'revenue-outturn-rs', sheet: 'RS LA Data 2011-12 (2)' }), bytes: workbook(rsBook()) },
    ]);
    expect(() => loadMhclgNational(fs)).toThrow(
      /sheet "RS LA Data 2011-12 \(2\)": the sheet does not have the MHCLG RS layout: the rows above the header \(rows 1–5\) do not say \/net current expenditure[\s\S]*if "sheet" in this entry of data\/sources\.json names the wrong sheet, correct it/,
    );
  });

  it('a renamed column is refused naming the file, the sheet, the header row and the column looked for', () => {
    const rows = rsxRows('2025-26');
    rows[2]![6] = 'Childrens Social Care - Net Expenditure';
    const fs = files([{ entry: entry('mhclg-rsx-2025-26', '2025-26', { sheet: 'RSX_LA_Data_202526' }), bytes: workbook({ RSX_LA_Data_202526: rows }, 'ods') }]);
    expect(() => loadMhclgNational(fs)).toThrow(
      /^source mhclg-rsx-2025-26, file test\/mhclg-rsx-2025-26\.ods, sheet "RSX_LA_Data_202526", row 3, column "\^children social care - net current expenditure": the sheet does not have the MHCLG RSX layout: the header \(row 3\) has no column matching[\s\S]*update MHCLG_LAYOUTS/,
    );
  });

  it('an entry of an MHCLG series without its role is refused, not left out', () => {
    const fs = files([
      { entry: entry('mhclg-rsx-2024-25', '2024-25', { role: 'revenue-outturn-rsx' }), bytes: rsxBook() },
      { entry: entry('mhclg-rsx-2025-26', '2025-26', { role: undefined }), bytes: rsxBook('RSX_LA_Data_202526', '2025-26') },
    ]);
    expect(() => loadMhclgNational(fs)).toThrow(
      /source mhclg-rsx-2025-26.*same series as mhclg-rsx-2024-25 but has no role[\s\S]*"role": "revenue-outturn-rsx"/,
    );
    const typo = files([{ entry: entry('mhclg-rsx-2025-26', '2025-26', { role: 'revenue-outturn-rsx2' }), bytes: rsxBook() }]);
    expect(() => loadMhclgNational(typo)).toThrow(/unknown role for MHCLG revenue outturn/);
  });

  it('a file for another year than its entry says is refused, naming both years', () => {
    const fs = files([{ entry: entry('mhclg-rsx-2025-26', '2025-26'), bytes: rsxBook('RSX_LA_Data_202425', '2024-25') }]);
    expect(() => loadMhclgNational(fs)).toThrow(
      /source mhclg-rsx-2025-26, file test\/mhclg-rsx-2025-26\.ods.*the file is for 2024-25 but the manifest entry's release says 2025-26/,
    );
  });

  it('a sheet whose name and title disagree on the year is refused', () => {
    expect(() => parseMhclgNational(workbook({ RSX_LA_Data_202526: rsxRows('2024-25') }, 'ods'), WX)).toThrow(
      /states more than one financial year: 2024-25, 2025-26/,
    );
  });

  it('two entries for the same year are refused', () => {
    const b = rsxBook();
    const fs = files([
      { entry: entry('mhclg-rsx-2024-25', '2024-25'), bytes: b },
      { entry: entry('mhclg-rsx-2024-25-revised', '2024-25'), bytes: b },
    ]);
    expect(() => loadMhclgNational(fs)).toThrow(/mhclg-rsx-2024-25 and mhclg-rsx-2024-25-revised are both revenue outturn for the year ending 31 March 2025/);
  });

  it('an unrecognisable file is refused with the source, the file, the sheets found and what was looked for', () => {
    const fs = files([
      { entry: entry('mhclg-rsx-2025-26', '2025-26'), bytes: workbook({ Front_Page: [['x']], Summary: [['Local authority', 'Total']] }, 'ods') },
    ]);
    expect(() => loadMhclgNational(fs)).toThrow(
      /source mhclg-rsx-2025-26, file test\/mhclg-rsx-2025-26\.ods: no sheet has the MHCLG RSX layout: looked for a sheet named like "RS LA Data <year>".*\n.*sheets found: Front_Page, Summary/,
    );
  });

  it('a renamed service column is refused (the sheet found by name)', () => {
    expect(() => parseMhclgNational(workbook(rsBook(rsRows(undefined, "Children's services"))), W)).toThrow(
      /"RS LA Data 2011-12 \(1\)": the header \(row 6\) has no column matching \/\^children social care\$\//,
    );
  });

  it('a sheet whose title no longer says net current expenditure in £ thousand is refused', () => {
    expect(() => parseMhclgNational(workbook({ 'RS LA Data 2011-12': rsRows('Gross expenditure (£ million)') }), W)).toThrow(
      /"RS LA Data 2011-12": the rows above the header \(rows 1–5\) do not say \/net current expenditure/,
    );
  });

  it('an RS file given the RSX role is refused (the role says which layout to expect)', () => {
    expect(() => parseMhclgNational(workbook(rsBook()), WX)).toThrow(/no sheet has the MHCLG RSX layout/);
  });

  it('a sheet that does not state its year is refused', () => {
    expect(() => parseMhclgNational(workbook({ 'RS LA Data': rsRows(undefined, undefined, undefined, 'Revenue Outturn Summary (RS)') }), W)).toThrow(
      /does not state its financial year/,
    );
  });

  it('a missing ENGLAND row (truncated file) is refused', () => {
    expect(() => parseMhclgNational(workbook(rsBook(rsRows(undefined, undefined, 'WALES'))), W)).toThrow(/expected one ENGLAND row, found 0/);
  });

  it('a non-numeric England value names the cell', () => {
    const rows = rsRows();
    rows[9]![7] = 'n/a';
    expect(() => parseMhclgNational(workbook(rsBook(rows)), W)).toThrow(/row 10, column "Children Social Care", value "n\/a"/);
  });
});
