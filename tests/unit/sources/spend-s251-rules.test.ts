/**
 * The Section 251 rules are a base table (2008-09) plus each later year's differences. Their
 * expansion must be exactly the per-year tables as they were written out in full before
 * (tests/fixtures/spend/s251-rules-before-diffs.json, written once by dump-s251-rules.ts):
 * the same rules, with the same roles, reasons and tags, year by year. Only the order of rules
 * within a year may differ; it does not matter, because every line must match exactly one rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRuleDiff, S251_RULES, S251_YEARS, type LineRule } from '../../../scripts/data/sources/spend/blocks.ts';
import { serialiseRules, type SerialRule } from '../../fixtures/spend/s251-rules.ts';

const before = JSON.parse(readFileSync(new URL('../../fixtures/spend/s251-rules-before-diffs.json', import.meta.url), 'utf8')) as Record<string, SerialRule[]>;
const sorted = (rules: SerialRule[]) => [...rules].sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));

describe('S251 rules: base table plus per-year differences', () => {
  it('covers the same years as the full tables did', () => {
    expect(S251_YEARS.map(String)).toEqual(Object.keys(before));
  });

  for (const year of S251_YEARS) {
    it(`${year}: the expansion equals the full table rule for rule`, () => {
      const now = serialiseRules(S251_RULES[year]);
      expect(now).toHaveLength(before[String(year)]!.length);
      expect(sorted(now)).toEqual(sorted(before[String(year)]!));
    });
  }

  it('refuses a difference that drops or changes a line the year before lacks, or adds one it has', () => {
    const base: LineRule[] = [{ pattern: /^a$/, role: { kind: 'total' } }];
    expect(() => applyRuleDiff(base, { drop: [/^b$/] }, 2010)).toThrow(/S251 rules 2010: drops a line the year before does not have: \/\^b\$\//);
    expect(() => applyRuleDiff(base, { change: [{ pattern: /^b$/, role: { kind: 'total' } }] }, 2011)).toThrow(/changes a line/);
    expect(() => applyRuleDiff(base, { add: [{ pattern: /^a$/, role: { kind: 'total' } }] }, 2012)).toThrow(/adds a line it already has/);
    const changed = applyRuleDiff(
      base,
      { change: [{ pattern: /^a$/, role: { kind: 'excluded', reason: 'memo' } }], add: [{ pattern: /^c$/, role: { kind: 'total' } }] },
      2013,
    );
    expect(serialiseRules(changed)).toEqual([
      { pattern: '^a$', flags: '', role: { kind: 'excluded', reason: 'memo' } },
      { pattern: '^c$', flags: '', role: { kind: 'total' } },
    ]);
  });
});
