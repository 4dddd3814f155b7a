/** Small hand-written pipeline outputs for the analysis unit tests. */
import type { Inspection, OfstedGrade, PanelRow } from '../../../contract/outputs.ts';
import { PANEL_NUMERIC_COLUMNS } from '../../../contract/outputs.ts';
import type { AnalysisInputs, EnglandOutput } from '../../../src/lib/analysis/types.ts';

export function row(code: string, year: number, values: Partial<PanelRow>): PanelRow {
  const nums = Object.fromEntries(PANEL_NUMERIC_COLUMNS.map((c) => [c, null])) as Record<(typeof PANEL_NUMERIC_COLUMNS)[number], null>;
  return {
    ...nums,
    la_code: code,
    la_old_code: '000',
    la_name: `Council ${code}`,
    region_code: 'E12000001',
    region: 'North East',
    year,
    spend_basis: 'lait-s251',
    ofsted_overall: null,
    ofsted_framework: null,
    ofsted_published: null,
    missing: {},
    ...values,
  };
}

const GRADES: OfstedGrade[] = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'];

/** 40 councils in 2017: spend rises with IDACI exactly (£300 + £2,000 × IDACI); grades cycle independently of spend. */
export function panelFixture(): PanelRow[] {
  const rows: PanelRow[] = [];
  for (let i = 0; i < 40; i++) {
    const idaci = 0.05 + i * 0.005;
    const spend = 300 + 2000 * idaci;
    rows.push(
      row(`E06${String(i).padStart(6, '0')}`, 2017, {
        spend_per_child_gbp: spend,
        spend_per_child_real_gbp: spend * 1.25,
        spend_total_gbp: 1e6 * spend,
        spend_cla_gbp: 0.5e6 * spend,
        idaci_score: idaci,
        ofsted_overall: GRADES[(i * 7) % 4]!,
        ofsted_framework: 'SIF',
      }),
    );
  }
  // The City of London: excluded by default, would dominate otherwise.
  rows.push(row('E09000001', 2017, { spend_per_child_gbp: 7000, idaci_score: 0.07, ofsted_overall: 'Good', spend_total_gbp: 1, spend_cla_gbp: 1 }));
  return rows;
}

export function englandFixture(): EnglandOutput {
  const area = (year: number, values: Record<string, number | null>) => ({
    code: 'E92000001',
    name: 'England',
    level: 'national' as const,
    year,
    values,
    missing: {},
  });
  return {
    series: [
      area(2016, { cla_count: 70400, cla_starts: 32170, spend_total_gbp: 9e9, spend_cla_gbp: 4e9 }),
      area(2017, { cla_count: 72600, cla_starts: 32940, spend_total_gbp: 9.2e9, spend_cla_gbp: 4.2e9 }),
      area(2019, { cla_count: 78140, cla_starts: 31780, spend_total_gbp: 9.9e9, spend_cla_gbp: 4.9e9 }),
      area(2020, { cla_count: 80000, cla_starts: 31010, spend_total_gbp: 10.5e9, spend_cla_gbp: 5.3e9 }),
    ],
    longRun: [],
    revisions: [
      {
        measure: 'cla_count',
        code: 'E92000001',
        name: 'England',
        year: 2017,
        first: { release: 'SFR50/2017', value: 72670 },
        latest: { release: '2024', value: 72600 },
      },
      {
        measure: 'cla_count',
        code: 'E92000001',
        name: 'England',
        year: 2016,
        first: { release: 'SFR41/2016', value: 70440 },
        latest: { release: '2024', value: 70400 },
      },
      {
        measure: 'cla_starts',
        code: 'E92000001',
        name: 'England',
        year: 2017,
        first: { release: 'SFR50/2017', value: 32810 },
        latest: { release: '2024', value: 32940 },
      },
    ],
    spendChecks: {
      socialWorkClaim: [
        { year: 2012, line: 'safeguarding_block', label: 'block', value: 1.9e9 },
        { year: 2014, line: 'safeguarding_block', label: 'block', value: 2.0e9 },
        { year: 2015, line: 'safeguarding_block', label: 'block', value: { missing: 'no_source' } },
      ],
    },
    deflators: {
      baseLabel: '2023-24 = 100',
      years: [
        { year: 2016, index: 80, approximate: false },
        { year: 2020, index: 88, approximate: true },
      ],
    },
  };
}

export function inspection(name: string, published: string, overall: OfstedGrade, type = 'SIF'): Inspection {
  return {
    la_code: `X-${name}`,
    la_name: name,
    framework: 'SIF',
    type,
    inspection_start: null,
    inspection_end: null,
    published,
    overall,
    judgements: {},
    source: 'fixture',
  };
}

export function inputs(over: Partial<AnalysisInputs> = {}): AnalysisInputs {
  return { panel: panelFixture(), england: englandFixture(), inspections: [], dataVersion: 'fixture', ...over };
}
