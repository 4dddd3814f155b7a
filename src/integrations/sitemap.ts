/**
 * Writes dist/sitemap.xml after the build from the pages actually built: every
 * .html file, as its canonical URL on `site`, except pages marked
 * <meta name="robots" content="noindex"> (404, drafts). Sorted, and without
 * <lastmod> (build time would make builds differ; dates per page are not tracked),
 * so two builds of the same data give the same file.
 *
 * An integration rather than an endpoint because only after the build is the full
 * list of pages (including every getStaticPaths page) known.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { escapeXml } from '../lib/xml.ts';

function htmlFiles(dir: string, root = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') htmlFiles(p, root, out);
    } else if (name.endsWith('.html')) out.push(relative(root, p).split(sep).join('/'));
  }
  return out;
}

export function sitemapXml(site: string, dist: string): { xml: string; count: number } {
  const urls: string[] = [];
  for (const rel of htmlFiles(dist)) {
    const html = readFileSync(join(dist, rel), 'utf8');
    if (/<meta[^>]+name="robots"[^>]+noindex/i.test(html)) continue;
    const path = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
    urls.push(new URL(path, site).href);
  }
  urls.sort();
  const body = urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`).join('\n');
  return {
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    count: urls.length,
  };
}

export default function sitemap(): AstroIntegration {
  let site = '';
  return {
    name: 'local-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('sitemap: set `site` in astro.config.mjs (canonical URLs need it)');
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const { xml, count } = sitemapXml(site, dist);
        writeFileSync(join(dist, 'sitemap.xml'), xml);
        logger.info(`sitemap.xml: ${count} pages`);
      },
    },
  };
}
