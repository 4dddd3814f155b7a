import { describe, expect, it } from 'vitest';
import { anomaliesFor, getPanel, getPanelForAnalysis, isExcludedFromAnalysis, isSmallCouncil } from '../../../src/lib/data.ts';
import { EXCLUDED_BY_DEFAULT } from '../../../src/lib/analysis/sample.ts';

const SALFORD = 'E08000006';
describe('analyses honour exclude-from-analysis (data/anomaly-decisions.json)', () => {
  it('Salford 2019-20: total spend excluded, and spend per child with it; 2020-21 untouched', () => {
    expect(isExcludedFromAnalysis(SALFORD, 2020, 'spend_total_gbp')).toBe(true);
    expect(isExcludedFromAnalysis(SALFORD, 2020, 'spend_per_child_gbp')).toBe(true);
    expect(isExcludedFromAnalysis(SALFORD, 2021, 'spend_total_gbp')).toBe(false);
    const published = getPanel().rows.find((r) => r.la_code === SALFORD && r.year === 2020)!;
    const analysed = getPanelForAnalysis().find((r) => r.la_code === SALFORD && r.year === 2020)!;
    expect(published.spend_total_gbp).toBeGreaterThan(130e6); // the published figure stays on the council's page
    expect(analysed.spend_total_gbp).toBeNull();
    expect(analysed.spend_per_child_gbp).toBeNull();
    expect(analysed.missing.spend_per_child_gbp).toBe('excluded_from_analysis');
    expect(analysed.cla_count).toBe(published.cla_count);
  });
  it('kept and queried anomalies stay in the analyses but are listed for marking', () => {
    expect(isExcludedFromAnalysis('E06000055', 2019, 'cpp_count')).toBe(false);
    expect(anomaliesFor('E06000055', 2019).map((a) => a.decision)).toEqual(['query-with-publisher']);
  });
  it('one small-councils policy: the analyses exclude exactly the councils in data/small-councils.json', () => {
    expect(Object.keys(EXCLUDED_BY_DEFAULT).sort()).toEqual(['E06000053', 'E09000001']);
    expect(isSmallCouncil('E09000001') && isSmallCouncil('E06000053') && !isSmallCouncil(SALFORD)).toBe(true);
  });
});
