/**
 * Claim cards and story figures on the REAL pipeline outputs (data/output).
 * The "official figure" checks assert numbers the publishers printed
 * (DfE SFR50/2017: 72,670 looked after at 31 March 2017 and 32,810 starts;
 * Ofsted as reported: 77% of 69 councils in 2015, 24/46/29/1% of 136 in 2017),
 * not numbers computed by our own code.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { results, spendBlocksReal, englandValue, real, latestRealYear, socialWorkRows, nameLines } from '../../../src/components/stories/analysis.ts';
import { buildCards, claimDate, VERDICT_LABELS } from '../../../src/components/stories/cards.ts';
import { squeeze, inCare, ratings } from '../../../src/components/stories/figures.ts';

const haveOutputs = ['la-panel.json', 'england.json', 'inspections.json'].every((f) => existsSync(`data/output/${f}`));

describe('claimDate', () => {
  it('prints months and years, and says when there is no date', () => {
    expect(claimDate('2017-10')).toBe('October 2017');
    expect(claimDate('2019-04-01')).toBe('April 2019');
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

// A missing output is a failure, not a skip: the global set-up runs the pipeline, so absence means it broke.
it('finds the pipeline outputs in data/output (run `npm run data`)', () => {
  expect(haveOutputs, 'data/output/la-panel.json, england.json or inspections.json is missing: run `npm run data`').toBe(true);
});

describe('claim cards on the real outputs', { timeout: 120_000 }, () => {
  const cards = buildCards(results());
  const byId = (id: string) => cards.find((c) => c.id === id)!;

  it('has at least the ten claims of issue 3, each with a verdict in words, evidence and caveats', () => {
    expect(cards.length).toBeGreaterThanOrEqual(10);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    for (const c of cards) {
      expect(Object.values(VERDICT_LABELS)).toContain(c.verdictLabel);
      expect(c.quote.length).toBeGreaterThan(10);
      expect(c.evidence.length).toBeGreaterThan(0);
      expect(c.caveats.length).toBeGreaterThan(0);
      expect(c.verdict).not.toMatch(/NaN|undefined|\?\b/);
      for (const e of c.evidence) expect(e.value).not.toMatch(/NaN|undefined/);
    }
  });

  it('official figure: DfE first published 72,670 children looked after at 31 March 2017 (SFR50/2017)', () => {
    const c = byId('cla-72670');
    expect(c.evidence.find((e) => e.label.includes('first published'))?.value).toBe('72,670');
    expect(c.verdictCode).toBe('supported');
  });

  it('official figure: 32,810 children started to be looked after in 2016-17 (SFR50/2017), about 90 a day', () => {
    const c = byId('cla-90-a-day');
    expect(c.evidence[0]!.value).toBe('32,810');
    expect(Math.round(Number(c.evidence[1]!.value))).toBe(90);
  });

  it('official figure: 77% of the 69 councils inspected under SIF by autumn 2015 were not good (52% RI, 25% inadequate)', () => {
    const t = ratings().text;
    expect(t.n2015).toBe(69);
    expect(Math.round(t.notGood2015 / t.n2015 * 100)).toBe(77);
    expect(byId('ofsted-77-of-69').evidence.map((e) => e.value)).toEqual(expect.arrayContaining(['17 (25%)', '36 (52%)']));
  });

  it('official figure: 24/46/29/1 per cent of 136 councils in 2017', () => {
    expect(ratings().text.n2017).toBe(136);
    expect(byId('ofsted-2017-136').evidence.map((e) => e.value.replace(/^\d+ /, ''))).toEqual(['(24%)', '(46%)', '(29%)', '(1%)']);
  });

  it('the £2.58bn claim is not reproduced, and 2014-15 has no line data', () => {
    const c = byId('social-work-258-212');
    expect(c.verdictCode).toBe('not-reproduced');
    expect(c.verdict).not.toMatch(/_/);
    const rows = socialWorkRows().filter((r) => r.year === 2015 && !String(r.line).startsWith('Claimed'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.spend === null && r.missingReason === 'no_source')).toBe(true);
  });

  it('the 13% practice claim cannot be tested', () => {
    expect(byId('newton-practice-13').verdictCode).toBe('cannot-be-tested');
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
