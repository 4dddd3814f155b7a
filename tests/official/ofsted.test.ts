/**
 * Official figures and claim checks for Ofsted judgements, on the REAL mirror files.
 *
 * What is asserted and why it is the publisher's figure, not our code's opinion:
 *  - 2025 latest judgements: Ofsted's own sheet Inspections_as_at_31_March lists
 *    the latest overall judgement of each of the 153 LAs; the file prints no
 *    totals (its Notes/Cover carry none), so the counts are counts of the
 *    publisher's rows. Checked independently against the publisher's history sheet.
 *  - 2024 (Ofsted's rule, 30 June cut-off): the 2024 release is not in the mirror; its published
 *    counts and four of its grades are typed in from the release (read with
 *    tests/fixtures/ofsted/outcomes_2024_reference.py, which says where the file is).
 *  - SIF claims: the 2023 file prints, per LA, the publication date and grade of
 *    its first SIF inspection. Counting the LAs whose first SIF report was
 *    published on or before a date D is a count of the publisher's rows; the
 *    claims name a count (136 in 2017, 69 in 2015), which fixes D.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inspection, OfstedGrade } from '../../contract/outputs.ts';
import { countedAt31March, distributionAs31March, distributionAt, judgementInForce } from '../../scripts/data/derive/ofsted-in-force.ts';
import { readWorkbook } from '../../scripts/data/core/sheet.ts';
import { cellGrid, dateAt, gradeAt, gridTable, tidy } from '../../scripts/data/sources/ofsted/cells.ts';
import { makeNameResolver } from '../../scripts/data/sources/ofsted/names.ts';
import { crossCheckD2i, type D2iCheck } from '../../scripts/data/sources/ofsted/d2i-check.ts';
import { loadOfstedDetailed, type OfstedLoad } from '../../scripts/data/sources/ofsted/index.ts';
import { mirrorFiles } from '../fixtures/ofsted/build.ts';

let load: OfstedLoad;
let d2i: D2iCheck;
beforeAll(() => {
  const files = mirrorFiles(['ofsted-outcomes-2025', 'ofsted-csc-2023', 'ofsted-d2i-scrape']);
  load = loadOfstedDetailed(files);
  d2i = crossCheckD2i(files, load.inspections);
});

const GRADES: OfstedGrade[] = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];
function tally(grades: Array<OfstedGrade | null>): Record<OfstedGrade, number> {
  const t = { Outstanding: 0, Good: 0, 'Requires improvement': 0, Inadequate: 0 };
  for (const g of grades) if (g) t[g] += 1;
  return t;
}
/** First-SIF reports published on or before `date` (one per LA, Table 10 and Table 11). */
const firstSifBy = (date: string): Inspection[] => load.inspections.filter((i) => i.type === 'SIF' && i.published <= date);
const pct = (n: number, of: number): number => Math.round((100 * n) / of);

describe('ofsted-outcomes-2025: latest judgements of the 153 LAs', () => {
  it('has 153 LAs with this distribution of latest overall judgements', () => {
    expect(load.latest).toHaveLength(153);
    expect(tally(load.latest.map((l) => l.overall))).toEqual({ Outstanding: 36, Good: 67, 'Requires improvement': 31, Inadequate: 19 });
    // 103 of 153 = 67% good or outstanding (the main-findings headline is not in the mirror; this is the file's own rows)
    expect(pct(36 + 67, 153)).toBe(67);
  });
  it('in force on 31 March 2025 differs: reports published 1 April–30 June 2025 are in the latest table but not yet in force', () => {
    const codes = load.latest.map((l) => l.la_code);
    const d = distributionAt(load.inspections, '2025-03-31', codes);
    const publishedAfter = load.latest.filter((l) => l.published > '2025-03-31');
    expect(publishedAfter.length).toBeGreaterThan(0);
    expect(d.judged).toBe(153);
    // every LA whose latest report was published by 31 March has that judgement in force
    for (const l of load.latest.filter((x) => x.published <= '2025-03-31')) {
      expect(judgementInForce(load.inspections, l.la_code, '2025-03-31')).toMatchObject({ published: l.published, overall: l.overall });
    }
  });
  it('ILACS history: 271 reports (171 standard, 100 short), 3 from LAs that no longer exist', () => {
    const ilacs = load.inspections.filter((i) => i.framework === 'ILACS');
    expect(ilacs).toHaveLength(271);
    expect(ilacs.filter((i) => i.type === 'ILACS standard')).toHaveLength(171);
    expect(ilacs.every((i) => i.source === 'ofsted-outcomes-2025')).toBe(true);
  });
});

