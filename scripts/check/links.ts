/**
 * Gate 2: internal links and anchors over the built site.
 *
 * For every page, every local reference — href, src, srcset, poster, data, and
 * <meta content> of og:image / og:url / twitter:image, plus <link rel=canonical> —
 * must resolve to a built file; every #fragment must name an element id (or
 * <a name>) on the target page. Absolute URLs on the site's own origin (read from
 * the home page's canonical link) count as local. CSS files under /_astro/ are
 * checked for url(...) references too.
 *
 *   tsx scripts/check/links.ts      # CHECK_DIST=other/dist to check another build
 *
 * Off-site links (https://other.example/) are not fetched here; the security gate
 * makes sure nothing off-site is LOADED.
 *
 * The same gate checks robots.txt, the sitemap and rss.xml against the built pages
 * (sharing.ts): the sitemap lists exactly the pages without noindex, the feed one
 * item per story page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { builtPages, distDir, exitWith, resolveLocal, walkFiles, type Page } from './dist.ts';
import { feedProblems, sitemapProblems } from './sharing.ts';

export interface LinkProblem {
  page: string;
  ref: string;
  problem: string;
}

const URL_ATTRS = ['href', 'src', 'poster', 'data', 'action'];
const META_URLS = ['og:image', 'og:url', 'twitter:image', 'og:image:secure_url'];

/** The site origin, from the canonical link of the home page (e.g. "https://site.example"). */
export function siteOrigin(dist: string): string | undefined {
  const { document } = parseHTML(readFileSync(`${dist}/index.html`, 'utf8'));
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  try {
    return href ? new URL(href).origin : undefined;
  } catch {
    return undefined;
  }
}

/** All URL references in a page's HTML, with where they came from. */
type Doc = ReturnType<typeof parseHTML>['document'];
const docOf = (html: string | Doc): Doc => (typeof html === 'string' ? parseHTML(html).document : html);

export function referencesIn(html: string | Doc): Array<{ ref: string; where: string }> {
  const document = docOf(html);
  const out: Array<{ ref: string; where: string }> = [];
  for (const attr of URL_ATTRS) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      const v = el.getAttribute(attr);
      if (v !== null) out.push({ ref: v.trim(), where: `<${el.tagName.toLowerCase()} ${attr}>` });
    }
  }
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const part of (el.getAttribute('srcset') ?? '').split(',')) {
      const url = part.trim().split(/\s+/)[0];
      if (url) out.push({ ref: url, where: `<${el.tagName.toLowerCase()} srcset>` });
    }
  }
  for (const el of document.querySelectorAll('meta[property], meta[name]')) {
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? '';
    const v = el.getAttribute('content');
    if (META_URLS.includes(key) && v) out.push({ ref: v.trim(), where: `<meta ${key}>` });
  }
  return out;
}

/** Ids (and legacy <a name>) on a page: the valid fragment targets. */
export function anchorsIn(html: string | Doc): Set<string> {
  const document = docOf(html);
  const ids = new Set<string>();
  for (const el of document.querySelectorAll('[id]')) ids.add(el.getAttribute('id')!);
  for (const el of document.querySelectorAll('a[name]')) ids.add(el.getAttribute('name')!);
  return ids;
}

/**
 * Turn a reference into a local URL path ("/a/b/#x"), or undefined when it is
 * off-site or not a fetchable URL (mailto:, tel:, data:, javascript: is reported).
 */
