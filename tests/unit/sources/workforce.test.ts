import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../scripts/data/core/types.ts';
import { loadWorkforce, yearForSeptemberSnapshot } from '../../../scripts/data/sources/workforce.ts';
import { filesFromText, fixtureText } from '../../fixtures/cin/source-files.ts';
import { edit } from './helpers.ts';

const WF = fixtureText('workforce/csww.csv');
const OPTS = { minLasPerPeriod: 0 };
const load = (text = WF) => loadWorkforce(filesFromText({ 'workforce-2025': text }), OPTS);

function one(obs: Observation[], measure: string, code: string, year: number): Observation {
  const hits = obs.filter((o) => o.measure === measure && o.code === code && o.year === year);
  expect(hits, `${measure} ${code} ${year}`).toHaveLength(1);
  return hits[0]!;
}

const SUNDERLAND = WF.split('\n').find((l) => l.includes('Sunderland'))!;

describe('loadWorkforce: fixtures', () => {
  it('files the 30 September Y snapshot under the year ending 31 March Y+1', () => {
    expect(yearForSeptemberSnapshot(2024)).toBe(2025);
    const { observations: obs, rowsRead } = load();
    expect(rowsRead).toEqual({ 'workforce-2025': 16 });
    // England, 30 September 2025 (time_period 2025) → year 2026.
    expect(one(obs, 'sw_fte', 'E92000001', 2026)).toMatchObject({ value: 36186.3, level: 'national', release: '2025', releaseOrder: 2025 });
    expect(one(obs, 'sw_turnover_rate', 'E92000001', 2026).value).toBe(11.8);
    expect(one(obs, 'sw_agency_rate', 'E92000001', 2026).value).toBe(13);
    expect(one(obs, 'sw_vacancy_rate', 'E92000001', 2026).value).toBe(14.2);
    expect(one(obs, 'sw_caseload', 'E92000001', 2026).value).toBe(15.2);
    // 30 September 2017 → 2018; nothing is filed under 2017.
    expect(one(obs, 'sw_fte', 'E92000001', 2018).value).toBe(28482.6);
    expect(obs.some((o) => o.year === 2017)).toBe(false);
  });

  it('keeps the markers u, low, z and x as typed gaps', () => {
    const obs = load().observations;
    expect(one(obs, 'sw_agency_rate', 'E08000024', 2025).value).toEqual({ missing: 'rounds_to_zero', marker: 'low' });
    expect(one(obs, 'sw_turnover_rate', 'E08000024', 2025).value).toEqual({ missing: 'low_reliability', marker: 'u' });
    expect(one(obs, 'sw_fte', 'E08000024', 2025).value).toBe(227.4);
    expect(one(obs, 'sw_caseload', 'E08000025', 2025).value).toEqual({ missing: 'low_reliability', marker: 'u' });
    expect(one(obs, 'sw_turnover_rate', 'E06000053', 2025).value).toEqual({ missing: 'not_applicable', marker: 'z' });
    expect(one(obs, 'sw_fte', 'E09000020', 2026).value).toEqual({ missing: 'not_available', marker: 'x' });
  });

  it("files a joint service's rates for each council, but not its FTE", () => {
    const obs = load().observations;
    for (const [code, oldCode, name] of [
      ['E09000021', '314', 'Kingston upon Thames'],
      ['E09000027', '318', 'Richmond upon Thames'],
    ] as const) {
      expect(one(obs, 'sw_turnover_rate', code, 2025)).toMatchObject({ oldCode, name, value: 12.5, basis: 'joint:E09000021/E09000027' });
      expect(one(obs, 'sw_caseload', code, 2025).value).toBe(13);
      expect(one(obs, 'sw_fte', code, 2025)).toMatchObject({ value: { missing: 'not_available' }, basis: 'joint:E09000021/E09000027' });
    }
    expect(one(obs, 'sw_vacancy_rate', 'E06000062', 2025)).toMatchObject({ name: 'West Northamptonshire', oldCode: '941', value: 31.7 });
    expect(obs.some((o) => o.code?.includes('/'))).toBe(false);
  });
});

describe('loadWorkforce: bad input', () => {
  it('a renamed column', () => {
    expect(() => load(WF.replace('caseload_fte', 'caseload'))).toThrow(/expected column "caseload_fte" is missing/);
  });
  it('a duplicated row', () => {
    expect(() => load(`${WF.trimEnd()}\n${SUNDERLAND}\n`)).toThrow(/duplicate period and geography "2024 la E08000024 394"/);
  });
  it('a non-numeric value', () => {
    expect(() => load(edit(WF, SUNDERLAND, SUNDERLAND.replace(',227.4,', ',227.4 FTE,')))).toThrow(/column "inpost_fte", value "227.4 FTE"/);
  });
  it('a rate above 100%', () => {
    expect(() => load(edit(WF, SUNDERLAND, SUNDERLAND.replace(',10,4.2,', ',10,104.2,')))).toThrow(
      /column "vacancy_rate_fte", value "104.2": value out of range/,
    );
  });
  it('a wrongly formatted code, also inside a joint code', () => {
    expect(() => load(edit(WF, '394,E08000024', '394,E8000024'))).toThrow(/value "E8000024"/);
    expect(() => load(edit(WF, 'E09000021 / E09000027', 'E09000021 / 09000027'))).toThrow(/new_la_code is not an upper-tier LA code/);
    expect(() => load(edit(WF, '314 / 318,', '314,'))).toThrow(/name different numbers of councils/);
  });
  it('a year outside 2017–2025', () => {
    expect(() => load(edit(WF, SUNDERLAND, SUNDERLAND.replace(/^2024/, '2016')))).toThrow(/time_period 2016 is outside/);
  });
  it('a truncated file', () => {
    expect(() => load(WF.slice(0, WF.indexOf(SUNDERLAND) + 50))).toThrow(/looks truncated/);
    expect(() =>
      load(
        WF.trimEnd()
          .split('\n')
          .filter((l) => !l.startsWith('2017,'))
          .join('\n'),
      ),
    ).toThrow(/time_period 2017 has 0 England row/);
  });
});

describe('loadWorkforce: the real mirror file', () => {
  it('loads all 1,463 rows; joint services become per-council observations; years run 2018–2026', async () => {
    const { mirrorFiles } = await import('../../fixtures/cin/source-files.ts');
    const { observations: obs, rowsRead } = loadWorkforce(mirrorFiles(['workforce-2025']));
    expect(rowsRead).toEqual({ 'workforce-2025': 1463 });
    expect(obs.some((o) => o.code?.includes('/'))).toBe(false);
    expect(new Set(obs.map((o) => o.year))).toEqual(new Set([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]));
    // England, 30 September 2023 (filed under 2024): 33,119.1 FTE in post.
    expect(one(obs, 'sw_fte', 'E92000001', 2024).value).toBe(33119.1);
    // North / West Northamptonshire report jointly from September 2021 (year 2022) onward.
    expect(obs.filter((o) => o.measure === 'sw_caseload' && o.code === 'E06000061').map((o) => o.year)).toEqual([2026, 2025, 2024, 2023, 2022]);
  });
});
