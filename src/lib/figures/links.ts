/**
 * Internal links in MDX, checked at compile time against the site's routes:
 * the pages in src/pages, with the dynamic ones the site builds from the data
 * enumerated (councils from las.json, stories from src/content/stories), and
 * the files in public/. A link to a page that does not exist is an error with
 * the nearest real pages. External links (https://…) and mailto: are not
 * checked here (`npm run test:links` checks the built site).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { levenshtein, type FigureIndex } from './refs.ts';

export interface Routes {
  /** Concrete pages ("/", "/councils/blackpool/"), for exact matches and suggestions. */
  pages: Set<string>;
  /** Route patterns with an unenumerated dynamic part, as segment lists ("[x]" one segment, "[...x]" the rest). */
  patterns: string[][];
  /** Files served as they are (public/, endpoints such as /rss.xml). */
  files: Set<string>;
  /** Known anchors of a page ("/sources/" → manifest ids); pages not listed are not anchor-checked. */
  anchors?: Record<string, string[]>;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** Build the routes from a project's src/pages and data. `extra` enumerates dynamic routes: pattern → slugs. */
export function buildRoutes(pageFiles: string[], enumerate: Record<string, string[]>, publicFiles: string[] = []): Routes {
  const pages = new Set<string>();
  const patterns: string[][] = [];
  const files = new Set(publicFiles.map((f) => `/${f}`));
  for (const f of pageFiles) {
    const rel = f.replace(/\\/g, '/');
    if (rel.split('/').some((s) => s.startsWith('_'))) continue; // private files: not routes
    const m = /^(.*?)\.(astro|md|mdx|ts|js)$/.exec(rel);
    if (!m) continue;
    const isPage = ['astro', 'md', 'mdx'].includes(m[2]!);
    let path = m[1]!;
    if (path === 'index') path = '';
    path = path.replace(/\/index$/, '');
    const route = isPage ? `/${path}${path ? '/' : ''}` : `/${path}`;
    if (!route.includes('[')) {
      (isPage ? pages : files).add(route);
      continue;
    }
    if (enumerate[route]) {
      for (const slug of enumerate[route]!) pages.add(route.replace(/\[[^\]]+\]/, slug));
    } else patterns.push(route.split('/').filter(Boolean));
  }
  return { pages, patterns, files };
}

export function loadRoutes(root: string, index: FigureIndex): Routes {
  const pagesDir = resolve(root, 'src/pages');
  const storiesDir = resolve(root, 'src/content/stories');
  const stories = existsSync(storiesDir)
    ? readdirSync(storiesDir)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.replace(/\.mdx$/, ''))
    : [];
  const councils = index.areas.filter((a) => a.kind === 'la').map((a) => a.slug);
  const routes = buildRoutes(
    listFiles(pagesDir).map((f) => relative(pagesDir, f)),
    { '/councils/[slug]/': councils, '/stories/[...slug]/': stories },
    listFiles(resolve(root, 'public')).map((f) => relative(resolve(root, 'public'), f).replace(/\\/g, '/')),
  );
  const manifest = resolve(root, 'data/sources.json');
  if (existsSync(manifest)) {
    const ids = (JSON.parse(readFileSync(manifest, 'utf8')) as { sources?: Array<{ id: string }> }).sources?.map((s) => s.id) ?? [];
    routes.anchors = { '/sources/': ids };
  }
  return routes;
}

function matchesPattern(segments: string[], pattern: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith('[...')) return true;
    const s = segments[i];
    if (s === undefined) return false;
    const lit = /^(.*)\[[^\]]+\](.*)$/.exec(p);
    if (lit ? !(s.startsWith(lit[1]!) && s.endsWith(lit[2]!)) : s !== p) return false;
  }
  return segments.length === pattern.length;
}

/** A problem with an internal link, or null when it is fine (or not internal). */
export function checkLink(routes: Routes, href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  const path = href.replace(/[?#].*$/, '') || '/';
  const hash = /#(.+)$/.exec(href)?.[1];
  const anchors = routes.anchors?.[path];
  if (hash && anchors && routes.pages.has(path) && !anchors.includes(hash)) {
    const near = [...anchors].sort((a, b) => levenshtein(hash, a) - levenshtein(hash, b) || a.localeCompare(b)).slice(0, 3);
    return `link "${href}": ${path} has no "#${hash}". Nearest: ${near.map((n) => `"${path}#${n}"`).join(', ')}.`;
  }
  if (routes.pages.has(path) || routes.files.has(path)) return null;
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  const isFile = /\.[a-z0-9]+$/i.test(last);
  if (routes.patterns.some((p) => matchesPattern(segments, p))) {
    return !isFile && !path.endsWith('/') ? `link "${href}": pages end in "/" on this site: write "${path}/${href.slice(path.length)}".` : null;
  }
  if (!isFile && !path.endsWith('/') && routes.pages.has(`${path}/`))
    return `link "${href}": pages end in "/" on this site: write "${path}/${href.slice(path.length)}".`;
  const near = [...routes.pages].sort((a, b) => levenshtein(path, a) - levenshtein(path, b) || a.localeCompare(b)).slice(0, 3);
  return `link "${href}": no such page on this site. Nearest pages: ${near.map((n) => `"${n}"`).join(', ')}.`;
}
