import { describe, expect, it } from 'vitest';
import type { AreaYear, LaInfo, PanelRow } from '../../../contract/outputs.ts';
import { PANEL_NUMERIC_COLUMNS } from '../../../contract/outputs.ts';
import { headlineFigure, median } from '../../../src/lib/councils/profile.ts';
import { measureDef, versusEngland } from '../../../src/lib/councils/measures.ts';

function row(code: string, name: string, year: number, values: Partial<Record<string, number | null>>, missing: Record<string, string> = {}): PanelRow {
  const base = Object.fromEntries(PANEL_NUMERIC_COLUMNS.map((c) => [c, null]));
  return {
    ...base,
    la_code: code,
    la_old_code: '000',
    la_name: name,
    region_code: 'E12000002',
    region: 'North West',
    year,
    spend_basis: null,
    ofsted_overall: null,
    ofsted_framework: null,
    ofsted_published: null,
    missing,
    ...values,
  } as PanelRow;
}
function la(code: string, name: string, neighbours: string[] = []): LaInfo {
  return {
    code,
    oldCode: '000',
    name,
    slug: name.toLowerCase(),
    aliases: [],
    regionCode: 'E12000002',
    region: 'North West',
    type: 'unitary',
    status: 'current',
    firstYear: 2010,
    lastYear: null,
    predecessors: [],
    successors: [],
    reorganisation: null,
    statisticalNeighbours: neighbours,
  };
}
const area = (code: string, name: string, year: number, v: number | null, missing = {}): AreaYear => ({
  code,
  name,
  level: code === 'E92000001' ? 'national' : 'regional',
  year,
  values: { cla_rate_per_10k: v },
  missing,
});

const las = [la('E1', 'Blackpool', ['E2', 'E3', 'E4']), la('E2', 'Hartlepool'), la('E3', 'Middlesbrough'), la('E4', 'Knowsley'), la('E5', 'Scilly')];
const panel = [
  row('E1', 'Blackpool', 2024, { cla_rate_per_10k: 182 }),
  row('E1', 'Blackpool', 2025, { cla_rate_per_10k: 184 }),
  row('E2', 'Hartlepool', 2025, { cla_rate_per_10k: 184 }),
  row('E3', 'Middlesbrough', 2025, { cla_rate_per_10k: 150 }),
  row('E4', 'Knowsley', 2025, { cla_rate_per_10k: null }, { cla_rate_per_10k: 'suppressed' }),
  row('E5', 'Scilly', 2025, { cla_rate_per_10k: null }, { cla_rate_per_10k: 'not_applicable' }),
];
const england = [area('E92000001', 'England', 2025, 67)];
const regions = [area('E12000002', 'North West', 2025, 105)];

describe('median', () => {
  it('handles odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('headlineFigure', () => {
  const input = { la: las[0]!, panel, england, regions, las };
  it('change on the previous year and where the council sits among all councils with a figure', () => {
    const f = headlineFigure(input, 'cla_rate_per_10k');
    // Blackpool 182 in 2024, 184 in 2025; 2025 figures: 184, 184, 150 (two without a figure are left out).
    expect(f.previous).toEqual({ year: 2024, value: 182 });
    expect(f.field).toEqual({ min: 150, median: 184, max: 184, n: 3 });
    expect(headlineFigure({ ...input, la: las[1]! }, 'cla_rate_per_10k').previous).toBeNull();
  });
  it('uses the latest year with a value and compares England, region and neighbours in that year', () => {
    const f = headlineFigure(input, 'cla_rate_per_10k');
    expect(f.year).toBe(2025);
    expect(f.value).toBe(184);
    expect(f.england?.value).toBe(67);
    expect(f.region?.value).toBe(105);
    expect(f.neighbours?.value).toBe(167); // median of 184 and 150; Knowsley suppressed
    expect(f.neighbours?.members).toEqual(['Hartlepool', 'Middlesbrough']);
  });
  it('writes a sentence with a tied rank among councils with a figure', () => {
    const f = headlineFigure(input, 'cla_rate_per_10k');
    expect(f.sentence).toBe(
      'At 31 March 2025 Blackpool had 184 children in care per 10,000 children: 2.7 times England’s 67, and the joint highest rate of the 3 councils with a figure.',
    );
    expect(f.rank).toMatchObject({ fromTop: 1, tiedWith: 2, of: 3, missing: 2 });
  });
  it('gives the reason, never a zero, when the council has no figure in any year', () => {
    const f = headlineFigure({ ...input, la: las[4]! }, 'cla_rate_per_10k');
    expect(f.value).toBeNull();
    expect(f.missing).toBe('not_applicable');
    expect(f.sentence).toMatch(/^Scilly has no figure for children looked after per 10,000 children in any year: not applicable/);
  });
  it('says when the latest year is missing and an earlier one is used', () => {
    const p2 = [
      ...panel.filter((r) => !(r.la_code === 'E1' && r.year === 2025)),
      row('E1', 'Blackpool', 2025, { cla_rate_per_10k: null }, { cla_rate_per_10k: 'suppressed' }),
    ];
    const f = headlineFigure({ ...input, panel: p2 }, 'cla_rate_per_10k');
    expect(f.year).toBe(2024);
    expect(f.sentence).toMatch(/There is no figure for 2025: suppressed by the publisher/);
  });
  it('rejects an unknown measure', () => {
    expect(() => headlineFigure(input, 'cla_rate')).toThrow(/Unknown measure "cla_rate"/);
  });
});

describe('headline spend in cash and in real terms', () => {
  // Real terms stop a year before cash: the deflator for the latest financial year is not published yet.
  const spend = [
    row('E1', 'Blackpool', 2024, { spend_per_child_gbp: 1200, spend_per_child_real_gbp: 1200 }),
    row('E1', 'Blackpool', 2025, { spend_per_child_gbp: 1300, spend_per_child_real_gbp: null }, { spend_per_child_real_gbp: 'no_deflator' }),
  ];
  const input = { la: las[0]!, panel: spend, england: [], regions: [], las, priceBaseYear: 2024 };
  it('cash is for the latest financial year with a figure', () => {
    const cash = headlineFigure(input, 'spend_per_child_gbp');
    expect([cash.year, cash.value, cash.staleNote]).toEqual([2025, 1300, null]);
    expect(cash.def.label).toBe('Spending per child, cash');
  });
  it('real terms name the price base from the data and say why the latest year is missing', () => {
    const real = headlineFigure(input, 'spend_per_child_real_gbp');
    expect([real.year, real.value]).toEqual([2024, 1200]);
    expect(real.def.label).toBe('Spending per child, at 2023-24 prices');
    expect(real.staleNote).toBe('There is no figure for 2024-25: no deflator published for this year yet.');
    expect(headlineFigure({ ...input, priceBaseYear: 2025 }, 'spend_per_child_real_gbp').def.label).toBe('Spending per child, at 2024-25 prices');
  });
});

describe('a council against England, in words', () => {
  const def = measureDef('cla_rate_per_10k');
  it.each([
    [67, 67, 'about the same as England (67)'],
    [65, 67, 'about the same as England (67)'],
    [75, 67, '12% above England’s 67'],
    [50, 67, '25% below England’s 67'],
    [134, 67, 'twice England’s 67'],
    [130, 67, '94% above England’s 67'],
    [184, 67, '2.7 times England’s 67'],
    [0, 67, 'against England’s 67'],
  ])('%d against %d: %s', (v, e, words) => expect(versusEngland(def, v, e)).toBe(words));
});
