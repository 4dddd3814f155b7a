import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  figure,
  FigureError,
  getEngland,
  getInspections,
  getLa,
  getLaRows,
  getLas,
  getPanel,
  getRegions,
  latestYear,
  dataUpdated,
  OutputFileError,
  resetDataCache,
} from '../../../src/lib/data.ts';

const FIXTURE = 'tests/fixtures/output';

function useDir(dir: string) {
  process.env.DATA_OUTPUT_DIR = dir;
  resetDataCache();
}

describe('data access over the fixture output', () => {
  beforeEach(() => useDir(FIXTURE));

  it('loads the panel: 9 rows, every numeric column documented', () => {
    const panel = getPanel();
    expect(panel.rows).toHaveLength(9);
    expect(panel.columns.map((c) => c.name)).toContain('spend_per_child_real_gbp');
  });

  it('finds LAs by code and slug, and filters by status', () => {
    expect(getLa('E10000021')?.name).toBe('Northamptonshire');
    expect(getLa('west-northamptonshire')?.code).toBe('E06000062');
    expect(getLa('E09999999')).toBeUndefined();
    expect(getLas({ status: 'former' }).map((l) => l.code)).toEqual(['E10000021']);
    expect(getLas({ status: 'current' })).toHaveLength(3);
    expect(getLaRows('E10000021').map((r) => r.year)).toEqual([2020, 2021]);
  });

  it('reads England, regions and inspections', () => {
    expect(getEngland().series.map((a) => a.year)).toEqual([2020, 2021, 2022]);
    expect(getEngland().revisions).toHaveLength(1);
    expect(getRegions().filter((r) => r.code === 'E12000002')).toHaveLength(3);
    expect(getInspections('E08000003')[0]?.overall).toBe('Requires improvement');
    const all = getInspections();
    expect(all.map((i) => i.published)).toEqual([...all.map((i) => i.published)].sort().reverse());
    expect(latestYear()).toBe(2022);
    // The newest source publication date recorded in provenance (deterministic, not a clock).
    expect(dataUpdated().toISOString()).toBe('2025-09-25T00:00:00.000Z');
  });

  it('figure(): a number, with its sources and unit', () => {
    const f = figure('cla_count', 'E92000001', 2022);
    expect(f).toMatchObject({ value: 82170, missing: null, name: 'England', year: 2022, unit: 'children' });
    expect(f.sources).toContain('cla-ees-2025');
    expect(figure('cla_count', 'E12000002', 2021).value).toBe(14500);
    expect(figure('cla_count', 'E08000003', 2020).value).toBe(1410);
  });

  it('figure(): a missing value is null with its reason, never 0', () => {
    const f = figure('cla_starts', 'E10000016', 2021);
    expect(f.value).toBeNull();
    expect(f.missing).toBe('suppressed');
    expect(f.missingText).toMatch(/confidentiality/);
    expect(figure('spend_total_gbp', 'E92000001', 2022).missing).toBe('no_source');
  });

  it('figure(): absent year names the nearest valid years and the span of a former LA', () => {
    expect(() => figure('cla_count', 'E10000021', 2022)).toThrow(FigureError);
    expect(() => figure('cla_count', 'E10000021', 2022)).toThrow(/figure\("cla_count", "E10000021", 2022\).*reported 2020–2021.*Nearest years: 2020, 2021/);
    expect(() => figure('cla_count', 'E92000001', 2015)).toThrow(/no 2015 row for England.*Nearest years: 2020, 2021, 2022/);
  });

  it('figure(): unknown code or measure is an error naming choices', () => {
    expect(() => figure('cla_count', 'E08000999', 2021)).toThrow(/no LA, region or England with code E08000999.*E08000003 \(Manchester\)/);
    expect(() => figure('cla_count', 'E12000009', 2021)).toThrow(/no such area.*E12000002 \(North West\)/);
    expect(() => figure('cla_total' as never, 'E08000003', 2021)).toThrow(/unknown measure.*cla_count/);
    expect(() => figure('imd_rank', 'E92000001', 2021)).toThrow(/England has no imd_rank series/);
  });
});

