import { describe, expect, it } from 'vitest';
import ref from '../../fixtures/maps/breaks_reference.json';
import { MISSING_FILL, SCHEME } from '../../../src/lib/maps/classify.ts';
import { cellLabel, GRADE_COLOURS, GRADES, type LayerData, layerTitle, layerView, tableOrder, UNRANKED_FILL } from '../../../src/lib/maps/layers.ts';

const SMALL = ['E09000001', 'E06000053'];
const numeric: LayerData = {
  key: 'x_rate',
  kind: 'numeric',
  label: 'X per 10,000 children',
  unit: 'number',
  decimals: ref.decimals,
  timing: 'at-31-march',
  years: [2025],
  codes: ref.codes,
  unranked: SMALL,
  unrankedNote: 'They have a few hundred children each.',
  values: { '2025': ref.values },
  reasons: { '2025': { 3: 'suppressed' } },
  reasonText: { suppressed: 'Suppressed by the publisher' },
};

describe('layerView, numeric (reference: tests/fixtures/maps/breaks_reference.py, numpy quantiles)', () => {
  const v = layerView(numeric, 2025);
  const classes = v.key.filter((k) => k.kind === 'class');
  it('computes the colour breaks over the ranked councils only, leaving out the small councils', () => {
    const bounds = classes.map((k) => k.label);
    const fmt = (x: number) => x.toFixed(1);
    const edges = [ref.expected.min, ...ref.expected.breaks, ref.expected.max].map(fmt);
    expect(bounds).toEqual(edges.slice(0, -1).map((lo, i) => (i === edges.length - 2 ? `${lo} to ${edges[i + 1]}` : `${lo} to under ${edges[i + 1]}`)));
    expect(classes.map((k) => k.count)).toEqual(ref.expected.counts);
    expect(v.of).toBe(ref.expected.ranked);
  });
  it('ranks as scipy rankdata (competition, from the highest), without the small councils', () => {
    const got = Object.fromEntries(v.cells.filter((c) => c.rank !== null).map((c) => [c.code, c.rank]));
    expect(got).toEqual(ref.expected.ranks);
  });
  it('draws the small councils dotted as not ranked, keeps their figure, and says so in the key and their label', () => {
    for (const code of SMALL) {
      const c = v.cells.find((x) => x.code === code)!;
      expect(c).toMatchObject({ unranked: true, rank: null, fill: UNRANKED_FILL });
      expect(c.value).not.toBeNull();
    }
    expect(v.key.find((k) => k.kind === 'unranked')).toMatchObject({ count: 2, fill: UNRANKED_FILL });
    expect(cellLabel(numeric, 'Isles of Scilly', v.cells.at(-1)!, v.of)).toBe('Isles of Scilly: 3.2, not ranked (few children)');
    expect(v.method).toContain(`${ref.expected.ranked} ranked councils`);
  });
  it('hatches a missing value with its reason and counts it in the key', () => {
    const c = v.cells[3]!;
    expect(c).toMatchObject({ value: null, fill: MISSING_FILL, reason: 'Suppressed by the publisher', rank: null });
    expect(v.key.at(-1)).toMatchObject({ kind: 'missing', count: 1 });
    expect(cellLabel(numeric, 'Hartlepool', c, v.of)).toBe('Hartlepool: no figure, suppressed by the publisher');
  });
  it('colours ranked councils from the sequential scheme, darker = higher', () => {
    const top = v.cells.find((c) => c.rank === 1)!;
    const bottom = v.cells.find((c) => c.rank === ref.expected.ranked)!;
    expect(top.fill).toBe(SCHEME.at(-1));
    expect(bottom.fill).toBe(SCHEME[0]);
    expect(cellLabel(numeric, 'Top', top, v.of)).toMatch(/^Top: [\d.]+, highest of 17$/);
  });
  it('orders the table by rank, then the unranked, then the missing', () => {
    const order = tableOrder(numeric, v.cells, (c) => c).map((c) => c.code);
    expect(order.slice(0, 2)).toEqual(
      Object.entries(ref.expected.ranks)
        .sort((a, b) => a[1] - b[1])
        .slice(0, 2)
        .map(([c]) => c),
    );
    expect(order.slice(-3, -1).sort()).toEqual([...SMALL].sort());
    expect(order.at(-1)).toBe(ref.codes[3]);
  });
  it('fails naming the layer for a year it does not have or misaligned values', () => {
    expect(() => layerView(numeric, 2019)).toThrow(/x_rate: no year 2019/);
    expect(() => layerView({ ...numeric, values: { '2025': [1, 2] } }, 2025)).toThrow(/2 values for 20 councils/);
  });
});

describe('layerView, Ofsted grade', () => {
  const grades: LayerData = {
    ...numeric,
    key: 'ofsted_overall',
    kind: 'grade',
    label: 'Ofsted overall grade',
    unranked: [],
    codes: ['A', 'B', 'C', 'D', 'E', 'F'],
    values: { '2025': ['Good', 'Inadequate', 'Good', null, 'Outstanding', 'Requires improvement'] },
    reasons: { '2025': { 3: 'not_inspected' } },
    reasonText: { not_inspected: 'No Ofsted judgement counted at 31 March of this year' },
  };
  const v = layerView(grades, 2025);
  it('gives each grade its own colour, counts each grade and the councils with no judgement', () => {
    expect(v.key.map((k) => [k.label, k.count])).toEqual([
      ['Outstanding', 1],
      ['Good', 2],
      ['Requires improvement', 1],
      ['Inadequate', 1],
      ['No judgement', 1],
    ]);
    expect(v.cells.map((c) => c.fill)).toEqual([
      GRADE_COLOURS.Good,
      GRADE_COLOURS.Inadequate,
      GRADE_COLOURS.Good,
      MISSING_FILL,
      GRADE_COLOURS.Outstanding,
      GRADE_COLOURS['Requires improvement'],
    ]);
    expect(new Set(GRADES.map((g) => GRADE_COLOURS[g])).size).toBe(4);
    expect(v.cells.every((c) => c.rank === null)).toBe(true);
  });
  it('orders the table best grade first and labels without a rank', () => {
    expect(tableOrder(grades, v.cells, (c) => c).map((c) => c.code)).toEqual(['E', 'A', 'C', 'F', 'B', 'D']);
    expect(cellLabel(grades, 'Kent', v.cells[0]!, v.of)).toBe('Kent: Good');
  });
  it('rejects a value that is not one of the four grades', () => {
    expect(() => layerView({ ...grades, values: { '2025': ['Good', 'Fine', null, null, null, null] } }, 2025)).toThrow(/B has grade "Fine"/);
  });
  it('titles a year as Ofsted counts it', () => {
    expect(layerTitle(grades, 2025)).toBe('Ofsted overall grade, at 31 March 2025');
    expect(layerTitle({ label: 'Spending per child', timing: 'financial-year' }, 2024)).toBe('Spending per child, in 2023-24');
  });
});
