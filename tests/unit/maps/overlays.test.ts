import { describe, expect, it } from 'vitest';
import { insetBox, labelBox, overlaps, placeLabels } from '../../../src/lib/maps/overlays.ts';

describe('insetBox', () => {
  it('takes the first candidate that covers no land, and fails naming the candidates when none is free', () => {
    const land = [{ x: 100, y: 100, w: 300, h: 500 }];
    const a = { x: 350, y: 0, w: 100, h: 90 };
    const b = { x: 0, y: 0, w: 90, h: 90 };
    expect(insetBox([{ x: 300, y: 50, w: 100, h: 100 }, a, b], land)).toEqual(a);
    expect(() => insetBox([{ x: 150, y: 150, w: 10, h: 10 }], land)).toThrow(/150,150 10×10/);
  });
});

describe('placeLabels', () => {
  const bounds = { x: 0, y: 0, w: 200, h: 200 };
  it('puts a name to the right of its dot when it fits', () => {
    const { placed } = placeLabels([{ label: 'Leeds', code: 'L', x: 50, y: 50 }], 10, bounds);
    expect(placed[0]).toMatchObject({ anchor: 'start' });
    expect(placed[0]!.box.x).toBeGreaterThan(50);
  });
  it('moves a name to the left at the right edge and never lets two names overlap', () => {
    const pts = [
      { label: 'Manchester', code: 'M', x: 100, y: 100 },
      { label: 'Salford', code: 'S', x: 104, y: 102 },
      { label: 'Edge', code: 'E', x: 195, y: 20 },
    ];
    const { placed, dropped } = placeLabels(pts, 10, bounds);
    expect(dropped).toEqual([]);
    expect(placed.find((p) => p.label === 'Edge')!.anchor).toBe('end');
    for (const p of placed) for (const q of placed) if (p !== q) expect(overlaps(p.box, q.box)).toBe(false);
  });
  it('keeps names off obstacles and drops a name with no free spot', () => {
    const box = labelBox('Xy', 10);
    const { placed, dropped } = placeLabels([{ label: 'Xy', code: 'X', x: 10, y: 10 }], 10, { x: 0, y: 0, w: 20, h: 20 }, [{ x: 0, y: 0, w: 5, h: 5 }]);
    expect(box.w).toBeCloseTo(12.4);
    expect(placed).toEqual([]);
    expect(dropped).toEqual(['Xy']);
  });
});
