/**
 * Claim cards and story figures on the REAL pipeline outputs (data/output).
 * The "official figure" checks assert numbers the publishers printed
 * (DfE SFR50/2017: 72,670 looked after at 31 March 2017 and 32,810 starts;
 * Ofsted as reported: 77% of 69 councils in 2015, 24/46/29/1% of 136 in 2017),
 * not numbers computed by our own code.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spendBlocksReal, englandValue, real, latestRealYear, nameLines } from '../../../src/lib/stories/analysis.ts';
import { cards, claimDate, VERDICT_LABELS } from '../../../src/lib/stories/cards.ts';
import { REGISTRY } from '../../../src/lib/analysis/registry/index.ts';
import { squeeze, inCare } from '../../../src/lib/stories/figures.ts';

const haveOutputs = ['la-panel.json', 'england.json', 'inspections.json'].every((f) => existsSync(`data/output/${f}`));

// A missing output fails here (never a silent skip): the outputs project's set-up runs the pipeline first.
it('data/output holds the pipeline outputs (run `npm run data`)', () => {
  expect(haveOutputs).toBe(true);
});

describe('claimDate', () => {
  it('prints months and years, and says when there is no date', () => {
    expect(claimDate('2017-10')).toBe('October 2017');
    expect(claimDate('2019-04-01')).toBe('1 April 2019');
    expect(claimDate('2016')).toBe('2016');
    expect(claimDate('reported')).toBe('Date not recorded');
  });
});

describe('nameLines', () => {
  it('names Section 251 line ids and rejects none it does not know', () => {
    expect(nameLines('closest: safeguarding_block £1.97bn')).toBe('closest: our safeguarding block £1.97bn');
    expect(nameLines('nothing here')).toBe('nothing here');
  });
});

describe('claim cards on the real outputs (claims.json)', { timeout: 120_000 }, () => {
  const all = existsSync('data/output/claims.json') ? cards() : [];
  const byId = (id: string) => all.find((c) => c.id === id)!;
  const spec = (id: string, specId: string) => byId(id).specifications.find((s) => s.id === specId)!;

  it('one card per registered claim, each with a verdict in words, a summary and no unfilled values', () => {
    expect(all.map((c) => c.id).sort()).toEqual(REGISTRY.map((c) => c.id).sort());
    for (const c of all) {
      expect(Object.values(VERDICT_LABELS)).toContain(c.verdictLabel);
      expect(c.words.length).toBeGreaterThan(10);
      expect(c.summary).not.toMatch(/NaN|undefined|Infinity|null/);
      for (const d of c.detail) expect(d).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('official figure: DfE first published 72,670 children looked after at 31 March 2017 (SFR50/2017)', () => {
    expect(spec('cla-72670', '2017-count-first-published').estimate).toBe(72670);
  });

  it('official figure: 32,810 children started to be looked after in 2016-17 (SFR50/2017), about 90 a day', () => {
    expect(spec('cla-90-a-day', '2017-starts-per-day-first-published').estimate! * 365).toBeCloseTo(32810, 6);
  });

  it('official figures: 69 councils by autumn 2015 and 136 in 2017 are matched by some cut-off', () => {
    expect(byId('ofsted-77-of-69').specifications.some((s) => s.supports && s.n === 69)).toBe(true);
    expect(byId('ofsted-136-shares').specifications.some((s) => s.supports && s.n === 136)).toBe(true);
  });

  it('the £2.58bn start is the sum of two published lines; 2014-15 has no line data', () => {
    expect(spec('spend-fall-2-58bn', '2012-social-work-plus-family-support').estimate! / 1e9).toBeCloseTo(2.58, 2);
    expect(spec('spend-fall-2-58bn', '2015-social-work-plus-family-support').estimate).toBeNull();
  });
});

describe('story figures on the real outputs', { timeout: 120_000 }, () => {
  it('the spending blocks add up to the published real-terms total in every year shown', () => {
    const rows = spendBlocksReal(2011);
    for (const year of [...new Set(rows.map((r) => r.year as number))]) {
      const ys = rows.filter((r) => r.year === year);
      const total = real(englandValue(year, 'spend_total_gbp'), year);
      if (total === null) {
        expect(ys.every((r) => r.spend === null && typeof r.missingReason === 'string')).toBe(true);
      } else {
        expect(ys.reduce((a, r) => a + (r.spend as number), 0)).toBeCloseTo(total, -3);
      }
    }
  });

  it('2014-15 is a gap with its reason, and the latest deflatable year is before any year with no deflator', () => {
    const rows = spendBlocksReal(2011).filter((r) => r.year === 2015);
    expect(rows.every((r) => r.spend === null && r.missingReason === 'definition_break')).toBe(true);
    const s = squeeze();
    expect(s.lastReal).toBe(latestRealYear());
    expect(s.lastCash).toBeGreaterThanOrEqual(s.lastReal);
  });

  it('the latest count of children in care in the story matches the England series', () => {
    const f = inCare();
    expect(f.text.latest).toBe(new Intl.NumberFormat('en-GB').format(englandValue(f.year, 'cla_count')!));
  });
});