describe('ofsted-csc-2023: SLAC and SIF history, merged with 2025', () => {
  it('152 first SIF reports (148 LAs of 2023 + 4 pre-restructure), published 11 Feb 2014 – 8 Dec 2017', () => {
    const sif = load.inspections.filter((i) => i.type === 'SIF');
    expect(sif).toHaveLength(152);
    expect(sif.map((i) => i.published).sort()[0]).toBe('2014-02-11');
    expect(
      sif
        .map((i) => i.published)
        .sort()
        .at(-1),
    ).toBe('2017-12-08');
    expect(load.inspections.filter((i) => i.type === 'SIF re-inspection')).toHaveLength(21);
  });
  it('every 2023 ILACS report is the same as one in 2025, except one date typo (Nottingham)', () => {
    expect(load.unmatchedHistory).toEqual([]);
    expect(load.dateConflicts).toEqual([{ la_code: 'E06000018', la_name: 'Nottingham', published2023: '2022-11-05', published2025: '2022-09-05' }]);
  });
});

describe('claim (2015): "77 per cent of the 69 authorities inspected [under the SIF] were not good"', () => {
  // First-SIF reports published by 19 Oct 2015 number 69, and stay 69 until 26 Nov 2015 (4 more on 27 Nov).
  it('the count is 69 for cut-offs 19 October – 26 November 2015, and 53 of 69 (77%) were not good', () => {
    expect(firstSifBy('2015-10-18')).toHaveLength(68);
    expect(firstSifBy('2015-10-19')).toHaveLength(69);
    expect(firstSifBy('2015-11-26')).toHaveLength(69);
    expect(firstSifBy('2015-11-27')).toHaveLength(73);
    const t = tally(firstSifBy('2015-10-19').map((i) => i.overall));
    expect(t).toEqual({ Outstanding: 0, Good: 16, 'Requires improvement': 36, Inadequate: 17 });
    expect(pct(t.Inadequate + t['Requires improvement'], 69)).toBe(77);
  });
});

describe('claim (2017): "of 136 councils inspected under the SIF: 24% inadequate, 46% RI, 29% good, 1% outstanding"', () => {
  it('no publication cut-off gives exactly 136: 135 by 7 July 2017, 138 from 14 July (3 reports that day)', () => {
    expect(firstSifBy('2017-07-13')).toHaveLength(135);
    expect(firstSifBy('2017-07-14')).toHaveLength(138);
  });
  it('135 (to 7 July) is within one point of every claimed share; 136 = those + Warwickshire (RI, 14 July) matches exactly', () => {
    const at135 = tally(firstSifBy('2017-07-07').map((i) => i.overall));
    expect(at135).toEqual({ Outstanding: 2, Good: 40, 'Requires improvement': 61, Inadequate: 32 });
    const claim = { Inadequate: 24, 'Requires improvement': 46, Good: 29, Outstanding: 1 };
    for (const g of GRADES) expect(Math.abs(pct(at135[g], 135) - claim[g])).toBeLessThanOrEqual(1);
    const warks = load.inspections.find((i) => i.type === 'SIF' && i.la_name === 'Warwickshire')!;
    expect(warks).toMatchObject({ published: '2017-07-14', overall: 'Requires improvement' });
    const at136 = { ...at135, 'Requires improvement': at135['Requires improvement'] + 1 };
    for (const g of GRADES) expect(pct(at136[g], 136)).toBe(claim[g]);
  });
});

