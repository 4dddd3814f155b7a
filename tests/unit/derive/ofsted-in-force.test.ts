import { describe, expect, it } from 'vitest';
import type { Inspection, OfstedGrade } from '../../../contract/outputs.ts';
import { countedAt31March, distributionAs31March, distributionAt, judgementInForce, publicationCutoff } from '../../../scripts/data/derive/ofsted-in-force.ts';

const ins = (
  la: string,
  framework: Inspection['framework'],
  published: string,
  overall: OfstedGrade | null,
  inspection_start: string | null = null,
): Inspection => ({
  la_code: la,
  la_name: la,
  framework,
  type: framework,
  inspection_start,
  inspection_end: null,
  published,
  overall,
  judgements: {},
  source: 'test',
});

// Birmingham-like history: SLAC 2010 (no overall), SIF 2014, SIF re-inspection 2016, ILACS inspected Dec 2018 published Jan 2019
const A = 'E08000025';
const B = 'E09000003';
const history: Inspection[] = [
  ins(A, 'SLAC', '2010-07-16', null),
  ins(A, 'SIF', '2014-05-23', 'Inadequate'),
  ins(A, 'SIF', '2016-11-25', 'Requires improvement'),
  ins(A, 'ILACS', '2019-01-17', 'Good', '2018-12-03'),
  ins(B, 'SIF', '2017-07-07', 'Inadequate'),
  ins(B, 'ILACS', '2019-07-01', 'Good', '2019-05-13'),
];

describe('judgementInForce', () => {
  it('is null before any overall judgement (a SLAC report has none)', () => {
    expect(judgementInForce(history, A, '2012-03-31')).toBeNull();
  });
  it('counts a report from its publication day, not its inspection', () => {
    expect(judgementInForce(history, A, '2014-05-22')).toBeNull();
    expect(judgementInForce(history, A, '2014-05-23')?.overall).toBe('Inadequate');
    // inspected 3 Dec 2018 but published 17 Jan 2019: still the SIF re-inspection on 31 Dec 2018
    expect(judgementInForce(history, A, '2018-12-31')?.overall).toBe('Requires improvement');
    expect(judgementInForce(history, A, '2019-01-17')).toMatchObject({ framework: 'ILACS', overall: 'Good' });
  });
  it('a re-inspection replaces the first inspection, and an old judgement stays in force until replaced', () => {
    expect(judgementInForce(history, A, '2017-03-31')).toMatchObject({ published: '2016-11-25', overall: 'Requires improvement' });
    expect(judgementInForce(history, B, '2019-03-31')).toMatchObject({ framework: 'SIF', overall: 'Inadequate' });
  });
  it('is null for an LA with no inspections, and rejects a non-ISO date', () => {
    expect(judgementInForce(history, 'E06000001', '2020-03-31')).toBeNull();
    expect(() => judgementInForce(history, A, '31/03/2020')).toThrow(/not an ISO date/);
  });
  it('rejects two overall judgements published the same day for one LA', () => {
    expect(() => judgementInForce([...history, ins(A, 'ILACS', '2019-01-17', 'Inadequate')], A, '2020-01-01')).toThrow(/two overall judgements/);
  });
});

describe('distributionAt', () => {
  it('counts grades in force and lists LAs with none', () => {
    const d = distributionAt(history, '2018-03-31', [A, B, 'E06000001']);
    expect(d.counts).toEqual({ Outstanding: 0, Good: 0, 'Requires improvement': 1, Inadequate: 1 });
    expect(d.judged).toBe(2);
    expect(d.notJudged).toEqual(['E06000001']);
    expect(distributionAt(history, '2019-07-01').counts.Good).toBe(2);
  });
});

describe("countedAt31March (Ofsted's rule: inspected by 31 March, published by the cut-off)", () => {
  const C = 'E10000030';
  const h: Inspection[] = [
    ins(C, 'SIF', '2015-04-20', 'Inadequate'), // no inspection date: counts only once published by 31 March
    ins(C, 'ILACS', '2019-04-30', 'Requires improvement', '2019-03-04'), // inspected in March, published on the 2019 cut-off day
    ins(C, 'ILACS', '2023-05-01', 'Good', '2023-03-13'), // published a day after the 2023 cut-off (30 April)
    ins(C, 'ILACS', '2025-06-30', 'Outstanding', '2025-03-31'), // inspected on 31 March, published on the 2025 cut-off (30 June)
    ins(C, 'ILACS', '2025-05-09', 'Inadequate', '2025-04-01'), // inspected after 31 March: never counted for 2025
  ];
  it('the cut-off is 30 April up to 2023 and 30 June from 2024', () => {
    expect(publicationCutoff(2023)).toBe('2023-04-30');
    expect(publicationCutoff(2024)).toBe('2024-06-30');
  });
  it('a report without an inspection date counts only from 31 March after publication', () => {
    expect(countedAt31March(h, C, 2015)).toBeNull();
    expect(countedAt31March(h, C, 2016)?.overall).toBe('Inadequate');
  });
  it('counts a March inspection published by the cut-off, not one published a day later', () => {
    expect(countedAt31March(h, C, 2019)?.overall).toBe('Requires improvement');
    expect(judgementInForce(h, C, '2019-03-31')?.overall).toBe('Inadequate');
    expect(countedAt31March(h, C, 2023)?.overall).toBe('Requires improvement');
    expect(countedAt31March(h, C, 2024)?.overall).toBe('Good');
  });
  it('inspected on 31 March and published 30 June 2025 counts for 2025; an April inspection does not', () => {
    expect(countedAt31March(h, C, 2025)?.overall).toBe('Outstanding');
    expect(distributionAs31March(h, 2025).counts).toEqual({ Outstanding: 1, Good: 0, 'Requires improvement': 0, Inadequate: 0 });
  });
});
