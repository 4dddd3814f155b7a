/**
 * The one-way flow: raw → scripts/data → data/output → src → dist, with contract/ shared by both
 * sides. No file in src/ imports from scripts/, and contract/ imports from neither.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SOURCE = /\.(ts|mts|mjs|js|astro|mdx)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return SOURCE.test(e.name) ? [p] : [];
  });
}

/** Every relative import of a file, resolved to a path from the project's root. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.map((s) => relative(ROOT, resolve(dirname(file), s)));
}

function offending(dir: string, forbidden: string[]): string[] {
  return files(join(ROOT, dir)).flatMap((f) =>
    importsOf(f)
      .filter((to) => forbidden.some((top) => to === top || to.startsWith(`${top}/`)))
      .map((to) => `${relative(ROOT, f)} imports ${to}`),
  );
}

describe('layering', () => {
  it('finds an import into scripts/ when there is one (the check can fail)', () => {
    const text =
      "import { loadManifest } from '../../scripts/data/core/manifest.ts';\nimport type { X } from '../../contract/outputs.ts';\nconst m = await import('../../scripts/x.ts');";
    expect(importsOf(join(ROOT, 'src/lib/x.ts'), text)).toEqual(['scripts/data/core/manifest.ts', 'contract/outputs.ts', 'scripts/x.ts']);
  });
  it('no file in src/ imports from scripts/', () => {
    expect(offending('src', ['scripts'])).toEqual([]);
  });
  it('contract/ imports from neither src/ nor scripts/', () => {
    expect(offending('contract', ['src', 'scripts'])).toEqual([]);
  });
});
