/**
 * The sitemap, by @astrojs/sitemap: after the build it writes sitemap-index.xml
 * (the file robots.txt names) and sitemap-0.xml, listing every page Astro built
 * as its canonical URL on `site`, sorted, without <lastmod> (so two builds of the
 * same data give the same files).
 *
 * Pages the build marked <meta name="robots" content="noindex"> (404, the style
 * guide, drafts in INCLUDE_DRAFTS builds) are left out by `filter`, which reads
 * the built page: `noindex` on Base.astro stays the one place that decides.
 * Endpoint files (rss.xml, /data/*.csv, …) are left out too: only HTML pages.
 * The filter runs in astro:build:done, when every page is on disk in the
 * resolved outDir (`astro build --outDir x` changes it, so it is read from the
 * resolved config, not assumed to be dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** The meta tag Base.astro writes on pages that must not be indexed. */
export const NOINDEX = /<meta[^>]+name="robots"[^>]+noindex/i;

/**
 * The built HTML file of a page URL under `root` (the site URL with its base):
 * https://s/a/ → <outDir>/a/index.html, https://s/404.html → <outDir>/404.html.
 * Undefined for a URL outside `root`, or one that is not a built HTML page.
 */
export function builtHtmlOf(url: string, root: URL, outDir: URL): string | undefined {
  const u = new URL(url);
  if (u.origin !== root.origin || !u.pathname.startsWith(root.pathname)) return undefined;
  const rel = decodeURIComponent(u.pathname.slice(root.pathname.length));
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  if (!file.endsWith('.html')) return undefined;
  const path = fileURLToPath(new URL(file, outDir));
  return existsSync(path) ? path : undefined;
}

/** Whether a page URL belongs in the sitemap: a built HTML page without noindex. */
export function indexable(url: string, root: URL, outDir: URL): boolean {
  const file = builtHtmlOf(url, root, outDir);
  return file !== undefined && !NOINDEX.test(readFileSync(file, 'utf8'));
}

export default function siteSitemap(): AstroIntegration {
  let resolved: { root: URL; outDir: URL } | undefined;
  return {
    name: 'site-sitemap',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        if (!config.site) throw new Error('sitemap: set `site` in astro.config.mjs (canonical URLs need it)');
        updateConfig({
          integrations: [
            sitemap({
              filter: (url) => {
                if (!resolved) throw new Error('sitemap: filter called before astro:config:done; the page list cannot be checked for noindex');
                return indexable(url, resolved.root, resolved.outDir);
              },
              // Plain <urlset>: no news/image/video/xhtml extensions are used.
              namespaces: { news: false, xhtml: false, image: false, video: false },
            }),
          ],
        });
      },
      'astro:config:done': ({ config }) => {
        // config.site is checked in astro:config:setup.
        const outDir = config.outDir.href.endsWith('/') ? config.outDir : new URL(`${config.outDir.href}/`);
        resolved = { root: new URL(config.base, config.site), outDir };
      },
    },
  };
}
