/**
 * The files that tell crawlers and feed readers what the site holds, checked
 * against the pages actually built (part of the links gate, see links.ts):
 *
 *   - robots.txt names a sitemap that was built (a sitemap index, by @astrojs/sitemap);
 *   - every URL in the sitemaps is a built HTML page without
 *     <meta name="robots" content="noindex">, listed once, and every such page is listed;
 *   - rss.xml has one item per built story page (/stories/<id>/), each with its
 *     link and a permalink guid on that page and the page's og:title as title.
 *
 * XML is read with linkedom, which does not reject malformed XML; the browser's
 * strict parser checks that in tests/e2e/site.spec.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { builtPages, resolveLocal, type Page } from './dist.ts';
import { localPath } from './links.ts';

export interface SharingProblem {
  file: string;
  problem: string;
}

const NOINDEX = 'meta[name="robots"][content~="noindex"]';

const xmlOf = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const locs = (text: string, parent: string) => [...xmlOf(text).querySelectorAll(`${parent} > loc`)].map((l) => (l.textContent ?? '').trim());

/** The built pages without noindex, by URL path. */
export function indexablePages(pages: Page[]): Page[] {
  return pages.filter((p) => !parseHTML(readFileSync(p.file, 'utf8')).document.querySelector(NOINDEX));
}

/** The page URLs listed in the sitemaps that robots.txt names, in file order, with problems found on the way. */
export function sitemapListing(dist: string, origin: string | undefined): { urls: string[]; problems: SharingProblem[] } {
  const problems: SharingProblem[] = [];
  const urls: string[] = [];
  const robots = join(dist, 'robots.txt');
  if (!existsSync(robots)) return { urls, problems: [{ file: '/robots.txt', problem: 'not built' }] };
  const named = [...readFileSync(robots, 'utf8').matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => m[1]!);
  if (named.length === 0) problems.push({ file: '/robots.txt', problem: 'no "Sitemap:" line' });
  const read = (ref: string, from: string): string | undefined => {
    const path = localPath(ref, '/', origin);
    const file = path === undefined ? undefined : resolveLocal(dist, path);
    if (!file) problems.push({ file: from, problem: `names ${ref}, which is ${path === undefined ? 'not on this site' : 'not built'}` });
    return file && readFileSync(file, 'utf8');
  };
  for (const ref of named) {
    const text = read(ref, '/robots.txt');
    if (text === undefined) continue;
    const children = locs(text, 'sitemap');
    // robots.txt may name a sitemap index (<sitemapindex>) or a sitemap (<urlset>).
    const sitemaps = children.length > 0 ? children.map((c) => ({ ref: c, text: read(c, ref) })) : [{ ref, text }];
    for (const s of sitemaps) {
      if (s.text === undefined) continue;
      const listed = locs(s.text, 'url');
      if (listed.length === 0) problems.push({ file: s.ref, problem: 'lists no <url><loc>' });
      urls.push(...listed);
    }
  }
  return { urls, problems };
}

/** Sitemap against built pages, both ways. */
export function sitemapProblems(
  dist: string,
  pages: Page[] = builtPages(dist),
  origin?: string,
): { problems: SharingProblem[]; listed: number; indexable: number } {
  const { urls, problems } = sitemapListing(dist, origin);
  const indexable = new Map(indexablePages(pages).map((p) => [p.path, p]));
  const byFile = new Map(pages.map((p) => [p.file, p]));
  const seen = new Set<string>();
  for (const url of urls) {
    const path = localPath(url, '/', origin);
    const page = path === undefined ? undefined : byFile.get(resolveLocal(dist, path) ?? '');
    if (!page) problems.push({ file: 'sitemap', problem: `lists ${url}, which is ${path === undefined ? 'not on this site' : 'not a built page'}` });
    else if (!indexable.has(page.path)) problems.push({ file: 'sitemap', problem: `lists ${url}, a noindex page` });
    else if (seen.has(page.path)) problems.push({ file: 'sitemap', problem: `lists ${url} twice` });
    if (page) seen.add(page.path);
  }
  for (const path of indexable.keys()) if (!seen.has(path)) problems.push({ file: 'sitemap', problem: `leaves out ${path}, a built page without noindex` });
  return { problems, listed: urls.length, indexable: indexable.size };
}

/** The story pages: /stories/<id>/ (not the /stories/ index). */
export const isStoryPage = (path: string) => /^\/stories\/[^/]+\/$/.test(path);

/** rss.xml against the built story pages: one item each, with the right link, guid and title. */
export function feedProblems(dist: string, pages: Page[] = builtPages(dist), origin?: string): { problems: SharingProblem[]; items: number; stories: number } {
  const file = '/rss.xml';
  const stories = new Map(pages.filter((p) => isStoryPage(p.path)).map((p) => [p.path, p]));
  if (!existsSync(join(dist, 'rss.xml'))) return { problems: [{ file, problem: 'not built' }], items: 0, stories: stories.size };
  const doc = xmlOf(readFileSync(join(dist, 'rss.xml'), 'utf8'));
  const items = [...doc.querySelectorAll('rss > channel > item')];
  const problems: SharingProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, n) => {
    const at = `item ${n + 1}`;
    const link = item.querySelector('link')?.textContent?.trim() ?? '';
    const guid = item.querySelector('guid');
    const path = localPath(link, '/', origin);
    const page = path === undefined ? undefined : stories.get(path);
    if (!page) {
      problems.push({ file, problem: `${at}: <link> "${link}" is not a built story page` });
      return;
    }
    if (seen.has(page.path)) problems.push({ file, problem: `${at}: a second item for ${page.path}` });
    seen.add(page.path);
    if (guid?.textContent?.trim() !== link || guid.getAttribute('isPermaLink') !== 'true')
      problems.push({ file, problem: `${at}: <guid isPermaLink="true"> should be its link ${link}` });
    const title = parseHTML(readFileSync(page.file, 'utf8')).document.querySelector('meta[property="og:title"]')?.getAttribute('content');
    const itemTitle = item.querySelector('title')?.textContent ?? '';
    if (itemTitle !== title) problems.push({ file, problem: `${at}: <title> "${itemTitle}" differs from the page's og:title "${title}"` });
    if (!item.querySelector('description')?.textContent?.trim()) problems.push({ file, problem: `${at}: no <description>` });
    if (Number.isNaN(Date.parse(item.querySelector('pubDate')?.textContent ?? ''))) problems.push({ file, problem: `${at}: <pubDate> is not a date` });
  });
  for (const path of stories.keys()) if (!seen.has(path)) problems.push({ file, problem: `no item for the story page ${path}` });
  return { problems, items: items.length, stories: stories.size };
}
