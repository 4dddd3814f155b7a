import { beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { getPanel, resetDataCache } from '../../../src/lib/data.ts';
import { panelCsv } from '../../../src/lib/data/csv.ts';
import { ClaimError, verifyClaims } from '../../../src/lib/data/claims.ts';

beforeEach(() => {
  process.env.DATA_OUTPUT_DIR = 'tests/fixtures/output';
  resetDataCache();
});

describe('panel CSV', () => {
  it('round-trips: one row per panel row, blanks for missing with the reason alongside', () => {
    const { columns, rows } = getPanel();
    const csv = panelCsv(columns, rows);
    const parsed = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(rows.length);
    expect(parsed.meta.fields?.at(-1)).toBe('missing_reasons');
    expect(parsed.meta.fields).not.toContain('missing');
    const kent21 = parsed.data.find((r) => r.la_code === 'E10000016' && r.year === '2021')!;
    expect(kent21.cla_starts).toBe('');
    expect(kent21.missing_reasons).toBe('cla_starts:suppressed');
    expect(kent21.cla_count).toBe(String(rows.find((r) => r.la_code === 'E10000016' && r.year === 2021)!.cla_count));
  });

  it('quotes cells with commas and quotes', () => {
    const { columns, rows } = getPanel();
    const row = { ...rows[0]!, la_name: 'Bournemouth, Christchurch and "Poole"' };
    expect(panelCsv(columns, [row])).toContain('"Bournemouth, Christchurch and ""Poole"""');
  });
});

describe('story claims', () => {
  it('pass when they match the data', () => {
    expect(() => verifyClaims('s', [{ text: 't', measure: 'cla_count', code: 'E92000001', year: 2022, value: 82170 }])).not.toThrow();
    expect(() => verifyClaims('s', [{ text: 't', measure: 'cla_count', code: 'E92000001', year: 2022, value: 82000, tolerance: 500 }])).not.toThrow();
    expect(() => verifyClaims('s', [{ text: 't', measure: 'cla_starts', code: 'E10000016', year: 2021, value: null }])).not.toThrow();
  });
  it('fail naming the story, claim and both values', () => {
    expect(() => verifyClaims('s', [{ text: 'eighty thousand', measure: 'cla_count', code: 'E92000001', year: 2022, value: 80000 }])).toThrow(ClaimError);
    expect(() => verifyClaims('s', [{ text: 'eighty thousand', measure: 'cla_count', code: 'E92000001', year: 2022, value: 80000 }])).toThrow(/s\.mdx claims\[0\] \("eighty thousand"\): claims 80000, data has 82170/);
    expect(() => verifyClaims('s', [{ text: 'x', measure: 'cla_starts', code: 'E10000016', year: 2021, value: 5 }])).toThrow(/data has missing \(suppressed\)/);
    expect(() => verifyClaims('s', [{ text: 'x', measure: 'nope', code: 'E92000001', year: 2022, value: 1 }])).toThrow(/unknown measure "nope"/);
    expect(() => verifyClaims('s', [{ text: 'x', measure: 'cla_count', code: 'E92000001', year: 2030, value: 1 }])).toThrow(/Nearest years/);
  });
});
