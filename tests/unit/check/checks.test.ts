/**
 * The quality gates' own logic, on tiny hand-made "built sites" in temp folders:
 * each check must pass a clean page and fail the specific bad input it exists for.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPages, pageType, resolveLocal, urlPathOf } from '../../../scripts/check/dist.ts';
import { checkLinks, localPath, plannedSection } from '../../../scripts/check/links.ts';
import { BUDGETS, cssRefs, jsImports, overBudget, total, weighPage } from '../../../scripts/check/budgets.ts';
import { isOffSite, pageSecurityProblems, parseCsp } from '../../../scripts/check/security.ts';
import { compareTrees, firstDifference } from '../../../scripts/check/reproducible.ts';
import { escapingProblems, renameInJson } from '../../support/hostile.ts';
import { getRssString } from '@astrojs/rss';
import { feedOptions } from '../../../src/pages/_rss.ts';
import { builtHtmlOf, indexable } from '../../../src/integrations/sitemap.ts';
import { feedProblems, sitemapProblems } from '../../../scripts/check/sharing.ts';
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
  it('writes an escaped RSS feed (@astrojs/rss) with a date from the stories, not the clock', async () => {
    const xml = await getRssString(
      feedOptions(new URL(ORIGIN), [
        { title: 'Cuts & <care>', link: `${ORIGIN}/stories/a/`, description: 'd "q" </description>', published: new Date('2026-01-02'), categories: ['spend'] },
        { title: 'b', link: `${ORIGIN}/stories/b/`, description: 'b', published: new Date('2025-05-06'), updated: new Date('2026-03-04'), categories: [] },
      ]),
    );
    expect(xml).toContain('<title>Cuts &amp; &lt;care&gt;</title>');
    expect(xml).toContain('<description>d &quot;q&quot; &lt;/description&gt;</description>');
    expect(xml).not.toContain('<care>');
    expect(xml).toContain(`<guid isPermaLink="true">${ORIGIN}/stories/a/</guid>`);
    expect(xml).toContain('<pubDate>Fri, 02 Jan 2026 00:00:00 GMT</pubDate>');
    // The newest date of any story, here an update.
    expect(xml).toContain('<lastBuildDate>Wed, 04 Mar 2026 00:00:00 GMT</lastBuildDate>');
    expect(xml).toContain(`<atom:link href="${ORIGIN}/rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(xml.match(/<item>/g)).toHaveLength(2);
  });
  it('the sitemap filter keeps built HTML pages without noindex and nothing else', () => {
    const noindex = '<meta name="robots" content="noindex">';
    const d = site({
      'index.html': page(''),
      'b/index.html': page(''),
      '404.html': page('', noindex),
      'style-guide/index.html': page('', noindex),
      'rss.xml': '<rss/>',
    });
    const root = new URL(`${ORIGIN}/`);
    const out = pathToFileURL(`${d}/`);
    const keep = (path: string) => indexable(`${ORIGIN}${path}`, root, out);
    expect(['/', '/b/', '/404.html', '/style-guide/', '/rss.xml', '/missing/'].filter(keep)).toEqual(['/', '/b/']);
    expect(builtHtmlOf('https://other.example/b/', root, out)).toBeUndefined();
  });
  describe('sitemap and feed against the built pages', () => {
    const noindex = '<meta name="robots" content="noindex">';
    const story = (title: string) => page('', `<meta property="og:title" content="${title}">`);
    const urlset = (paths: string[]) =>
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${ORIGIN}${p}</loc></url>`).join('')}</urlset>`;
    const item = (path: string, title: string, guid = `${ORIGIN}${path}`) =>
      `<item><title>${title}</title><link>${ORIGIN}${path}</link><guid isPermaLink="true">${guid}</guid><description>d</description><pubDate>Fri, 02 Jan 2026 00:00:00 GMT</pubDate></item>`;
    const rss = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`;
    const built = (over: Record<string, string> = {}) =>
      site({
        'index.html': page(''),
        'stories/index.html': page(''),
        'stories/a/index.html': story('A &amp; b'),
        '404.html': page('', noindex),
        'robots.txt': `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap-index.xml\n`,
        'sitemap-index.xml': `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${ORIGIN}/sitemap-0.xml</loc></sitemap></sitemapindex>`,
        'sitemap-0.xml': urlset(['/', '/stories/', '/stories/a/']),
        'rss.xml': rss([item('/stories/a/', 'A &amp; b')]),
        ...over,
      });
    const problems = (d: string) => [...sitemapProblems(d, undefined, ORIGIN).problems, ...feedProblems(d, undefined, ORIGIN).problems].map((p) => p.problem);
    it('passes a site whose sitemap lists every page without noindex and whose feed has one item per story page', () => {
      const d = built();
      expect(sitemapProblems(d, undefined, ORIGIN)).toEqual({ problems: [], listed: 3, indexable: 3 });
      expect(feedProblems(d, undefined, ORIGIN)).toEqual({ problems: [], items: 1, stories: 1 });
      // A draft (INCLUDE_DRAFTS builds) is noindex, so not in the sitemap, but it is a story page with an item.
      const draft = { 'stories/draft/index.html': story('D') + noindex, 'rss.xml': rss([item('/stories/a/', 'A &amp; b'), item('/stories/draft/', 'D')]) };
      expect(problems(built(draft))).toEqual([]);
      expect(problems(built({ 'stories/draft/index.html': draft['stories/draft/index.html'] }))).toEqual(['no item for the story page /stories/draft/']);
    });
    it('fails a sitemap that leaves a page out, lists a noindex or missing page, or is not the file robots.txt names', () => {
      expect(problems(built({ 'sitemap-0.xml': urlset(['/', '/stories/a/']) }))).toEqual(['leaves out /stories/, a built page without noindex']);
      expect(problems(built({ 'sitemap-0.xml': urlset(['/', '/stories/', '/stories/a/', '/404.html', '/nope/']) }))).toEqual([
        `lists ${ORIGIN}/404.html, a noindex page`,
        `lists ${ORIGIN}/nope/, which is not a built page`,
      ]);
      expect(problems(built({ 'robots.txt': `Sitemap: ${ORIGIN}/sitemap.xml\n` }))).toEqual([
        `names ${ORIGIN}/sitemap.xml, which is not built`,
        'leaves out /, a built page without noindex',
        'leaves out /stories/a/, a built page without noindex',
        'leaves out /stories/, a built page without noindex',
      ]);
    });
    it('fails a feed with a wrong link, a wrong guid or title, or a story page without an item', () => {
      expect(problems(built({ 'rss.xml': rss([item('/stories/b/', 'A &amp; b')]) }))).toEqual([
        `item 1: <link> "${ORIGIN}/stories/b/" is not a built story page`,
        'no item for the story page /stories/a/',
      ]);
      expect(problems(built({ 'rss.xml': rss([item('/stories/a/', 'A', `${ORIGIN}/x/`)]) }))).toEqual([
        `item 1: <guid isPermaLink="true"> should be its link ${ORIGIN}/stories/a/`,
        'item 1: <title> "A" differs from the page\'s og:title "A & b"',
      ]);
    });
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
