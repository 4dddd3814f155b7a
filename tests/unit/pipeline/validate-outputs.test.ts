import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assembled } from '../../../scripts/data/assemble.ts';
import type { PanelRow } from '../../../contract/outputs.ts';
import type { Geography } from '../../../scripts/data/sources/geography.ts';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { CONTRACT_SCHEMAS, OutputError, validateAgainstContract, validateOutputs } from '../../../scripts/data/validate-outputs.ts';

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

/** The golden run's published files (tests/fixtures/golden/expected), as the pipeline hands them to publish. */
function goldenFiles(): Map<string, string> {
  const dir = join(import.meta.dirname, '../../fixtures/golden/expected');
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );
}

describe('validateAgainstContract', () => {
  it('passes the golden outputs, and checks every file the site reads', () => {
    const files = goldenFiles();
    expect(() => validateAgainstContract(files)).not.toThrow();
    expect(CONTRACT_SCHEMAS.map(([f]) => f).filter((f) => !files.has(f))).toEqual([]);
  });

  it('rejects an england.json without its deflators, naming the file and the field', () => {
    const files = goldenFiles();
    const england = JSON.parse(files.get('england.json')!);
    delete england.deflators;
    files.set('england.json', JSON.stringify(england));
    expect(() => validateAgainstContract(files)).toThrow(OutputError);
    expect(() => validateAgainstContract(files)).toThrow(/england\.json does not match its schema in contract\/schemas\.ts[\s\S]*\.deflators/);
  });

  it('rejects a panel row with a malformed LA code, naming its row', () => {
    const files = goldenFiles();
    const panel = JSON.parse(files.get('la-panel.json')!);
    panel.rows[3].la_code = 'E0900007';
    files.set('la-panel.json', JSON.stringify(panel));
    expect(() => validateAgainstContract(files)).toThrow(/la-panel\.json[\s\S]*\.rows\[3\]\.la_code: expected an E06\/E08\/E09\/E10 code/);
  });

  it('rejects a file that was not assembled', () => {
    const files = goldenFiles();
    files.delete('places.json');
    expect(() => validateAgainstContract(files)).toThrow(/places\.json was not assembled/);
  });
});
