/**
 * Gate 3: page-weight budgets per page type, over the built site.
 *
 * For each page we count what a browser actually loads for it: the HTML, every
 * stylesheet it links (and CSS @import), every module script it loads and the
 * chunks those import (static and dynamic imports, followed recursively), and
 * images (<img src/srcset>, <source srcset>, icons, and non-font url() in its CSS).
 * Fonts are excluded (the budget is about our code and content). Each file is
 * measured compressed: gzip level 9 (budgets) and brotli quality 11 (reported).
 *
 *   tsx scripts/check/budgets.ts        # prints a table; exits 1 when any page is over budget
 *   BUDGETS_ALL=1 …                     # also list every page, not just the heaviest per type
 *   BUDGETS_BROTLI=1 …                  # also measure brotli (quality 11; slow)
 *
 * Budgets are in kB (1 kB = 1,000 bytes) of gzip; see docs/quality.md.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { builtPages, distDir, exitWith, pageType, PAGE_TYPES, resolveLocal, type Page, type PageType } from './dist.ts';

export interface Budget {
  /** Total compressed bytes of HTML + CSS + JS + images. */
  total: number;
  html: number;
  js: number;
}
const KB = 1000;
export const BUDGETS: Record<PageType, Budget> = {
  home: { total: 150 * KB, html: 40 * KB, js: 40 * KB },
  // Story and council pages: 100 KB in all and 40 KB of JavaScript at most; the map 150 KB (the newsroom's targets).
  story: { total: 100 * KB, html: 60 * KB, js: 40 * KB },
  council: { total: 100 * KB, html: 50 * KB, js: 30 * KB },
  map: { total: 150 * KB, html: 120 * KB, js: 80 * KB },
  compare: { total: 200 * KB, html: 80 * KB, js: 80 * KB },
  data: { total: 100 * KB, html: 60 * KB, js: 20 * KB },
  other: { total: 100 * KB, html: 60 * KB, js: 30 * KB },
};

type Kind = 'html' | 'css' | 'js' | 'img';
export interface PageWeight {
  path: string;
  type: PageType;
  gzip: Record<Kind, number>;
  brotli: number;
  files: Record<Kind, string[]>;
  missing: string[];
}

const BROTLI = process.env.BUDGETS_BROTLI === '1';
const FONT = new Set(['.woff', '.woff2', '.ttf', '.otf', '.eot']);
const sizeCache = new Map<string, { gzip: number; brotli: number }>();
export function compressedSize(file: string): { gzip: number; brotli: number } {
  let s = sizeCache.get(file);
  if (!s) {
    const bytes = readFileSync(file);
    s = {
      gzip: gzipSync(bytes, { level: 9 }).length,
      // brotli quality 11 is slow (~1 MB/s); only when asked.
      brotli: BROTLI ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0,
    };
    sizeCache.set(file, s);
  }
  return s;
}

/** Local URLs (relative to the site root) that a JS module imports, statically or dynamically. */
export function jsImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.m?js)["'`]/g)) out.push(m[1]!);
  return out;
}

/** url(...) and @import targets in a stylesheet. */
export function cssRefs(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) out.push(m[2]!);
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) out.push(m[2]!);
  return out;
}

function urlToFile(dist: string, ref: string, fromUrl: string): string | undefined {
  if (/^(data|blob|mailto):/i.test(ref)) return undefined;
  const base = new URL(fromUrl, 'http://local.invalid');
  const u = new URL(ref, base);
  if (u.origin !== base.origin) return undefined;
  return resolveLocal(dist, u.pathname);
}

