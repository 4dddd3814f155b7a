/** The map's layers and overlays on the real pipeline outputs (data/output/). */
import { describe, expect, it } from 'vitest';
import { getEngland, getLas, getPanel, priceBaseYear } from '../../../src/lib/data.ts';
import { comparePayload } from '../../../src/lib/councils/compare.ts';
import { financialYear } from '../../../contract/years.ts';
import { boundaryMap } from '../../../src/lib/maps/geo.ts';
import { layerView } from '../../../src/lib/maps/layers.ts';
import { layerData, layerMeta, mapLayerKeys } from '../../../src/lib/maps/mapdata.ts';
import { overlaps } from '../../../src/lib/maps/overlays.ts';
import { MEASURES } from '../../../src/lib/councils/measures.ts';
import places from '../../../data/map-places.json';

const SMALL = ['E09000001', 'E06000053'];

describe('map layers from the panel', () => {
  const rows = getPanel().rows;
  const las = getLas();
  it('the real-terms layer names its prices from the deflators in the data, never a year typed in code', () => {
    const base = priceBaseYear();
    expect(base).toBe(getEngland().deflators!.baseYear);
    expect(layerMeta(rows, 'spend_per_child_real_gbp', base).label).toBe(`Spending per child, at ${financialYear(base!)} prices`);
    expect(layerMeta(rows, 'spend_per_child_real_gbp', 2031).label).toBe('Spending per child, at 2030-31 prices');
    expect(layerMeta(rows, 'spend_per_child_real_gbp').label).toBe('Spending per child, real terms');
    const compare = comparePayload(rows, las, getEngland().series, () => [], base);
    expect(compare.measures.find((m) => m.key === 'spend_per_child_real_gbp')?.label).toBe(`Spending per child, at ${financialYear(base!)} prices`);
  });
  it('offer every council-page measure and the Ofsted grade', () => {
    expect(mapLayerKeys()).toEqual([...Object.keys(MEASURES), 'ofsted_overall']);
  });
  it.each(mapLayerKeys())('%s: every year the panel has a value for, 153 councils each year', (key) => {
    const layer = layerData(rows, las, key);
    const col = key === 'ofsted_overall' ? 'ofsted_overall' : MEASURES[key]!.measure;
    const years = [...new Set(rows.filter((r) => r[col] !== null).map((r) => r.year))].sort((a, b) => b - a);
    expect(layer.years).toEqual(years);
    expect(layer.codes).toHaveLength(153);
    for (const y of layer.years) {
      const view = layerView(layer, y);
      expect(view.cells).toHaveLength(153);
      const classes = view.key.filter((k) => k.kind === 'class').reduce((s, k) => s + k.count, 0);
      expect(classes).toBe(view.of);
      if (layer.kind === 'numeric') {
        expect(layer.unranked.sort()).toEqual([...SMALL].sort());
        expect(view.cells.filter((c) => SMALL.includes(c.code)).every((c) => c.rank === null)).toBe(true);
        expect(view.of).toBe(view.cells.filter((c) => c.value !== null && !SMALL.includes(c.code)).length);
      }
    }
  });
  it('Ofsted layer: Blackpool 2025 shows the grade the panel counted at 31 March 2025', () => {
    const layer = layerData(rows, las, 'ofsted_overall');
    const i = layer.codes.indexOf('E06000009');
    const row = rows.find((r) => r.la_code === 'E06000009' && r.year === 2025)!;
    expect(layer.values['2025']![i]).toBe(row.ofsted_overall);
  });
});

describe('boundary map overlays', () => {
  const b = boundaryMap();
  it('draws the 33 London councils in an inset that covers no council', () => {
    expect(b.inset.areas).toHaveLength(33);
    expect(b.inset.areas.every((a) => a.code.startsWith('E09') && a.d.length > 20)).toBe(true);
    const box = b.inset.box;
    expect(box.x >= 0 && box.y >= 0 && box.x + box.w <= b.width && box.y + box.h <= b.height).toBe(true);
  });
  it('names every place in data/map-places.json, without two names overlapping or touching the inset', () => {
    expect(b.places.map((p) => p.label)).toEqual(places.places.map((p) => p.label));
    for (const p of b.places) {
      expect(overlaps(p.box, b.inset.box)).toBe(false);
      for (const q of b.places) if (p !== q) expect(overlaps(p.box, q.box)).toBe(false);
    }
  });
});
