import { describe, expect, it } from 'vitest';
import type { AreaYear, LaInfo, PanelRow } from '../../../contract/outputs.ts';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { parseAnomalyFile, screenAnomalies, staleDecisions, type AnomalyFile } from '../../../scripts/data/derive/anomalies.ts';

const RULES: AnomalyFile['rules'] = {
  measures: ['spend_total_gbp', 'cla_count'],
  spike: { factor: 2, neighbourSpread: 1.5, minValue: 50 },
  unit: { factor: 200 },
  vsEngland: { measures: ['spend_total_gbp', 'cla_count'], fallRatio: 0.6, riseRatio: 1.67, minChange: { spend_total_gbp: 2_000_000, cla_count: 50 } },
  vsSimilar: { measures: ['spend_per_child_gbp'], factor: 2.5, minNeighbours: 2 },
};

const row = (code: string, year: number, v: Partial<PanelRow>): PanelRow =>
  ({
    la_code: code,
    la_name: code,
    year,
    spend_basis: 'lait-s251',
    spend_total_gbp: null,
    cla_count: null,
    spend_per_child_gbp: null,
    missing: {},
    ...v,
  }) as PanelRow;
const series = (code: string, values: Array<number | null>, col: 'spend_total_gbp' | 'cla_count' = 'spend_total_gbp', from = 2016) =>
  values.map((v, i) => row(code, from + i, { [col]: v }));
const eng = (values: number[], col = 'spend_total_gbp', from = 2016): AreaYear[] =>
  values.map((v, i) => ({ code: 'E92000001', name: 'England', level: 'national', year: from + i, values: { [col]: v }, missing: {} }));
const la = (code: string, neighbours: string[] = []) => ({ code, statisticalNeighbours: neighbours }) as unknown as LaInfo;
const file = (decisions: AnomalyFile['decisions'] = []): AnomalyFile => ({ rules: RULES, decisions });
const screen = (panel: PanelRow[], england: AreaYear[] = eng([1e9, 1e9, 1e9, 1e9, 1e9]), las: LaInfo[] = [], f = file(), small = new Set<string>()) =>
  screenAnomalies(panel, england, las, f, small);

