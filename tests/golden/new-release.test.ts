/**
 * THE DRILL: a new release is data, not code.
 *
 * A fixture 2026 CLA release (tests/fixtures/golden/drill: 2022–2026, made by
 * make_cla_ees_2026.py from the 2025 excerpt) is added to the golden raw folder
 * as ONE manifest entry with an empty sha256. No code changes:
 *  - a plain run refuses the unpinned entry; DATA_UPDATE=1 validates and pins it;
 *  - the council panel, the England series and the long run reach 2026;
 *  - spending stays at its own latest year (2024-25), with 2026 a typed gap;
 *  - the site's accessors (home page key figures, council headline figures)
 *    move to 2026 for children looked after and keep 2025 for spending.
 * Then the completeness check: the same release without one council's 2024
 * rows stops update mode with a list, unless the entry records the withdrawal;
 * and a file that is a web page is named as such.
 *
 * Expected figures were computed by make_cla_ees_2026.py (python, from the
 * excerpt), not by the pipeline: England 2026 = 83,410 (rate 68); Camden 2026 =
 * 213 (rate 60); Camden 2025 revised 205 → 209; Hartlepool 2026 = 339.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaYear, PanelRow } from '../../contract/outputs.ts';
import { copyGoldenRaw, encodeExcerpt, type FixtureManifest, type GoldenRaw, type ManifestEntry } from '../fixtures/golden/build.ts';
import { buildAndRun, goldenConfig, removeDir, run } from './helpers.ts';

const DRILL = join(import.meta.dirname, '../fixtures/golden/drill');
const ID = 'cla-ees-2026';
const CAMDEN = 'E09000007';
const HARTLEPOOL = 'E06000001';

let dir: string;
let golden: GoldenRaw;
/** The outputs of the run before the release: "what readers last saw". */
let publishedDir: string;

type Excerpt = { kind: 'csv'; bom: boolean; crlf: boolean; rows: string[][] };

async function drillEntry(): Promise<ManifestEntry> {
  return JSON.parse(await readFile(join(DRILL, `${ID}.entry.json`), 'utf8')) as ManifestEntry;
}
async function drillExcerpt(): Promise<Excerpt> {
  return JSON.parse(await readFile(join(DRILL, `${ID}.json`), 'utf8')) as Excerpt;
}

