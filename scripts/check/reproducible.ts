/**
 * Gate 4: two builds from the same data produce byte-identical files.
 *
 * Builds the site twice (`astro build --outDir <tmp>/a` and `<tmp>/b`, same
 * DATA_OUTPUT_DIR, same environment) and compares every file by sha256. Differing
 * or missing files are listed with the first differing line and a hint. The data
 * pipeline is not re-run: this checks the site build; the pipeline's own outputs
 * are compared by its tests.
 *
 *   tsx scripts/check/reproducible.ts                 # REPRO_KEEP=1 keeps the two builds
 *   tsx scripts/check/reproducible.ts --against dist  # one build, compared with an existing dist/
 *
 * `npm test` uses `--against dist`: its build stage has just built dist/ (astro build,
 * then the search index in dist/pagefind/, which is left out of the comparison), so
 * one more build is enough.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exitWith, walkFiles } from './dist.ts';

export interface Difference {
  file: string;
  problem: string;
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A readable hint for a differing file: the first differing line of a text file. */
export function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] === lb[i]) continue;
    const x = la[i] ?? '';
    const y = lb[i] ?? '';
    let c = 0;
    while (c < x.length && x[c] === y[c]) c++;
    const from = Math.max(0, c - 40);
    return `line ${i + 1}, column ${c + 1}: "…${x.slice(from, c + 60)}…" vs "…${y.slice(from, c + 60)}…"`;
  }
  return 'same lines, different bytes (line endings?)';
}

/** Files under these top-level folders are not astro's output (the search index is written after the build). */
const NOT_ASTRO = /^pagefind\//;

export function compareTrees(a: string, b: string, ignore?: RegExp): { files: number; differences: Difference[] } {
  const keep = (f: string) => !ignore || !ignore.test(f.split('\\').join('/'));
  const fa = walkFiles(a).filter(keep);
  const fb = new Set(walkFiles(b).filter(keep));
  const differences: Difference[] = [];
  for (const f of fa) {
    if (!fb.has(f)) differences.push({ file: f, problem: 'only in the first build' });
    else if (sha(join(a, f)) !== sha(join(b, f))) {
      const text = /\.(html|css|js|mjs|json|csv|xml|txt|svg)$/.test(f);
      differences.push({
        file: f,
        problem: text
          ? firstDifference(readFileSync(join(a, f), 'utf8'), readFileSync(join(b, f), 'utf8'))
          : 'binary content differs (an encoder with non-deterministic output?)',
      });
    }
    fb.delete(f);
  }
  for (const f of fb) differences.push({ file: f, problem: 'only in the second build' });
  return { files: fa.length, differences };
}

const HINT =
  'Hint: look for the build clock (new Date(), Date.now()) in pages or endpoints, random ids (Math.random, crypto.randomUUID), ' +
  'unsorted object/Set/directory iteration, or absolute temp paths. Hashed asset names that differ mean the bundled code itself differs.';

if (process.argv[1] && resolve(process.argv[1]).endsWith('reproducible.ts')) {
  const tmp = mkdtempSync(join(tmpdir(), 'repro-'));
  const ai = process.argv.indexOf('--against');
  const against = ai >= 0 ? resolve(process.argv[ai + 1] ?? 'dist') : undefined;
  const builds = against ? [join(tmp, 'b')] : [join(tmp, 'a'), join(tmp, 'b')];
  const times: number[] = [];
  let result: { files: number; differences: Difference[] } | undefined;
  let failure = '';
  if (against && !existsSync(join(against, 'index.html'))) failure = `${against}/index.html not found: build the site first (npm run build)`;
  for (const out of failure ? [] : builds) {
    const t = Date.now();
    const r = spawnSync('astro', ['build', '--outDir', out], { encoding: 'utf8', env: process.env });
    times.push((Date.now() - t) / 1000);
    if (r.status !== 0 || !existsSync(join(out, 'index.html'))) {
      console.log((r.stdout + r.stderr).split('\n').slice(-25).join('\n'));
      failure = `build into ${out} failed`;
      break;
    }
  }
  if (!failure) {
    result = against ? compareTrees(against, builds[0]!, NOT_ASTRO) : compareTrees(builds[0]!, builds[1]!);
    for (const d of result.differences.slice(0, 50)) console.log(`differs: ${d.file}: ${d.problem}`);
    if (result.differences.length > 50) console.log(`… and ${result.differences.length - 50} more`);
    if (result.differences.length) console.log(HINT);
  }
  if (process.env.REPRO_KEEP === '1') console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  exitWith({
    name: 'reproducible',
    ok: !failure && !!result && result.differences.length === 0,
    summary:
      failure ||
      `${result!.files} files compared across ${against ? `${against} and a second build` : 'two builds'} (${times.map((t) => `${t.toFixed(0)} s`).join(' + ')}), ${result!.differences.length} differ`,
  });
}
