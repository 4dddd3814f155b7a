import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMissing } from '../../../contract/missing.ts';
import { loadDeprivation, parseIod } from '../../../scripts/data/sources/deprivation.ts';
import { loadGeography } from '../../../scripts/data/sources/geography.ts';
import { IDACI_HEADER, IDACI_ROWS, IMD_HEADER, IMD_ROWS, SLOUGH_IDACI, SLOUGH_IMD, iodWorkbook } from '../../fixtures/deprivation/iod.ts';
import { fixtureFiles } from '../../fixtures/geography/files.ts';

const GEO_DIR = join(import.meta.dirname, '../../fixtures/geography');
const read = (f: string) => readFileSync(join(GEO_DIR, f), 'utf8');
const N = IMD_ROWS.length;

function files(xlsx: Uint8Array) {
  return fixtureFiles({
    'iod-2019-utla': xlsx,
    'lookup-dfe-las': read('las.csv'),
    'lookup-gias-la-codes': read('EnglishLaNameCodes.csv'),
    'lookup-mysociety-las': read('uk_local_authorities.csv'),
    'lookup-ons-changes': read('changes.csv'),
    'lookup-stat-neighbours-2021': read('neighbours.csv'),
  });
}
const geoOpts = { minRows: { dfe: 5, gias: 1, mysociety: 1, changes: 1, neighbours: 3 } };

describe('IoD 2019 File 11 parser', () => {
  it('reads average score and rank of average score, with headers that carry stray spaces', () => {
    const { imd, idaci } = parseIod(files(iodWorkbook()), 'iod-2019-utla', N);
    expect(imd.get('E06000009')).toEqual({ name: 'Blackpool', score: 45.039, rank: 1 });
    expect(idaci.get('E06000009')).toEqual({ name: 'Blackpool', score: 0.307, rank: 2 });
  });

  it("corrects the publisher's misprinted Slough code in the IMD sheet, and only that", () => {
    const ok = iodWorkbook([IMD_HEADER, ...IMD_ROWS, SLOUGH_IMD], [IDACI_HEADER, ...IDACI_ROWS, SLOUGH_IDACI]);
    expect(parseIod(files(ok), 'iod-2019-utla', N + 1).imd.get('E06000039')?.rank).toBe(73);
    const wrongName = iodWorkbook([IMD_HEADER, ...IMD_ROWS, ['E0600003', 'Reading', 1, 1, 1, 1]], [IDACI_HEADER, ...IDACI_ROWS, SLOUGH_IDACI]);
    expect(() => parseIod(files(wrongName), 'iod-2019-utla', N + 1)).toThrow(
      /sheet "IMD", row 19, column "Upper Tier Local Authority District code \(2019\)", value "E0600003"/,
    );
  });

  it('names a missing or renamed column', () => {
    const renamed = [IMD_HEADER.map((h) => h.replace('Rank of average score', 'Rank of score')), ...IMD_ROWS];
    expect(() => parseIod(files(iodWorkbook(renamed)), 'iod-2019-utla', N)).toThrow(/expected column "IMD - Rank of average score" is missing/);
  });

  it('rejects a duplicated council, a non-numeric value, an out-of-range rank or score and a missing sheet row', () => {
    const dup = [IMD_HEADER, ...IMD_ROWS, IMD_ROWS[0]!];
    expect(() => parseIod(files(iodWorkbook(dup)), 'iod-2019-utla', N)).toThrow(/duplicate council E06000009/);
    const text = [IMD_HEADER, ['E06000009', 'Blackpool', 1, 1, 'forty-five', 1], ...IMD_ROWS.slice(1)];
    expect(() => parseIod(files(iodWorkbook(text)), 'iod-2019-utla', N)).toThrow(/row 2, column "IMD - Average score", value "forty-five"/);
    const marker = [IMD_HEADER, ['E06000009', 'Blackpool', 1, 1, 'x', 1], ...IMD_ROWS.slice(1)];
    expect(() => parseIod(files(iodWorkbook(marker)), 'iod-2019-utla', N)).toThrow(/found a missing-value marker/);
    const rank = [IMD_HEADER, ['E06000009', 'Blackpool', 1, 1, 45, 152], ...IMD_ROWS.slice(1)];
    expect(() => parseIod(files(iodWorkbook(rank)), 'iod-2019-utla', N)).toThrow(/rank is not a whole number from 1 to 151/);
    const score = [IDACI_HEADER, ['E06000009', 'Blackpool', 1, 1, 30.7, 2, 0], ...IDACI_ROWS.slice(1)];
    expect(() => parseIod(files(iodWorkbook(undefined, score)), 'iod-2019-utla', N)).toThrow(/score outside 0–1/);
    const short = [IDACI_HEADER, ...IDACI_ROWS.slice(1)];
    expect(() => parseIod(files(iodWorkbook(undefined, short)), 'iod-2019-utla', N)).toThrow(
      /sheet "IDACI".*16 councils; the IoD 2019 upper-tier summary has 17/,
    );
  });

  it('rejects a truncated (unreadable) file and the default count on a short file', () => {
    const bytes = iodWorkbook();
    expect(() => parseIod(files(bytes.slice(0, 200)))).toThrow(/could not be read|truncated/);
    expect(() => parseIod(files(bytes))).toThrow(/17 councils; the IoD 2019 upper-tier summary has 151/);
  });
});

describe('deprivation on canonical codes', () => {
  const rows = () => {
    const f = files(iodWorkbook());
    return new Map(loadDeprivation(f, loadGeography(f, geoOpts), N).map((r) => [r.code, r]));
  };

  it('carries same-boundary recodes over (Buckinghamshire, North Yorkshire)', () => {
    const r = rows();
    expect(r.get('E06000060')).toMatchObject({ iodCode: 'E10000002', imd_rank: 146, idaci_score: 0.085 });
    expect(r.get('E06000065')).toMatchObject({ iodCode: 'E10000023', imd_score: 14.762 });
  });

  it('gives no figure, with a reason, for councils created after 2019 or abolished before it', () => {
    const r = rows();
    for (const code of ['E06000061', 'E06000062', 'E06000063', 'E06000064', 'E06000028', 'E06000029', 'E10000009']) {
      const row = r.get(code)!;
      expect(isMissing(row.imd_score) && row.imd_score.missing).toBe('no_source');
      expect(isMissing(row.idaci_rank)).toBe(true);
      expect(row.note).toMatch(/No official IoD 2019 figure/);
    }
    // The abolished county keeps its own published figure.
    expect(r.get('E10000021')).toMatchObject({ imd_rank: 99, note: null });
  });

  it('fails if a council that existed on 2019 boundaries has no row', () => {
    const f = files(
      iodWorkbook([IMD_HEADER, ...IMD_ROWS.filter((r) => r[0] !== 'E09000007')], [IDACI_HEADER, ...IDACI_ROWS.filter((r) => r[0] !== 'E09000007')]),
    );
    expect(() => loadDeprivation(f, loadGeography(f, geoOpts), N - 1)).toThrow(/Camden \(E09000007\) existed on 2019 boundaries but has no row/);
  });
});