export function localPath(ref: string, pagePath: string, origin: string | undefined): string | undefined {
  if (ref === '' || /^(mailto|tel|data|blob):/i.test(ref)) return undefined;
  const base = new URL(pagePath, origin ?? 'http://local.invalid');
  let url: URL;
  try {
    url = new URL(ref, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  return url.pathname + url.hash;
}

/**
 * A top-level section ("/compare/") whose page source does not exist yet in
 * src/pages: links into it are reported as planned, not broken, until someone
 * creates it (then broken links into it fail like any other).
 */
export function plannedSection(urlPath: string, pagesDir = 'src/pages'): string | undefined {
  const section = urlPath.split('/').filter(Boolean)[0];
  // Generated after astro build (pagefind --site dist): never "planned", it must be there.
  if (!section || section.includes('.') || section === 'pagefind' || section === '_astro') return undefined;
  const exists = ['', '.astro', '.mdx', '.md', '.ts'].some((ext) => existsSync(join(pagesDir, section + ext)));
  return exists ? undefined : `/${section}/`;
}

export function checkLinks(
  dist: string,
  pages: Page[] = builtPages(dist),
  pagesDir = 'src/pages',
): { problems: LinkProblem[]; refs: number; planned: Set<string> } {
  const origin = siteOrigin(dist);
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let a = anchorCache.get(file);
    if (!a) anchorCache.set(file, (a = anchorsIn(readFileSync(file, 'utf8'))));
    return a;
  };
  const problems: LinkProblem[] = [];
  const planned = new Set<string>();
  let refs = 0;
  for (const page of pages) {
    const html = readFileSync(page.file, 'utf8');
    const { document } = parseHTML(html);
    anchorCache.set(page.file, anchorsIn(document));
    for (const { ref, where } of referencesIn(document)) {
      if (/^javascript:/i.test(ref)) {
        problems.push({ page: page.path, ref, problem: `${where}: javascript: URL` });
        continue;
      }
      const local = localPath(ref, page.path, origin);
      if (local === undefined) continue;
      refs++;
      const [pathPart, fragment] = local.split('#') as [string, string | undefined];
      const target = pathPart === page.path && ref.startsWith('#') ? page.file : resolveLocal(dist, pathPart);
      if (!target) {
        // Only navigation links may point at a planned section; loaded files and meta URLs must exist.
        const section = where === '<a href>' ? plannedSection(pathPart, pagesDir) : undefined;
        if (section) {
          planned.add(section);
          continue;
        }
        problems.push({ page: page.path, ref, problem: `${where}: no built file for ${pathPart}` });
        continue;
      }
      if (fragment && target.endsWith('.html')) {
        const id = decodeURIComponent(fragment);
        if (!anchorsOf(target).has(id)) problems.push({ page: page.path, ref, problem: `${where}: no element with id="${id}" on ${pathPart}` });
      }
    }
  }
  // url(...) in built stylesheets (fonts, images).
  for (const rel of walkFiles(dist).filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(`${dist}/${rel}`, 'utf8');
    for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const local = localPath(m[2]!, `/${rel}`, origin);
      if (local === undefined) continue;
      refs++;
      if (!resolveLocal(dist, local.split('#')[0]!)) problems.push({ page: `/${rel}`, ref: m[2]!, problem: 'CSS url(): no built file' });
    }
  }
  return { problems, refs, planned };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = distDir();
  const pages = builtPages(dist);
  const { problems, refs, planned } = checkLinks(dist, pages);
  for (const s of planned) console.log(`planned: links into ${s}, a section with no page source in src/pages yet (not counted as broken)`);
  const unique = [...new Map(problems.map((p) => [`${p.page} ${p.ref}`, p])).values()];
  for (const p of unique.slice(0, 200)) console.log(`broken ${p.page} → ${p.ref} (${p.problem})`);
  if (unique.length > 200) console.log(`… and ${unique.length - 200} more`);
  const origin = siteOrigin(dist);
  const sitemap = sitemapProblems(dist, pages, origin);
  const feed = feedProblems(dist, pages, origin);
  const sharing = [...sitemap.problems, ...feed.problems];
  for (const p of sharing) console.log(`${p.file}: ${p.problem}`);
  exitWith({
    name: 'links',
    ok: unique.length === 0 && sharing.length === 0,
    summary:
      `${pages.length} pages, ${refs} local references, ${unique.length} broken; ` +
      `sitemap ${sitemap.listed} URLs for ${sitemap.indexable} indexable pages, feed ${feed.items} items for ${feed.stories} stories, ${sharing.length} problems`,
  });
}
