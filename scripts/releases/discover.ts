/**
 * Release discovery: ask the publishers whether anything newer than the
 * manifest exists, and write the new manifest entries (or print them).
 *
 * A series is the manifest id without its release part (completeness.ts
 * seriesOf). For each series whose latest entry has a `discovery.ees` block,
 * the Explore Education Statistics API is asked for the data set's published
 * versions; a version whose time periods end after the latest entry's release
 * year is a new release. Its entry is a copy of the latest one with the new
 * id, release, published date, path, title span and the API's CSV address as
 * downloadUrl, and sha256 left empty: `DATA_UPDATE=1 npm run data` then
 * validates the file and pins it. Nothing in code lists releases or years.
 *
 * A series whose latest entry has a `discovery.govuk` block is looked for on
 * GOV.UK (Ofsted, MHCLG): the publications its collection lists, or a search
 * finds, whose title matches the block's pattern for a later year; the new
 * entry's file is the publication's attachment whose name matches, its
 * downloadUrl that file's address on GOV.UK.
 *
 * Series without a discovery block (ONS, HM Treasury, LAIT, the lookups, the
 * closed series) are listed as not checked, with the page to look at.
 */
import type { SourceEntry } from '../../contract/manifest.ts';
import { seriesOf } from '../data/completeness.ts';
import type { DataSetVersion, EesClient } from './ees.ts';
import type { GovukClient, GovukDocument } from './govuk.ts';

export interface FoundRelease {
  series: string;
  previous: string;
  /** Where it was found, in words ("data set version 2.0, published 2026-11-19"). */
  via: string;
  /** The EES data set version, for a release found there. */
  version?: string;
  changes: Record<string, number>;
  entry: Record<string, unknown>;
}

/** The publishers' APIs discovery asks; a series whose block names a client that is absent is reported as not checked. */
export interface Publishers {
  ees: EesClient;
  govuk?: GovukClient;
}

export interface Discovery {
  found: FoundRelease[];
  /** Series checked against a publisher's API and found up to date. */
  upToDate: Array<{ series: string; latest: string }>;
  /** Series with no automatic check: where to look. */
  notChecked: Array<{ series: string; latest: string; landingUrl: string; nextRelease?: string }>;
  /** Series whose publisher could not be asked (network, unexpected answer, data set not found): the problem, naming the URL. */
  failed: Array<{ series: string; latest: string; problem: string }>;
}

type RawEntry = Record<string, unknown> &
  Pick<SourceEntry, 'id' | 'release' | 'path' | 'title' | 'family' | 'landingUrl'> & { discovery?: SourceEntry['discovery']; nextRelease?: string };

const yearOf = (text: string): number | undefined => {
  const m = /^(\d{4})/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
};

/** The latest entry of each series (greatest release year, then later in the manifest). */
export function latestBySeries(entries: readonly RawEntry[]): Map<string, RawEntry> {
  const out = new Map<string, RawEntry>();
  for (const e of entries) {
    const s = seriesOf(e.id);
    const prev = out.get(s);
    if (!prev || (yearOf(e.release) ?? 0) >= (yearOf(prev.release) ?? 0)) out.set(s, e);
  }
  return out;
}

function replaceYear(text: string, from: string, to: string): string {
  return text.split(from).join(to);
}

/**
 * The latest entry without what belongs to its own file and release (checksums, sizes, dates, a
 * withdrawal): the start of the next release's entry, which update mode pins.
 */
function unpinned(latest: RawEntry): Record<string, unknown> {
  const { sha256: _s, bytes: _b, published: _p, withdrawn: _w, nextRelease: _n, downloadSha256: _ds, downloadBytes: _db, ...rest } = latest;
  void _s, _b, _p, _w, _n, _ds, _db;
  return rest;
}

export function newEntryFrom(latest: RawEntry, v: DataSetVersion, downloadUrl: string): Record<string, unknown> {
  const year = String(yearOf(v.timePeriods.end));
  const id = latest.id.includes(latest.release) ? replaceYear(latest.id, latest.release, year) : `${seriesOf(latest.id)}-${year}`;
  const path = replaceYear(latest.path, latest.release, year);
  if (path === latest.path)
    throw new Error(`cannot name a file for ${id}: the path of ${latest.id} (${latest.path}) does not contain its release ${latest.release}`);
  const start = yearOf(v.timePeriods.start);
  const title = replaceYear(latest.title, `${latest.release} release`, `${year} release`).replace(
    /\((\d{4})–(\d{4})\)/,
    start ? `(${start}–${year})` : '($1–$2)',
  );
  return { ...unpinned(latest), id, title, release: year, published: v.published.slice(0, 10), path, downloadUrl, sha256: '' };
}

