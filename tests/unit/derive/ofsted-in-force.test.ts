import { describe, expect, it } from 'vitest';
import type { Inspection, OfstedGrade } from '../../../scripts/data/contract.ts';
import { distributionAt, judgementInForce } from '../../../scripts/data/derive/ofsted-in-force.ts';

const ins = (la: string, framework: Inspection['framework'], published: string, overall: OfstedGrade | null, inspection_start: string | null = null): Inspection => ({
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
