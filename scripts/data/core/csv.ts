/**
 * CSV reading with PapaParse.
 *
 * Files arrive as UTF-8 (with or without a byte-order mark) or as Windows-1252
 * (the older Section 251 outturn files, where a curly apostrophe is byte 0x92).
 * The manifest declares the encoding of each file; UTF-8 is decoded strictly so
 * that a file saved in another encoding fails loudly instead of producing
 * replacement characters.
 */
import Papa from 'papaparse';
import { DataError } from './errors.ts';
import { Table } from './table.ts';

export type Encoding = 'utf-8' | 'windows-1252';

export function decodeText(bytes: Uint8Array, encoding: Encoding, where: { source: string; file: string }): string {
  if (encoding === 'windows-1252') {
    return new TextDecoder('windows-1252').decode(bytes);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new DataError(
      { source: where.source, file: where.file, ...(bad ? { row: bad.line, value: `byte 0x${bad.byte.toString(16)}` } : {}) },
      'the file is not valid UTF-8',
      "it may have been re-saved as Windows-1252/latin-1; restore the publisher's file or declare its encoding in data/sources.json",
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; byte: number } | undefined {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    try {
      if (len === 0) throw new Error();
      dec.decode(bytes.subarray(i, i + len));
      i += len - 1;
    } catch {
      return { line, byte: b };
    }
  }
  return undefined;
}

export interface ReadCsvOptions {
  source: string;
  file: string;
  encoding?: Encoding;
  /** Minimum number of data rows; fewer means a truncated file. */
  minRows?: number;
}

/** Parse CSV bytes into a Table. Rows whose cells are all empty are dropped (trailing blank lines). */
export function readCsv(bytes: Uint8Array, opts: ReadCsvOptions): Table {
  const text = decodeText(bytes, opts.encoding ?? 'utf-8', opts);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    throw new DataError(
      { source: opts.source, file: opts.file, row: (fatal.row ?? 0) + 1 },
      `malformed CSV: ${fatal.message}`,
      'the file may be truncated or edited by hand; re-acquire it from the publisher',
    );
  }
  const all = parsed.data;
  const header = all[0];
  if (!header || header.every((h) => h.trim() === '')) {
    throw new DataError({ source: opts.source, file: opts.file, row: 1 }, 'the file is empty or has no header row');
  }
  // Strip a BOM that survived decoding.
  if (header[0]?.charCodeAt(0) === 0xfeff) header[0] = header[0].slice(1);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 1; i < all.length; i++) {
    const r = all[i]!;
    if (r.every((c) => c.trim() === '')) continue;
    if (r.length < header.length && r.length > 0) {
      // A short row in the middle is structural damage; at the very end it is truncation.
      const last = i === all.length - 1 || all.slice(i + 1).every((x) => x.every((c) => c.trim() === ''));
      throw new DataError(
        { source: opts.source, file: opts.file, row: i + 1, value: r.join(',').slice(0, 80) },
        `row has ${r.length} cells but the header has ${header.length}${last ? ' (the file looks truncated)' : ''}`,
        're-acquire the file from the publisher',
      );
    }
    rows.push(r);
    rowNumbers.push(i + 1);
  }
  if (opts.minRows !== undefined && rows.length < opts.minRows) {
    throw new DataError(
      { source: opts.source, file: opts.file },
      `only ${rows.length} data rows; at least ${opts.minRows} expected (the file looks truncated)`,
      're-acquire the file from the publisher',
    );
  }
  return new Table({ source: opts.source, file: opts.file, header, rows, headerRow: 1, rowNumbers });
}
