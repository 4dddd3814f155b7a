/**
 * Atomic publication of the output folder.
 *
 * All outputs are first written to a fresh sibling folder; only when every file
 * is written does the folder replace the previous output (rename, then remove
 * the old one). A failed run therefore never leaves a partial output and never
 * destroys the last good one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

export async function publishAtomically(outputDir: string, files: OutputFiles): Promise<void> {
  const staging = `${outputDir}.staging-${process.pid}`;
  const previous = `${outputDir}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      const path = join(staging, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    await mkdir(dirname(outputDir), { recursive: true });
    let hadPrevious = true;
    try {
      await rename(outputDir, previous);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      hadPrevious = false;
    }
    try {
      await rename(staging, outputDir);
    } catch (e) {
      if (hadPrevious) await rename(previous, outputDir);
      throw e;
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Stable JSON: two runs over the same data produce identical bytes. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
