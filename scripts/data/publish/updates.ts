/**
 * The public log of data updates (data/updates.json, next to the manifest;
 * committed with the manifest change a data refresh proposes). Each accepted
 * update — a run in update mode in which a source file was new or changed —
 * adds one dated entry: which releases came in, how many figures changed, which
 * councils and years, and which stories cite a source of the same series (so
 * their figures may have moved). The site lists the log at /updates/ and its
 * footer's "Data updated" is the latest entry's date.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { SourceFiles } from '../core/acquire.ts';
import { seriesOf } from '../completeness.ts';
import type { RunReport } from './report.ts';

import { UpdatesFileSchema, type UpdateEntry } from '../../../contract/updates.ts';

/** Stories (src/content/stories/*.mdx) whose frontmatter `sources` name an id of one of these series. */
export async function storiesCiting(storiesDir: string, series: ReadonlySet<string>): Promise<UpdateEntry['stories']> {
  let names: string[];
  try {
    names = (await readdir(storiesDir)).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  const out: UpdateEntry['stories'] = [];
  for (const n of names) {
    const text = await readFile(join(storiesDir, n), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const ids = [...(/^sources:\s*\[(.*)\]/m.exec(front)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    if (!ids.some((id) => series.has(seriesOf(id)))) continue;
    if (/^draft:\s*true\b/m.test(front)) continue; // drafts are not published, so not listed
    const title = /^title:\s*"(.*)"/m.exec(front)?.[1] ?? n.replace(/\.mdx$/, '');
    out.push({ slug: n.replace(/\.mdx$/, ''), title });
  }
  return out;
}

export function updateEntry(date: string, report: RunReport, files: SourceFiles, stories: UpdateEntry['stories']): UpdateEntry {
  const changed = [...files.values()].filter((f) => f.changed);
  const sample = report.changes.sample;
  const councils = new Map<string, string>();
  for (const c of sample) councils.set(c.la_code, c.la_name);
  return {
    date,
    dataVersion: report.dataVersion,
    sources: changed.map((f) => ({ id: f.entry.id, title: f.entry.title, release: f.entry.release, publisher: f.entry.publisher })),
    changes: { cells: report.changes.total, councilYearsAdded: report.changes.added, councilYearsRemoved: report.changes.removed },
    years: [...new Set([...sample.map((c) => c.year), ...(report.changes.addedYears ?? [])])].sort((a, b) => a - b),
    councils: [...councils].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    measures: [...new Set(sample.map((c) => c.column))].sort(),
    stories,
  };
}

/** Append an entry to the log at `path` (created if absent). */
export async function appendUpdate(path: string, entry: UpdateEntry): Promise<void> {
  let file: z.infer<typeof UpdatesFileSchema> = { note: 'Public log of accepted data updates (scripts/data/publish/updates.ts). Newest last.', updates: [] };
  try {
    file = UpdatesFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${path} is not a valid data-updates log: ${(e as Error).message}`);
  }
  file.updates.push(entry);
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
}
