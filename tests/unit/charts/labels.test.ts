/**
 * The direct-label separation step (src/lib/charts/labels.ts): positions
 * against an independent constrained least-squares solver (scipy,
 * tests/fixtures/charts/label_separation_reference.py), and the properties
 * readers rely on: no two labels overlap, their order is their lines' order,
 * labels stay inside the plot when they fit. And the label wrapping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { separateLabels, wrapLabel } from '../../../src/lib/charts/labels.ts';

interface Case {
  name: string;
  targets: number[];
  heights: number[];
  lo: number;
  hi: number;
  gap: number;
  expected: number[];
}
const cases = JSON.parse(readFileSync(new URL('../../fixtures/charts/label-separation.json', import.meta.url), 'utf8')) as Case[];

function place(c: Pick<Case, 'targets' | 'heights' | 'lo' | 'hi' | 'gap'>): number[] {
  return separateLabels(
    c.targets.map((target, i) => ({ target, height: c.heights[i]! })),
    { min: c.lo, max: c.hi, gap: c.gap },
  );
}

describe('separateLabels', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: the least-squares positions an independent solver finds', (_, c) => {
    const got = place(c);
    got.forEach((y, i) => expect(y).toBeCloseTo(c.expected[i]!, 2));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: no overlaps, order preserved, inside the plot', (_, c) => {
    const got = place(c);
    const order = c.targets.map((_, i) => i).sort((a, b) => c.targets[a]! - c.targets[b]! || a - b);
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1]!, order[k]!];
      // b is below a, by at least their half-heights and the gap.
      expect(got[b]! - got[a]!).toBeGreaterThanOrEqual((c.heights[a]! + c.heights[b]!) / 2 + c.gap - 1e-9);
    }
    got.forEach((y, i) => {
      expect(y - c.heights[i]! / 2).toBeGreaterThanOrEqual(c.lo - 1e-9);
      expect(y + c.heights[i]! / 2).toBeLessThanOrEqual(c.hi + 1e-9);
    });
  });

  it('leaves labels that do not collide where they are', () => {
    expect(place({ targets: [150, 20, 80], heights: [16, 16, 16], lo: 0, hi: 200, gap: 2 })).toEqual([150, 20, 80]);
  });

  it('moves two colliding labels apart symmetrically about their mean', () => {
    const [a, b] = place({ targets: [100, 100], heights: [16, 16], lo: 0, hi: 200, gap: 2 });
    expect(b! - a!).toBeCloseTo(18, 9);
    expect((a! + b!) / 2).toBeCloseTo(100, 9);
    expect(a!).toBeLessThan(b!); // a tie keeps the input order
  });

  it('labels that cannot fit start at the top and keep their spacing', () => {
    const got = place({ targets: [5, 5, 5], heights: [16, 16, 16], lo: 0, hi: 30, gap: 2 });
    expect(got).toEqual([8, 26, 44]);
  });

  it('no labels, no positions', () => {
    expect(separateLabels([], { min: 0, max: 10 })).toEqual([]);
  });
});

describe('wrapLabel', () => {
  it('keeps a short name on one line', () => {
    expect(wrapLabel('Blackpool', 12, 2)).toEqual(['Blackpool']);
  });
  it('breaks at spaces within the width', () => {
    expect(wrapLabel('Kingston upon Hull, City of', 14, 2)).toEqual(['Kingston upon', 'Hull, City of']);
  });
  it('cuts what does not fit in the last line with an ellipsis', () => {
    const lines = wrapLabel('Bournemouth, Christchurch and Poole', 12, 2);
    expect(lines).toEqual(['Bournemouth,', 'Christchurc…']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(12);
  });
  it('cuts a single word longer than the width', () => {
    expect(wrapLabel('Northamptonshire', 10, 2)).toEqual(['Northampt…']);
  });
});
