import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishAtomically, stableJson } from '../../../scripts/data/publish/write.ts';
import { toCsv } from '../../../scripts/data/publish/csv.ts';
import { diffPanels, missingByColumn, reportMarkdown, type RunReport } from '../../../scripts/data/publish/report.ts';
import type { PanelRow } from '../../../contract/outputs.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'publish-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('publishAtomically', () => {
  it('replaces the folder as a whole: files from the previous run that are not rewritten disappear', async () => {
    const out = join(dir, 'out');
    await publishAtomically(
      out,
      new Map([
        ['a.json', '1'],
        ['geo/b.json', '2'],
      ]),
    );
    await publishAtomically(out, new Map([['a.json', '3']]));
    expect(await readdir(out)).toEqual(['a.json']);
    expect(await readFile(join(out, 'a.json'), 'utf8')).toBe('3');
    // no staging or previous folders left behind
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('a failure while writing leaves the previous output untouched and no staging folder', async () => {
    const out = join(dir, 'out');
    await publishAtomically(
      out,
      new Map([
        ['a.json', 'old'],
        ['geo/b.json', 'old-b'],
      ]),
    );
    // 'x' is written as a file, then 'x/y.json' needs 'x' to be a folder: the write fails mid-way.
    const bad = new Map<string, string>([
      ['a.json', 'new'],
      ['x', 'file'],
      ['x/y.json', 'boom'],
    ]);
    await expect(publishAtomically(out, bad)).rejects.toThrow();
    expect(await readFile(join(out, 'a.json'), 'utf8')).toBe('old');
    expect(await readFile(join(out, 'geo', 'b.json'), 'utf8')).toBe('old-b');
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('creates the output folder (and its parents) on a first run', async () => {
    const out = join(dir, 'deep', 'out');
    await publishAtomically(out, new Map([['a.json', new Uint8Array([1, 2])]]));
    expect([...(await readFile(join(out, 'a.json')))]).toEqual([1, 2]);
  });

  it('stableJson is deterministic and ends with a newline', () => {
    expect(stableJson({ a: [1, { b: 2 }] })).toBe('{\n "a": [\n  1,\n  {\n   "b": 2\n  }\n ]\n}\n');
  });
});

describe('toCsv', () => {
  it('neutralises formula-like text but leaves negative numbers and decimals alone', () => {
    const csv = toCsv([{ a: '=HYPERLINK("x")', b: -12.5, c: '+44', d: '@SUM(A1)', e: '-x', f: '-.5', g: -3 }], ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const [, row] = csv.trimEnd().split('\n');
    const cells = Papa.parse<string[]>(row!).data[0]!;
    expect(cells[0]).toBe(`'=HYPERLINK("x")`);
    expect(cells[1]).toBe('-12.5');
    expect(cells[2]).toBe(`'+44`);
    expect(cells[3]).toBe(`'@SUM(A1)`);
    expect(cells[4]).toBe(`'-x`);
    expect(cells[5]).toBe('-.5');
    expect(cells[6]).toBe('-3');
  });

  it('quotes commas, quotes and newlines; nulls are empty; objects are JSON; LF line ends; column order kept', () => {
    const csv = toCsv([{ name: 'Bournemouth, Christchurch and Poole', q: 'say "hi"', n: null, o: { x: 1 }, m: 'a\nb' }], ['o', 'name', 'q', 'n', 'm']);
    expect(csv).toBe('o,name,q,n,m\n"{""x"":1}","Bournemouth, Christchurch and Poole","say ""hi""",,"a\nb"\n');
    expect(csv.includes('\r')).toBe(false);
  });
});

const row = (o: Partial<PanelRow>): PanelRow =>
  ({ la_code: 'E09000007', la_name: 'Camden', year: 2020, cla_count: 10, ofsted_overall: 'Good', spend_basis: 'lait-s251', missing: {}, ...o }) as PanelRow;

describe('report', () => {
  it('diffPanels lists changed cells with council, year, old and new value, and counts added/removed rows', () => {
    const prev = [row({}), row({ year: 2021, cla_count: 12 }), row({ la_code: 'E06000001', la_name: 'Hartlepool' })];
    const next = [row({ cla_count: 11 }), row({ year: 2021, cla_count: 12, ofsted_overall: 'Outstanding' }), row({ year: 2022 })];
    const d = diffPanels(prev, next);
    expect(d.total).toBe(2);
    expect(d.added).toBe(1);
    expect(d.removed).toBe(1);
    expect(d.byColumn).toEqual({ cla_count: 1, ofsted_overall: 1 });
    expect(d.sample).toEqual([
      { la_code: 'E09000007', la_name: 'Camden', year: 2020, column: 'cla_count', old: 10, new: 11 },
      { la_code: 'E09000007', la_name: 'Camden', year: 2021, column: 'ofsted_overall', old: 'Good', new: 'Outstanding' },
    ]);
  });

  it('diffPanels treats a value becoming missing as a change to null, and identical panels as no change', () => {
    expect(diffPanels([row({})], [row({ cla_count: null as unknown as number })]).sample[0]).toMatchObject({ old: 10, new: null });
    expect(diffPanels([row({})], [row({})])).toEqual({ total: 0, added: 0, removed: 0, byColumn: {}, sample: [] });
  });

  it('diffPanels caps the sample but not the total', () => {
    const prev = [2010, 2011, 2012].map((year) => row({ year }));
    const next = [2010, 2011, 2012].map((year) => row({ year, cla_count: 99 }));
    const d = diffPanels(prev, next, 2);
    expect(d.total).toBe(3);
    expect(d.sample).toHaveLength(2);
  });

  it('missingByColumn counts reasons per column', () => {
    const rows = [row({ missing: { cla_count: 'suppressed' } }), row({ missing: { cla_count: 'suppressed', cin_count: 'no_source' } })];
    expect(missingByColumn(rows)).toEqual({ cla_count: { suppressed: 2 }, cin_count: { no_source: 1 } });
  });

  it('reportMarkdown prints the changed cells and says when there was no previous run', () => {
    const base: RunReport = {
      dataVersion: 'v2',
      previousDataVersion: 'v1',
      sources: [{ id: 'cla-ees-2025', rows: 1234, from: 'mirror', changed: true }],
      panelRows: 3,
      missingByColumn: {},
      changes: diffPanels([row({})], [row({ cla_count: 11 })]),
      revisions: 0,
      timingsMs: { total: 5 },
    };
    const md = reportMarkdown(base, []);
    expect(md).toContain('1 cells changed, 0 council-years added, 0 removed.');
    expect(md).toContain('| Camden (E09000007) | 2020 | cla_count | 10 | 11 |');
    expect(md).toContain('| cla-ees-2025 | 1,234 | mirror | **yes** |');
    expect(reportMarkdown({ ...base, previousDataVersion: null }, [])).toContain('No previous output to compare with.');
  });
});
