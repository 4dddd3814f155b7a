/**
 * Fixture sites, after Starlight's `__e2e__/fixtures`: the project's own pages and components,
 * built by `astro build` from the golden fixture's reviewed outputs (tests/fixtures/golden/expected:
 * 13 councils, their regions and England) with the fixture stories of tests/fixtures/sites/, each
 * served on its own port for the browser tests in tests/e2e/fixture-sites/.
 *
 *   basic    a production build: every page type on small data, the draft story left out
 *   drafts   INCLUDE_DRAFTS=1: the draft story, marked as a draft, with its correction
 *   hostile  Camden renamed to a markup payload in every output file (tests/support/hostile.ts)
 *
 * Each builds in a few seconds (about 70 pages), against the real site's 30 s and 226 pages, so
 * component and page behaviour is tested here and the real site is swept page by page.
 *
 *   tsx tests/support/fixture-sites.ts [name…]      # build (skipped when nothing it reads changed)
 *
 * A site is rebuilt only when a file it is built from changed (a hash of src/, contract/,
 * scripts/, data/*.json, the golden outputs and tests/fixtures/sites/, kept beside the site).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { walkFiles } from '../../scripts/check/dist.ts';
import { buildSite, miniSite, ROOT } from './mini-site.ts';
import { PAYLOAD, renameInJson } from './hostile.ts';

export type FixtureName = 'basic' | 'drafts' | 'hostile';

export interface FixtureSite {
  name: FixtureName;
  /** The port its static server listens on (playwright.config.ts). */
  port: number;
  what: string;
  /** Extra environment for `astro build`. */
  env: Record<string, string>;
  /** The council renamed to PAYLOAD in every output file (hostile only). */
  renamed?: { name: string; slug: string };
}

export const FIXTURE_SITES: Record<FixtureName, FixtureSite> = {
  basic: { name: 'basic', port: 4331, what: 'every page type from the golden outputs; production build', env: {} },
  drafts: { name: 'drafts', port: 4332, what: 'the same with INCLUDE_DRAFTS=1: the draft story and its correction', env: { INCLUDE_DRAFTS: '1' } },
  hostile: {
    name: 'hostile',
    port: 4333,
    what: 'a council named with markup in every output file',
    env: {},
    renamed: { name: 'Camden', slug: 'camden' },
  },
};

/** Where the fixture sites are built (ignored by git). */
export const FIXTURE_ROOT = join(ROOT, 'tests/artifacts/fixture-sites');
const GOLDEN_OUTPUTS = join(ROOT, 'tests/fixtures/golden/expected');
const FIXTURE_INPUTS = join(ROOT, 'tests/fixtures/sites');

export const siteDir = (name: FixtureName): string => join(FIXTURE_ROOT, name);
export const distDir = (name: FixtureName): string => join(siteDir(name), 'dist');
const outputsDir = (name: FixtureName): string => join(FIXTURE_ROOT, `${name}-output`);

/** Every file under `dir` (absolute paths), leaving out those `skip` (given an absolute path) names. */
function files(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return existsSync(dir) ? walkFiles(dir, (rel) => skip(join(dir, rel))).map((rel) => join(dir, rel)) : [];
}

/** The project files a site copies: src/ (without the stories, the style guide and generated files), contract/, scripts/, config. */
const skipInSrc = (p: string) =>
  p.includes('/src/content/stories') || p.endsWith('/src/pages/style-guide.astro') || p.endsWith('ids.generated.ts') || p.endsWith('.DS_Store');

