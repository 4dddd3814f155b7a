/**
 * The golden update mode (UPDATE_GOLDEN=1), shared by the whole-folder snapshot
 * (pipeline.test.ts) and the named cases (cases.test.ts): the new expected files
 * are written only after their change has been written out as a unified diff to
 * review and summarised per file, never as a silent overwrite.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const updating = (): boolean => process.env.UPDATE_GOLDEN === '1';

export interface GoldenPatch {
  /** `diff -ruN a b` of the old and new folder (paths relative to it). */
  text: string;
  /** One line per changed, added or removed file: "  name: +A −R lines". */
  summary: string[];
}

/** A unified diff of an expected folder (old → new) by `diff -ruN`, and one summary line per changed file. */
export function goldenDiff(before: Map<string, Buffer | string>, after: Map<string, Buffer | string>): GoldenPatch {
  const tmp = mkdtempSync(join(tmpdir(), 'golden-diff-'));
  try {
    for (const [side, tree] of [
      ['a', before],
      ['b', after],
    ] as const) {
      for (const [name, content] of tree) {
        mkdirSync(dirname(join(tmp, side, name)), { recursive: true });
        writeFileSync(join(tmp, side, name), content);
      }
      mkdirSync(join(tmp, side), { recursive: true });
    }
    const r = spawnSync('diff', ['-ruN', 'a', 'b'], { cwd: tmp, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`diff failed (exit ${r.status}): ${r.stderr}`);
    const summary: string[] = [];
    let current: { name: string; added: number; removed: number } | undefined;
    const flush = () => current && summary.push(`  ${current.name}: +${current.added} −${current.removed} lines`);
    for (const line of r.stdout.split('\n')) {
      if (line.startsWith('diff -ruN ')) {
        flush();
        current = { name: line.split(' ').at(-1)!.replace(/^b\//, ''), added: 0, removed: 0 };
      } else if (current && line.startsWith('+') && !line.startsWith('+++')) current.added++;
      else if (current && line.startsWith('-') && !line.startsWith('---')) current.removed++;
    }
    flush();
    return { text: r.stdout, summary };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The same patch with every path prefixed (a case's folder), so several folders' diffs make one file. */
export function prefixPatch(patch: GoldenPatch, prefix: string): GoldenPatch {
  const p = prefix.replace(/\/?$/, '/');
  return {
    text: patch.text.replace(/^(diff -ruN a\/)(\S+) b\/(\S+)$/gm, `$1${p}$2 b/${p}$3`).replace(/^(---|\+\+\+) ([ab])\//gm, `$1 $2/${p}`),
    summary: patch.summary.map((l) => l.replace(/^ {2}/, `  ${p}`)),
  };
}

/** Write the patch to `diffPath` (for review) and print its per-file summary. */
export async function savePatch(label: string, patch: GoldenPatch, diffPath: string): Promise<void> {
  await mkdir(dirname(diffPath), { recursive: true });
  await writeFile(diffPath, patch.text);
  console.log(`UPDATE_GOLDEN (${label}): ${patch.summary.length} file(s) changed; review ${diffPath} (or git diff)\n${patch.summary.join('\n')}`);
}

/** Replace the folder `dir` by `files` (relative path → text). */
export async function writeTree(dir: string, files: Map<string, string>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [name, text] of files) {
    const p = join(dir, name);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, text);
  }
}
