/**
 * XML text escaping for the files the build writes by hand: the sitemap (src/integrations/sitemap.ts),
 * the RSS feed (src/pages/_rss.ts) and the share-card SVGs (src/pages/og/_card.ts).
 */

/** The five XML special characters as entities: safe in text nodes and in quoted attributes. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
