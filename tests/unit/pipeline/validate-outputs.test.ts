import { describe, expect, it } from 'vitest';
import type { Assembled } from '../../../scripts/data/assemble.ts';
import type { PanelRow } from '../../../contract/outputs.ts';
import type { Geography } from '../../../scripts/data/sources/geography.ts';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { OutputError, validateOutputs } from '../../../scripts/data/validate-outputs.ts';

const geography = { lasIn: (y: number) => (y === 2020 ? [{}, {}] : [{}]) } as unknown as Geography;
const row = (o: Partial<PanelRow>) => ({ la_code: 'E09000007', la_name: 'Camden', year: 2020, missing: {}, ...o }) as PanelRow;
const out = (panel: PanelRow[], england: Assembled['england'] = []): Assembled => ({
  panel,
  england,
  regions: [],
  revisions: [],
  files: new Map(),
  anomalies: [],
});

describe('validateOutputs', () => {
  it('passes a panel with one row per council existing each year', () => {
    expect(() => validateOutputs(out([row({}), row({ la_code: 'E06000001' }), row({ year: 2021 })]), geography)).not.toThrow();
  });

  it('reports duplicated and lost council-years', () => {
    expect(() => validateOutputs(out([row({}), row({}), row({ year: 2021 })]), geography)).toThrow(/duplicate panel row E09000007\|2020/);
    expect(() => validateOutputs(out([row({}), row({ year: 2021 })]), geography)).toThrow(/2020: 1 panel rows but 2 councils existed/);
  });

  it('reports impossible values with council, year and column', () => {
    const bad = [
      row({ cla_rate_per_10k: 900 } as Partial<PanelRow>),
      row({ la_code: 'E06000001', idaci_score: -0.1 } as Partial<PanelRow>),
      row({ year: 2021 }),
    ];
    const e = (() => {
      try {
        validateOutputs(out(bad), geography);
      } catch (x) {
        return x as Error;
      }
      throw new Error('no error');
    })();
    expect(e).toBeInstanceOf(OutputError);
    // a DataError (exit code 1, no stack trace) located at the first offending cell
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).location).toMatchObject({ file: 'la-panel.csv', row: 2, column: 'cla_rate_per_10k', value: 900 });
    expect(e.message).toContain('failed 2 check(s)');
    expect(e.message).toContain('Camden 2020 cla_rate_per_10k = 900 is outside [0, 500]');
    expect(e.message).toContain('idaci_score = -0.1 is outside [0, 1]');
  });

  it('rejects a non-England code in the England series', () => {
    expect(() => validateOutputs(out([row({}), row({ la_code: 'E06000001' })], [{ code: 'E12000007' } as Assembled['england'][number]]), geography)).toThrow(
      /england series holds E12000007/,
    );
  });
});