describe('cross-check with the Data to Insight scrape (not official)', () => {
  it('agrees on every in-scope ILACS publication date, start date and grade; only stale LA codes differ', () => {
    expect(d2i.checked).toBe(109);
    expect(d2i.agreed).toBe(109);
    expect(d2i.disagreements.filter((d) => d.field !== 'LA code')).toEqual([]);
    expect(d2i.disagreements.map((d) => `${d.la_name}: ${d.d2i} → ${d.official}`).sort()).toEqual([
      'buckinghamshire: E10000002 → E06000060',
      'cumberland: E10000006 → E06000063',
      'dorset: E10000009 → E06000059',
      'north yorkshire: E10000023 → E06000065',
      'westmorland and furness: E10000006 → E06000064',
    ]);
  });
});

/**
 * Ofsted's published "as at 31 March" lists, for every year the mirror has one:
 *  - 2025: ofsted-outcomes-2025, sheet Inspections_as_at_31_March (153 LAs);
 *  - 2023: ofsted-csc-2023, sheet LA_level_at_31_Mar_2023 (152 LAs, names and inspection dates only).
 * The panel's ofsted_overall (countedAt31March: inspected by 31 March, published by the release's cut-off) must give
 * the publisher's grade for every LA, hence its counts. The expected counts below are tallies of the
 * publisher's rows, typed in from the sheets, and the per-LA comparison reads the sheets independently.
 */
interface PublishedRow {
  la_code: string;
  la_name: string;
  inspection_date: string;
  overall: OfstedGrade;
}
function publishedAsAt2023(): PublishedRow[] {
  const files = mirrorFiles(['ofsted-csc-2023']);
  const f = files.get('ofsted-csc-2023')!;
  const where = { source: 'ofsted-csc-2023', file: f.entry.path };
  const sheet = 'LA_level_at_31_Mar_2023';
  const grid = cellGrid(readWorkbook(f.bytes, where, [sheet]), sheet, where);
  const h = grid.findIndex((r) => r.some((c) => tidy(c) === 'Local authority name'));
  const t = gridTable(grid, h, { ...where, sheet });
  const resolve = makeNameResolver(load.inspections.filter((i) => i.source === 'ofsted-outcomes-2025'));
  return t.rows.map((_, r) => {
    const name = tidy(t.text(r, 'Local authority name'));
    const code = resolve(name, 'current');
    if (!code) throw new Error(`name not resolved: ${name}`);
    return { la_code: code, la_name: name, inspection_date: dateAt(t, r, 'Inspection date')!, overall: gradeAt(t, r, 'Overall effectiveness')! };
  });
}

