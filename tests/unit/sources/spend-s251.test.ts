import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { normaliseDescription, ruleFor, S251_RULES, S251_YEARS } from '../../../scripts/data/sources/spend/blocks.ts';
import { parseS251, type S251Limits } from '../../../scripts/data/sources/spend/s251.ts';
import type { S251Year } from '../../../scripts/data/sources/spend/blocks.ts';

const FIX = new URL('../../fixtures/spend/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, FIX)));
const SMALL: S251Limits = { minRows: 1, minLas: 1 };
const where = (file: string, encoding: 'utf-8' | 'windows-1252' = 'windows-1252') => ({ source: `test-${file}`, file, encoding });
const parse = (file: string, year: S251Year, enc: 'utf-8' | 'windows-1252' = 'windows-1252', b: Uint8Array = bytes(file)) =>
  parseS251(b, year, where(file, enc), SMALL);

/** Edit the fixture's text (decoded as latin-1 so bytes round-trip) and return new bytes. */
function edit(file: string, f: (lines: string[]) => string[]): Uint8Array {
  const text = new TextDecoder('latin1').decode(bytes(file));
  const out = f(text.split('\n')).join('\n');
  return Uint8Array.from([...out].map((c) => c.charCodeAt(0)));
}

describe('S251 outturn: each layout', () => {
  it('2013-14 (ReportGroup layout, two LAs): blocks are the sums of the mapped lines', () => {
    const y = parse('s251-1314-two-las.csv', 2014);
    expect(y.las.map((l) => l.oldCode)).toEqual(['201', '202']);
    const camden = y.las[1]!;
    expect(camden.name).toBe('Camden');
    expect(camden.values.spend_cla_gbp).toBeCloseTo(28368651.34, 2);
    expect(camden.values.spend_safeguarding_gbp).toBeCloseTo(13368144.12, 2);
    expect(camden.values.spend_early_help_gbp).toBeCloseTo(12387171.58, 2);
    expect(camden.values.spend_family_support_gbp).toBeCloseTo(5785497.44, 2);
    expect(camden.values.spend_young_people_gbp).toBeCloseTo(6569516.31, 2);
    expect(camden.values.spend_youth_justice_gbp).toBeCloseTo(2021767.1, 2);
    expect(camden.values.spend_other_gbp).toBeCloseTo(5547406.57, 2);
    expect(camden.values.spend_total_gbp).toBeCloseTo(74048154.46, 2);
    expect(camden.tagged.social_work).toBeCloseTo(10327664.82, 2);
    expect(y.las[0]!.values.spend_total_gbp).toBeCloseTo(3416701.27, 2);
    expect(y.rowsRead).toBe(72);
  });

  it('2012-13 (Windows-1252, a quoted field with a line break): memorandum lines 34–35 are not counted', () => {
    const camden = parse('s251-1213-camden.csv', 2013).las[0]!;
    expect(camden.values.spend_cla_gbp).toBe(19955329);
    expect(camden.values.spend_safeguarding_gbp).toBe(11439806);
    expect(camden.values.spend_early_help_gbp).toBe(6090768);
    expect(camden.values.spend_young_people_gbp).toBe(6672838);
    expect(camden.values.spend_total_gbp).toBe(58254653);
  });

  it('2011-12 (truncated descriptions, NULL on memorandum lines): adoption and SGO counted in CLA', () => {
    const camden = parse('s251-1112-camden.csv', 2012).las[0]!;
    expect(camden.values.spend_cla_gbp).toBe(19707164);
    expect(camden.tagged.cla_published_total).toBe(17066149);
    expect(camden.values.spend_safeguarding_gbp).toBe(11525221);
    expect(camden.values.spend_early_help_gbp).toBe(6251228);
    expect(camden.values.spend_young_people_gbp).toBe(9466257);
    expect(camden.values.spend_total_gbp).toBe(60853580);
  });

  it('2010-11 (ReturnStatus column): the unlabelled line 47 is the young people subtotal, not added again', () => {
    const camden = parse('s251-1011-camden.csv', 2011).las[0]!;
    expect(camden.values.spend_young_people_gbp).toBe(8641944);
    expect(camden.values.spend_early_help_gbp).toBe(12596096);
    expect(camden.values.spend_total_gbp).toBe(59614695);
  });

  it('2008-09 (number inside the line reference, UTF-8): Sure Start and young people are a definition break', () => {
    const camden = parse('s251-0809-camden.csv', 2009, 'utf-8').las[0]!;
    expect(camden.values.spend_cla_gbp).toBeCloseTo(21697175.94, 2);
    expect(camden.values.spend_safeguarding_gbp).toBeCloseTo(12623120.64, 2);
    expect(camden.values.spend_family_support_gbp).toBeCloseTo(5333512.34, 2);
    expect(camden.values.spend_youth_justice_gbp).toBeCloseTo(2652073.31, 2);
    expect(camden.values.spend_other_gbp).toBeCloseTo(1814744.27, 2);
    expect(camden.values.spend_total_gbp).toBeCloseTo(44120626.49, 2);
    expect(camden.values.spend_early_help_gbp).toEqual({ missing: 'definition_break' });
    expect(camden.values.spend_young_people_gbp).toEqual({ missing: 'definition_break' });
  });
});

describe('S251 outturn: bad input is refused with file, row, column and value', () => {
  const F = 's251-1314-two-las.csv';

  it('a renamed column', () => {
    const b = edit(F, (l) => [l[0]!.replace('TotalExpenditure', 'GrossExpenditure'), ...l.slice(1)]);
    expect(() => parse(F, 2014, 'windows-1252', b)).toThrow(/expected column "TotalExpenditure" is missing/);
  });

  it('a duplicated row', () => {
    const b = edit(F, (l) => [...l.slice(0, 3), l[2]!, ...l.slice(3)]);
    expect(() => parse(F, 2014, 'windows-1252', b)).toThrow(/duplicate LA × line "201 line 2"/);
  });

  it('a non-numeric value in a line that is used', () => {
    // File row 7: City of London, line 6 Residential care; TotalExpenditure is its 10th cell.
    const b = edit(F, (l) => l.map((x, i) => (i === 6 ? x.replace('CHILDREN LOOKED AFTER,11171,0,0,0,11171,', 'CHILDREN LOOKED AFTER,11171,0,0,0,n/a,') : x)));
    try {
      parse(F, 2014, 'windows-1252', b);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).location).toMatchObject({ row: 7, column: 'TotalExpenditure', value: 'n/a' });
    }
  });

  it('a wrongly formatted LA code', () => {
    const b = edit(F, (l) => l.map((x, i) => (i === 3 ? x.replace(/^201,/, 'E09000001,') : x)));
    expect(() => parse(F, 2014, 'windows-1252', b)).toThrow(/row 4, column "LA", value "E09000001": the LA code is not a DfE three-digit code/);
  });

  it('a line that is not in the block mapping', () => {
    const b = edit(F, (l) => l.map((x) => x.replace("17 Other children's and families services", '17 Brand new service line')));
    expect(() => parse(F, 2014, 'windows-1252', b)).toThrow(/not in the block mapping/);
  });

  it('a truncated file (the last LA lacks its final lines)', () => {
    const b = edit(F, (l) => l.slice(0, -4));
    expect(() => parse(F, 2014, 'windows-1252', b)).toThrow(/the file looks truncated/);
  });

  it('too few LAs for a real file', () => {
    expect(() => parseS251(bytes(F), 2014, where(F), { minRows: 1, minLas: 100 })).toThrow(/only 2 LAs/);
  });

  it('leaf lines that do not add up to the published total', () => {
    // Camden's residential care (line 6) raised by £1m.
    const b = edit(F, (l) =>
      l.map((x) =>
        x.startsWith('202,Camden,6,')
          ? x.replace(
              /^(202,Camden,6,[^,]*,[^,]*,)([^,]*),([^,]*),([^,]*),([^,]*),([^,]*)/,
              (_m, p, a, b2, c, d, t) => `${p}${a},${b2},${c},${d},${Number(t) + 1e6}`,
            )
          : x,
      ),
    );
    expect(() => parse(F, 2014, 'windows-1252', b)).toThrow(/add up to .* but the published total excluding CERA/);
  });

  it('the wrong year for the layout (a 2013-14 file declared as 2008-09)', () => {
    expect(() => parse(F, 2009)).toThrow(/expected column "LEA Number:" is missing/);
  });
});

