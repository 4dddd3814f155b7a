/**
 * THE MHCLG DRILL: a new year of MHCLG revenue outturn is one manifest entry.
 *
 * A made-up 2025-26 RSX workbook (the golden 2024-25 excerpt with "2024-25" read as
 * "2025-26" in every text cell, its data sheet named RSX_LA_Data_202526 as MHCLG names
 * them, and England's net current expenditure on children's social care set to
 * £16,000,000 thousand) is added to the golden raw folder with a copy of the
 * mhclg-rsx-2024-25 entry: new id, title, release and path, empty sha256, no size, no
 * `sheet`. With no code change, update mode pins it and the England series of MHCLG
 * spending gains 2025-26 (year ending 31 March 2026) = £16.0bn, the earlier years
 * unchanged. The expected values are the cells written here (£ thousand × 1,000), not
 * the pipeline's.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGoldenRaw, encodeExcerpt, type Excerpt, type FixtureManifest, type GoldenRaw, type ManifestEntry, readExcerpt } from '../fixtures/golden/build.ts';
import { buildAndRun, goldenConfig, removeDir, run } from './helpers.ts';

const PREV = 'mhclg-rsx-2024-25';
const ID = 'mhclg-rsx-2025-26';
const NET_THOUSAND = 16_000_000;

interface MhclgYear {
  year: number;
  source: string;
  netCurrentGbp: number;
  grossGbp?: number;
}

let dir: string;
let golden: GoldenRaw;
let before: MhclgYear[];

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

/** The 2024-25 excerpt made into a 2025-26 file (see the module comment). */
function nextYear(ex: Excerpt): Excerpt {
  if (ex.kind !== 'workbook') throw new Error(`${PREV} excerpt is not a workbook`);
  const rename = (n: string) => (n === 'RSX_LA_Data_202425' ? 'RSX_LA_Data_202526' : n);
  const sheets: Record<string, unknown[][]> = {};
  for (const [name, rows] of Object.entries(ex.sheets)) {
    const out = rows.map((r) => r.map((c) => (typeof c === 'string' ? c.replaceAll('2024-25', '2025-26') : c)));
    if (name === 'RSX_LA_Data_202425') {
      const h = out.findIndex((r) => r.some((c) => typeof c === 'string' && /^local authority$/i.test(c.trim())));
      const net = out[h]!.findIndex((c) => typeof c === 'string' && /^children social care - +net current expenditure/i.test(c.replace(/\s+/g, ' ').trim()));
      const eng = out.findIndex((r) => r.includes('ENGLAND'));
      if (h < 0 || net < 0 || eng < 0) throw new Error('the 2024-25 excerpt has no header, net column or ENGLAND row');
      out[eng]![net] = NET_THOUSAND;
    }
    sheets[rename(name)] = out;
  }
  return { kind: 'workbook', sheetNames: ex.sheetNames.map(rename), sheets };
}

beforeAll(async () => {
  const b = await buildAndRun('new-release-mhclg');
  ({ dir, golden } = b);
  before = (await readJson<{ mhclgNational: MhclgYear[] }>(join(b.config.outputDir, 'england.json'))).mhclgNational;
}, 120_000);
afterAll(async () => {
  await removeDir(dir);
});

describe('the MHCLG drill: a 2025-26 revenue outturn file as one manifest entry', () => {
  let after: MhclgYear[];
  let manifest: FixtureManifest;

  beforeAll(async () => {
    const prev = golden.manifest.sources.find((s) => s.id === PREV)!;
    const entry: ManifestEntry = {
      ...prev,
      id: ID,
      title: 'Local authority revenue expenditure and financing: RSX outturn by LA, 2025-26',
      release: '2025-26',
      path: 'dfe/mhclg-revenue-outturn/RSX_2025-26_data_by_LA.ods',
      sha256: '',
    };
    delete (entry as { bytes?: number }).bytes;
    expect(entry.role).toBe('revenue-outturn-rsx');
    expect(entry).not.toHaveProperty('sheet');
    const copy = await copyGoldenRaw(golden, join(dir, 'drill'));
    const path = join(copy.rawDir, entry.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, encodeExcerpt(nextYear(await readExcerpt(PREV)), entry));
    copy.manifest.sources.push(entry);
    await writeFile(copy.manifestPath, `${JSON.stringify(copy.manifest, null, 2)}\n`);
    const out = join(dir, 'drill', 'out');
    const cfg = goldenConfig(join(dir, 'drill'), copy, { outputDir: out });
    await expect(run(cfg)).rejects.toThrow(`source ${ID}, file ${entry.path}: this entry has no pinned checksum yet`);
    expect((await run({ ...cfg, update: true })).result.status).toBe('written');
    after = (await readJson<{ mhclgNational: MhclgYear[] }>(join(out, 'england.json'))).mhclgNational;
    manifest = await readJson<FixtureManifest>(copy.manifestPath);
  }, 180_000);

  it('England gains the year ending 31 March 2026 from the new entry: £16.0bn net', () => {
    const y = after.find((m) => m.year === 2026);
    expect(y).toMatchObject({ source: ID, netCurrentGbp: NET_THOUSAND * 1000 });
    // gross is the 2024-25 cell, which the made-up file did not change
    expect(y!.grossGbp).toBe(before.find((m) => m.year === 2025)!.grossGbp);
  });

  it('the years before are unchanged', () => {
    expect(after.filter((m) => m.year !== 2026)).toEqual(before);
    expect(before.map((m) => m.year)).toEqual([2012, 2013, 2014, 2015, 2018, 2023, 2024, 2025]);
  });

  it('update mode pinned the new entry, and only it', () => {
    const e = manifest.sources.find((s) => s.id === ID)!;
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    const was = new Map(golden.manifest.sources.map((s) => [s.id, JSON.stringify(s)]));
    expect(manifest.sources.filter((s) => was.get(s.id) !== JSON.stringify(s)).map((s) => s.id)).toEqual([ID]);
  });
});