/** A copy of the golden raw folder with the drill release added as one manifest entry (nothing else edited). */
async function withRelease(name: string, bytes: Uint8Array, entry: ManifestEntry): Promise<GoldenRaw> {
  const copy = await copyGoldenRaw(golden, join(dir, name));
  const path = join(copy.rawDir, entry.path);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  copy.manifest.sources.push(entry);
  await writeFile(copy.manifestPath, `${JSON.stringify(copy.manifest, null, 2)}\n`);
  return copy;
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

beforeAll(async () => {
  const b = await buildAndRun('new-release');
  ({ dir, golden } = b);
  publishedDir = b.config.outputDir;
}, 120_000);
afterAll(async () => {
  await removeDir(dir);
});

describe('the drill: a 2026 CLA release as one manifest entry', () => {
  let out: string;
  let copy: GoldenRaw;
  let panel: PanelRow[];
  let england: AreaYear[];

  beforeAll(async () => {
    const entry = await drillEntry();
    const bytes = encodeExcerpt(await drillExcerpt(), entry);
    copy = await withRelease('drill', bytes, entry);
    out = join(dir, 'drill', 'out');
    // A fresh output folder (as on a new runner); the report compares with the published outputs.
    const cfg = goldenConfig(join(dir, 'drill'), copy, { outputDir: out, previousDir: publishedDir });
    await expect(run(cfg)).rejects.toThrow(`source ${ID}, file ${entry.path}: this entry has no pinned checksum yet`);
    const updated = await run({ ...cfg, update: true });
    expect(updated.result.status).toBe('written');
    panel = (await readJson<{ rows: PanelRow[] }>(join(out, 'la-panel.json'))).rows;
    england = (await readJson<{ series: AreaYear[] }>(join(out, 'england.json'))).series;
  }, 120_000);

  it('pins the new entry in the manifest (checksum and size), and only that entry', async () => {
    const manifest = await readJson<FixtureManifest>(copy.manifestPath);
    const e = manifest.sources.find((s) => s.id === ID)!;
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(e.bytes).toBeGreaterThan(1000);
    const before = new Map(golden.manifest.sources.map((s) => [s.id, JSON.stringify(s)]));
    expect(manifest.sources.filter((s) => before.get(s.id) !== JSON.stringify(s)).map((s) => s.id)).toEqual([ID]);
  });

  it('the report compares with the published outputs: the revision and the new year, council by council', async () => {
    const report = await readJson<{ previousDataVersion: string | null; changes: { added: number; removed: number; sample: unknown[] } }>(
      join(out, 'report.json'),
    );
    expect(report.previousDataVersion).not.toBeNull();
    expect(report.changes.sample).toContainEqual({ la_code: CAMDEN, la_name: 'Camden', year: 2025, column: 'cla_count', old: 205, new: 209 });
    // one added row per council existing in 2026
    expect(report.changes.added).toBe(panel.filter((r) => r.year === 2026).length);
    expect(report.changes.added).toBeGreaterThan(0);
    expect(report.changes.removed).toBe(0);
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('| Camden (E09000007) | 2025 | cla_count | 205 | 209 |');
  });

  it("the report lists the stories whose cited figures moved: England's latest count now 2026", async () => {
    const report = await readJson<{ storyFigures: { compared: boolean; stories: Array<{ slug: string; changed: Array<Record<string, unknown>> }> } }>(
      join(out, 'report.json'),
    );
    expect(report.storyFigures.compared).toBe(true);
    const story = report.storyFigures.stories.find((s) => s.slug === 'more-children-in-care');
    // At 31 March {latest}, <Fact measure="cla_count" code="E92000001" year={f.year} />: 2025 before the release (the golden fixture's 81,770), 2026 after
    expect(story?.changed).toContainEqual(
      expect.objectContaining({
        measure: 'cla_count',
        area: 'E92000001',
        year: 'latest',
        old: { year: 2025, value: 81770 },
        new: { year: 2026, value: 83410 },
      }),
    );
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('| cla_count | England | latest | 2025: 81,770 | 2026: 83,410 |');
  });

  it('adds a dated entry to the public data-updates log: the release, years, councils and stories', async () => {
    const log = await readJson<{ updates: Array<Record<string, unknown>> }>(join(dir, 'drill', 'updates.json'));
    expect(log.updates).toHaveLength(1);
    const u = log.updates[0]!;
    expect(u.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(u.sources).toEqual([expect.objectContaining({ id: ID, release: '2026' })]);
    expect(u.years).toEqual(expect.arrayContaining([2025, 2026]));
    expect(u.councils).toContainEqual({ code: CAMDEN, name: 'Camden' });
    // a published story citing the children-looked-after releases
    expect((u.stories as Array<{ slug: string }>).map((s) => s.slug)).toContain('more-children-in-care');
  });

  it('the council panel runs to 2026 with the new release’s figures', () => {
    expect(Math.max(...panel.map((r) => r.year))).toBe(2026);
    const camden = (y: number) => panel.find((r) => r.la_code === CAMDEN && r.year === y)!;
    expect(camden(2026)).toMatchObject({ cla_count: 213, cla_rate_per_10k: 60 });
    expect(camden(2025).cla_count).toBe(209); // the 2026 release's revision wins
    expect(panel.find((r) => r.la_code === HARTLEPOOL && r.year === 2026)!.cla_count).toBe(339);
  });

  it('spending stays at its own latest year: 2026 is a typed gap, 2025 unchanged', () => {
    const camden26 = panel.find((r) => r.la_code === CAMDEN && r.year === 2026)!;
    expect(camden26.spend_total_gbp).toBeNull();
    expect(camden26.missing.spend_total_gbp).toBeDefined();
    expect(panel.find((r) => r.la_code === CAMDEN && r.year === 2025)!.spend_total_gbp).toEqual(expect.any(Number));
  });

  it('the England series moves to 2026; the long run too', async () => {
    const eng = (y: number) => england.find((a) => a.year === y)!;
    expect(eng(2026).values.cla_count).toBe(83410);
    expect(eng(2026).values.cla_rate_per_10k).toBe(68);
    expect(eng(2026).values.spend_total_gbp ?? null).toBeNull();
    expect(eng(2025).values.spend_total_gbp).toEqual(expect.any(Number));
    const longRun = (await readJson<{ longRun: Array<{ year: number; cla_count: number | null; source: string }> }>(join(out, 'england.json'))).longRun;
    expect(longRun.at(-1)).toMatchObject({ year: 2026, cla_count: 83410, source: ID });
  });

  it('the home page and a council page ask for each measure’s own latest year', async () => {
    const prev = process.env.DATA_OUTPUT_DIR;
    process.env.DATA_OUTPUT_DIR = out;
    try {
      const data = await import('../../src/lib/data.ts');
      data.resetDataCache();
      expect(data.latestYear()).toBe(2026);
      expect(data.latestYearOf('cla_count', data.ENGLAND_CODE)).toBe(2026);
      expect(data.latestYearOf('spend_total_gbp', data.ENGLAND_CODE)).toBe(2025);
      expect(data.figure('cla_count', data.ENGLAND_CODE, data.latestYearOf('cla_count', data.ENGLAND_CODE)).value).toBe(83410);
      const { headlineFigure } = await import('../../src/lib/councils/profile.ts');
      // as src/pages/councils/[slug].astro builds it
      const input = { la: data.getLa(CAMDEN)!, panel: data.getPanel().rows, england: data.getEngland().series, regions: data.getRegions(), las: data.getLas() };
      expect(headlineFigure(input, 'cla_rate_per_10k')).toMatchObject({ year: 2026, value: 60 });
      // real-terms spending per child: its own latest year, before 2026 (no spending or deflator for 2026)
      expect(headlineFigure(input, 'spend_per_child_real_gbp').year).toBeLessThan(2026);
      data.resetDataCache();
    } finally {
      if (prev === undefined) delete process.env.DATA_OUTPUT_DIR;
      else process.env.DATA_OUTPUT_DIR = prev;
    }
  });
});

describe('completeness of a new release', () => {
  /** The drill release without Hartlepool's rows for 2024 (a year the 2025 release also covers). */
  async function withoutHartlepool2024(): Promise<Uint8Array> {
    const ex = await drillExcerpt();
    const h = ex.rows[0]!;
    const [tp, code] = [h.indexOf('time_period'), h.indexOf('new_la_code')];
    return encodeExcerpt({ ...ex, rows: ex.rows.filter((r) => !(r[tp] === '2024' && r[code] === HARTLEPOOL)) }, await drillEntry());
  }

  it('stops update mode with a list of what disappeared', async () => {
    const copy = await withRelease('dropped', await withoutHartlepool2024(), await drillEntry());
    const cfg = goldenConfig(join(dir, 'dropped'), copy, { update: true });
    const err = await run(cfg).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toContain(`source ${ID}`);
    expect(err?.message).toContain('rows missing against the previous release cla-ees-2025');
    expect(err?.message).toContain(`Hartlepool (${HARTLEPOOL}) cla_count 2024`);
    expect(err?.message).toContain(`Hartlepool (${HARTLEPOOL}) cla_starts 2024`);
    expect(err?.message).toMatch(/5 rows \(1 council\)/); // count, rate, starts, ceases and the denominator
    // nothing was pinned
    const e = (await readJson<FixtureManifest>(copy.manifestPath)).sources.find((s) => s.id === ID)!;
    expect(e.sha256).toBe('');
  });

  it('accepts the release when the entry records the withdrawal with a reason', async () => {
    const entry = {
      ...(await drillEntry()),
      withdrawn: [{ code: HARTLEPOOL, measure: '*', years: [2024], reason: 'The publisher withdrew Hartlepool’s 2024 return pending a data-quality review.' }],
    };
    const copy = await withRelease('withdrawn', await withoutHartlepool2024(), entry);
    const cfg = goldenConfig(join(dir, 'withdrawn'), copy, { update: true });
    const r = await run(cfg);
    expect(r.result.status).toBe('written');
    // the older release still supplies the withdrawn year
    const panel = (await readJson<{ rows: PanelRow[] }>(join(dir, 'withdrawn', 'out', 'la-panel.json'))).rows;
    expect(panel.find((x) => x.la_code === HARTLEPOOL && x.year === 2024)!.cla_count).toEqual(expect.any(Number));
  });

  it('a moving window is normal: 2021, which the new release no longer carries, comes from the older release', async () => {
    const panel = (await readJson<{ rows: PanelRow[] }>(join(dir, 'drill', 'out', 'la-panel.json'))).rows;
    expect(panel.find((x) => x.la_code === CAMDEN && x.year === 2021)!.cla_count).toEqual(expect.any(Number));
  });
});

describe('a web page instead of data', () => {
  it('is named as such, with the source', async () => {
    const page = new TextEncoder().encode(
      '<!DOCTYPE html>\n<html lang="en"><head><title>Explore education statistics</title></head><body>Page not found</body></html>\n',
    );
    const copy = await withRelease('html', page, await drillEntry());
    const cfg = goldenConfig(join(dir, 'html'), copy, { update: true });
    await expect(run(cfg)).rejects.toThrow(`source ${ID}, file ${(await drillEntry()).path}: the file is a web page, not data`);
  });
});
