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

import { headlineFigures } from '../../../src/lib/councils/profile.ts';
import { getEngland, getLa, getLas, getRegions } from '../../../src/lib/data.ts';

describe('small-councils policy on council pages: not ranked, and not in the field of others’ ranks', () => {
  const input = (code: string) => ({ la: getLa(code)!, panel: getPanel().rows, england: getEngland().series, regions: getRegions(), las: getLas() });
  it('City of London has figures but no ranks', () => {
    const f = headlineFigures(input('E09000001'));
    expect(f.some((x) => x.value !== null)).toBe(true);
    expect(f.every((x) => x.rank === null)).toBe(true);
  });
  it("Camden's ranks are out of the councils with a value, less the two small councils", () => {
    // children in need per 10,000: both small councils have a figure (City of London 814.6, Isles of Scilly 501.6 in 2025)
    const f = headlineFigures(input('E09000007')).find((x) => x.def.measure === 'cin_rate_per_10k' && x.rank !== null)!;
    const field = getPanel().rows.filter((r) => r.year === f.year && r.cin_rate_per_10k !== null);
    const small = field.filter((r) => isSmallCouncil(r.la_code)).length;
    expect(small).toBe(2);
    expect(f.rank!.of).toBe(field.length - small);
  });
});

import { spendGradeRows } from '../../../src/lib/stories/analysis.ts';

// The old analyses' caveats (which named these) were never rendered and are gone; the story samples still
// leave the excluded values out.
describe('story samples leave out the values excluded after review', () => {
  it('Salford is not in the 2019-20 spend-and-grade sample but is in 2020-21', () => {
    const salford = getLa(SALFORD)!.name;
    expect(spendGradeRows(2020).map((r) => r.council)).not.toContain(salford);
    expect(spendGradeRows(2021).map((r) => r.council)).toContain(salford);
  });
});
