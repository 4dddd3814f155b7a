import { describe, expect, it } from 'vitest';
import { laitFromRows, laitYear, levelOf } from '../../../scripts/data/sources/spend/lait.ts';

/** Small in-memory LAIT rows (values copied from the real files; parquet decoding is covered by tests/official/spend.test.ts). */
const BLOCKS_2024: Record<string, string> = {
  SureStartFinance: '4000000',
  TotalLACFinance: '30000000',
  'OtherChildren&FamilyFinance': '1000000',
  SafeguardingFinance: '15000000',
  FamilySupportFinance: '5000000',
  YoungPeopleFinance: '2000000',
  YouthJusticeFinance: '3000000',
};
function area(laNumber: number, name: string, years: string, total: string, over: Record<string, string> = {}) {
  const m = { ...BLOCKS_2024, 'C&YPExpenditure': total, ...over };
  return Object.entries(m).map(([k, v]) => ({ 'Short Desc': k, Years: years, 'LA and Regions': name, Values: v, 'LA Number': laNumber, Region: 'x' }));
}
const W = { source: 'lait-2026-04', file: 'bds_long_0.parquet' };
const rows = () => [
  { 'Short Desc': 'LAC', Years: '2024', 'LA and Regions': 'Camden', Values: '50', 'LA Number': 202 },
  ...area(202, 'Camden', '2023-24 (OT)', '60000000'),
  ...area(970, 'England', '2023-24 (OT)', '14825549524', {
    TotalLACFinance: '8139343017',
    SureStartFinance: '559597903',
    'OtherChildren&FamilyFinance': '133765327',
    SafeguardingFinance: '3445351116',
    FamilySupportFinance: '1736866798',
    YoungPeopleFinance: '474251049',
    YouthJusticeFinance: '336374315',
  }),
  ...area(986, 'London', '2023-24 (OT)', '60000000'),
  ...area(942, 'Cumberland', '2016-17 (OT)', '-', Object.fromEntries(Object.keys(BLOCKS_2024).map((k) => [k, '-']))),
];

describe('LAIT finance rows', () => {
  it('reads the eight finance measures, levels by LA number, years ending 31 March', () => {
    const f = laitFromRows(rows(), W, 1);
    expect(f.values).toHaveLength(32);
    const camdenCla = f.values.find((v) => v.oldCode === '202' && v.measure === 'spend_cla_gbp')!;
    expect(camdenCla).toMatchObject({ level: 'la', year: 2024, value: 30000000, name: 'Camden' });
    expect(f.values.find((v) => v.oldCode === '970' && v.measure === 'spend_total_gbp')).toMatchObject({ level: 'national', value: 14825549524 });
    expect(f.values.find((v) => v.oldCode === '986')?.level).toBe('regional');
    expect(f.values.find((v) => v.oldCode === '942')?.level).toBe('la');
    expect(f.inconsistencies).toEqual([]);
  });

  it('"-" becomes a typed gap, never zero', () => {
    const f = laitFromRows(rows(), W, 1);
    const c = f.values.filter((v) => v.oldCode === '942');
    expect(c.every((v) => typeof v.value === 'object' && v.value.missing === 'nil_or_not_applicable')).toBe(true);
  });

  it('C&YPExpenditure in £ thousands in the November 2024 release is converted to £', () => {
    const r = area(202, 'Camden', '2015-16 (OT)', '60000.000');
    const f = laitFromRows(r, { source: 'lait-2024-11', file: 'old.parquet' }, 1);
    expect(f.values.find((v) => v.measure === 'spend_total_gbp')?.value).toBe(60000000);
  });

  it('a unit error (thousands read as £) is refused', () => {
    const r = area(202, 'Camden', '2015-16 (OT)', '60000.000');
    expect(() => laitFromRows(r, W, 1)).toThrow(/the unit of C&YPExpenditure has changed/);
  });

  it('a small disagreement between total and blocks is reported, not hidden', () => {
    const r = [...rows(), ...area(871, 'Slough', '2017-18 (OT)', '60855314')];
    const f = laitFromRows(r, W, 1);
    expect(f.inconsistencies).toEqual([{ oldCode: '871', name: 'Slough', year: 2018, total: 60855314, sumOfBlocks: 60000000 }]);
  });

  it('widespread disagreement (the measures were redefined) is refused', () => {
    const r = Array.from({ length: 11 }, (_, i) => area(300 + i, `LA ${i}`, '2017-18 (OT)', '61000000')).flat();
    expect(() => laitFromRows(r, W, 1)).toThrow(/disagrees with the sum of the seven finance blocks in 11 of 11/);
  });

  it('a non-numeric value names the row and column', () => {
    const r = rows();
    r[3]!.Values = 'n/a';
    expect(() => laitFromRows(r, W, 1)).toThrow(/row 4, column "Values", value "n\/a": not a number/);
  });

  it('a malformed or out-of-range year is refused', () => {
    expect(() => laitFromRows(area(202, 'Camden', '2023/24', '60000000'), W, 1)).toThrow(/not a financial year/);
    expect(() => laitFromRows(area(202, 'Camden', '2023-25 (OT)', '60000000'), W, 1)).toThrow(/not a financial year/);
    // 2010 is LAIT's first year; the April 2026 release cannot hold outturn beyond 2026-27
    expect(() => laitFromRows(area(202, 'Camden', '1998-99 (OT)', '60000000'), W, 1)).toThrow(/outside 2010–2027/);
    expect(() => laitFromRows(area(202, 'Camden', '2027-28 (OT)', '60000000'), W, 1)).toThrow(/"2027-28 \(OT\)".*outside 2010–2027/);
  });

  it('a duplicated row is refused', () => {
    const r = rows();
    r.push({ ...r[2]! });
    expect(() => laitFromRows(r, W, 1)).toThrow(/duplicate measure × area × year/);
  });

  it('a wrongly formatted LA number is refused', () => {
    const r = rows();
    (r[2] as Record<string, unknown>)['LA Number'] = 'E09000007';
    expect(() => laitFromRows(r, W, 1)).toThrow(/not a three-digit DfE code/);
  });

  it('too few finance rows (a truncated file or renamed measures) is refused', () => {
    expect(() => laitFromRows(rows(), W)).toThrow(/only 32 finance rows; at least 1000 expected/);
  });

  it('year and level helpers', () => {
    expect(laitYear('2024-25 (OT)')).toBe(2025);
    expect(laitYear('2024')).toBeUndefined();
    expect(levelOf(970)).toBe('national');
    expect(levelOf(980)).toBe('regional');
    expect(levelOf(908)).toBe('la');
  });
});
