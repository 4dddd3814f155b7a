/**
 * Years written in code: the scan behind tests/unit/lib/literal-years.test.ts and the register in
 * docs/releases.md ("Years written in code"). A year in code must be a fact about the past (a
 * reorganisation, a framework change, a claim's date) with its reason in the register; a year that
 * moves with new releases is read from the data or the manifest instead.
 *
 * What counts: in scripts/, src/ and contract/ (.ts, .astro, .mjs; not the generated
 * src/lib/figures/ids.generated.ts), outside comments, a whole number from 1980 to 2049 not glued to
 * a word, a dot, a slash or a hyphen (so "cla-ees-2025" and "2000/svg" are not years here, "2023-24"
 * is 2023), and every manifest id that carries a year or a financial-year code, written as a string.
 */
import { readFileSync } from 'node:fs';
import { walkFiles } from '../../scripts/check/dist.ts';
import { join } from 'node:path';

const DIRS = ['scripts', 'src', 'contract'];
const SKIP = new Set(['src/lib/figures/ids.generated.ts']);

/** The code of a file with its comments blanked (line numbers kept). */
export function withoutComments(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, (_m, pre: string) => pre);
}

const YEAR = /(?<![\w.#/-])(19[89]\d|20[0-4]\d)(?!\w)/g;

/** The years and year-bearing manifest ids written in one file's code, each once, in order. */
export function literalYears(code: string, idsWithYears: readonly string[]): string[] {
  const found = new Set<string>();
  const text = withoutComments(code);
  for (const m of text.matchAll(YEAR)) found.add(m[1]!);
  for (const id of idsWithYears) if (new RegExp(`['"\`]${id}['"\`]`).test(text)) found.add(id);
  return [...found].sort();
}

/** Every code file with years written in it: path → its years and ids. */
export function scanLiteralYears(root: string): Map<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(root, 'data/sources.json'), 'utf8')) as { sources: Array<{ id: string }> };
  const ids = manifest.sources.map((s) => s.id).filter((id) => /\d{4}/.test(id));
  const files = DIRS.flatMap((d) =>
    walkFiles(join(root, d))
      .map((rel) => `${d}/${rel}`)
      .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !SKIP.has(f)),
  );
  const out = new Map<string, string[]>();
  for (const f of files) {
    const ys = literalYears(readFileSync(join(root, f), 'utf8'), ids);
    if (ys.length) out.set(f, ys);
  }
  return out;
}

/** The register: the rows of the table under `## Years written in code` in docs/releases.md, path → years and ids. */
export function readRegister(markdown: string): Map<string, { tokens: string[]; why: string; line: number }> {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^## Years written in code/.test(l));
  if (start < 0) throw new Error('docs/releases.md has no "## Years written in code" section');
  const out = new Map<string, { tokens: string[]; why: string; line: number }>();
  for (let i = start + 1; i < lines.length && !/^## /.test(lines[i]!); i++) {
    const m = /^\| `([^`]+)` \| ([^|]+) \| (.+) \|$/.exec(lines[i]!);
    if (!m) continue;
    out.set(m[1]!, {
      tokens: m[2]!
        .split(',')
        .map((t) => t.trim().replace(/`/g, ''))
        .filter(Boolean),
      why: m[3]!.trim(),
      line: i + 1,
    });
  }
  return out;
}

if (process.argv[1]?.endsWith('literal-years.ts')) {
  for (const [f, ys] of scanLiteralYears(process.cwd())) console.log(`| \`${f}\` | ${ys.join(', ')} | |`);
}
