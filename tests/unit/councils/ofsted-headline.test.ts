import { describe, expect, it } from 'vitest';
import type { Inspection, PanelRow } from '../../../contract/outputs.ts';
import { ofstedHeadline } from '../../../src/lib/councils/ofsted-headline.ts';
import { getInspections, getLaRows, ofstedReportPage } from '../../../src/lib/data.ts';

const ins = (published: string, overall: Inspection['overall'], inspection_start: string | null = null) =>
  ({
    la_code: 'E10000030',
    la_name: 'Surrey',
    framework: 'ILACS',
    type: 'ILACS standard',
    inspection_start,
    inspection_end: null,
    published,
    overall,
    judgements: {},
    source: 't',
  }) as Inspection;
const row = (year: number, grade: PanelRow['ofsted_overall'], published: string | null) =>
  ({ year, ofsted_overall: grade, ofsted_published: published }) as PanelRow;

describe('ofstedHeadline', () => {
  it('the current judgement is the latest published report, whatever the 31 March count says', () => {
    const h = ofstedHeadline(
      [ins('2022-05-01', 'Requires improvement'), ins('2026-01-10', 'Good', '2025-11-03')],
      row(2025, 'Requires improvement', '2022-05-01'),
      null,
    );
    expect(h.current).toMatchObject({ grade: 'Good', published: '2026-01-10' });
    expect(h.differs).toBe(true);
  });
  it('a report published after 31 March but counted at that date is flagged as such, not as different', () => {
    const h = ofstedHeadline(
      [ins('2022-05-01', 'Requires improvement'), ins('2025-05-09', 'Good', '2025-03-17')],
      row(2025, 'Good', '2025-05-09'),
      'https://reports.ofsted.gov.uk/provider/44/1',
    );
    expect(h).toMatchObject({ differs: false, countedAfterMarch: true, link: 'https://reports.ofsted.gov.uk/provider/44/1' });
  });
  it('Surrey on the real data: Good, published 9 May 2025, counted at 31 March 2025, with its Ofsted page', () => {
    const rows = getLaRows('E10000030');
    const h = ofstedHeadline(getInspections('E10000030'), rows.at(-1), ofstedReportPage('E10000030'));
    expect(h.current).toMatchObject({ grade: 'Good', published: '2025-05-09' });
    expect(h).toMatchObject({ differs: false, countedAfterMarch: true });
    expect(h.link).toMatch(/^https:\/\/reports\.ofsted\.gov\.uk\/provider\/44\/\d+$/);
  });
});

describe('ofstedReportPage', () => {
  it('a page shared by councils formed from the same council is kept; one shared with an unrelated council is not', () => {
    expect(ofstedReportPage('E06000061')).toBe(ofstedReportPage('E06000062'));
    expect(ofstedReportPage('E06000061')).toMatch(/^https:\/\/reports\.ofsted\.gov\.uk\//);
    expect(ofstedReportPage('E09000001')).toBeNull(); // the file gives the City of London Islington's page
    expect(ofstedReportPage('E09000019')).toBeNull();
  });
});