export function weighPage(dist: string, page: Page): PageWeight {
  const files: Record<Kind, Set<string>> = { html: new Set([page.file]), css: new Set(), js: new Set(), img: new Set() };
  const missing: string[] = [];
  const html = readFileSync(page.file, 'utf8');
  const { document } = parseHTML(html);
  const urlOf = (file: string) =>
    '/' +
    file
      .slice(resolve(dist).length + 1)
      .split('\\')
      .join('/');
  const add = (kind: Kind, ref: string | null, from: string) => {
    if (!ref) return;
    const file = urlToFile(dist, ref, from);
    if (file === undefined) {
      if (!/^(data|blob|https?:|\/\/)/i.test(ref)) missing.push(ref);
      return;
    }
    if (FONT.has(extname(file))) return;
    if (files[kind].has(file)) return;
    files[kind].add(file);
    if (kind === 'css') for (const r of cssRefs(readFileSync(file, 'utf8'))) add(r.endsWith('.css') ? 'css' : 'img', r, urlOf(file));
    if (kind === 'js') for (const r of jsImports(readFileSync(file, 'utf8'))) add('js', r, urlOf(file));
  };
  for (const el of document.querySelectorAll('link[rel~="stylesheet"][href]')) add('css', el.getAttribute('href'), page.path);
  for (const el of document.querySelectorAll('link[rel="modulepreload"][href], script[src]'))
    add('js', el.getAttribute('href') ?? el.getAttribute('src'), page.path);
  for (const el of document.querySelectorAll('img[src]')) add('img', el.getAttribute('src'), page.path);
  for (const el of document.querySelectorAll('img[srcset], source[srcset]'))
    for (const part of (el.getAttribute('srcset') ?? '').split(',')) add('img', part.trim().split(/\s+/)[0] ?? null, page.path);
  for (const el of document.querySelectorAll('link[rel~="icon"][href]')) add('img', el.getAttribute('href'), page.path);
  const gzip = { html: 0, css: 0, js: 0, img: 0 } as Record<Kind, number>;
  let brotli = 0;
  for (const kind of Object.keys(files) as Kind[]) {
    for (const f of files[kind]) {
      const s = compressedSize(f);
      gzip[kind] += s.gzip;
      brotli += s.brotli;
    }
  }
  const list = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [...v].map(urlOf)])) as Record<Kind, string[]>;
  return { path: page.path, type: pageType(page.path), gzip, brotli, files: list, missing };
}

export function total(w: PageWeight): number {
  return w.gzip.html + w.gzip.css + w.gzip.js + w.gzip.img;
}

/** Budget breaches of one page, as readable sentences (empty when within budget). */
export function overBudget(w: PageWeight, budgets = BUDGETS): string[] {
  const b = budgets[w.type];
  const out: string[] = [];
  const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;
  if (total(w) > b.total) out.push(`total ${kb(total(w))} > ${kb(b.total)}`);
  if (w.gzip.html > b.html) out.push(`HTML ${kb(w.gzip.html)} > ${kb(b.html)}`);
  if (w.gzip.js > b.js) out.push(`JS ${kb(w.gzip.js)} > ${kb(b.js)}`);
  return out;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = distDir();
  const pages = builtPages(dist);
  const weights = pages.map((p) => weighPage(dist, p));
  const kb = (n: number) => (n / KB).toFixed(1);
  console.log('Compressed page weight (gzip -9, kB; brotli total with BUDGETS_BROTLI=1). Heaviest page of each type; budget in brackets.');
  console.log(
    [
      pad('type', 8),
      pad('pages', 5, true),
      pad('heaviest page', 34),
      pad('HTML', 13, true),
      pad('CSS', 6, true),
      pad('JS', 13, true),
      pad('img', 6, true),
      pad('total', 15, true),
      pad('brotli', 7, true),
      ' status',
    ].join(' '),
  );
  let failures = 0;
  for (const type of PAGE_TYPES) {
    const ofType = weights.filter((w) => w.type === type);
    const b = BUDGETS[type];
    if (!ofType.length) {
      console.log([pad(type, 8), pad('0', 5, true), pad('(no pages built)', 34)].join(' '));
      continue;
    }
    const list = process.env.BUDGETS_ALL === '1' ? ofType : [ofType.reduce((a, w) => (total(w) > total(a) ? w : a))];
    const over = ofType.filter((w) => overBudget(w).length);
    failures += over.length;
    for (const w of list)
      console.log(
        [
          pad(type, 8),
          pad(String(ofType.length), 5, true),
          pad(w.path.length > 34 ? `${w.path.slice(0, 33)}…` : w.path, 34),
          pad(`${kb(w.gzip.html)} [${kb(b.html)}]`, 13, true),
          pad(kb(w.gzip.css), 6, true),
          pad(`${kb(w.gzip.js)} [${kb(b.js)}]`, 13, true),
          pad(kb(w.gzip.img), 6, true),
          pad(`${kb(total(w))} [${kb(b.total)}]`, 15, true),
          pad(BROTLI ? kb(w.brotli) : '-', 7, true),
          over.length ? ` OVER (${over.length} pages)` : ' ok',
        ].join(' '),
      );
  }
  for (const w of weights) {
    const o = overBudget(w);
    if (o.length) console.log(`over budget: ${w.path} (${w.type}): ${o.join('; ')}; JS files: ${w.files.js.join(', ') || 'none'}`);
    for (const m of w.missing) console.log(`note: ${w.path} references ${m}, which is not in the build (see the links gate)`);
  }
  exitWith({ name: 'budgets', ok: failures === 0, summary: `${weights.length} pages weighed, ${failures} over budget` });
}
