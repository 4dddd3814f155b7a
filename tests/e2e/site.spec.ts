/**
 * Browser tests over every page type of the built site (see pages.ts), one test per page:
 *   - loads with status 200, no console errors, no uncaught exceptions, and no
 *     request leaving localhost (such requests are aborted and fail the test);
 *   - renders with JavaScript disabled: the same headings and (nearly) the same text;
 *   - axe-core finds no WCAG 2.0/2.1/2.2 A/AA violations, with every <details> open;
 *   - full-page screenshots at 360 px and 1280 px wide (and 360 px in dark mode) go to
 *     tests/artifacts/screenshots/, and nothing overflows the page sideways.
 * axe runs in light and dark mode (prefers-color-scheme), so contrast is checked in both.
 * The sitemaps robots.txt names and rss.xml must pass the browser's strict XML parser.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPaths, samplePaths, slugFor } from './pages.ts';
import { AXE_TAGS, guardedPage } from './guard.ts';

const PAGES = samplePaths(builtPaths());
const SHOTS = 'tests/artifacts/screenshots';
/**
 * The visible text of <main>, without the controls that only work with JavaScript: the option
 * lists of <select> elements, a chart's "Highlight a council" label and the "Download PNG" and
 * "Copy code" buttons. Scripts add or reveal them; they are not text a reader without JavaScript
 * misses, so they are left out of both counts.
 */