/** The year a release's figures run to: "2024-25" → 2025; "31 March 2025", "2025", "December 2025" → 2025. */
export function releaseEndYear(release: string): number | undefined {
  const fy = /\b(\d{4})-(\d{2})\b/.exec(release);
  if (fy && (Number(fy[1]) + 1) % 100 === Number(fy[2])) return Number(fy[1]) + 1;
  const y = /\b(\d{4})\b/.exec(release);
  return y ? Number(y[1]) : undefined;
}

/** A text of the latest entry moved on to a later year: financial years first ("2024-25" → "2025-26"), then the year itself. */
export function advanceYears(text: string, from: number, to: number): string {
  const fy = (end: number) => `${end - 1}-${String(end % 100).padStart(2, '0')}`;
  const mark = '\u0000fy\u0000';
  return text
    .split(fy(from))
    .join(mark)
    .replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, 'g'), String(to))
    .split(mark)
    .join(fy(to));
}

export async function discover(entries: readonly RawEntry[], { ees, govuk }: Publishers): Promise<Discovery> {
  const result: Discovery = { found: [], upToDate: [], notChecked: [], failed: [] };
  const ids = new Set(entries.map((e) => e.id));
  for (const [series, latest] of latestBySeries(entries)) {
    const d = latest.discovery;
    if (!d?.ees && !(d?.govuk && govuk)) {
      result.notChecked.push({ series, latest: latest.id, landingUrl: latest.landingUrl, ...(latest.nextRelease ? { nextRelease: latest.nextRelease } : {}) });
      continue;
    }
    try {
      if (d.ees) await checkSeries(series, latest, d.ees, ees, ids, result);
      else await checkGovukSeries(series, latest, d.govuk!, govuk!, ids, result);
    } catch (e) {
      // One publisher's problem must not hide the others' new releases: reported, and the run goes on.
      result.failed.push({ series, latest: latest.id, problem: (e as Error).message });
    }
  }
  return result;
}

async function checkSeries(
  series: string,
  latest: RawEntry,
  d: NonNullable<NonNullable<RawEntry['discovery']>['ees']>,
  ees: EesClient,
  ids: ReadonlySet<string>,
  result: Discovery,
): Promise<void> {
  {
    const publication = await ees.publicationBySlug(d.publication, d.search);
    const dataSets = await ees.dataSets(publication.id);
    const ds = dataSets.find((x) => x.title === d.dataSet);
    if (!ds)
      throw new Error(
        `${latest.id}: the publication "${publication.title}" has no data set titled "${d.dataSet}" (it has: ${dataSets.map((x) => x.title).join('; ')})`,
      );
    const have = yearOf(latest.release);
    if (have === undefined) throw new Error(`${latest.id}: release "${latest.release}" does not start with a year, so discovery cannot compare it`);
    const newer = (await ees.versions(ds.id))
      .filter((v) => v.status === 'Published' && (yearOf(v.timePeriods.end) ?? 0) > have)
      .sort((a, b) => (yearOf(a.timePeriods.end) ?? 0) - (yearOf(b.timePeriods.end) ?? 0) || a.published.localeCompare(b.published));
    // One entry per new year: the latest published version of that year.
    const byYear = new Map<number, DataSetVersion>();
    for (const v of newer) byYear.set(yearOf(v.timePeriods.end)!, v);
    if (byYear.size === 0) {
      result.upToDate.push({ series, latest: latest.id });
      return;
    }
    let previous = latest;
    for (const v of byYear.values()) {
      const entry = newEntryFrom(latest, v, ees.csvUrl(ds.id, v.version));
      if (ids.has(String(entry.id))) continue;
      result.found.push({
        series,
        previous: previous.id,
        via: `data set version ${v.version}, published ${String(entry.published)}`,
        version: v.version,
        changes: await ees.changes(ds.id, v.version),
        entry,
      });
      previous = entry as RawEntry;
    }
  }
}

