/**
 * Embeds: one page per chart of a story under /embed/<story>/<chart>/, holding only the chart block
 * (src/pages/embed/[story]/[chart].astro), and the <iframe> snippet shown under the chart on the story page.
 * PURE: strings in, strings out (the pages render the story and hand its HTML to chartFigures).
 */
import { escapeXml } from '../xml.ts';

export interface ChartFigure {
  id: string;
  /** The block's <figure> … </figure>, exactly as the story page has it. */
  html: string;
}

/** Every chart block (<figure class="chart-block …" id="…">) in rendered HTML, in page order. */
export function chartFigures(html: string): ChartFigure[] {
  const out: ChartFigure[] = [];
  const open = /<figure class="chart-block[^"]*" id="([^"]+)"/g;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const start = m.index;
    // Find the matching </figure>, counting nested figures.
    const tags = /<figure\b|<\/figure>/g;
    tags.lastIndex = start + 1;
    let depth = 1;
    let end = -1;
    for (let t = tags.exec(html); t; t = tags.exec(html)) {
      depth += t[0] === '</figure>' ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    if (end < 0) throw new Error(`chart block "${m[1]}": no closing </figure>`);
    out.push({ id: m[1]!, html: html.slice(start, end) });
    open.lastIndex = end;
  }
  return out;
}

/** The block's heading becomes the page's <h1> (an embed page holds nothing else). */
export function asPageHeading(figure: string): string {
  return figure.replace(/<h([2-6])( class="chart-title"[^>]*)>([\s\S]*?)<\/h\1>/, '<h1$2>$3</h1>');
}

/** The text of the block's title (for the iframe's title and the page title). */
export function figureTitle(figure: string): string {
  const m = /<h[1-6] class="chart-title"[^>]*>([\s\S]*?)<\/h[1-6]>/.exec(figure);
  if (!m) throw new Error('chart block without a .chart-title heading');
  return decodeEntities(m[1]!.replace(/<[^>]+>/g, '')).trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function embedPath(story: string, chart: string): string {
  return `/embed/${story}/${chart}/`;
}

/** The story page a chart of /stories/<slug>/ lives on, or null on any other page. */
export function storyOfPath(pathname: string): string | null {
  return /^\/stories\/([^/]+)\/$/.exec(pathname)?.[1] ?? null;
}

/** Height of an SVG variant from its viewBox ("0 0 640 340" → 340). */
export function viewBoxHeight(svg: string): number {
  const m = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error('chart SVG without a viewBox');
  return Number(m[2]);
}

/**
 * The iframe height for an embed: the wide chart drawn up to 1.2 times its design size (a 48rem
 * block), plus the text around it: title and links (about 150 px), and about 45 px for each
 * subtitle, key, note or source line. An estimate: the embed test checks that the page fits.
 */
export function embedHeight(chartHeight: number, textBlocks: number): number {
  return Math.ceil((chartHeight * 1.2 + 150 + 45 * textBlocks) / 10) * 10;
}

export function embedSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="100%" height="${height}" loading="lazy" style="border:0"></iframe>`;
}
