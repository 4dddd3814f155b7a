/**
 * The measure registry against what the pipeline has published (the golden expected outputs,
 * written before the registry existed) and against its own cross-references.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MISSING_POLICIES,
  MEASURE_REGISTRY,
  measureDependents,
  OBSERVED_MEASURES,
  PANEL_MEASURES,
  SPEND_BLOCK_MEASURES,
  WORKFORCE_MEASURES,
} from '../../../contract/measures.ts';
import { MEASURE_RANGES } from '../../../scripts/data/core/ranges.ts';

const golden = (name: string) => readFileSync(new URL(`../../fixtures/golden/expected/${name}`, import.meta.url), 'utf8');
const csvHeader = golden('la-panel.csv').split('\n')[0]!.split(',');
const dictionary = JSON.parse(golden('dictionary.json')) as { columns: Array<{ name: string; type: string; unit?: string }> };

describe('measure registry', () => {
  it('its panel measures are the numeric columns of the published la-panel.csv, in order', () => {
    const first = csvHeader.indexOf('year') + 1;
    expect(PANEL_MEASURES).toEqual(csvHeader.slice(first, csvHeader.indexOf('spend_basis')));
  });

  it('gives every panel measure the type and unit the published dictionary gives it', () => {
    for (const e of MEASURE_REGISTRY.filter((m) => m.panel)) {
      const col = dictionary.columns.find((c) => c.name === e.id);
      expect(col, e.id).toBeDefined();
      expect({ id: e.id, type: e.type, unit: e.unit }).toEqual({ id: e.id, type: col!.type, unit: col!.unit });
    }
  });

  it('has one range check per observed measure and no other', () => {
    expect([...OBSERVED_MEASURES].sort()).toEqual(Object.keys(MEASURE_RANGES).sort());
  });

  it('lists the seven Section 251 blocks and the four workforce columns', () => {
    expect(SPEND_BLOCK_MEASURES).toEqual([
      'spend_cla_gbp',
      'spend_safeguarding_gbp',
      'spend_family_support_gbp',
      'spend_early_help_gbp',
      'spend_young_people_gbp',
      'spend_youth_justice_gbp',
      'spend_other_gbp',
    ]);
    expect(WORKFORCE_MEASURES).toEqual(['sw_agency_rate', 'sw_vacancy_rate', 'sw_turnover_rate', 'sw_caseload']);
  });

  it('has unique ids, known missing-value policies, and inputs and denominators that are registered measures', () => {
    const ids = MEASURE_REGISTRY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of MEASURE_REGISTRY) {
      expect(Object.keys(MISSING_POLICIES), e.id).toContain(e.missing);
      const inputs: readonly string[] = 'inputs' in e ? e.inputs : [];
      for (const i of inputs) expect(ids, `${e.id} input`).toContain(i);
      if ('denominator' in e) expect(inputs, `${e.id} denominator`).toContain(e.denominator);
    }
  });

  it('names the columns computed from each input (the exclusions an editor’s decision carries)', () => {
    expect(Object.fromEntries(measureDependents())).toEqual({
      cla_count: ['cla_rate_per_10k'],
      cin_count: ['cin_rate_per_10k'],
      cpp_count: ['cpp_rate_per_10k'],
      spend_total_gbp: ['spend_per_child_gbp', 'spend_per_child_real_gbp'],
      population_0_17: ['cla_rate_per_10k', 'cin_rate_per_10k', 'cpp_rate_per_10k', 'spend_per_child_gbp', 'spend_per_child_real_gbp'],
    });
  });
});
