/** core/csv, core/table, core/sheet and core/manifest: the places data enter the pipeline. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../scripts/data/core/csv.ts';
import { DataError } from '../../../scripts/data/core/errors.ts';
import { loadManifest } from '../../../scripts/data/core/manifest.ts';
import { readWorkbook, sheetTable } from '../../../scripts/data/core/sheet.ts';

const where = { source: 'test-src', file: 'dir/file.csv' };
const enc = (s: string) => new TextEncoder().encode(s);
const err = (f: () => unknown): DataError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
};

describe('readCsv', () => {
  it('strips a UTF-8 byte-order mark, drops blank lines and numbers rows as a person counts them', () => {
    const t = readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('code,n\r\nE09000007,1\r\n\r\nE06000001,2\r\n')]), where);
    expect(t.header).toEqual(['code', 'n']);
    expect(t.rows).toEqual([
      ['E09000007', '1'],
      ['E06000001', '2'],
    ]);
    expect(t.rowNumber(1)).toBe(4);
  });

  it('decodes windows-1252 when declared (curly apostrophe 0x92)', () => {
    const t = readCsv(new Uint8Array([...enc('name\nChildren'), 0x92, ...enc('s centres\n')]), { ...where, encoding: 'windows-1252' });
    expect(t.text(0, 'name')).toBe('Children’s centres');
  });

  it('rejects invalid UTF-8, naming the line and byte', () => {
    const e = err(() => readCsv(new Uint8Array([...enc('name\nok\nCamd'), 0xe9, ...enc('n\n')]), where));
    expect(e.message).toBe(
      'source test-src, file dir/file.csv, row 3, value "byte 0xe9": the file is not valid UTF-8\n  → it may have been re-saved as Windows-1252/latin-1; restore the publisher\'s file or declare its encoding in data/sources.json',
    );
  });

  it('rejects an unbalanced quote, a short row (truncation) and too few rows', () => {
    expect(err(() => readCsv(enc('a,b\n1,"2\n3,4\n'), where)).message).toMatch(/^source test-src, file dir\/file.csv, row 2: malformed CSV/);
    expect(err(() => readCsv(enc('a,b,c\n1,2,3\n4,5\n'), where)).message).toContain(
      'row 3, value "4,5": row has 2 cells but the header has 3 (the file looks truncated)',
    );
    expect(err(() => readCsv(enc('a,b,c\n1,2\n4,5,6\n'), where)).message).not.toContain('truncated');
    expect(err(() => readCsv(enc('a\n1\n'), { ...where, minRows: 2 })).message).toContain('only 1 data rows; at least 2 expected');
    expect(err(() => readCsv(enc(''), where)).message).toContain('row 1: the file is empty or has no header row');
  });
});

describe('Table', () => {
  const t = readCsv(enc('code,n\nE09000007,12\nE06000001,c\nE06000002,1,234\n'.replace('1,234', '"1,234"')), where);
  it('reads numbers, thousands separators and markers as typed values', () => {
    expect(t.value(0, 'n')).toBe(12);
    expect(t.value(1, 'n')).toMatchObject({ missing: 'suppressed', marker: 'c' });
    expect(t.value(2, 'n')).toBe(1234);
  });

  it('names row, column and value for unknown text, and lists columns for a missing one', () => {
    const bad = readCsv(enc('code,n\nE09000007,twelve\n'), where);
    expect(err(() => bad.value(0, 'n')).message).toMatch(
      /^source test-src, file dir\/file\.csv, row 2, column "n", value "twelve": not a number or a known missing-value marker\n {2}→ known markers: c \(suppressed\), x \(not available\)/,
    );
    expect(err(() => t.col('count')).message).toContain('column "count": expected column "count" is missing\n  → columns found: "code", "n"');
    expect(t.colOneOf(['count', 'n'])).toEqual({ name: 'n', index: 1 });
  });

  it('assertUniqueKeys names both rows', () => {
    const d = readCsv(enc('code\nE1\nE2\nE1\n'), where);
    expect(err(() => d.assertUniqueKeys((r) => d.text(r, 'code'), 'council')).message).toContain('row 4: duplicate council "E1" (first seen at row 2)');
  });
});

describe('sheet', () => {
  const book = (aoa: unknown[][], type: XLSX.BookType) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Data');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: type }) as ArrayBuffer);
  };
  for (const type of ['xlsx', 'ods', 'biff8'] as const) {
    it(`finds the header below title rows and numbers rows as in the file (${type})`, () => {
      const bytes = book([['Title: £ thousand'], [], ['Local authority', 'Value'], ['Camden', 12.5], [], ['Notes']], type);
      const t = sheetTable(readWorkbook(bytes, where, ['Data']), 'Data', where, (r) => r[0] === 'Local authority', { stopAtBlank: true });
      expect(t.rows).toEqual([['Camden', '12.5']]);
      expect(t.rowNumber(0)).toBe(4);
      expect(t.value(0, 'Value')).toBe(12.5);
    });
  }

  it('a missing sheet, a missing header and an unreadable file are DataErrors', () => {
    const bytes = book([['a']], 'xlsx');
    const wb = readWorkbook(bytes, where);
    expect(err(() => sheetTable(wb, 'Other', where, () => true)).message).toContain('sheet "Other": sheet "Other" is missing');
    expect(err(() => sheetTable(wb, 'Data', where, () => false)).message).toContain('no header row found in the first 1 rows');
    expect(err(() => readWorkbook(bytes.subarray(0, 100), where)).message).toContain('the spreadsheet could not be read');
  });
});

describe('loadManifest', () => {
  const entry = {
    id: 'cla-x',
    family: 'cla',
    title: 'A title',
    publisher: 'DfE',
    landingUrl: 'https://example.org/',
    licence: 'OGL-3.0',
    release: '2025',
    path: 'a.csv',
    sha256: 'a'.repeat(64),
    bytes: 10,
  };
  async function load(value: unknown) {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-'));
    try {
      await writeFile(join(dir, 'sources.json'), JSON.stringify(value));
      return await loadManifest(join(dir, 'sources.json'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  it('accepts a valid manifest', async () => {
    expect((await load({ sources: [entry] })).sources[0]!.id).toBe('cla-x');
  });
  it('rejects duplicate ids, bad checksums and unknown families, naming the entry', async () => {
    await expect(load({ sources: [entry, entry] })).rejects.toThrow(/sources\.1\.id: duplicate source id cla-x/);
    await expect(load({ sources: [{ ...entry, sha256: 'xyz' }] })).rejects.toThrow(/sources\.0\.sha256/);
    await expect(load({ sources: [{ ...entry, family: 'weather' }] })).rejects.toThrow(/sources\.0\.family/);
  });
  it('the real manifest is valid and every entry has a distinct path', async () => {
    const m = await loadManifest(new URL('../../../data/sources.json', import.meta.url).pathname);
    expect(new Set(m.sources.map((s) => s.path)).size).toBe(m.sources.length);
  });
});
