/**
 * Acquisition: bring each manifest source into the cache, verifying its checksum.
 *
 * Order of preference for each file:
 *   1. the raw mirror folder (DATA_RAW_DIR, default ../shared/data/raw);
 *   2. the cache, if it already holds the pinned bytes;
 *   3. the official download URL, when a fetch function is available (a machine with internet).
 *      An entry with a `convert` block names a file the publisher does not publish as such
 *      (e.g. one GeoPackage layer as GeoJSON): the download is pinned by `downloadSha256`,
 *      converted (core/convert/), and the result checked against `sha256` like any file.
 *      DATA_DOWNLOAD_BASE sends every download to another host (a local copy, in tests):
 *      https://host/path → <base>/host/path.
 *
 * A file that cannot be had (not in the mirror or cache, or a failed download) is a
 * SourceUnavailableError: it names the source and the address, and is not bad input.
 *
 * Checksums are pinned. A file whose sha256 differs from the manifest stops the
 * pipeline, unless update mode (DATA_UPDATE=1) is on: then the new file is
 * accepted provisionally, the run validates it like any other, and only a
 * successful run records its new checksum in the manifest.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConversionError, convertGpkgLayer } from './convert/gpkg.ts';
import { DataError } from './errors.ts';
import { type Family, type Manifest, newestFirst, releaseKey, type SourceEntry } from '../../../contract/manifest.ts';

/**
 * A source file that could not be obtained: it is not in the mirror or the cache
 * and could not be (or was not allowed to be) downloaded. The data were not read,
 * so this is never "bad input"; the CLI says so and exits with its own code.
 */
export class SourceUnavailableError extends DataError {
  constructor(location: DataError['location'], problem: string, hint?: string) {
    super(location, problem, hint);
    this.name = 'SourceUnavailableError';
  }
}

export interface AcquiredFile {
  entry: SourceEntry;
  bytes: Uint8Array;
  sha256: string;
  /** True when the bytes differ from the pinned checksum (only possible in update mode). */
  changed: boolean;
  from: 'mirror' | 'cache' | 'download';
  /** For a converted download: the downloaded file's checksum and size (update mode pins them as downloadSha256/downloadBytes). */
  download?: { sha256: string; bytes: number; changed: boolean };
}

export type SourceFiles = ReadonlyMap<string, AcquiredFile>;

