/**
 * The list of pages the browser tests visit, taken from the BUILT site: every
 * .html file under dist/ becomes a URL path (dist/a/b/index.html → /a/b/,
 * dist/404.html → /404.html). New pages are covered automatically.
 *
 * When there are many pages (hundreds of council pages), pages are grouped by
 * type, i.e. their path with the last segment replaced by "*" (/councils/kent/ →
 * /councils/*; every /embed/<story>/<chart>/ is /embed/*, and every /map/<layer>/<year>/
 * is one type too), and big groups are sampled deterministically: the first, the last and evenly
 * spaced ones between, E2E_SAMPLE per group (default 4; 1 takes the first).
 * E2E_ALL=1 visits every page.
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const DIST = resolve(process.env.E2E_DIST_DIR || 'dist');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') walk(p, out);
    } else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

export function builtPaths(dist = DIST): string[] {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html not found: build the site first (DATA_OUTPUT_DIR=tests/fixtures/output INCLUDE_DRAFTS=1 astro build).`);
  return walk(dist)
    .map((f) => {
      const rel = relative(dist, f).split(sep).join('/');
      if (rel === 'index.html') return '/';
      if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
      return `/${rel}`;
    })
    .sort();
}

export function pageType(path: string): string {
  if (path === '/') return '/';
  // Embed pages (/embed/<story>/<chart>/) are one page type, whatever the story; so are the map's
  // pre-rendered layers (/map/<layer>/<year>/), whatever the layer: one template each.
  if (path.startsWith('/embed/')) return '/embed/*';
  if (/^\/map\/[^/]+\/[^/]+\/$/.test(path)) return '/map/*/*';
  const parts = path.replace(/\/$/, '').split('/');
  if (parts.length <= 2) return path;
  return `${parts.slice(0, -1).join('/')}/*`;
}

export function samplePaths(paths: readonly string[], perGroup = Number(process.env.E2E_SAMPLE || 4), all = process.env.E2E_ALL === '1'): string[] {
  if (all) return [...paths];
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const t = pageType(p);
    groups.set(t, [...(groups.get(t) ?? []), p]);
  }
  const out: string[] = [];
  for (const members of groups.values()) {
    if (members.length <= perGroup) {
      out.push(...members);
      continue;
    }
    const picks = new Set<number>();
    // The first and the last, and evenly spaced ones between (one: the first).
    for (let i = 0; i < perGroup; i++) picks.add(perGroup === 1 ? 0 : Math.round((i * (members.length - 1)) / (perGroup - 1)));
    out.push(...[...picks].map((i) => members[i]!));
  }
  return out.sort();
}

/** A file-name-safe name for a path: "/" → "home", "/stories/x/" → "stories-x". */
export function slugFor(path: string): string {
  const s = path
    .replace(/^\/|\/$/g, '')
    .replace(/\.html$/, '')
    .replace(/[^a-zA-Z0-9]+/g, '-');
  return s || 'home';
}