/**
 * A series published on GOV.UK: the publications of its collection (or search) whose title matches the
 * block's pattern for a year after the latest entry's; for each such year, the newest publication's
 * file whose name matches `attachment` becomes an entry like the latest, moved on to that year.
 */
async function checkGovukSeries(
  series: string,
  latest: RawEntry,
  d: NonNullable<NonNullable<RawEntry['discovery']>['govuk']>,
  govuk: GovukClient,
  ids: ReadonlySet<string>,
  result: Discovery,
): Promise<void> {
  const have = releaseEndYear(latest.release);
  if (have === undefined) throw new Error(`${latest.id}: release "${latest.release}" names no year, so discovery cannot compare it`);
  const docs = d.collection ? await govuk.collectionDocuments(d.collection) : await govuk.searchDocuments(d.search!.q, d.search!.organisation);
  const pattern = new RegExp(d.title);
  const byYear = new Map<number, GovukDocument>();
  for (const doc of docs) {
    const end = Number(pattern.exec(doc.title)?.groups?.end);
    if (!Number.isInteger(end) || end <= have) continue;
    const prev = byYear.get(end);
    if (!prev || doc.updated > prev.updated) byYear.set(end, doc);
  }
  if (byYear.size === 0) {
    result.upToDate.push({ series, latest: latest.id });
    return;
  }
  const file = new RegExp(d.attachment);
  let previous = latest;
  for (const [end, doc] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const pub = await govuk.publication(doc.path);
    const att = pub.attachments.find((a) => file.test(a.filename));
    if (!att)
      throw new Error(
        `${govuk.pageUrl(doc.path)} ("${pub.title}") has no file whose name matches ${d.attachment}; its files: ${pub.attachments.map((a) => a.filename).join(', ') || 'none'}`,
      );
    const published = pub.firstPublished.slice(0, 10);
    const move = (text: string) => advanceYears(text, have, end);
    const folder = latest.path.includes('/') ? latest.path.slice(0, latest.path.lastIndexOf('/') + 1) : '';
    const entry: Record<string, unknown> = {
      ...unpinned(latest),
      id: move(latest.id),
      title: move(latest.title),
      release: move(latest.release),
      published,
      // A landing page of its own release (it names the year) becomes the new publication's page.
      landingUrl: move(latest.landingUrl) === latest.landingUrl ? latest.landingUrl : govuk.pageUrl(doc.path),
      path: `${folder}${att.filename}`,
      downloadUrl: att.url,
      ...(typeof latest.sheet === 'string' ? { sheet: move(latest.sheet) } : {}),
      sha256: '',
    };
    if (entry.id === latest.id) throw new Error(`${latest.id}: the id does not carry its release year, so the new entry cannot be named`);
    if (ids.has(String(entry.id))) continue;
    result.found.push({ series, previous: previous.id, via: `GOV.UK publication ${govuk.pageUrl(doc.path)}, published ${published}`, changes: {}, entry });
    previous = entry as RawEntry;
  }
}

/** The manifest with each found entry inserted after the last entry of its series. */
export function withNewEntries<T extends { sources: RawEntry[] }>(manifest: T, found: readonly FoundRelease[]): T {
  const sources = [...manifest.sources] as Array<Record<string, unknown>>;
  for (const f of found) {
    let at = -1;
    sources.forEach((s, i) => {
      if (seriesOf(String(s.id)) === f.series) at = i;
    });
    sources.splice(at + 1, 0, f.entry);
  }
  return { ...manifest, sources } as T;
}

export function discoveryReport(d: Discovery): string {
  const lines: string[] = [];
  if (d.found.length === 0) lines.push('No new release found.');
  for (const f of d.found) {
    const ch = Object.entries(f.changes)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
    lines.push(`NEW ${f.entry.id} (after ${f.previous}; ${f.via})${ch ? ` — changes: ${ch}` : ''}`);
    lines.push(`    ${String(f.entry.downloadUrl)}`);
  }
  for (const f of d.failed) lines.push(`COULD NOT CHECK ${f.series} (latest ${f.latest}): ${f.problem}`);
  for (const u of d.upToDate) lines.push(`up to date: ${u.series} (latest ${u.latest})`);
  for (const n of d.notChecked)
    lines.push(`not checked automatically: ${n.series} (latest ${n.latest}${n.nextRelease ? `, next release ${n.nextRelease}` : ''}) — see ${n.landingUrl}`);
  return `${lines.join('\n')}\n`;
}
