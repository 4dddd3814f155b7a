/**
 * Gate 5 (static part): security properties of every built page.
 *
 *  - exactly one <meta http-equiv="content-security-policy"> in <head>, whose
 *    script-src (or default-src) does not allow 'unsafe-inline' or 'unsafe-eval',
 *    with object-src 'none' and base-uri restricted;
 *  - every inline executable <script> (no src) has its sha256 hash in script-src
 *    (what Astro's security.csp emits; anything else would be blocked and break);
 *  - no inline event-handler attributes (onclick=…) and no javascript: URLs;
 *  - no style="" attributes unless style-src allows them (they would be blocked);
 *  - nothing loaded from another origin: src/href of script, link (stylesheet,
 *    preload, icon, manifest), img, source, iframe, video, audio, embed, object,
 *    and url()/@import in CSS files and <style> blocks. Plain <a href> to other
 *    sites is fine (it is a link, not a load).
 *
 *   tsx scripts/check/security.ts          # CHECK_DIST to check another build
 *
 * The runtime part (no off-site requests while pages load) is in tests/e2e/site.spec.ts;
 * escaping of data text is the hostile fixture site's (tests/e2e/fixture-sites/hostile.spec.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { builtPages, distDir, exitWith, walkFiles } from './dist.ts';

export type Csp = Map<string, string[]>;

export function parseCsp(policy: string): Csp {
  const csp: Csp = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !csp.has(name.toLowerCase())) csp.set(name.toLowerCase(), values);
  }
  return csp;
}

const EXECUTABLE = new Set(['', 'text/javascript', 'module', 'application/javascript']);
const LOADING: Array<[string, string]> = [
  ['script', 'src'],
  ['link', 'href'],
  ['img', 'src'],
  ['img', 'srcset'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['iframe', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['embed', 'src'],
  ['object', 'data'],
  ['track', 'src'],
];
/** <link rel> values that are not loads (navigation or identity): canonical, alternate, author… */
const NON_LOADING_LINK = /^(canonical|alternate|author|license|me|next|prev|help|search|sitemap)$/i;

export function isOffSite(url: string, origin: string): boolean {
  const u = url.trim();
  if (/^\/\//.test(u)) return true;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(u)) return false; // relative
  if (/^(data|blob):/i.test(u)) return false;
  try {
    return new URL(u).origin !== origin;
  } catch {
    return true;
  }
}

export function cssOffSite(css: string, origin: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) if (isOffSite(m[2]!, origin)) out.push(m[2]!);
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*(['"]?)([^'")\s;]+)\1/g)) if (isOffSite(m[2]!, origin)) out.push(m[2]!);
  return out;
}

/** Problems on one page (empty when clean). `origin` is the site's own origin. */
export function pageSecurityProblems(html: string, origin: string): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(html);
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) problems.push(`expected one CSP <meta>, found ${metas.length}`);
  else if (metas[0]!.parentElement?.tagName.toLowerCase() !== 'head') problems.push('CSP <meta> is not in <head>');
  const csp = parseCsp(metas[0]?.getAttribute('content') ?? '');
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
  const styleSrc = csp.get('style-src') ?? csp.get('default-src') ?? [];
  if (metas.length) {
    if (!scriptSrc) problems.push('CSP has neither script-src nor default-src');
    else {
      if (scriptSrc.includes("'unsafe-inline'")) problems.push("CSP script-src allows 'unsafe-inline'");
      if (scriptSrc.includes("'unsafe-eval'")) problems.push("CSP script-src allows 'unsafe-eval'");
      if (scriptSrc.some((s) => s === '*' || /^https?:$/.test(s) || /^https?:\/\//.test(s)))
        problems.push(`CSP script-src allows other origins: ${scriptSrc.join(' ')}`);
    }
    if (csp.get('object-src')?.join(' ') !== "'none'") problems.push("CSP lacks object-src 'none'");
    if (!csp.has('base-uri')) problems.push('CSP lacks base-uri');
  }
  const hashes = new Set((scriptSrc ?? []).filter((s) => s.startsWith("'sha256-")).map((s) => s.slice(8, -1)));
  for (const s of document.querySelectorAll('script:not([src])')) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (!EXECUTABLE.has(type)) continue;
    const hash = createHash('sha256')
      .update(s.textContent ?? '', 'utf8')
      .digest('base64');
    if (!hashes.has(hash)) problems.push(`inline <script> without its hash in script-src: ${(s.textContent ?? '').slice(0, 60)}…`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) {
      if (/^on/i.test(name)) problems.push(`inline event handler ${name}= on <${el.tagName.toLowerCase()}>`);
      if (name === 'style' && !styleSrc.includes("'unsafe-inline'"))
        problems.push(`style="" attribute on <${el.tagName.toLowerCase()}> is blocked by style-src (use a class)`);
    }
    const href = el.getAttribute('href');
    if (href && /^\s*javascript:/i.test(href)) problems.push(`javascript: URL on <${el.tagName.toLowerCase()}>`);
  }
  for (const [tag, attr] of LOADING) {
    for (const el of document.querySelectorAll(`${tag}[${attr}]`)) {
      if (tag === 'link' && NON_LOADING_LINK.test(el.getAttribute('rel') ?? '')) continue;
      const values =
        attr === 'srcset'
          ? el
              .getAttribute(attr)!
              .split(',')
              .map((p) => p.trim().split(/\s+/)[0] ?? '')
          : [el.getAttribute(attr)!];
      for (const v of values) if (v && isOffSite(v, origin)) problems.push(`<${tag} ${attr}> loads from another origin: ${v}`);
    }
  }
  for (const style of document.querySelectorAll('style'))
    for (const u of cssOffSite(style.textContent ?? '', origin)) problems.push(`<style> loads from another origin: ${u}`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = distDir();
  const pages = builtPages(dist);
  const home = parseHTML(readFileSync(`${dist}/index.html`, 'utf8')).document;
  const canonical = home.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const origin = canonical ? new URL(canonical).origin : 'null';
  let count = 0;
  for (const page of pages) {
    for (const p of pageSecurityProblems(readFileSync(page.file, 'utf8'), origin)) {
      count++;
      if (count <= 200) console.log(`${page.path}: ${p}`);
    }
  }
  for (const rel of walkFiles(dist).filter((f) => f.endsWith('.css'))) {
    for (const u of cssOffSite(readFileSync(`${dist}/${rel}`, 'utf8'), origin)) {
      count++;
      console.log(`/${rel}: loads from another origin: ${u}`);
    }
  }
  exitWith({
    name: 'security',
    ok: count === 0,
    summary: `${pages.length} pages: CSP, inline scripts, handlers and third-party loads checked, ${count} problems`,
  });
}
