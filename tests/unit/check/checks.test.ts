/**
 * The quality gates' own logic, on tiny hand-made "built sites" in temp folders:
 * each check must pass a clean page and fail the specific bad input it exists for.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPages, pageType, resolveLocal, urlPathOf } from '../../../scripts/check/dist.ts';
import { checkLinks, localPath, plannedSection } from '../../../scripts/check/links.ts';
import { BUDGETS, cssRefs, jsImports, overBudget, total, weighPage } from '../../../scripts/check/budgets.ts';
import { isOffSite, pageSecurityProblems, parseCsp } from '../../../scripts/check/security.ts';
import { compareTrees, firstDifference } from '../../../scripts/check/reproducible.ts';
import { escapingProblems, renameInJson } from '../../../scripts/check/xss.ts';
import { rssXml } from '../../../src/pages/_rss.ts';
import { sitemapXml } from '../../../src/integrations/sitemap.ts';
import { cardPathFor } from '../../../src/pages/og/_paths.ts';
import { cardSvg, wrap } from '../../../src/pages/og/_card.ts';
import { escapeXml } from '../../../src/lib/xml.ts';

const ORIGIN = 'https://site.example';
const CSP = `<meta http-equiv="content-security-policy" content="default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self'; style-src 'self'">`;
const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>t</title><link rel="canonical" href="${ORIGIN}/">${CSP}${head}</head><body>${body}</body></html>`;

let dirs: string[] = [];
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-test-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('dist helpers', () => {
  it('maps files to URL paths and page types', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('stories/a/index.html')).toBe('/stories/a/');
    expect(urlPathOf('404.html')).toBe('/404.html');
    expect(pageType('/')).toBe('home');
    expect(pageType('/stories/a/')).toBe('story');
    expect(pageType('/stories/')).toBe('other');
    expect(pageType('/councils/kent/')).toBe('council');
    expect(pageType('/map/cla/2024/')).toBe('map');
    expect(pageType('/data/')).toBe('data');
  });
  it('refuses an unbuilt site with a hint', () => {
    expect(() => builtPages(site({ 'x.txt': '' }))).toThrow(/build the site first/);
  });
  it('resolves like a static host and never outside dist', () => {
    const d = site({ 'index.html': page(''), 'a/index.html': page(''), 'f.css': '' });
    expect(resolveLocal(d, '/a/')).toMatch(/a\/index\.html$/);
    expect(resolveLocal(d, '/a')).toMatch(/a\/index\.html$/);
    expect(resolveLocal(d, '/f.css?v=1#x')).toMatch(/f\.css$/);
    expect(resolveLocal(d, '/b/')).toBeUndefined();
    expect(resolveLocal(d, '/../../etc/passwd')).toBeUndefined();
  });
});

describe('links', () => {
  it('passes good links and anchors, fails missing files and anchors', () => {
    const d = site({
      'index.html': page(
        '<a href="/a/#sec">ok</a><a href="#top" id="top">self</a><a href="/a/#nope">bad anchor</a><a href="/gone/">gone</a><a href="https://elsewhere.example/x">off-site</a><img src="/img.png" alt="">',
      ),
      'a/index.html': page('<h2 id="sec">S</h2>'),
      'img.png': 'x',
    });
    const { problems } = checkLinks(d, undefined, join(d, 'no-pages-dir'));
    // /gone/ is a "planned" section while it has no page source; /a/#nope is a broken anchor.
    expect(problems.map((p) => p.ref)).toEqual(['/a/#nope']);
  });
  it('counts a section as broken once its page source exists', () => {
    const d = site({ 'index.html': page('<a href="/gone/">gone</a>'), 'src/pages/gone.astro': '' });
    const { problems, planned } = checkLinks(d, undefined, join(d, 'src/pages'));
    expect(problems.map((p) => p.ref)).toEqual(['/gone/']);
    expect(planned.size).toBe(0);
    expect(plannedSection('/pagefind/x.js', join(d, 'src/pages'))).toBeUndefined();
  });
  it('checks og:image and CSS url() and treats the site origin as local', () => {
    const d = site({
      'index.html': page('', `<meta property="og:image" content="${ORIGIN}/og/missing.png"><link rel="stylesheet" href="/s.css">`),
      's.css': 'a{background:url(/nothere.png)}',
    });
    const refs = checkLinks(d, undefined, join(d, 'src/pages')).problems.map((p) => p.ref);
    expect(refs).toContain(`${ORIGIN}/og/missing.png`);
    expect(refs).toContain('/nothere.png');
    expect(localPath('mailto:a@b.c', '/', ORIGIN)).toBeUndefined();
    expect(localPath('../x/', '/a/b/', ORIGIN)).toBe('/a/x/');
  });
});

describe('budgets', () => {
  it('finds module imports and CSS references', () => {
    expect(jsImports('import{a}from"./chunk.A1.js";import("./lazy.js");import "./side.js"')).toEqual(['./chunk.A1.js', './lazy.js', './side.js']);
    expect(cssRefs('@import "a.css"; b{background:url("/i.png")}')).toEqual(['/i.png', 'a.css']);
  });
  it('counts what the page loads (following imports), not the whole dist', () => {
    const big = 'x'.repeat(1000);
    const d = site({
      'index.html': page('<script type="module" src="/_astro/a.js"></script><img src="/i.svg" alt="">', '<link rel="stylesheet" href="/_astro/s.css">'),
      '_astro/a.js': 'import"./b.js";',
      '_astro/b.js': 'console.log(1)',
      '_astro/unused.js': big,
      '_astro/s.css': 'body{font:url(/f.woff2)}',
      'f.woff2': big,
      'i.svg': '<svg/>',
    });
    const w = weighPage(d, builtPages(d)[0]!);
    expect(w.files.js.sort()).toEqual(['/_astro/a.js', '/_astro/b.js']);
    expect(w.files.img).toEqual(['/i.svg']); // the font is excluded
    expect(total(w)).toBe(w.gzip.html + w.gzip.css + w.gzip.js + w.gzip.img);
    expect(overBudget(w)).toEqual([]);
    expect(overBudget({ ...w, gzip: { ...w.gzip, js: BUDGETS.home.js + 1 } })[0]).toMatch(/^JS/);
  });
});

describe('security', () => {
  it('accepts a clean page', () => {
    expect(pageSecurityProblems(page('<a href="https://gov.uk/">a link is fine</a>'), ORIGIN)).toEqual([]);
  });
  it('parses a CSP', () => {
    expect(parseCsp("default-src 'self'; script-src 'self' 'sha256-x'").get('script-src')).toEqual(["'self'", "'sha256-x'"]);
  });
  it('flags unsafe-inline, unhashed inline scripts, handlers, style attributes and third-party loads', () => {
    const bad = `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'"><link rel="stylesheet" href="https://fonts.example/css"></head><body><script>alert(1)</script><button onclick="x()">b</button><p style="color:red">p</p><img src="//cdn.example/i.png" alt=""><iframe src="https://tracker.example/"></iframe></body></html>`;
    const p = pageSecurityProblems(bad, ORIGIN).join('\n');
    expect(p).toMatch(/unsafe-inline/);
    expect(p).toMatch(/inline <script> without its hash/);
    expect(p).toMatch(/onclick/);
    expect(p).toMatch(/style=""/);
    expect(p).toMatch(/fonts\.example/);
    expect(p).toMatch(/cdn\.example/);
    expect(p).toMatch(/tracker\.example/);
  });
  it('accepts an inline script whose hash is in script-src, and JSON data islands', () => {
    const code = 'console.log(1)';
    const hash = 'sha256-' + createHash('sha256').update(code).digest('base64');
    const html = `<html><head><meta http-equiv="content-security-policy" content="script-src 'self' '${hash}'; object-src 'none'; base-uri 'self'"></head><body><script>${code}</script><script type="application/json">{"a":1}</script></body></html>`;
    expect(pageSecurityProblems(html, ORIGIN)).toEqual([]);
  });
  it('requires exactly one CSP meta', () => {
    expect(pageSecurityProblems('<html><head></head><body></body></html>', ORIGIN)[0]).toMatch(/found 0/);
    expect(isOffSite('/x.js', ORIGIN)).toBe(false);
    expect(isOffSite(`${ORIGIN}/x.js`, ORIGIN)).toBe(false);
    expect(isOffSite('https://other.example/x.js', ORIGIN)).toBe(true);
  });
});

describe('xss helpers', () => {
  it('renames a JSON string value exactly', () => {
    const { text, count } = renameInJson('{"name":"Kent","n":"Kentish"}', 'Kent', '<b>x</b>');
    expect(count).toBe(1);
    expect(JSON.parse(text)).toEqual({ name: '<b>x</b>', n: 'Kentish' });
  });
  it('tells escaped text from live markup', () => {
    expect(escapingProblems('<p>&lt;img src=x onerror=alert(1)&gt;Testshire</p>')).toEqual([]);
    expect(escapingProblems('<circle data-label="<img src=x onerror=alert(1)>Testshire"></circle>')).toEqual([]);
    expect(escapingProblems('<script type="application/json">{"n":"\\u003cscript>alert(2)\\u003c/script>"}</script>')).toEqual([]);
    expect(escapingProblems('<p><img src=x onerror=alert(1)>Testshire</p>').length).toBeGreaterThan(0);
    expect(escapingProblems('<script type="application/json">{"n":"</script><script>alert(2)</script>"}</script>').length).toBeGreaterThan(0);
  });
});

describe('reproducible', () => {
  it('reports differing and missing files with the first differing line', () => {
    const a = site({ 'x.html': '<p>built 10:00</p>', 'same.txt': 's', 'only-a.txt': '' });
    const b = site({ 'x.html': '<p>built 10:01</p>', 'same.txt': 's' });
    const { differences } = compareTrees(a, b);
    expect(differences.map((d) => d.file).sort()).toEqual(['only-a.txt', 'x.html']);
    expect(firstDifference('ab\ncd', 'ab\nce')).toMatch(/^line 2, column 2/);
  });

  it('leaves out the folders it is told to ignore (the search index written after the build)', () => {
    const a = site({ 'x.html': '<p>same</p>', 'pagefind/index.js': 'one' });
    const b = site({ 'x.html': '<p>same</p>', 'pagefind/other.js': 'two' });
    expect(compareTrees(a, b, /^pagefind\//).differences).toEqual([]);
    expect(
      compareTrees(a, b)
        .differences.map((d) => d.file)
        .sort(),
    ).toEqual(['pagefind/index.js', 'pagefind/other.js']);
  });
});

describe('sharing', () => {
  it('writes an escaped RSS feed with a date from the stories, not the clock', () => {
    const xml = rssXml(new URL(ORIGIN), [
      { title: 'Cuts & <care>', link: `${ORIGIN}/stories/a/`, description: 'd "q"', published: new Date('2026-01-02'), categories: ['spend'] },
    ]);
    expect(xml).toContain('<title>Cuts &amp; &lt;care&gt;</title>');
    expect(xml).toContain('<lastBuildDate>Fri, 02 Jan 2026 00:00:00 GMT</lastBuildDate>');
    expect(xml).not.toContain('<care>');
  });
  it('lists indexable pages in the sitemap, sorted, without noindex pages', () => {
    const d = site({ 'index.html': page(''), 'b/index.html': page(''), '404.html': page('', '<meta name="robots" content="noindex">') });
    const { xml, count } = sitemapXml(ORIGIN, d);
    expect(count).toBe(2);
    expect(xml.indexOf(`${ORIGIN}/b/`)).toBeGreaterThan(xml.indexOf(`<loc>${ORIGIN}/</loc>`));
    expect(xml).not.toContain('404');
  });
  it('maps pages to social cards and escapes card text', () => {
    expect(cardPathFor('/stories/x/')).toBe('/og/stories/x.png');
    expect(cardPathFor('/councils/kent/')).toBe('/og/councils/kent.png');
    expect(cardPathFor('/about/')).toBe('/og/site.png');
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    expect(cardSvg({ kicker: 'k', title: '<img src=x>', subtitle: 's' })).not.toContain('<img');
    expect(wrap('one two three four', 9, 1)).toEqual(['one two…']);
  });
});
