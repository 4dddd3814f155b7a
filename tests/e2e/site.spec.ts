/**
 * Browser tests over every page type of the built site (see pages.ts):
 *   - loads with status 200, no console errors, no uncaught exceptions, and no
 *     request leaving localhost (such requests are aborted and fail the test);
 *   - renders with JavaScript disabled: the same headings and (nearly) the same text;
 *   - axe-core finds no WCAG 2.0/2.1/2.2 A/AA violations;
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

  for (const path of PAGES) {
    test.describe(path, () => {
      test('loads with no console errors and no external requests', async ({ browser }) => {
        const { context, page, external, errors } = await guardedPage(browser);
        const response = await page.goto(path, { waitUntil: 'load' });
        expect(response?.status(), `status of ${path}`).toBe(200);
        await expect(page.locator('main h1')).toHaveCount(1);
        // An embed page (/embed/…) is the chart block alone, with no header to skip.
        await expect(page.locator('a.skip-link[href="#main"]')).toHaveCount(path.startsWith('/embed/') ? 0 : 1);
        expect(await page.title()).not.toBe('');
        // let late requests (lazy images, fetches) happen
        await page.waitForLoadState('networkidle');
        expect(external, 'requests that left localhost').toEqual([]);
        expect(errors, 'console errors and uncaught exceptions').toEqual([]);
        await context.close();
      });

      test('renders its text with JavaScript disabled', async ({ browser }) => {
        const js = await guardedPage(browser);
        await js.page.goto(path);
        const withJs = { heads: await headings(js.page), text: (await mainText(js.page)).trim() };
        await js.context.close();

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

      for (const colorScheme of ['light', 'dark'] as const) {
        test(`has no axe-core WCAG A/AA violations (${colorScheme} mode)`, async ({ browser }) => {
          const { context, page } = await guardedPage(browser, { colorScheme });
          await page.goto(path);
          const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          const summary = results.violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
                .slice(0, 5)
                .map((n) => n.target.join(' '))
                .join('\n    ')}`,
          );
          expect(summary, `axe violations on ${path} in ${colorScheme} mode`).toEqual([]);
          await context.close();
        });
      }

      test('screenshots at 360 and 1280 px, and 360 px dark', async ({ browser }) => {
        mkdirSync(SHOTS, { recursive: true });
        for (const [width, colorScheme] of [
          [360, 'light'],
          [1280, 'light'],
          [360, 'dark'],
        ] as const) {
          const { context, page } = await guardedPage(browser, { viewport: { width, height: 800 }, colorScheme });
          await page.goto(path);
          const suffix = colorScheme === 'dark' ? '-dark' : '';
          await page.screenshot({ path: `${SHOTS}/${slugFor(path)}-${width}${suffix}.png`, fullPage: true });
          // nothing may overflow the viewport sideways (tables scroll inside their own box)
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          await context.close();
          expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
        }
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
