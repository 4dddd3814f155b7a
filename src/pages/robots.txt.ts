import type { APIRoute } from 'astro';

/** /robots.txt: everything is public; points crawlers at the sitemap on the configured `site`. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap.xml', site).href;
  return new Response(`# The 404 page and drafts carry <meta name="robots" content="noindex">.\nUser-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
