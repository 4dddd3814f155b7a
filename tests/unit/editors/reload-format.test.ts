import { describe, expect, it, vi } from 'vitest';
import { isDataFile, makeDataReloadHandler } from '../../../src/lib/figures/data-reload.ts';
import { formatFigure, describeYear } from '../../../src/lib/figures/format.ts';

describe('dev reload on data change', () => {
  it('only reacts to JSON files inside the output folder', () => {
    expect(isDataFile('/p/data/output', '/p/data/output/la-panel.json')).toBe(true);
    expect(isDataFile('/p/data/output', '/p/data/output/geo/utla.json')).toBe(true);
    expect(isDataFile('/p/data/output', '/p/data/output/report.md')).toBe(false);
    expect(isDataFile('/p/data/output', '/p/data/output.previous/la-panel.json')).toBe(false);
    expect(isDataFile('/p/data/output', '/p/src/content/stories/a.mdx')).toBe(false);
  });
  it('debounces a publication into one cache reset and one full reload, reset first', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const h = makeDataReloadHandler({
      outputDir: '/p/data/output',
      reset: () => void calls.push('reset'),
      reload: () => void calls.push('reload'),
      debounceMs: 100,
    });
    h.onFile('/p/data/output/la-panel.json');
    h.onFile('/p/data/output/las.json');
    h.onFile('/p/src/pages/index.astro');
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toEqual(['reset', 'reload']);
    h.onFile('/p/data/output/report.md');
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toEqual(['reset', 'reload']);
    vi.useRealTimers();
  });
});

describe('figure formatting', () => {
  it('formats by the documented unit', () => {
    expect(formatFigure(83530, 'children')).toBe('83,530');
    expect(formatFigure(182, 'per 10,000 children')).toBe('182 per 10,000 children');
    expect(formatFigure(182, 'per 10,000 children', { withUnit: false })).toBe('182');
    expect(formatFigure(14825549524, '£')).toBe('£14.8bn');
    expect(formatFigure(82565093, '£')).toBe('£82.6m');
    expect(formatFigure(1229, '£ per child')).toBe('£1,229 per child');
    expect(formatFigure(0.307, 'proportion')).toBe('30.7%');
    expect(formatFigure(618.6, 'per 10,000 children')).toBe('618.6 per 10,000 children');
    expect(formatFigure(618.6, 'per 10,000 children', { decimals: 0 })).toBe('619 per 10,000 children');
  });
  it('describes stock and flow years', () => {
    expect(describeYear('cla_count', 2024)).toBe('at 31 March 2024');
    expect(describeYear('spend_total_gbp', 2024)).toBe('in 2023-24 (year to 31 March 2024)');
  });
});
