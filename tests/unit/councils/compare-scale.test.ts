/**
 * The compare chart's scale decision (src/lib/councils/compare-scale.ts):
 * log when the positive values span more than LOG_SPAN_RATIO, linear
 * otherwise, and never log with a value of zero or below.
 */
import { describe, expect, it } from 'vitest';
import { decideScale, effectiveScale, LOG_SPAN_RATIO, logTicks, scaleNote } from '../../../src/lib/councils/compare-scale.ts';

describe('decideScale', () => {
  it('stays linear for figures of the same order (ratio 4)', () => {
    expect(decideScale([50, 100, null, 200])).toEqual({ auto: 'linear', logPossible: true, ratio: 4 });
  });
  it(`goes log when the highest is more than ${LOG_SPAN_RATIO} times the lowest`, () => {
    expect(decideScale([10, 60, 210])).toEqual({ auto: 'log', logPossible: true, ratio: 21 });
  });
  it('exactly the ratio is not more than it: linear', () => {
    expect(decideScale([5, 100]).auto).toBe('linear');
  });
  it('a zero forces linear, whatever the span', () => {
    expect(decideScale([0, 1, 500])).toEqual({ auto: 'linear', logPossible: false, ratio: 500 });
    expect(decideScale([-3, 1, 500]).logPossible).toBe(false);
  });
  it('missing values are ignored; nothing to plot is linear', () => {
    expect(decideScale([null, undefined, Number.NaN])).toEqual({ auto: 'linear', logPossible: false, ratio: null });
  });
});

describe('effectiveScale', () => {
  const wide = decideScale([1, 100]);
  const zero = decideScale([0, 100]);
  it('auto follows the decision; a reader can switch either way', () => {
    expect(effectiveScale(wide, 'auto')).toBe('log');
    expect(effectiveScale(wide, 'linear')).toBe('linear');
    expect(effectiveScale(decideScale([50, 60]), 'log')).toBe('log');
  });
  it('log cannot be chosen with a zero', () => {
    expect(effectiveScale(zero, 'log')).toBe('linear');
  });
});

describe('scaleNote', () => {
  it('says what a log scale is and why it was chosen', () => {
    const note = scaleNote(decideScale([10, 60, 210]), 'log')!;
    expect(note).toContain('each gridline is ten times the one below');
    expect(note).toContain('21 times the lowest');
  });
  it('says why the chart stays linear with a zero, and nothing for an ordinary chart', () => {
    expect(scaleNote(decideScale([0, 1, 500]), 'linear')).toContain('zero, which a log scale cannot show');
    expect(scaleNote(decideScale([50, 60]), 'linear')).toBeNull();
  });
});

describe('logTicks', () => {
  it('powers of ten covering the values', () => {
    expect(logTicks(3.2, 450)).toEqual({ domain: [1, 1000], ticks: [1, 10, 100, 1000] });
  });
  it('adds 2 and 5 steps when one decade would give two ticks', () => {
    expect(logTicks(20, 80)).toEqual({ domain: [10, 100], ticks: [10, 20, 50, 100] });
  });
});