describe('S251 block mapping (blocks.ts)', () => {
  it('normalises line numbers, curly apostrophes, tabs and non-breaking spaces', () => {
    expect(normaliseDescription('11Short breaks (respite) for looked after disabled children')).toBe(
      'short breaks (respite) for looked after disabled children',
    );
    expect(normaliseDescription('17 Other children\u2019s and families services\t')).toBe("other children's and families services");
    expect(normaliseDescription('Youth work - (memorandum expenditure Included in\u00a0lines 29')).toBe(
      'youth work - (memorandum expenditure included in lines 29',
    );
  });

  it('adoption and special guardianship are in CLA in every year (S251 moved them there in 2012-13)', () => {
    for (const y of S251_YEARS) {
      expect(ruleFor(y, 'Adoption services').rule?.role).toEqual({ kind: 'block', block: 'spend_cla_gbp' });
      expect(ruleFor(y, 'Special guardianship support').rule?.role).toEqual({ kind: 'block', block: 'spend_cla_gbp' });
    }
  });

  it('totals including CERA, CERA, subtotals and memoranda are excluded with a reason', () => {
    expect(ruleFor(2014, "34 CHILDREN AND YOUNG PEOPLE'S SERVICES BUDGET (including CERA)").rule?.role.kind).toBe('excluded');
    expect(ruleFor(2014, "33 CHILDREN AND YOUNG PEOPLE'S SERVICES BUDGET (excluding CERA)").rule?.role.kind).toBe('total');
    expect(ruleFor(2011, 'Unknown').rule?.role).toMatchObject({ kind: 'excluded', reason: expect.stringMatching(/subtotal/) });
    expect(ruleFor(2013, '34 Substances misuse services (Drugs, alcohol and volatile substances)').rule?.role.kind).toBe('excluded');
    for (const rules of Object.values(S251_RULES)) {
      for (const r of rules) if (r.role.kind === 'excluded') expect(r.role.reason.length).toBeGreaterThan(10);
    }
  });

  it('an unknown description matches no rule', () => {
    expect(ruleFor(2014, '99 Something new').matches).toHaveLength(0);
  });
});
