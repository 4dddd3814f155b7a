import { beforeEach, describe, expect, it } from 'vitest';
import { resetDataCache } from '../../../src/lib/data.ts';
import { ClaimError, verifyClaims } from '../../../src/lib/data/claims.ts';

beforeEach(() => {
  process.env.DATA_OUTPUT_DIR = 'tests/fixtures/output';
  resetDataCache();
});

describe('story claims', () => {
  it('pass when they match the data', () => {
    expect(() => verifyClaims('s', [{ text: 't', measure: 'cla_count', code: 'E92000001', year: 2022, value: 82170 }])).not.toThrow();
    expect(() => verifyClaims('s', [{ text: 't', measure: 'cla_count', code: 'E92000001', year: 2022, value: 82000, tolerance: 500 }])).not.toThrow();
    expect(() => verifyClaims('s', [{ text: 't', measure: 'cla_starts', code: 'E10000016', year: 2021, value: null }])).not.toThrow();
  });
  it('fail naming the story, claim and both values', () => {
    expect(() => verifyClaims('s', [{ text: 'eighty thousand', measure: 'cla_count', code: 'E92000001', year: 2022, value: 80000 }])).toThrow(ClaimError);
    expect(() => verifyClaims('s', [{ text: 'eighty thousand', measure: 'cla_count', code: 'E92000001', year: 2022, value: 80000 }])).toThrow(
      /s\.mdx claims\[0\] \("eighty thousand"\): claims 80000, data has 82170/,
    );
    expect(() => verifyClaims('s', [{ text: 'x', measure: 'cla_starts', code: 'E10000016', year: 2021, value: 5 }])).toThrow(/data has missing \(suppressed\)/);
    expect(() => verifyClaims('s', [{ text: 'x', measure: 'nope', code: 'E92000001', year: 2022, value: 1 }])).toThrow(/unknown measure "nope"/);
    expect(() => verifyClaims('s', [{ text: 'x', measure: 'cla_count', code: 'E92000001', year: 2030, value: 1 }])).toThrow(/Nearest years/);
  });
});
