/**
 * The chart props normaliser (src/lib/figures/chart-props.ts) on the small
 * committed pipeline output in tests/fixtures/output (four councils,
 * 2020–2022): measure-first charts become rows with known fields, and what the
 * compile-time check cannot see (data computed by code) is checked when the
 * chart renders, with the story's file:line:col from __loc.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDataCache } from '../../../src/lib/data.ts';
import { normaliseChartProps } from '../../../src/lib/figures/chart-props.ts';
import { citedSources } from '../../../src/lib/figures/sources-collector.ts';

beforeEach(() => {
  process.env.DATA_OUTPUT_DIR = 'tests/fixtures/output';
  resetDataCache();
});

type Out = Record<string, unknown> & { data: Array<Record<string, unknown>> };
const norm = (kind: Parameters<typeof normaliseChartProps>[0], props: Record<string, unknown>, locals?: Record<string, unknown>) =>
  normaliseChartProps<Out>(kind, props, locals);
const LOC = 'src/content/stories/x.mdx:9:1';
const rows = [
  { year: 2020, area: 'England', value: 80000 },
  { year: 2021, area: 'England', value: 80850 },
];

describe('measure-first charts', () => {
  it('a LineChart of a measure fetches the rows and fills in fields, unit and the title years', () => {
    const locals: Record<string, unknown> = {};
    const o = norm('LineChart', { title: 'Children in care, {years}', measure: 'cla_count', areas: ['england', 'manchester'] }, locals);
    expect(o).toMatchObject({ x: 'year', y: 'value', z: 'area', unit: 'count', title: 'Children in care, 2020–2022' });
    expect(o.measure).toBeUndefined();
    // England, 31 March 2022: 82,170 children looked after (DfE, Children looked after in England 2022).
    expect(o.data.find((r) => r.area === 'England' && r.year === 2022)?.value).toBe(82170);
    expect(citedSources(locals)).toContain('cla-ees-2025');
  });
  it('a DotStrip of councils in one year takes highlight as a slug and shows the name', () => {
    const o = norm('DotStrip', { title: 'Councils, {year}', measure: 'cla_count', year: 2021, highlight: 'manchester' });
    expect(o).toMatchObject({ x: 'value', label: 'la', highlight: 'Manchester', title: 'Councils, 2021' });
  });
  it('spending is drawn in financial years', () => {
    expect(norm('LineChart', { title: 'Spend', measure: 'spend_total_gbp', areas: ['england'] })).toMatchObject({ xFormat: 'financial-year', unit: 'gbp' });
  });
});

describe('render-time checks name the story line', () => {
  const fails = (kind: Parameters<typeof normaliseChartProps>[0], props: Record<string, unknown>) => {
    try {
      norm(kind, { __loc: LOC, ...props });
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };
  it('a field not in the data', () => {
    expect(fails('LineChart', { title: 'T', data: rows, x: 'year', y: 'rate' })).toBe(
      `${LOC}: <LineChart title="T" … />\n    y="rate" is not a field of the data. The data's fields are "year", "area", "value". Nearest: "value".`,
    );
  });
  it('an empty data set', () => {
    expect(fails('LineChart', { title: 'T', data: [], x: 'year', y: 'value' })).toMatch(
      /^src\/content\/stories\/x\.mdx:9:1: .*\n\s+data: the data set is empty/,
    );
  });
  it('a unit outside the vocabulary, and one that contradicts the measure', () => {
    expect(fails('LineChart', { title: 'T', data: rows, x: 'year', y: 'value', unit: 'per 10k' })).toMatch(
      /unit: "per 10k" is not a unit\. Use one of "count", "per10k"/,
    );
    expect(fails('LineChart', { title: 'T', measure: 'cla_rate_per_10k', areas: ['england'], unit: 'percent' })).toMatch(
      /unit: "percent" contradicts the measure "cla_rate_per_10k"/,
    );
  });
  it('highlight of a council that is not in the chart', () => {
    expect(fails('DotStrip', { title: 'T', measure: 'cla_count', year: 2021, highlight: 'manchestr' })).toMatch(
      /highlight: no council "manchestr" in this chart\. Nearest valid choices: "manchester"/,
    );
  });
  it('a title naming years outside the data; a page chart (no __loc) is not held to it', () => {
    expect(fails('LineChart', { title: 'Children in care, 2024-25', data: rows, x: 'year', y: 'value' })).toMatch(
      /title: says "2024-25" but the chart's data cover 2020–2021/,
    );
    expect(() => norm('LineChart', { title: 'Children in care, 2024-25', data: rows, x: 'year', y: 'value' })).not.toThrow();
  });
  it('a chart whose values are all missing', () => {
    const missing = [{ year: 2011, area: 'England', value: null, missingReason: 'not_available' }];
    expect(fails('LineChart', { title: 'T', data: missing, x: 'year', y: 'value' })).toMatch(
      /y="value": every value is missing \(not_available\), so the chart would be empty/,
    );
  });
  it('both data and measure', () => {
    expect(fails('LineChart', { title: 'T', data: rows, measure: 'cla_count', areas: ['england'] })).toMatch(
      /give either data=\{…\} or measure=, areas=, not both/,
    );
  });
});
