import type { APIRoute } from 'astro';

/**
 * /robots.txt: everything is public; points crawlers at the sitemap index that
 * @astrojs/sitemap writes (src/integrations/sitemap.ts) on the configured `site`.
 * The links gate checks that the file named here was built.
 */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site).href;
  return new Response(
    `# The 404 page, the style guide and drafts carry <meta name="robots" content="noindex">.\nUser-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
};
