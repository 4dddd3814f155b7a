/**
 * PNG downloads and embed pages (issue 10), over the built site:
 *   - "Download PNG" exists only with JavaScript, and saves a real PNG (signature, IHDR size) at twice the
 *     chart's design size plus the text around it, in the light palette even in dark mode;
 *   - an embed page shows the chart block, its h1, and a link back to the chart on its story page;
 *   - the story page's snippet points at a built embed page, and an iframe of the snippet's height holds it;
 *   - axe finds no WCAG A/AA violations on an embed page (light and dark).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, guardedPage } from './guard.ts';
import { builtPaths } from './pages.ts';
import { PAD, SCALE } from '../../src/components/charts/chart-png.ts';

const STORY = '/stories/more-children-in-care/';
const CHART = 'cla-long-run';
const EMBED = `/embed/more-children-in-care/${CHART}/`;

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function downloadPng(browser: Browser, width: number, colorScheme: 'light' | 'dark') {
  const { context, page, errors } = await guardedPage(browser, { viewport: { width, height: 900 }, colorScheme, acceptDownloads: true });
  await page.goto(STORY);
  const block = page.locator(`#${CHART}`);
  const viewBox = await block
    .locator('svg.chart-svg')
    .evaluateAll((svgs) => svgs.filter((s) => s.getClientRects().length > 0).map((s) => s.getAttribute('viewBox')));
  expect(viewBox).toHaveLength(1);
  const [, , w, h] = viewBox[0]!.split(' ').map(Number) as [number, number, number, number];
  const [download] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: /Download PNG/ }).click()]);
  expect(download.suggestedFilename()).toBe(`${CHART}.png`);
  const bytes = readFileSync((await download.path())!);
  // The background pixel, decoded by the browser.
  const corner = await page.evaluate(async (b64) => {
    // An <img> (img-src allows data:; connect-src would block fetching it).
    const bmp = new Image();
    bmp.src = `data:image/png;base64,${b64}`;
    await bmp.decode();
    const c = new OffscreenCanvas(bmp.naturalWidth, bmp.naturalHeight);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    return [...ctx.getImageData(4, 4, 1, 1).data];
  }, bytes.toString('base64'));
  expect(errors).toEqual([]);
  await context.close();
  return { bytes, size: pngSize(bytes), chart: { w, h }, corner };
}

test.describe('PNG download', () => {
  for (const [width, scheme] of [
    [1280, 'light'],
    [360, 'dark'],
  ] as const) {
    test(`saves a PNG of the visible chart at 2x (${width} px, ${scheme})`, async ({ browser }) => {
      const { bytes, size, chart, corner } = await downloadPng(browser, width, scheme);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(size.width).toBe(SCALE * (chart.w + 2 * PAD));
      // The chart plus its title, notes and source above and below it.
      expect(size.height).toBeGreaterThan(SCALE * (chart.h + 2 * PAD + 60));
      // Light palette in both modes: a near-white background.
      expect(corner.slice(0, 3).every((v) => v >= 240)).toBe(true);
    });
  }

  test('without JavaScript there is no PNG button', async ({ browser }) => {
    const { context, page } = await guardedPage(browser, { javaScriptEnabled: false });
    await page.goto(STORY);
    await expect(page.locator('.chart-block').first()).toBeVisible();
    await expect(page.locator('button.chart-png')).toHaveCount(0);
    await context.close();
  });
});

test.describe('embed pages', () => {
  test('every chart on a story page has a built embed page, named in its snippet', async ({ browser }) => {
    const built = new Set(builtPaths());
    const { context, page } = await guardedPage(browser);
    await page.goto(STORY);
    const blocks = await page
      .locator('main .chart-block')
      .evaluateAll((els) => els.map((el) => ({ id: el.id, code: el.querySelector<HTMLTextAreaElement>('.chart-embed-code')?.value ?? '' })));
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) {
      const src = /<iframe src="([^"]+)"/.exec(b.code)?.[1];
      expect(src, b.id).toBeDefined();
      expect(built).toContain(new URL(src!).pathname);
      expect(new URL(src!).pathname).toBe(`/embed/more-children-in-care/${b.id}/`);
    }
    await context.close();
  });

  test('shows the chart block and links back to the chart on its story', async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const { context, page, errors } = await guardedPage(browser, { javaScriptEnabled });
      const res = await page.goto(EMBED);
      expect(res?.status()).toBe(200);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      await expect(page.locator('main h1.chart-title')).toHaveText('Children looked after in England');
      await expect(page.locator(`#${CHART} svg.chart-svg:visible`)).toHaveCount(1);
      await expect(page.locator(`#${CHART} .chart-data table`)).toHaveCount(1);
      await expect(page.locator(`#${CHART} a[download="${CHART}.csv"]`)).toHaveCount(1);
      const back = page.locator('.embed-credit a');
      await expect(back).toHaveAttribute('href', `${STORY}#${CHART}`);
      await expect(page.locator('header, footer, .chart-embed')).toHaveCount(0);
      expect(errors).toEqual([]);
      await back.click();
      await expect(page).toHaveURL(new RegExp(`${STORY}#${CHART}$`));
      await expect(page.locator(`#${CHART}`)).toBeVisible();
      await context.close();
    }
  });

  test("fits the snippet's iframe height at 360 and 720 px", async ({ browser }) => {
    const { context, page } = await guardedPage(browser);
    await page.goto(STORY);
    const code = await page.locator(`#${CHART}-embed`).inputValue();
    const height = Number(/height="(\d+)"/.exec(code)?.[1]);
    expect(height).toBeGreaterThan(200);
    for (const width of [360, 720]) {
      // A short viewport, so scrollHeight is the content's height.
      await page.setViewportSize({ width, height: 100 });
      await page.goto(EMBED);
      const used = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(used, `embed page height at ${width} px vs iframe height ${height}`).toBeLessThanOrEqual(height);
    }
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe WCAG A/AA violations (${colorScheme})`, async ({ browser }) => {
      const { context, page } = await guardedPage(browser, { colorScheme });
      await page.goto(EMBED);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }
});
