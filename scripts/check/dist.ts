/**
 * Shared helpers for the quality gates that run over the BUILT site (dist/).
 *
 * A "page" is an .html file under dist/, addressed by the URL path a static host
 * serves it at: dist/index.html → "/", dist/a/b/index.html → "/a/b/",
 * dist/404.html → "/404.html". Generated assets (/_astro/, /pagefind/) are not pages.
 *
 * The dist folder is CHECK_DIST (default "dist"), so the same checks can run over a
 * second build (the XSS fixture build, the reproducibility builds).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export function distDir(): string {
  return resolve(process.env.CHECK_DIST || 'dist');
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function walkFiles(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = relative(dir, p).split(sep).join('/');
      if (skip(rel)) continue;
      if (statSync(p).isDirectory()) visit(p);
      else out.push(rel);
    }
  };
  visit(dir);
  return out.sort();
}

export interface Page {
  /** URL path: "/", "/stories/x/", "/404.html". */
  path: string;
  /** Absolute file name. */
  file: string;
}

/** The pages of a built site; throws with a hint when the site has not been built. */
export function builtPages(dist = distDir()): Page[] {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: build the site first (npm run build, or astro build).`);
  return walkFiles(dist, (rel) => rel === '_astro' || rel === 'pagefind' || rel === 'og')
    .filter((rel) => rel.endsWith('.html'))
    .map((rel) => ({ path: urlPathOf(rel), file: join(dist, rel) }));
}

export function urlPathOf(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/**
 * The file a local URL path resolves to on a plain static host (the one the
 * browser tests use): "/a/" → a/index.html, "/a" → a (or a/index.html after a
 * redirect). Query and fragment are ignored. Undefined when nothing matches.
 */
export function resolveLocal(dist: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!);
  } catch {
    return undefined;
  }
  const file = resolve(join(dist, path));
  if (!file.startsWith(resolve(dist))) return undefined;
  const candidates = path.endsWith('/') ? [join(file, 'index.html')] : [file, join(file, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export type PageType = 'home' | 'story' | 'council' | 'map' | 'compare' | 'data' | 'other';
export const PAGE_TYPES: readonly PageType[] = ['home', 'story', 'council', 'map', 'compare', 'data', 'other'];

/** The budget class of a page, from its URL path. Section index pages (/stories/, /councils/) are "other". */
export function pageType(path: string): PageType {
  if (path === '/') return 'home';
  const parts = path.split('/').filter(Boolean);
  const [section, item] = parts;
  if (section === 'stories' && item) return 'story';
  if (section === 'councils' && item) return 'council';
  if (section === 'map') return 'map';
  if (section === 'compare') return 'compare';
  if (section === 'data') return 'data';
  return 'other';
}

/** A small uniform result for the gate runner: each check prints its findings and returns pass/fail. */
export interface CheckResult {
  name: string;
  ok: boolean;
  summary: string;
}

export function exitWith(result: CheckResult): never {
  console.log(`${result.ok ? 'PASS' : 'FAIL'} ${result.name}: ${result.summary}`);
  process.exit(result.ok ? 0 : 1);
}