describe('bad output folders fail with a message telling the editor to run npm run data', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'data-out-'));
    cpSync(FIXTURE, dir, { recursive: true });
    useDir(dir);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    useDir(FIXTURE);
  });

  const panelPath = () => join(dir, 'la-panel.json');
  const editPanel = (fn: (p: any) => void) => {
    const p = JSON.parse(readFileSync(panelPath(), 'utf8'));
    fn(p);
    writeFileSync(panelPath(), JSON.stringify(p));
  };

  it('missing file', () => {
    unlinkSync(panelPath());
    expect(() => getPanel()).toThrow(OutputFileError);
    expect(() => getPanel()).toThrow(/la-panel\.json: file not found[\s\S]*npm run data/);
  });

  it('truncated file', () => {
    const text = readFileSync(panelPath(), 'utf8');
    writeFileSync(panelPath(), text.slice(0, text.length / 2));
    expect(() => getPanel()).toThrow(/not valid JSON.*truncated[\s\S]*npm run data/);
  });

  it('renamed column', () => {
    editPanel((p) => {
      p.rows[1].cla_total = p.rows[1].cla_count;
      delete p.rows[1].cla_count;
    });
    expect(() => getPanel()).toThrow(/rows\[1\] \(E08000003 2021\)\.cla_count/);
  });

  it('non-numeric value', () => {
    editPanel((p) => (p.rows[0].cla_count = 'c'));
    expect(() => getPanel()).toThrow(/rows\[0\] \(E08000003 2020\)\.cla_count: .*\(value: "c"\)/);
  });

  it('null without a missing reason', () => {
    editPanel((p) => (p.rows[0].cin_count = null));
    expect(() => getPanel()).toThrow(/cin_count is null but missing\.cin_count gives no reason/);
  });

  it('value that is also marked missing', () => {
    editPanel((p) => (p.rows[0].missing.cin_count = 'suppressed'));
    expect(() => getPanel()).toThrow(/cin_count has a value but is also marked missing/);
  });

  it('unknown missing reason', () => {
    editPanel((p) => {
      p.rows[0].cin_count = null;
      p.rows[0].missing.cin_count = 'redacted';
    });
    expect(() => getPanel()).toThrow(/missing\.cin_count/);
  });

  it('wrong code format', () => {
    editPanel((p) => (p.rows[2].la_code = 'E07000003'));
    expect(() => getPanel()).toThrow(/la_code: expected an E06\/E08\/E09\/E10 code \(value: "E07000003"\)/);
  });

  it('out-of-range year', () => {
    editPanel((p) => (p.rows[0].year = 1999));
    expect(() => getPanel()).toThrow(/rows\[0\] \(E08000003 1999\)\.year/);
  });

  it('duplicated row', () => {
    editPanel((p) => p.rows.push(structuredClone(p.rows[0])));
    expect(() => getPanel()).toThrow(/duplicate key E08000003 2020 at \[0\] and \[9\]/);
  });

  it('undocumented column', () => {
    editPanel((p) => (p.columns = p.columns.filter((c: any) => c.name !== 'imd_rank')));
    expect(() => getPanel()).toThrow(/columns\[\] documents no imd_rank/);
  });

  it('panel rows for an LA that las.json does not know', () => {
    const las = JSON.parse(readFileSync(join(dir, 'las.json'), 'utf8'));
    las.las = las.las.filter((l: any) => l.code !== 'E10000016');
    writeFileSync(join(dir, 'las.json'), JSON.stringify(las));
    expect(() => getLas()).toThrow(/codes not in las\.json: E10000016/);
  });

  it('duplicate slug in las.json', () => {
    const las = JSON.parse(readFileSync(join(dir, 'las.json'), 'utf8'));
    las.las[1].slug = las.las[0].slug;
    writeFileSync(join(dir, 'las.json'), JSON.stringify(las));
    expect(() => getLas()).toThrow(/duplicate key manchester/);
  });

  it('malformed england.json', () => {
    const e = JSON.parse(readFileSync(join(dir, 'england.json'), 'utf8'));
    delete e.series;
    writeFileSync(join(dir, 'england.json'), JSON.stringify(e));
    expect(() => getEngland()).toThrow(/england\.json: does not match the contract[\s\S]*series/);
  });
});