describe('anomaly screen', () => {
  it('a one-year spike that falls back (Salford-like: 60m, 137m, 64m)', () => {
    const a = screen(series('A', [59e6, 60e6, 137e6, 64e6, 65e6]));
    expect(a).toHaveLength(1); // the fall back in the next year is not a second anomaly
    expect(a[0]).toMatchObject({ la_code: 'A', year: 2018, measure: 'spend_total_gbp', rule: 'spike', value: 137e6, decision: null });
    expect(a[0]!.reason).toContain('2.1 times the years either side');
  });
  it('a likely unit slip (a figure in £ thousands among £)', () => {
    const a = screen(series('A', [60e6, 61e6, 62_000, 63e6, 64e6]));
    expect(a.map((x) => [x.year, x.rule])).toEqual([[2018, 'unit']]);
  });
  it('a fall of 40% or more against England, but not when England fell too', () => {
    expect(screen(series('A', [100e6, 100e6, 100e6, 100e6, 55e6])).map((x) => [x.year, x.rule])).toEqual([[2020, 'vs-england']]);
    expect(screen(series('A', [100e6, 100e6, 100e6, 100e6, 55e6]), eng([1e9, 1e9, 1e9, 1e9, 0.6e9]))).toEqual([]);
  });
  it('small changes in small numbers do not trip the England rule (minChange)', () => {
    expect(screen(series('A', [40, 40, 40, 40, 20], 'cla_count'), eng([8e4, 8e4, 8e4, 8e4, 8e4], 'cla_count'))).toEqual([]);
  });
  it('never compares across a break in the spending series', () => {
    const p = series('A', [30e6, 30e6, 30e6, 70e6, 70e6]);
    p[3]!.spend_basis = p[4]!.spend_basis = 'other-basis';
    expect(screen(p)).toEqual([]);
  });
  it('out of line with statistical neighbours; the small councils are skipped', () => {
    const p = [row('A', 2020, { spend_per_child_gbp: 3000 }), row('B', 2020, { spend_per_child_gbp: 1000 }), row('C', 2020, { spend_per_child_gbp: 1100 })];
    const las = [la('A', ['B', 'C']), la('B', ['A', 'C']), la('C', ['A', 'B'])];
    expect(screen(p, [], las).map((x) => [x.la_code, x.rule])).toEqual([['A', 'vs-similar']]);
    expect(screen(p, [], las, file(), new Set(['A']))).toEqual([]);
  });
  it('attaches the decision and note; a decision matching nothing is stale', () => {
    const d = {
      la_code: 'A',
      year: 2018,
      measure: 'spend_total_gbp',
      rule: 'spike' as const,
      decision: 'exclude-from-analysis' as const,
      note: 'misreported one-year figure',
    };
    const old = { ...d, year: 2011 };
    const f = file([d, old]);
    const a = screen(series('A', [59e6, 60e6, 137e6, 64e6, 65e6]), undefined, [], f);
    expect(a[0]).toMatchObject({ decision: 'exclude-from-analysis', note: 'misreported one-year figure' });
    expect(staleDecisions(a, f)).toEqual([old]);
  });
  it('reasons print rounded amounts that read well; the value stays exact', () => {
    const spike = screen(series('A', [59e6, 60_094_516, 137_275_852, 63_823_426, 65e6]));
    expect(spike[0]!.value).toBe(137_275_852);
    expect(spike[0]!.reason).toBe('£137.3m is 2.2 times the years either side (£60.1m in 2016-17, £63.8m in 2018-19): a one-year jump that falls back');
    expect(screen(series('A', [60e6, 61e6, 62_000, 63e6, 64e6]))[0]!.reason).toBe(
      "£62,000 is about 1/1,000 of the council's usual £62m (median of its other years): it looks like a figure entered in thousands",
    );
    expect(screen(series('A', [100e6, 100e6, 100e6, 100e6, 55e6]))[0]!.reason).toBe('−45% on 2018-19 (£100m → £55m) while England changed +0%');
    expect(screen(series('A', [1200, 1234, 3000, 1250, 1240], 'cla_count'), eng([8e4, 8e4, 8e4, 8e4, 8e4], 'cla_count'))[0]!.reason).toBe(
      '3,000 is 2.4 times the years either side (1,234 in 2017, 1,250 in 2019): a one-year jump that falls back',
    );
    const p = [row('A', 2020, { spend_per_child_gbp: 3000 }), row('B', 2020, { spend_per_child_gbp: 1000 }), row('C', 2020, { spend_per_child_gbp: 1100 })];
    const las = [la('A', ['B', 'C']), la('B', ['A', 'C']), la('C', ['A', 'B'])];
    expect(screen(p, [], las)[0]!.reason).toBe('£3,000 is 2.9 times the median of its 2 statistical neighbours (£1,050)');
  });
  it('the reviewed file: an unknown decision or a missing reason is a located error', () => {
    const bad = (d: object) => JSON.stringify({ rules: RULES, decisions: [d] });
    const ok = { la_code: 'E06000001', year: 2020, measure: 'cla_count', rule: 'spike', decision: 'keep', note: 'a genuine change' };
    expect(parseAnomalyFile(bad(ok), 'f.json').decisions).toHaveLength(1);
    expect(() => parseAnomalyFile(bad({ ...ok, decision: 'ignore' }), 'f.json')).toThrow(DataError);
    expect(() => parseAnomalyFile(bad({ ...ok, decision: 'ignore' }), 'f.json')).toThrow(
      /row 1, column "decision", value "ignore": not a decision\n {2}→ use one of keep, exclude-from-analysis, query-with-publisher/,
    );
    expect(() => parseAnomalyFile(bad({ ...ok, note: '' }), 'f.json')).toThrow(/a short reason/);
  });
});
