/**
 * Parse cache. Parsing spreadsheets is the slow part of the pipeline (ODS files
 * take seconds each), so each family's parsed result is cached under a key made
 * of the checksums of its input files and a hash of the pipeline's own code. A
 * change to either invalidates the entry; nothing else can.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Hash of every TypeScript file under the pipeline folder (and the contract folder it builds on): code changes invalidate cached parses. */
export async function codeVersion(pipelineDir: string, ...alsoDirs: string[]): Promise<string> {
  const files: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.ts')) files.push(p);
    }
  }
  const h = createHash('sha256');
  for (const dir of [pipelineDir, ...alsoDirs]) {
    files.length = 0;
    await walk(dir);
    files.sort();
    if (dir !== pipelineDir) h.update(`dir:${relative(pipelineDir, dir)}`);
    for (const f of files) {
      h.update(relative(dir, f));
      h.update(await readFile(f));
    }
  }
  return h.digest('hex').slice(0, 16);
}

export function cacheKey(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24);
}

export class ParseCache {
  constructor(
    private readonly dir: string,
    private readonly enabled: boolean,
  ) {}

  async get<T>(name: string, key: string): Promise<T | undefined> {
    if (!this.enabled) return undefined;
    try {
      return JSON.parse(await readFile(join(this.dir, `${name}-${key}.json`), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  async set(name: string, key: string, value: unknown): Promise<void> {
    if (!this.enabled) return;
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${name}-${key}.json`);
    const tmp = `${path}.tmp-${process.pid}`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, path);
  }

  /** Run `compute` unless a result for this key is cached. */
  async through<T>(name: string, key: string, compute: () => Promise<T> | T): Promise<{ value: T; hit: boolean }> {
    const cached = await this.get<T>(name, key);
    if (cached !== undefined) return { value: cached, hit: true };
    const value = await compute();
    await this.set(name, key, value);
    return { value, hit: false };
  }
}
