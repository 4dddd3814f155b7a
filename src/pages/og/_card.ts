/**
 * Social preview cards (Open Graph / Twitter), 1200 × 630 PNG, drawn as SVG and
 * rasterised at build time with sharp (librsvg; system fonts via fontconfig).
 *
 * Every piece of text is XML-escaped before it enters the SVG: council names and
 * story titles come from data files and must never become markup.
 *
 * The URL of a page's card is derived from the page's path (cardPathFor), so the
 * layout (Base.astro, via _paths.ts, which does not load sharp) and the endpoint ([...card].png.ts) agree without passing
 * props through every page; the links gate checks every og:image resolves.
 */
import sharp from 'sharp';

import { CARD_HEIGHT, CARD_WIDTH, SITE_NAME } from './_paths.ts';
import { escapeXml } from '../../lib/xml.ts';

/** Greedy word wrap by an average glyph width (no font metrics at build time); long text ends in "…". */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (next.length <= maxChars || !line) line = next;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = `${last.length + 1 <= maxChars ? last : last.replace(/\s*\S*$/, '')}…`;
    return kept;
  }
  return lines;
}

export interface Card {
  /** Small label above the title: "Story", "Council". */
  kicker: string;
  title: string;
  subtitle: string;
}

export function cardSvg(card: Card): string {
  const titleLines = wrap(card.title, 27, 3);
  const subLines = wrap(card.subtitle, 60, 3);
  const font = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
  const title = titleLines.map((l, i) => `<tspan x="80" dy="${i === 0 ? 0 : 72}">${escapeXml(l)}</tspan>`).join('');
  const sub = subLines.map((l, i) => `<tspan x="80" dy="${i === 0 ? 0 : 40}">${escapeXml(l)}</tspan>`).join('');
  const subY = 250 + titleLines.length * 72 + 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect width="24" height="100%" fill="#1d5a8a"/>
<text x="80" y="110" font-family="${font}" font-size="30" font-weight="bold" fill="#1d5a8a">${escapeXml(SITE_NAME)}</text>
<text x="80" y="170" font-family="${font}" font-size="28" fill="#4a4a4a">${escapeXml(card.kicker.toUpperCase())}</text>
<text x="80" y="250" font-family="${font}" font-size="60" font-weight="bold" fill="#111111">${title}</text>
<text x="80" y="${subY}" font-family="${font}" font-size="32" fill="#333333">${sub}</text>
</svg>`;
}

export async function cardPng(card: Card): Promise<Uint8Array<ArrayBuffer>> {
  const png = await sharp(Buffer.from(cardSvg(card)), { density: 72 })
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer();
  return new Uint8Array(png);
}
