/**
 * "Download PNG" for a chart block (loaded by chart-island.ts on the first click, so pages do not pay
 * for it up front). Draws the visible SVG variant at its design size (its viewBox, in CSS px) with
 * the title, subtitle, key, notes, source and site name around it, at 2x pixel density, in the light
 * palette whatever the reader's colour scheme: the light custom properties of :root and .chart-block
 * (read from the page's own stylesheets) are set on the block for the moment the colours are read,
 * and every resolved colour and font is written into a copy of the SVG as presentation attributes.
 * The copy is loaded as a data: image (allowed by img-src), drawn on a canvas, and saved as a blob.
 */
export const SCALE = 2;
/** Margin around everything, CSS px. */
export const PAD = 16;

type Box = { el: Element; font: string; color: string };

/** Custom properties declared outside media queries on :root and .chart-block: the light palette. */
function lightProperties(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSStyleRule) || !/^(:root|\.chart-block)$/.test(rule.selectorText)) continue;
      for (const name of rule.style) if (name.startsWith('--')) out.push([name, rule.style.getPropertyValue(name).trim()]);
    }
  }
  return out;
}

/** Runs `read` with the light palette set on the block (synchronously: the page never paints it). */
function inLight<T>(block: HTMLElement, read: () => T): T {
  const props = lightProperties();
  const before = block.style.cssText;
  // Page-level values first, then the block's own (which refer to them).
  for (const [k, v] of props) block.style.setProperty(k, v);
  try {
    return read();
  } finally {
    block.style.cssText = before;
  }
}

const PAINT = ['fill', 'stroke', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-family', 'font-style', 'font-weight'] as const;

function inlineSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const dead = [copy, ...copy.querySelectorAll('*')];
  live.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const to = dead[i]!;
    for (const p of PAINT) to.setAttribute(p, cs.getPropertyValue(p));
    if (cs.display === 'none') to.setAttribute('display', 'none');
  });
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 640 400').split(/\s+/).map(Number) as [number, number, number, number];
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  copy.removeAttribute('class');
  return { text: new XMLSerializer().serializeToString(copy), width: w, height: h };
}

function textBox(el: Element | null): Box | null {
  if (!el || !(el.textContent ?? '').trim() || el.getClientRects().length === 0) return null;
  const cs = getComputedStyle(el);
  return { el, font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`, color: cs.color };
}

/** Word-wrapped lines of `text` within `width` in the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function chartPng(block: HTMLElement): Promise<Blob> {
  const svg = [...block.querySelectorAll<SVGSVGElement>('.chart-frame svg.chart-svg')].find((s) => s.getClientRects().length > 0);
  if (!svg) throw new Error(`chart ${block.id}: no visible SVG`);
  const site = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? document.title.split(' | ').pop() ?? '';
  const { chart, boxes, legend, bg } = inLight(block, () => ({
    chart: inlineSvg(svg),
    boxes: ['.chart-title', '.chart-subtitle'].map((s) => textBox(block.querySelector(s))),
    legend: [...block.querySelectorAll('.chart-legend li')].map((li) => {
      const mark = li.querySelector('rect, line');
      const cs = mark ? getComputedStyle(mark) : null;
      return { label: (li.textContent ?? '').trim(), color: cs ? (mark!.tagName === 'line' ? cs.stroke : cs.fill) : '#000', box: textBox(li) };
    }),
    bg: getComputedStyle(block).getPropertyValue('--chart-bg').trim() || '#ffffff',
  }));
  const footBoxes = inLight(block, () => [...block.querySelectorAll('.chart-caption > .chart-note, .chart-caption > .chart-source')].map((el) => textBox(el)));
  const credit = inLight(block, () => textBox(block.querySelector('.chart-source') ?? block.querySelector('.chart-caption')));

  const width = chart.width + 2 * PAD;
  const measure = document.createElement('canvas').getContext('2d')!;
  type Line = { text: string; font: string; color: string; size: number };
  const lay = (b: Box | null, text?: string): Line[] => {
    if (!b) return [];
    measure.font = b.font;
    const size = Number.parseFloat(getComputedStyle(b.el).fontSize);
    return wrap(measure, text ?? b.el.textContent ?? '', chart.width).map((t) => ({ text: t, font: b.font, color: b.color, size }));
  };
  const head = boxes.flatMap((b) => lay(b));
  const foot = footBoxes.flatMap((b) => lay(b));
  if (credit && site) foot.push(...lay(credit, site));
  const lh = (l: Line) => Math.round(l.size * 1.35);
  // The key flows like text: swatch, label, gap; a new row when the next item would not fit.
  const keyAt: Array<{ x: number; row: number }> = [];
  let kx = 0;
  let rows = legend.length ? 1 : 0;
  for (const item of legend) {
    if (item.box) measure.font = item.box.font;
    const w = 22 + measure.measureText(item.label).width + 16;
    if (kx > 0 && kx + w > chart.width) {
      kx = 0;
      rows++;
    }
    keyAt.push({ x: kx, row: rows - 1 });
    kx += w;
  }
  const legendH = rows ? 22 * rows + 6 : 0;
  const height = PAD + head.reduce((s, l) => s + lh(l), 0) + legendH + 6 + chart.height + 8 + foot.reduce((s, l) => s + lh(l), 0) + PAD;

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';
  let y = PAD;
  const draw = (lines: Line[]) => {
    for (const l of lines) {
      ctx.font = l.font;
      ctx.fillStyle = l.color;
      ctx.fillText(l.text, PAD, y + (lh(l) - l.size) / 2);
      y += lh(l);
    }
  };
  draw(head);
  if (legend.length) {
    legend.forEach((item, i) => {
      const x = PAD + keyAt[i]!.x;
      const ly = y + 22 * keyAt[i]!.row;
      ctx.fillStyle = item.color;
      ctx.fillRect(x, ly + 5, 16, 10);
      if (item.box) ctx.font = item.box.font;
      ctx.fillStyle = item.box?.color ?? '#000';
      ctx.fillText(item.label, x + 22, ly + 2);
    });
    y += legendH;
  }
  y += 6;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.text)}`;
  await img.decode();
  ctx.drawImage(img, PAD, y, chart.width, chart.height);
  y += chart.height + 8;
  draw(foot);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`chart ${block.id}: PNG not made`))), 'image/png'));
}

/** Makes the PNG and hands it to the browser as a download named <chart id>.png. */
export async function downloadPng(block: HTMLElement): Promise<void> {
  const blob = await chartPng(block);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${block.id}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}