/** A hash of everything a site is built from, so an unchanged site is not rebuilt. */
function inputsHash(site: FixtureSite): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(site));
  const inputs = [
    ...files(join(ROOT, 'src'), skipInSrc),
    ...files(join(ROOT, 'contract')),
    ...files(join(ROOT, 'scripts')),
    ...files(join(ROOT, 'public')),
    ...readdirSync(join(ROOT, 'data'))
      .filter((n) => n.endsWith('.json'))
      .map((n) => join(ROOT, 'data', n)),
    join(ROOT, 'astro.config.mjs'),
    join(ROOT, 'tsconfig.json'),
    join(ROOT, 'package-lock.json'),
    ...files(GOLDEN_OUTPUTS),
    ...files(FIXTURE_INPUTS),
    join(ROOT, 'tests/support/fixture-sites.ts'),
    join(ROOT, 'tests/support/mini-site.ts'),
    join(ROOT, 'tests/support/hostile.ts'),
  ];
  for (const f of inputs) {
    h.update(relative(ROOT, f));
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>, what: string): void {
  const bin = join(ROOT, 'node_modules/.bin');
  const r = spawnSync(join(bin, cmd), args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  if (r.status !== 0)
    throw new Error(`fixture site: ${what} failed (exit ${r.status}):\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-40).join('\n')}`);
}

/**
 * The site's data/output: the golden outputs (renamed for the hostile site), then the claims step
 * and the story-figures record run on them, as `npm run data` runs them on the real outputs.
 */
function writeOutputs(site: FixtureSite, dir: string): void {
  const out = outputsDir(site.name);
  rmSync(out, { recursive: true, force: true });
  cpSync(GOLDEN_OUTPUTS, out, { recursive: true });
  if (site.renamed) {
    let count = 0;
    for (const f of files(out).filter((p) => p.endsWith('.json'))) {
      const r = renameInJson(readFileSync(f, 'utf8'), site.renamed.name, PAYLOAD);
      if (r.count) writeFileSync(f, r.text);
      count += r.count;
    }
    if (count === 0) throw new Error(`fixture site ${site.name}: "${site.renamed.name}" is in none of the golden outputs`);
  }
  const env = { DATA_OUTPUT_DIR: out, DATA_CACHE_DIR: join(dir, 'cache') };
  run('tsx', ['scripts/claims/write.ts'], dir, env, 'the claims step');
  run('tsx', ['scripts/data/report-stories.ts'], dir, env, 'the story-figures record');
}

/** Builds one fixture site (unless nothing it is built from changed); returns its dist/ folder. */
export function buildFixtureSite(name: FixtureName, log: (m: string) => void = console.log): string {
  const site = FIXTURE_SITES[name];
  const hash = inputsHash(site);
  const stamp = join(FIXTURE_ROOT, `${name}.hash`);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(distDir(name), 'index.html'))) {
    log(`fixture site ${name}: up to date (${distDir(name)})`);
    return distDir(name);
  }
  rmSync(stamp, { force: true });
  const t = Date.now();
  mkdirSync(FIXTURE_ROOT, { recursive: true });
  const stories = Object.fromEntries(
    readdirSync(join(FIXTURE_INPUTS, 'stories'))
      .filter((n) => n.endsWith('.mdx'))
      .map((n) => [n, readFileSync(join(FIXTURE_INPUTS, 'stories', n), 'utf8')]),
  );
  const dir = miniSite({
    prefix: `fixture-${name}`,
    dir: siteDir(name),
    outputs: outputsDir(name),
    copy: [
      { path: 'src', filter: (p) => !skipInSrc(p) },
      'contract',
      'scripts',
      'public',
      ...readdirSync(join(ROOT, 'data'))
        .filter((n) => n.endsWith('.json'))
        .map((n) => `data/${n}`),
      'astro.config.mjs',
      'tsconfig.json',
    ],
    write: {
      // The places the boundary map names, among the fixture's councils.
      'data/map-places.json': readFileSync(join(FIXTURE_INPUTS, 'map-places.json'), 'utf8'),
    },
    stories,
  });
  writeOutputs(site, dir);
  const { status, output } = buildSite(dir, site.env, 300_000);
  if (status !== 0) throw new Error(`fixture site ${name}: astro build failed (exit ${status}):\n${output.trim().split('\n').slice(-40).join('\n')}`);
  // The search index, as `npm run build` makes it after astro build.
  run('pagefind', ['--site', 'dist'], dir, {}, 'the search index (pagefind)');
  writeFileSync(stamp, hash);
  log(`fixture site ${name}: built in ${((Date.now() - t) / 1000).toFixed(1)} s (${distDir(name)})`);
  return distDir(name);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const asked = process.argv.slice(2) as FixtureName[];
  for (const n of asked) if (!(n in FIXTURE_SITES)) throw new Error(`unknown fixture site "${n}"; sites: ${Object.keys(FIXTURE_SITES).join(', ')}`);
  for (const n of asked.length ? asked : (Object.keys(FIXTURE_SITES) as FixtureName[])) buildFixtureSite(n);
}
