/**
 * Flags for a story chart of every council in one year (yearChartFlags): which councils are
 * ringed, what their notes say, and the note for values the analysis left out. Illustrative
 * anomalies (invented values and decisions), so the test needs no pipeline outputs.
 */
import { describe, expect, it } from 'vitest';
import type { Datum } from '../../../src/lib/charts/types.ts';
import { type Anomaly, yearChartFlags } from '../../../src/lib/councils/flags.ts';

const anomaly = (a: Partial<Anomaly>): Anomaly =>
  ({
    la_code: 'E00000000',
    la_name: 'A',
    year: 2025,
    measure: 'spend_total_gbp',
    value: 1,
    rule: 'spike',
    reason: 'a reason.',
    decision: 'keep',
    note: 'n',
    ...a,
  }) as Anomaly;

const rows: Datum[] = [
  { council: 'Bedford', spend: 900 },
  { council: 'Croydon', spend: 1100 },
  { council: 'Derby', spend: null, missingReason: 'excluded_from_analysis' },
];
const target = { measures: ['spend_per_child_gbp' as const], year: 2025, label: 'council', drawn: (r: Datum) => typeof r.spend === 'number' };

describe('yearChartFlags', () => {
  const anomalies = [
    anomaly({ la_name: 'Croydon', measure: 'spend_total_gbp', reason: '£20m is 2.5 times the years either side', decision: 'query-with-publisher' }),
    anomaly({ la_name: 'Bedford', measure: 'cpp_count', decision: 'keep' }), // not behind spend per child
    anomaly({ la_name: 'Bedford', year: 2024, measure: 'spend_total_gbp' }), // another year
    anomaly({ la_name: 'Derby', measure: 'population_0_17', decision: 'exclude-from-analysis' }),
    anomaly({ la_name: 'Exeter', measure: 'spend_total_gbp', decision: 'exclude-from-analysis' }), // not in the rows at all
  ];
  const { flags, leftOut } = yearChartFlags(anomalies, rows, target);

  it('rings only the drawn council whose charted measure, or one it is computed from, was flagged that year', () => {
    expect(flags).toEqual([
      {
        where: { council: 'Croydon' },
        note: '2024-25, Croydon: Total spend on children’s services, from which this figure is computed: £20m is 2.5 times the years either side. Kept; raised with the publisher.',
      },
    ]);
  });

  it('says how many and which councils the analysis left out, and for which year', () => {
    expect(leftOut).toBe(
      '2 councils are left out because the published figures behind their values look misreported: Derby (children aged 0 to 17, 2025), Exeter (total spend on children’s services, 2024-25). Their council pages show the figures as published.',
    );
  });

  it('no note when nothing was left out; a drawn excluded value is ringed, not listed', () => {
    const drawnExcluded = [anomaly({ la_name: 'Bedford', measure: 'spend_total_gbp', decision: 'exclude-from-analysis' })];
    const r = yearChartFlags(drawnExcluded, rows, target);
    expect(r.leftOut).toBeNull();
    expect(r.flags.map((f) => f.where)).toEqual([{ council: 'Bedford' }]);
    expect(r.flags[0]!.note).toMatch(/Shown as published, but left out of the analyses/);
  });
});
