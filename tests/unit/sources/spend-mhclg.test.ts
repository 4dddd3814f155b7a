import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { MHCLG_SPECS, parseMhclgNational } from '../../../scripts/data/sources/spend/mhclg.ts';

/** A tiny workbook in the RS layout (rows copied from the 2011-12 file) or the RSX layout. */
function workbook(sheet: string, rows: unknown[][], bookType: 'xlsx' | 'ods' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}
const RS = MHCLG_SPECS.find((s) => s.id === 'mhclg-rs-2011-12')!;
const RSX = MHCLG_SPECS.find((s) => s.id === 'mhclg-rsx-2023-24')!;
const rsRows = (title = 'Net current expenditure (£ thousand)', col = 'Children Social Care', england = 'ENGLAND'): unknown[][] => [
  ['Revenue Outturn Summary (RS): 2011-12 data'],
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
const W = { source: 'test', file: 'rs.xlsx' };

describe('MHCLG revenue outturn: England children social care', () => {
  it('RS layout: reads the ENGLAND row, £ thousand → £, with the pre-2014-15 scope', () => {
    const r = parseMhclgNational(workbook(RS.sheet, rsRows()), RS, W);
    expect(r).toMatchObject({ year: 2012, netCurrentGbp: 6422715000, scope: 'rs-pre-2014-15' });
    expect(r.grossGbp).toBeUndefined();
  });

  it('RSX layout (ODS): net and gross, with the 2014-15-on scope note', () => {
    const rows = [
      ['Worksheet 2: Revenue Outturn (RO) 2023-24: Service Expenditure Summary (RSX) data'],
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
      ['Eng', 'E92000001', 'ENGLAND', '', 'Eng', 15761771.338035915, 14454683.384092195],
    ];
    const r = parseMhclgNational(workbook(RSX.sheet, rows, 'ods'), RSX, { source: 'test', file: 'rsx.ods' });
    expect(r).toMatchObject({ year: 2024, netCurrentGbp: 14454683384, grossGbp: 15761771338, scope: 'ro3-2014-15-on' });
    expect(r.note).toMatch(/not comparable with 2013-14/);
  });

  it('a renamed service column is refused', () => {
    expect(() => parseMhclgNational(workbook(RS.sheet, rsRows(undefined, "Children's services")), RS, W)).toThrow(/no header row found/);
  });

  it('a sheet whose title no longer says net current expenditure in £ thousand is refused', () => {
    expect(() => parseMhclgNational(workbook(RS.sheet, rsRows('Gross expenditure (£ million)')), RS, W)).toThrow(/sheet title does not say/);
  });

  it('a missing ENGLAND row (truncated file) is refused', () => {
    expect(() => parseMhclgNational(workbook(RS.sheet, rsRows(undefined, undefined, 'WALES')), RS, W)).toThrow(/expected one ENGLAND row, found 0/);
  });

  it('a non-numeric England value names the cell', () => {
    const rows = rsRows();
    rows[9]![7] = 'n/a';
    expect(() => parseMhclgNational(workbook(RS.sheet, rows), RS, W)).toThrow(/row 10, column "Children Social Care", value "n\/a"/);
  });

  it('a missing sheet is refused', () => {
    expect(() => parseMhclgNational(workbook('Other', rsRows()), RS, W)).toThrow(/sheet "RS LA Data 2011-12 \(1\)" is missing/);
  });
});
