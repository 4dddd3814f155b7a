/**
 * Small Astro sites for tests, in a temp folder, built with the project's own `astro`:
 * the test says which project files to copy and which to write, and gets the folder back.
 * Shared by the editors' build tests (tests/unit/editors/*-build.test.ts), which need the REAL
 * messages `astro build` prints for a story with mistakes.
 *
 *   const site = miniSite({ prefix: 'editors', copy: ['src/content.config.ts'], write: { 'src/pages/x.astro': '…' } });
 *   const { status, output } = buildSite(site, { INCLUDE_DRAFTS: '1' });
 *   removeMiniSites(); // in afterAll
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The project root (this file is tests/support/mini-site.ts). */
export const ROOT = resolve(import.meta.dirname, '../..');

export interface MiniSiteSpec {
  /** Temp folder name prefix. */
  prefix: string;
  /** Project paths (files or folders, relative to the root) copied as they are; a filter may drop some. */
  copy?: Array<string | { path: string; filter?: (absolutePath: string) => boolean }>;
  /** Files written, by path relative to the site. */
  write?: Record<string, string>;
  /** Stories written to src/content/stories/, by file name. */
  stories?: Record<string, string>;
  /** The folder linked as data/output (default: the project's data/output). */
  outputs?: string;
  /**
   * A fixed folder for the site (emptied first, and left in place by removeMiniSites) instead of a
   * new temp folder: the fixture sites, which a static server serves after the build.
   */
  dir?: string;
}

const made: string[] = [];

/**
 * A site folder: node_modules and data/output linked from the project (read-only use), a
 * package.json, then `copy`, `write` and `stories` in that order.
 */
export function miniSite(spec: MiniSiteSpec): string {
  let dir: string;
  if (spec.dir) {
    dir = spec.dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  } else {
    dir = mkdtempSync(join(tmpdir(), `${spec.prefix}-`));
    made.push(dir);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'data'));
  symlinkSync(spec.outputs ?? join(ROOT, 'data/output'), join(dir, 'data/output'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}');
  for (const c of spec.copy ?? []) {
    const { path, filter } = typeof c === 'string' ? { path: c, filter: undefined } : c;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(ROOT, path), join(dir, path), { recursive: true, ...(filter ? { filter } : {}) });
  }
  const files = { ...spec.write, ...Object.fromEntries(Object.entries(spec.stories ?? {}).map(([n, t]) => [`src/content/stories/${n}`, t])) };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `astro build --root dir` with colours off; the exit status and everything it printed. */
export function buildSite(dir: string, env: Record<string, string> = {}, timeoutMs = 180_000): { status: number | null; output: string } {
  const bin = join(ROOT, 'node_modules/.bin');
  const r = spawnSync(join(bin, 'astro'), ['build', '--root', dir], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    timeout: timeoutMs,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** Delete every site this process made (call from afterAll). */
export function removeMiniSites(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