async function mainText(page: Page): Promise<string> {
  return page.locator('main').evaluate((main) => {
    const clone = main.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('select, .chart-controls label, .chart-png').forEach((s) => s.remove());
    document.body.appendChild(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

async function headings(page: Page): Promise<string[]> {
  return (await page.locator('main :is(h1, h2, h3)').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

test.describe('every page type', () => {
  test('the page list comes from the built site', () => {
    expect(PAGES).toContain('/');
    expect(PAGES.length).toBeGreaterThan(3);
  });

  // One test per page, in three visits (a phone, a laptop, and a laptop without JavaScript) instead
  // of one visit per check: the steps name the check that failed.
  for (const path of PAGES) {
    test(path, async ({ browser }) => {
      mkdirSync(SHOTS, { recursive: true });
      const slug = slugFor(path);
      const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

      const phone = await guardedPage(browser, { viewport: { width: 360, height: 800 }, colorScheme: 'light' });
      await test.step('loads at 360 px with status 200, one h1, a skip link and a title', async () => {
        const response = await phone.page.goto(path, { waitUntil: 'load' });
        expect(response?.status(), `status of ${path}`).toBe(200);
        await expect(phone.page.locator('main h1')).toHaveCount(1);
        // An embed page (/embed/…) is the chart block alone, with no header to skip.
        await expect(phone.page.locator('a.skip-link[href="#main"]')).toHaveCount(path.startsWith('/embed/') ? 0 : 1);
        expect(await phone.page.title()).not.toBe('');
        await phone.page.waitForLoadState('networkidle');
      });
      await test.step('screenshots at 360 px, light and dark; nothing overflows sideways', async () => {
        await phone.page.screenshot({ path: `${SHOTS}/${slug}-360.png`, fullPage: true });
        expect(await overflow(phone.page), 'horizontal overflow at 360 px').toBeLessThanOrEqual(0);
        await phone.page.emulateMedia({ colorScheme: 'dark' });
        await phone.page.screenshot({ path: `${SHOTS}/${slug}-360-dark.png`, fullPage: true });
        expect(await overflow(phone.page), 'horizontal overflow at 360 px, dark').toBeLessThanOrEqual(0);
      });
      await phone.context.close();

      const laptop = await guardedPage(browser, { viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
      let withJs = { heads: [] as string[], text: '' };
      await test.step('loads at 1280 px; a screenshot; nothing overflows sideways', async () => {
        expect((await laptop.page.goto(path, { waitUntil: 'load' }))?.status()).toBe(200);
        await laptop.page.waitForLoadState('networkidle');
        withJs = { heads: await headings(laptop.page), text: (await mainText(laptop.page)).trim() };
        await laptop.page.screenshot({ path: `${SHOTS}/${slug}-1280.png`, fullPage: true });
        expect(await overflow(laptop.page), 'horizontal overflow at 1280 px').toBeLessThanOrEqual(0);
      });
      // Every <details> opened first, so tables, sources and caveats are checked too.
      await laptop.page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
      for (const colorScheme of ['light', 'dark'] as const) {
        await test.step(`axe-core finds no WCAG A/AA violations (${colorScheme} mode)`, async () => {
          await laptop.page.emulateMedia({ colorScheme });
          const results = await new AxeBuilder({ page: laptop.page }).withTags(AXE_TAGS).analyze();
          const summary = results.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
                .slice(0, 5)
                .map((n) => n.target.join(' '))
                .join('\n    ')}`,
          );
          expect(summary, `axe violations on ${path} in ${colorScheme} mode`).toEqual([]);
        });
      }
      await laptop.context.close();

      await test.step('no console errors and no request leaving localhost, at either width', () => {
        expect([...phone.external, ...laptop.external], 'requests that left localhost').toEqual([]);
        expect([...phone.errors, ...laptop.errors], 'console errors and uncaught exceptions').toEqual([]);
      });

      await test.step('renders the same headings and (nearly) the same text with JavaScript disabled', async () => {
        const nojs = await guardedPage(browser, { javaScriptEnabled: false });
        await nojs.page.goto(path);
        const heads = await headings(nojs.page);
        const text = (await mainText(nojs.page)).trim();
        await nojs.context.close();
        expect(heads.length, 'headings without JS').toBeGreaterThan(0);
        expect(heads).toEqual(withJs.heads);
        expect(text.length, 'main text without JS vs with JS').toBeGreaterThanOrEqual(Math.floor(withJs.text.length * 0.9));
        expect(nojs.external).toEqual([]);
      });
    });
  }

  test('an unknown address gets the 404 page with status 404', async ({ browser }) => {
    const { context, page } = await guardedPage(browser);
    const response = await page.goto('/no-such-page-here/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await context.close();
  });
});

test.describe('files for crawlers and feed readers', () => {
  interface Xml {
    root: string;
    locs: string[];
    itemLinks: string[];
  }
  /** A built file parsed by the browser's strict XML parser (which reports a <parsererror> on malformed XML). */
  async function xmlAt(page: Page, path: string): Promise<Xml> {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const parsed = await page.evaluate(
      (text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.querySelector('parsererror');
        if (error) return { error: error.textContent ?? 'parsererror' };
        const texts = (els: Iterable<Element>) => [...els].map((e) => (e.textContent ?? '').trim());
        return {
          root: doc.documentElement.localName,
          locs: texts(doc.getElementsByTagName('loc')),
          itemLinks: texts(doc.querySelectorAll('rss > channel > item > link')),
        };
      },
      await response.text(),
    );
    if ('error' in parsed) throw new Error(`${path} is not well-formed XML: ${parsed.error}`);
    return parsed;
  }
  const pathOf = (url: string) => new URL(url).pathname;

  test('robots.txt names a sitemap index whose sitemaps list built pages', async ({ browser }) => {
    const { context, page } = await guardedPage(browser);
    const robots = await (await page.request.get('/robots.txt')).text();
    const named = [...robots.matchAll(/^Sitemap:\s*(\S+)/gm)].map((m) => m[1]!);
    expect(named).toHaveLength(1);
    const index = await xmlAt(page, pathOf(named[0]!));
    expect(index.root).toBe('sitemapindex');
    expect(index.locs.length).toBeGreaterThan(0);
    const built = new Set(builtPaths());
    const listed: string[] = [];
    for (const loc of index.locs) {
      const sitemap = await xmlAt(page, pathOf(loc));
      expect(sitemap.root).toBe('urlset');
      listed.push(...sitemap.locs.map(pathOf));
    }
    expect(listed.length).toBeGreaterThan(0);
    for (const path of listed) expect(built, path).toContain(path);
    // Built, but noindex: never listed (the links gate compares the whole list with the pages).
    for (const path of ['/404.html', '/style-guide/']) {
      expect(built).toContain(path);
      expect(listed).not.toContain(path);
    }
    await context.close();
  });

  test('rss.xml is well-formed with one item per story on the stories page', async ({ browser }) => {
    const { context, page } = await guardedPage(browser);
    await page.goto('/stories/');
    const listed = await page.locator('main a[href^="/stories/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const feed = await xmlAt(page, '/rss.xml');
    expect(feed.root).toBe('rss');
    expect(feed.itemLinks.length).toBeGreaterThan(0);
    expect(feed.itemLinks.map(pathOf).sort()).toEqual([...new Set(listed)].sort());
    await context.close();
  });
});