export interface AcquireOptions {
  rawDir: string;
  cacheDir: string;
  update: boolean;
  /** Injected so tests and offline machines never touch the network. */
  fetchBytes?: (url: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
  /** Only acquire these source ids (all when absent). */
  only?: ReadonlySet<string>;
  /** DATA_DOWNLOAD_BASE: fetch https://host/path from <base>/host/path instead (a local copy of the publishers' files). */
  downloadBase?: string;
}

/** Where a download is fetched from: the entry's address, or its copy under DATA_DOWNLOAD_BASE. */
export function downloadAddress(url: string, base?: string): string {
  if (!base) return url;
  const u = new URL(url);
  return `${base.replace(/\/+$/, '')}/${u.host}${u.pathname}${u.search}`;
}

/**
 * The fetch used by `npm run data` with DATA_DOWNLOAD=1: the body of a 2xx answer, else an
 * error that says what happened (HTTP status, or the network error's code such as ECONNREFUSED).
 */
export async function httpFetchBytes(url: string, timeoutMs = 300_000): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new Error(`no answer from the server (${why})`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function tryRead(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

export async function acquireOne(entry: SourceEntry, opts: AcquireOptions): Promise<AcquiredFile> {
  const cachePath = join(opts.cacheDir, 'raw', entry.path);
  const mirrorBytes = await tryRead(join(opts.rawDir, entry.path));
  let bytes: Uint8Array | undefined = mirrorBytes;
  let from: AcquiredFile['from'] = 'mirror';
  if (!bytes) {
    const cached = await tryRead(cachePath);
    if (cached && sha256(cached) === entry.sha256) {
      bytes = cached;
      from = 'cache';
    }
  }
  let download: AcquiredFile['download'];
  if (!bytes && opts.fetchBytes && entry.downloadUrl) {
    const got = await downloadOne(entry, opts.fetchBytes, opts);
    bytes = got.bytes;
    download = got.download;
    from = 'download';
  }
  if (!bytes) {
    throw new SourceUnavailableError(
      { source: entry.id, file: entry.path },
      `the file is not in the raw mirror (${opts.rawDir}) nor in the cache`,
      entry.downloadUrl
        ? `set DATA_RAW_DIR to a folder holding it, or run with DATA_DOWNLOAD=1 on a machine with internet to download ${entry.downloadUrl}`
        : 'set DATA_RAW_DIR to a folder holding it, and give the entry a downloadUrl in data/sources.json',
    );
  }
  if (looksLikeWebPage(bytes, entry.path)) {
    throw new DataError(
      { source: entry.id, file: entry.path },
      from === 'download'
        ? `the download returned a web page, not data (${entry.downloadUrl})`
        : 'the file is a web page, not data (an HTML document saved in place of the file)',
      "the publisher's address probably now points at a landing or error page: find the file on the landing page and update downloadUrl in data/sources.json",
    );
  }
  const hash = sha256(bytes);
  const changed = hash !== entry.sha256;
  if (changed && !opts.update && entry.sha256 === '') {
    throw new DataError(
      { source: entry.id, file: entry.path },
      'this entry has no pinned checksum yet (a new release)',
      'run DATA_UPDATE=1 npm run data to validate the file and record its checksum in data/sources.json',
    );
  }
  if (changed && !opts.update) {
    throw new DataError(
      { source: entry.id, file: entry.path },
      `checksum mismatch: the manifest pins sha256 ${entry.sha256.slice(0, 16)}… but the file has ${hash.slice(0, 16)}… (${bytes.length} bytes, manifest says ${entry.bytes ?? 'nothing'})`,
      'if the publisher released a new version, run with DATA_UPDATE=1 to validate it and record the new checksum; otherwise restore the original file',
    );
  }
  if (from !== 'cache') {
    const cached = await tryRead(cachePath);
    if (!cached || sha256(cached) !== hash) await writeAtomic(cachePath, bytes);
  }
  return { entry, bytes, sha256: hash, changed, from, ...(download ? { download } : {}) };
}

export async function acquireAll(manifest: Manifest, opts: AcquireOptions): Promise<Map<string, AcquiredFile>> {
  const out = new Map<string, AcquiredFile>();
  const entries = manifest.sources.filter((s) => !opts.only || opts.only.has(s.id));
  // Several entries may be layers of one download (a GeoPackage): fetch each address once per run.
  const fetchBytes = opts.fetchBytes && onceEach(opts.fetchBytes);
  const one = { ...opts, ...(fetchBytes ? { fetchBytes } : {}) };
  // allSettled: a failing file must not leave other copies still being written into the cache.
  const settled = await Promise.allSettled(entries.map((e) => acquireOne(e, one)));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  for (const r of settled) if (r.status === 'fulfilled') out.set(r.value.entry.id, r.value);
  return out;
}

/**
 * An HTML page where data was expected: a landing page, a login wall or an
 * error page served with status 200. Checked on the first bytes (after a BOM
 * and whitespace) of any file that is not itself meant to be HTML.
 */
export function looksLikeWebPage(bytes: Uint8Array, path: string): boolean {
  if (/\.html?$/i.test(path)) return false;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const head = new TextDecoder('latin1').decode(bytes.subarray(i, i + 512)).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html')) || /^<head[\s>]/.test(head);
}

/**
 * The newest release of a family and role (manifest `role`, ordered by `releaseKey`):
 * how a reader picks its file, so a new release is one more manifest entry. Two
 * entries of one role and release are an error, as is a role with none.
 */
export function newestFile(files: SourceFiles, family: Family, role: string): AcquiredFile {
  const ordered = newestFirst(
    [...files.values()].map((f) => f.entry),
    family,
    role,
  );
  if (ordered.length === 0) {
    throw new Error(`no source of family "${family}" with role "${role}" in data/sources.json (or none was acquired); add an entry with "role": "${role}"`);
  }
  for (const e of ordered)
    if (!releaseKey(e))
      throw new DataError(
        { source: e.id, value: e.release },
        'the release names no date or year, so it cannot be ordered against the others of its role',
        'give the entry a published date (YYYY-MM or YYYY-MM-DD)',
      );
  const [first, second] = ordered as [SourceEntry, ...SourceEntry[]];
  if (second && releaseKey(second) === releaseKey(first)) {
    throw new DataError(
      { source: first.id, value: first.release },
      `${first.id} and ${second.id} are both the newest release of role "${role}" (${releaseKey(first)})`,
      'give the newer one a later published date, or a different role',
    );
  }
  return files.get(first.id)!;
}

/**
 * The manifest fields update mode records for a file that changed: `sha256` and `bytes`,
 * and for a converted download also `downloadSha256` and `downloadBytes` (the file it was
 * converted from). Undefined when nothing changed.
 */
export function newPins(f: AcquiredFile): Pick<SourceEntry, 'sha256' | 'bytes' | 'downloadSha256' | 'downloadBytes'> | undefined {
  if (!f.changed && !f.download?.changed) return undefined;
  return { sha256: f.sha256, bytes: f.bytes.length, ...(f.download ? { downloadSha256: f.download.sha256, downloadBytes: f.download.bytes } : {}) };
}

/** The one file of a source id; a clear error if the manifest lacks it. */
export function fileOf(files: SourceFiles, id: string): AcquiredFile {
  const f = files.get(id);
  if (!f) throw new Error(`source "${id}" is not in data/sources.json (or was not acquired); add it to the manifest`);
  return f;
}

function onceEach(fetchBytes: (url: string) => Promise<Uint8Array>): (url: string) => Promise<Uint8Array> {
  const seen = new Map<string, Promise<Uint8Array>>();
  return (url) => {
    let p = seen.get(url);
    if (!p) {
      p = fetchBytes(url);
      seen.set(url, p);
    }
    return p;
  };
}

/**
 * Fetch an entry's downloadUrl; for a converted entry, check the download against
 * `downloadSha256` and convert it. Returns the bytes the pipeline reads.
 */
async function downloadOne(
  entry: SourceEntry,
  fetchBytes: (url: string) => Promise<Uint8Array>,
  opts: Pick<AcquireOptions, 'downloadBase' | 'log' | 'update'>,
): Promise<{ bytes: Uint8Array; download?: AcquiredFile['download'] }> {
  const url = entry.downloadUrl!;
  const address = downloadAddress(url, opts.downloadBase);
  opts.log?.(`downloading ${entry.id} from ${address}${entry.convert ? ` (${entry.convert.from}, layer "${entry.convert.layer}")` : ''}`);
  let fetched: Uint8Array;
  try {
    fetched = await fetchBytes(address);
  } catch (e) {
    throw new SourceUnavailableError(
      { source: entry.id, file: entry.path },
      `the file could not be downloaded from ${address}: ${(e as Error).message}`,
      `check the downloadUrl of this entry in data/sources.json against the publisher's page (${entry.landingUrl}); if the address is right the site may be down: try again later, or set DATA_RAW_DIR to a folder holding the file. The file itself was not read, so this is not a problem in the data`,
    );
  }
  if (!entry.convert) return { bytes: fetched };
  if (looksLikeWebPage(fetched, url)) {
    throw new DataError(
      { source: entry.id, file: entry.path },
      `the download returned a web page, not data (${address})`,
      "the publisher's address probably now points at a landing or error page: find the file on the landing page and update downloadUrl in data/sources.json",
    );
  }
  const hash = sha256(fetched);
  const pinned = entry.downloadSha256 ?? '';
  const changed = hash !== pinned;
  if (changed && !opts.update) {
    throw new DataError(
      { source: entry.id, file: url },
      pinned === ''
        ? 'the downloaded file has no pinned checksum yet (downloadSha256 is empty)'
        : `checksum mismatch of the download: the manifest pins downloadSha256 ${pinned.slice(0, 16)}… but ${address} gave ${hash.slice(0, 16)}… (${fetched.length} bytes, manifest says ${entry.downloadBytes ?? 'nothing'})`,
      'if the publisher released a new version, run with DATA_UPDATE=1 to validate it and record the new checksums; otherwise check the downloadUrl',
    );
  }
  try {
    const bytes = await convertGpkgLayer(fetched, entry.convert);
    return { bytes, download: { sha256: hash, bytes: fetched.length, changed } };
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    throw new DataError(
      { source: entry.id, file: url, ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column !== undefined ? { column: e.column } : {}) },
      `the download could not be converted (${entry.convert.from}, layer "${entry.convert.layer}"): ${e.message}`,
      "check the layer name in the entry's convert block against the file, or whether the downloadUrl still points at the GeoPackage",
    );
  }
}
