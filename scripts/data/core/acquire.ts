/**
 * Acquisition: bring each manifest source into the cache, verifying its checksum.
 *
 * Order of preference for each file:
 *   1. the raw mirror folder (DATA_RAW_DIR, default ../shared/data/raw);
 *   2. the cache, if it already holds the pinned bytes;
 *   3. the official download URL, when a fetch function is available (a machine with internet).
 *
 * Checksums are pinned. A file whose sha256 differs from the manifest stops the
 * pipeline, unless update mode (DATA_UPDATE=1) is on: then the new file is
 * accepted provisionally, the run validates it like any other, and only a
 * successful run records its new checksum in the manifest.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataError } from './errors.ts';
import type { Manifest, SourceEntry } from '../../../contract/manifest.ts';

export interface AcquiredFile {
  entry: SourceEntry;
  bytes: Uint8Array;
  sha256: string;
  /** True when the bytes differ from the pinned checksum (only possible in update mode). */
  changed: boolean;
  from: 'mirror' | 'cache' | 'download';
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
  if (!bytes && opts.fetchBytes && entry.downloadUrl) {
    opts.log?.(`downloading ${entry.id} from ${entry.downloadUrl}`);
    try {
      bytes = await opts.fetchBytes(entry.downloadUrl);
    } catch (e) {
      throw new DataError(
        { source: entry.id, file: entry.path },
        `the file could not be downloaded from ${entry.downloadUrl}: ${(e as Error).message}`,
        "check the downloadUrl of this entry in data/sources.json against the publisher's page (landingUrl); the file itself was not read, so this is not a problem in the data",
      );
    }
    from = 'download';
  }
  if (!bytes) {
    throw new DataError(
      { source: entry.id, file: entry.path },
      `the file is not in the raw mirror (${opts.rawDir}) nor in the cache`,
      entry.downloadUrl
        ? `set DATA_RAW_DIR to a folder holding it, or run on a machine with internet to download ${entry.downloadUrl}`
        : 'set DATA_RAW_DIR to a folder holding it',
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
  return { entry, bytes, sha256: hash, changed, from };
}

export async function acquireAll(manifest: Manifest, opts: AcquireOptions): Promise<Map<string, AcquiredFile>> {
  const out = new Map<string, AcquiredFile>();
  const entries = manifest.sources.filter((s) => !opts.only || opts.only.has(s.id));
  // allSettled: a failing file must not leave other copies still being written into the cache.
  const settled = await Promise.allSettled(entries.map((e) => acquireOne(e, opts)));
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

/** The one file of a source id; a clear error if the manifest lacks it. */
export function fileOf(files: SourceFiles, id: string): AcquiredFile {
  const f = files.get(id);
  if (!f) throw new Error(`source "${id}" is not in data/sources.json (or was not acquired); add it to the manifest`);
  return f;
}
