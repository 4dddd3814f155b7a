/**
 * GOLDEN END-TO-END TEST: the whole pipeline (manifest → acquire → parse every
 * family → harmonise → derive → validate → publish → report) on a tiny but
 * complete raw folder built from tests/fixtures/golden/excerpts (13 councils,
 * their regions and England, every source id, every real format), compared
 * file by file with tests/fixtures/golden/expected/.
 *
 * Regenerate the expected folder after an intended change with
 *   UPDATE_GOLDEN=1 node_modules/.bin/vitest run tests/golden/pipeline.test.ts
 * which writes the change as a unified diff to test-results/golden-update.diff (and
 * lists the changed files with their added and removed lines) before rewriting the
 * folder; review it (or git diff tests/fixtures/golden/expected) before committing.
 *
 * Values that legitimately vary are normalised before comparing: the data
 * version (a hash that includes the pipeline's own code) and the timings in
 * the report. The second half of this file checks derived cells against values
 * worked out by hand from the excerpts, so the test does not only compare the
 * pipeline with itself.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelRow, Revision } from '../../contract/outputs.ts';
import { EXPECTED_DIR } from '../fixtures/golden/build.ts';
import { buildAndRun, readTree, removeDir, type Run } from './helpers.ts';
import { goldenDiff, savePatch, updating, writeTree } from './update.ts';

let dir: string;
let first: Run;
let out: Map<string, Buffer>;

/** Replace what may vary between equivalent runs. */
export function normalise(name: string, text: string, dataVersion: string): string {
  let t = text.split(dataVersion).join('<dataVersion>');
  if (name === 'report.json') {
    const r = JSON.parse(t) as Record<string, unknown>;
    r.timingsMs = '<timings>';
    t = `${JSON.stringify(r, null, 1)}\n`;
  }
  if (name === 'report.md') t = t.replace(/## Timings[\s\S]*$/, '## Timings\n\n<timings>\n');
  return t;
}

const GOLDEN_DIFF = 'test-results/golden-update.diff';

beforeAll(async () => {
  ({ dir, first } = await buildAndRun('golden'));
  out = await readTree(join(dir, 'out'));
  if (updating()) {
    // Not a silent overwrite: the change is written as a unified diff to review (and printed in short).
    const next = new Map([...out].map(([name, bytes]) => [name, normalise(name, bytes.toString('utf8'), first.result.dataVersion)]));
    await savePatch('tests/fixtures/golden/expected', goldenDiff(await readTree(EXPECTED_DIR), next), GOLDEN_DIFF);
    await writeTree(EXPECTED_DIR, next);
  }
});
afterAll(async () => {
  await removeDir(dir);
});

const json = <T>(name: string): T => JSON.parse(out.get(name)!.toString('utf8')) as T;
const panel = () => json<{ rows: PanelRow[] }>('la-panel.json').rows;
const row = (code: string, year: number) => {
  const r = panel().find((x) => x.la_code === code && x.year === year);
  if (!r) throw new Error(`no panel row ${code} ${year}`);
  return r;
};

describe('golden run: outputs equal the reviewed expected folder', () => {
  it('writes and reports a first run', () => {
    expect(first.result.status).toBe('written');
    expect(first.result.report?.previousDataVersion).toBeNull();
    expect(first.log.at(-1)).toMatch(/^✓ Wrote \d+ files to /);
  });

  it('writes exactly the expected set of files', async () => {
    const expected = await readTree(EXPECTED_DIR);
    expect([...out.keys()]).toEqual([...expected.keys()]);
  });

  it('every output file equals its expected version (after normalising data version and timings)', async () => {
    const expected = await readTree(EXPECTED_DIR);
    for (const [name, bytes] of out) {
      const got = normalise(name, bytes.toString('utf8'), first.result.dataVersion);
      expect(got, `${name} differs from tests/fixtures/golden/expected/${name} (UPDATE_GOLDEN=1 to regenerate, then review the diff)`).toBe(
        expected.get(name)?.toString('utf8'),
      );
    }
  });
});

describe("golden run: the editors' report counts rows for every source it reads", () => {
  it('no source shows 0 rows: each is read (rows > 0, counted where its tables are built) or marked not read', () => {
    const report = JSON.parse(out.get('report.json')!.toString('utf8')) as { sources: Array<{ id: string; rows: number | null }> };
    expect(report.sources.filter((s) => s.rows === 0)).toEqual([]);
    // the files acquired and verified but not used by any output (reference copies, test cross-checks)
    expect(
      report.sources
        .filter((s) => s.rows === null)
        .map((s) => s.id)
        .sort(),
    ).toEqual(
      [
        'cin-c1-2025',
        'cin-c4-2025',
        'geo-ctyua-2019',
        'geo-hex-odi-lad-2023',
        'geo-hocl-group-labels',
        'geo-hocl-utla-2019',
        'geo-hocl-utla-2021',
        'lait-dictionary-2026-04',
        'mhclg-ro3-2022-23',
        'mhclg-ro3-2023-24',
        'mhclg-ro3-2024-25',
        'ofsted-d2i-scrape',
      ].sort(),
    );
    // Ofsted: each file counted by itself (the 2025 history and latest sheets; the 2023 Tables 10 and 11)
    expect(report.sources.find((s) => s.id === 'ofsted-outcomes-2025')!.rows).toBeGreaterThan(0);
  });
});

describe('golden run: derived cells checked by hand against the excerpts', () => {
  it('reorganisations: Bournemouth, Poole and Dorset County → BCP and Dorset (2020); Northamptonshire → North/West (2022); Cumbria (2024)', () => {
    const names = (y: number) =>
      panel()
        .filter((r) => r.year === y)
        .map((r) => r.la_code)
        .sort();
    expect(names(2019)).toEqual(['E06000001', 'E06000028', 'E06000029', 'E09000007', 'E10000006', 'E10000009', 'E10000021']);
    expect(names(2020)).toEqual(['E06000001', 'E06000058', 'E06000059', 'E09000007', 'E10000006', 'E10000021']);
    expect(names(2022)).toEqual(['E06000001', 'E06000058', 'E06000059', 'E06000061', 'E06000062', 'E09000007', 'E10000006']);
    expect(names(2024)).toEqual(['E06000001', 'E06000058', 'E06000059', 'E06000061', 'E06000062', 'E06000063', 'E06000064', 'E09000007']);
    const las = json<{ las: Array<{ code: string; firstYear: number; lastYear: number | null; predecessors: string[]; successors: string[] }> }>(
      'las.json',
    ).las;
    const bcp = las.find((l) => l.code === 'E06000058')!;
    expect(bcp).toMatchObject({ firstYear: 2020, lastYear: null, predecessors: ['E06000028', 'E06000029', 'E10000009'] });
    expect(las.find((l) => l.code === 'E10000021')).toMatchObject({ firstYear: 2010, lastYear: 2021, successors: ['E06000061', 'E06000062'] });
    // BCP's 2020 figures come from DfE's rows for code E06000058 / 839 (CLA 2024 release: 506 looked after).
    expect(row('E06000058', 2020).cla_count).toBe(506);
  });

  it('a computed CLA rate (2010–2017 rule): Camden 2015 = 190 / 39,725 × 10,000 = 47.8 → 48', () => {
    // cla-sfr-2015-cla: Camden CLA_Mar2015 = 190; population-0-17: Camden time_period 2014 (mid-2014, for year 2015) = 39,725.
    const r = row('E09000007', 2015);
    expect(r.cla_count).toBe(190);
    expect(r.population_0_17).toBe(39725);
    expect(r.cla_rate_per_10k).toBe(48);
    // 2014: 225 / 39,629 → 56.8 → 57
    expect(row('E09000007', 2014).cla_rate_per_10k).toBe(57);
  });

  it('a computed CPP rate: Camden 2023 = 176 / 36,824 × 10,000 = 47.795 → 47.8', () => {
    // cin-d5-2025: Camden 2023 CPP_At31 = 176; population-0-17: Camden time_period 2022 = 36,824.
    const r = row('E09000007', 2023);
    expect(r.cpp_count).toBe(176);
    expect(r.population_0_17).toBe(36824);
    expect(r.cpp_rate_per_10k).toBe(47.8);
  });

  it('spend per child, cash and real terms: Camden 2022-23', () => {
    // lait-2026-04: Camden C&YPExpenditure 2022-23 (OT) = £85,484,623 → / 36,824 children = £2,321.43 → 2321.
    const r = row('E09000007', 2023);
    expect(r.spend_total_gbp).toBe(85484623);
    expect(r.spend_basis).toBe('lait-s251');
    expect(r.spend_per_child_gbp).toBe(2321);
    // Real terms, 2023-24 = 100. deflators-hmt-2025-12-cy: CY2022 90.5005, CY2023 96.2507, CY2024 100.
    // FY2022-23 / FY2023-24 = (0.75·90.5005 + 0.25·96.2507) / (0.75·96.2507 + 0.25·100) = 91.93805 / 97.188025 = 0.945981.
    // 2321.4269 / 0.945981 = 2453.98 → 2454.
    expect(r.spend_per_child_real_gbp).toBe(2454);
    const defl = json<{ deflators: { baseYear: number; years: Array<{ year: number; index: unknown }> } }>('england.json').deflators;
    expect(defl.baseYear).toBe(2024);
    expect(defl.years.find((y) => y.year === 2023)!.index as number).toBeCloseTo(94.5981, 3);
  });

  it('revisions: the later CLA release wins and the first published value is recorded', () => {
    // cla-ees-2022: Camden 2020 rate_per_10000 = 36 (population 52,407); cla-ees-2024: 49 (population 38,566).
    expect(row('E09000007', 2020).cla_rate_per_10k).toBe(49);
    const revisions = json<{ revisions: Revision[] }>('revisions.json').revisions;
    expect(revisions).toContainEqual({
      measure: 'cla_rate_per_10k',
      code: 'E09000007',
      name: 'Camden',
      year: 2020,
      first: { release: '2022', value: 36 },
      latest: { release: '2024', value: 49 },
    });
    // The count did not change between releases (189 in both): no revision for it.
    expect(revisions.some((v) => v.measure === 'cla_count' && v.code === 'E09000007' && v.year === 2020)).toBe(false);
    // LAIT 2024-11 printed C&YPExpenditure in £ thousands (85,484.623) and 2026-04 in £ (85,484,623): same value, no revision.
    expect(revisions.some((v) => v.measure === 'spend_total_gbp' && v.code === 'E09000007' && v.year === 2023)).toBe(false);
  });

  it("Ofsted judgement at 31 March by Ofsted's rule (inspected by 31 March, published by the cut-off), and by publication date", () => {
    // ofsted-outcomes-2025 history: Camden ILACS inspected 2022-04-25, published 44733 (2022-06-21), Outstanding:
    // after the 2022 cut-off (inspected after 31 March), so counted from 2023.
    expect(row('E09000007', 2022)).toMatchObject({ ofsted_overall: 'Good', ofsted_framework: 'SIF' });
    expect(row('E09000007', 2023)).toMatchObject({ ofsted_overall: 'Outstanding', ofsted_framework: 'ILACS', ofsted_published: '2022-06-21' });
    // The next one was inspected 45719 (2025-03-03) and published 45762 (2025-04-15): by the 2025 cut-off (30 June),
    // so Ofsted's rule counts it at 31 March 2025; the publication-date rule still has the 2022 report.
    expect(row('E09000007', 2025)).toMatchObject({
      ofsted_overall: 'Outstanding',
      ofsted_published: '2025-04-15',
      ofsted_in_force_overall: 'Outstanding',
      ofsted_in_force_published: '2022-06-21',
    });
    // Before that, the SIF judgement from ofsted-csc-2023 (Good, published 2017-11-24).
    expect(row('E09000007', 2020)).toMatchObject({ ofsted_overall: 'Good', ofsted_framework: 'SIF', ofsted_published: '2017-11-24' });
    // BCP: ILACS published 44603 (2022-02-11), Inadequate; nothing before → not inspected in 2020.
    expect(row('E06000058', 2022)).toMatchObject({ ofsted_overall: 'Inadequate', ofsted_published: '2022-02-11' });
    expect(row('E06000058', 2020).ofsted_overall).toBeNull();
    expect(row('E06000058', 2020).missing.ofsted_overall).toBe('not_inspected');
  });

  it('typed gaps: a council without a source gets a reason, never 0', () => {
    // 2011 and 2012: no population estimate in any source (ONS figures start at mid-2012; only SFR27/2010 prints one).
    const r = row('E06000028', 2011);
    expect(r.population_0_17).toBeNull();
    expect(r.missing.population_0_17).toBe('no_source');
    expect(r.missing.cla_rate_per_10k).toBe('no_denominator');
    const csv = out.get('la-panel.csv')!.toString('utf8');
    expect(csv).toContain('population_0_17=no_source;cla_rate_per_10k=no_denominator');
  });

  it('2010 denominator: the mid-2009 population printed in SFR27/2010 (Bournemouth 29,200; 203 looked after → 69.5 → 70 per 10,000)', () => {
    expect(row('E06000028', 2010)).toMatchObject({ population_0_17: 29200, cla_count: 203, cla_rate_per_10k: 70 });
  });
});
