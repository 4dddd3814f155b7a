/**
 * The anomaly screen on the real data: every anomaly it finds has an editor's
 * decision in data/anomaly-decisions.json. This test FAILS when a new release
 * brings a new anomaly, until an editor decides it (the editors' report lists it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Anomaly, AnomalyFile } from '../../scripts/data/derive/anomalies.ts';
import { staleDecisions } from '../../scripts/data/derive/anomalies.ts';
import type { PanelRow } from '../../contract/outputs.ts';

const anomalies = JSON.parse(readFileSync('data/output/anomalies.json', 'utf8')) as Anomaly[];
const file = JSON.parse(readFileSync('data/anomaly-decisions.json', 'utf8')) as AnomalyFile;
const panel = (JSON.parse(readFileSync('data/output/la-panel.json', 'utf8')) as { rows: PanelRow[] }).rows;

describe('anomalies in the published data', () => {
  it('every anomaly has a decision (add one to data/anomaly-decisions.json for any listed here)', () => {
    expect(anomalies.filter((a) => a.decision === null).map((a) => `${a.la_name} ${a.year} ${a.measure} [${a.rule}]: ${a.reason}`)).toEqual([]);
  });
  it('no decision is left over from data that changed', () => {
    expect(staleDecisions(anomalies, file)).toEqual([]);
  });
  it('each anomaly carries the panel value it flags', () => {
    expect(anomalies.length).toBeGreaterThan(0);
    for (const a of anomalies) {
      const r = panel.find((p) => p.la_code === a.la_code && p.year === a.year)!;
      expect(r[a.measure], `${a.la_name} ${a.year} ${a.measure}`).toBe(a.value);
    }
  });
  it('Salford 2019-20: safeguarding spend £90.3m against £12.2m and £16.0m either side (LAIT), excluded from analysis', () => {
    const s = anomalies.find((a) => a.la_name === 'Salford' && a.year === 2020 && a.measure === 'spend_safeguarding_gbp')!;
    expect(s).toMatchObject({ rule: 'spike', decision: 'exclude-from-analysis' });
    expect(Math.round(s.value / 1e5) / 10).toBe(90.3);
  });
});