describe("Ofsted's rule: ofsted_overall reproduces Ofsted's published 'as at 31 March' counts", () => {
  it('2025: 36 outstanding, 67 good, 31 requires improvement, 19 inadequate (153 LAs), every LA as published', () => {
    const codes = load.latest.map((l) => l.la_code);
    const d = distributionAs31March(load.inspections, 2025, codes);
    expect(d.counts).toEqual({ Outstanding: 36, Good: 67, 'Requires improvement': 31, Inadequate: 19 });
    for (const l of load.latest)
      expect(countedAt31March(load.inspections, l.la_code, 2025), l.la_name).toMatchObject({ published: l.published, overall: l.overall });
  });
  it("2023 (cut-off 30 April): the 152 LAs of Ofsted's 31 March 2023 list, every grade and inspection date as published but one", () => {
    const pub = publishedAsAt2023();
    expect(pub).toHaveLength(152);
    expect(tally(pub.map((p) => p.overall))).toEqual({ Outstanding: 25, Good: 65, 'Requires improvement': 48, Inadequate: 14 });
    // The one exception is the publisher's: South Tyneside's inspection of 5 Dec 2022 is in Ofsted's 2023 list,
    // but its report was published on 10 May 2023 (2025 release), after the stated cut-off of 30 April.
    const differ = pub.filter((p) => {
      const c = countedAt31March(load.inspections, p.la_code, 2023);
      return c?.inspection_start !== p.inspection_date || c?.overall !== p.overall;
    });
    expect(differ.map((p) => p.la_name)).toEqual(['South Tyneside']);
    expect(load.inspections.find((i) => i.la_name === 'South Tyneside' && i.inspection_start === '2022-12-05')).toMatchObject({
      published: '2023-05-10',
      overall: 'Inadequate',
    });
    const d = distributionAs31March(
      load.inspections,
      2023,
      pub.map((p) => p.la_code),
    );
    expect(d.counts).toEqual({ Outstanding: 25, Good: 66, 'Requires improvement': 48, Inadequate: 13 });
  });
  // 2024: the release is not in the mirror, so its published figures are typed in here, read with
  // tests/fixtures/ofsted/outcomes_2024_reference.py (which says where the file is). Ofsted, "Local
  // authority inspection outcomes as at 31 March 2024" (30 August 2024), Cover: "Inspections as at
  // 31 March 2024, with a report published by 30 June 2024"; sheet Inspections_31_March_2024: 153 LAs.
  it("2024 (cut-off 30 June, from the 2024 release's own cover): 30 outstanding, 61 good, 43 requires improvement, 17 inadequate, 2 not graded", () => {
    const codes = load.latest.map((l) => l.la_code);
    const d = distributionAs31March(load.inspections, 2024, codes);
    expect(d.counts).toEqual({ Outstanding: 30, Good: 61, 'Requires improvement': 43, Inadequate: 17 });
    const byCode = new Map(load.latest.map((l) => [l.la_code, l.la_name]));
    expect(d.notJudged.map((c) => byCode.get(c)).sort()).toEqual(['Cumberland', 'Westmorland and Furness']);
    // Four grades in Ofsted's 2024 list come from reports published on 16 May 2024: a 30 April cut-off
    // (the rule up to 2023) would miss them, and the publication-date rule does.
    const published2024: Record<string, OfstedGrade> = {
      'Brighton and Hove': 'Outstanding',
      'Cheshire East': 'Inadequate',
      'Hammersmith and Fulham': 'Outstanding',
      Hartlepool: 'Outstanding',
    };
    const codeOf = new Map(load.latest.map((l) => [l.la_name.replace(' & ', ' and '), l.la_code]));
    for (const [name, grade] of Object.entries(published2024)) {
      const counted = countedAt31March(load.inspections, codeOf.get(name)!, 2024);
      expect(counted, name).toMatchObject({ overall: grade, published: '2024-05-16' });
      expect(judgementInForce(load.inspections, codeOf.get(name)!, '2024-03-31')?.overall, name).not.toBe(grade);
    }
  });
  it('the publication-date rule does NOT reproduce them (the reason for the change): 2023 and 2025 differ', () => {
    const d25 = distributionAt(
      load.inspections,
      '2025-03-31',
      load.latest.map((l) => l.la_code),
    );
    expect(d25.counts).toEqual({ Outstanding: 33, Good: 67, 'Requires improvement': 34, Inadequate: 19 });
    const d23 = distributionAt(
      load.inspections,
      '2023-03-31',
      publishedAsAt2023().map((p) => p.la_code),
    );
    expect(d23.counts).toEqual({ Outstanding: 25, Good: 64, 'Requires improvement': 50, Inadequate: 13 });
  });
  it("each current LA's page of Ofsted reports, from the 2025 release's own web links (153 councils, 151 pages)", () => {
    expect(Object.keys(load.reportPages)).toHaveLength(153);
    for (const url of Object.values(load.reportPages)) expect(url).toMatch(/^https:\/\/reports\.ofsted\.gov\.uk\/provider\/44\/\d+$/);
    // 151 distinct: the file gives North and West Northamptonshire one page (provider 44/941; one children's trust
    // serves both) and the City of London the same page as Islington (provider 44/206), as published.
    expect(new Set(Object.values(load.reportPages)).size).toBe(151);
    expect(load.reportPages.E06000061).toBe(load.reportPages.E06000062);
    expect(load.reportPages.E09000001).toBe(load.reportPages.E09000019);
  });
  it('Surrey: its Good (inspected before 31 March 2025, published 9 May 2025) is counted at 31 March 2025; the publication rule still says Requires improvement', () => {
    expect(countedAt31March(load.inspections, 'E10000030', 2025)).toMatchObject({ overall: 'Good', published: '2025-05-09' });
    expect(judgementInForce(load.inspections, 'E10000030', '2025-03-31')).toMatchObject({ overall: 'Requires improvement' });
  });
});
