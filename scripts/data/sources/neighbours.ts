/**
 * DfE children's services statistical neighbours: the newest manifest entry of
 * family geography and role "statistical-neighbours" (today the April 2021
 * groupings, lookup-stat-neighbours-2021), so new groupings in the same layout
 * are one more entry.
 *
 * ROW = one council (DfE three-digit code in "LA num") and its ten closest
 * statistical neighbours SN1..SN10, closest first, each a three-digit code
 * followed by a closeness band in a column headed "SNP" (the header repeats).
 *
 * The file has two sections. The first holds the 152 councils of 2021
 * geography (with Cumbria 909, without Cumberland or Westmorland and Furness,
 * which did not exist yet). After a blank row, a row "Old SNs:" introduces the
 * groupings DfE kept for councils abolished before 2021 (835 Dorset, 836 Poole,
 * 837 Bournemouth, 928 Northamptonshire). We return the two sections
 * separately: `current` and `former`. A code may appear in both (928): the
 * geography uses `current` first.
 *
 * Neighbour codes are kept as published (three-digit codes); mapping them to
 * GSS codes is the geography's job.
 */
import { readCsv } from '../core/csv.ts';
import { newestFile, type SourceFiles } from '../core/acquire.ts';
import { isOldLaCode } from '../../../contract/codes.ts';

export interface NeighbourRow {
  oldCode: string;
  name: string;
  /** Three-digit codes, closest first. */
  neighbours: string[];
}

export interface StatNeighbours {
  current: NeighbourRow[];
  former: NeighbourRow[];
  /** The manifest entry read, for messages. */
  source: string;
}

export const NEIGHBOURS_ROLE = 'statistical-neighbours';

const SN_COLUMNS = Array.from({ length: 10 }, (_, i) => `SN${i + 1}`);

export function parseStatNeighbours(files: SourceFiles, minCurrent = 140): StatNeighbours {
  const f = newestFile(files, 'geography', NEIGHBOURS_ROLE);
  const id = f.entry.id;
  const t = readCsv(f.bytes, { source: id, file: f.entry.path, minRows: minCurrent > 0 ? 1 : 0 });
  t.requireColumns(['LA num', 'LA Name', ...SN_COLUMNS]);
  const current: NeighbourRow[] = [];
  const former: NeighbourRow[] = [];
  let section = current;
  for (let r = 0; r < t.rows.length; r++) {
    const num = t.text(r, 'LA num');
    const name = t.text(r, 'LA Name');
    if (num === '' && /^old sns:?$/i.test(name)) {
      section = former;
      continue;
    }
    if (!isOldLaCode(num)) throw t.error('not a DfE three-digit LA code', { row: r, column: 'LA num', value: num });
    if (name === '') throw t.error('blank council name', { row: r, column: 'LA Name' });
    const neighbours: string[] = [];
    for (const c of SN_COLUMNS) {
      const v = t.text(r, c);
      if (!isOldLaCode(v)) throw t.error('statistical neighbour is not a three-digit LA code', { row: r, column: c, value: v });
      if (v === num) throw t.error('a council is listed as its own neighbour', { row: r, column: c, value: v });
      if (neighbours.includes(v)) throw t.error('neighbour listed twice', { row: r, column: c, value: v });
      neighbours.push(v);
    }
    if (section.some((x) => x.oldCode === num)) {
      throw t.error(`duplicate council ${num} in the ${section === current ? 'current' : '"Old SNs"'} section`, { row: r, column: 'LA num', value: num });
    }
    section.push({ oldCode: num, name, neighbours });
  }
  if (current.length < minCurrent) {
    throw t.error(`only ${current.length} councils before the "Old SNs:" marker; at least ${minCurrent} expected`, {}, 'the file looks truncated');
  }
  return { current, former, source: id };
}
