/**
 * The five data stories, the claims page and the home page, in the BUILT site:
 *   - with JavaScript on and off, every chart block has its title, both SVGs,
 *     its description and its data table, and every claim card has a verdict
 *     in words and a blockquote with its source;
 *   - no console errors or warnings, no request leaving localhost;
 *   - no figure prints as NaN/undefined.
 * axe (light and dark, every <details> open) and overflow at 360 px are the page sweep's
 * (site.spec.ts), on every page in CI.
 * Stories are found from dist/stories/<slug>/ (the sample draft is skipped).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { DIST } from './pages.ts';
import { guardedPage } from './guard.ts';

const storyDir = join(DIST, 'stories');
const STORIES = existsSync(storyDir)
  ? readdirSync(storyDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'sample-figures')
      .map((d) => `/stories/${d.name}/`)
  : [];
const PAGES = [...STORIES, '/claims/', '/'];

async function open(browser: Browser, path: string, opts: Parameters<Browser['newContext']>[0] = {}) {
  const { context, page, external, errors } = await guardedPage(browser, opts);
  const res = await page.goto(path);
  expect(res?.status(), `${path} status`).toBe(200);
  return { context, page, external, errors };
}

async function checkContent(page: Page, path: string) {
  const charts = page.locator('figure.chart-block');
  const n = await charts.count();
  if (path.startsWith('/stories/')) expect(n, `${path}: charts`).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < n; i++) {
    const c = charts.nth(i);
    await expect(c.locator('.chart-title')).not.toBeEmpty();
    expect(await c.locator('svg[role="img"]').count(), `${path} chart ${i}: both SVG variants`).toBe(2);
    const desc = await c.locator('[id$="-desc"]').first().innerText();
    expect(desc.length, `${path} chart ${i}: description`).toBeGreaterThan(40);
    expect(await c.locator('table tbody tr').count(), `${path} chart ${i}: table rows`).toBeGreaterThan(0);
  }
  const cards = page.locator('.claim-card');
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    await expect(card.locator('.claim-card__badge')).toContainText(/Verdict: (Supported|Partly supported|Not supported|Cannot be tested|Not reproducible)/);
    expect(await card.locator('blockquote').count()).toBe(1);
  }
  const text = await page.locator('main').innerText();
  expect(text, `${path}: no unformatted values`).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]|not available \(null\)/);
}

test.describe('stories', () => {
  test('the five stories are built', () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(5);
  });

  for (const path of PAGES) {
    test.describe(path, () => {
      test('renders charts, cards and text with JavaScript on, without errors or external requests', async ({ browser }) => {
        const { context, page, external, errors } = await open(browser, path);
        await page.waitForLoadState('networkidle');
        await checkContent(page, path);
        expect(external, 'requests leaving localhost').toEqual([]);
        expect(errors, 'console errors').toEqual([]);
        await context.close();
      });

      test('renders the same with JavaScript off', async ({ browser }) => {
        const { context, page } = await open(browser, path, { javaScriptEnabled: false });
        await checkContent(page, path);
        await context.close();
      });
    });
  }
});
