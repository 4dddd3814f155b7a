/**
 * The basic fixture site (tests/support/fixture-sites.ts): the project's pages built from the golden
 * outputs (13 councils) with the fixture story that uses every component. Component and page
 * behaviour on small data:
 *   - every page loads with status 200, no console errors and no request leaving localhost;
 *   - every chart of the fixture story renders with and without JavaScript (title, both widths,
 *     description, table, CSV);
 *   - the chart islands: a tooltip on hover and on tap names the council, value and rank; the
 *     highlight select marks the chosen council and announces it; a table sorts by any column;
 *   - the compare page draws a default comparison from the councils there are;
 *   - a production build leaves the draft story out of every list, the feed and the sitemap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { guardedPage } from '../guard.ts';
import { builtPaths } from '../pages.ts';
import { distDir } from '../../support/fixture-sites.ts';

const DIST = distDir('basic');
const STORY = '/stories/every-component/';
const CHARTS = ['mf-line', 'old-line', 'mf-bar', 'old-stack', 'mf-scatter', 'mf-strip', 'mf-multiples', 'mf-likert'];

test.describe('every page of the basic fixture site', () => {
  // The site is built by the set-up project after the test files are read, so the page list is read
  // inside the tests; SHARDS tests share it out, for the two workers.
  const SHARDS = 3;
  test('has the page types of the real site', () => {
    const pages = builtPaths(DIST);
    for (const p of ['/', '/councils/', '/councils/hartlepool/', '/compare/', '/map/', '/claims/', STORY, '/embed/every-component/mf-line/'])
      expect(pages, p).toContain(p);
  });
  for (let shard = 0; shard < SHARDS; shard++) {
    test(`loads without errors or unformatted values (pages ${shard + 1} of every ${SHARDS})`, async ({ browser }) => {
      test.setTimeout(180_000);
      const pages = builtPaths(DIST).filter((_, i) => i % SHARDS === shard);
      const { context, page, external, errors } = await guardedPage(browser);
      for (const path of pages) {
        await test.step(path, async () => {
          const response = await page.goto(path, { waitUntil: 'load' });
          expect(response?.status(), path).toBe(200);
          await expect(page.locator('main h1'), path).toHaveCount(1);
          expect(await page.locator('main').innerText(), `${path}: unformatted values`).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]|Infinity/);
          expect(errors, `${path}: console errors and uncaught exceptions`).toEqual([]);
        });
      }
      expect(external, 'requests that left localhost').toEqual([]);
      await context.close();
    });
  }
});

test.describe('the story that uses every component', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`every chart renders ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser }) => {
      const { context, page, errors } = await guardedPage(browser, { javaScriptEnabled });
      await page.goto(STORY);
      for (const id of CHARTS) {
        const block = page.locator(`figure#${id}`);
        await expect(block.locator('.chart-title'), id).not.toBeEmpty();
        await expect(block.locator('svg.chart-svg'), id).toHaveCount(2);
        await expect(block.locator('svg.chart-svg:visible'), `${id}: one width shown`).toHaveCount(1);
        expect((await block.locator('[id$="-desc"]').first().innerText()).length, `${id}: description`).toBeGreaterThan(40);
        expect(await block.locator('.chart-data tbody tr').count(), `${id}: table rows`).toBeGreaterThan(0);
        await expect(block.locator(`a[download="${id}.csv"]`), `${id}: CSV`).toHaveCount(1);
        await expect(block.getByRole('button', { name: /Download PNG/ }), `${id}: PNG button only with JavaScript`).toHaveCount(javaScriptEnabled ? 1 : 0);
      }
      // The highlight select works only with JavaScript, so it is hidden without it.
      await expect(page.locator('#mf-strip .chart-controls')).toBeVisible({ visible: javaScriptEnabled });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('hovering a dot shows its council, value and rank; moving off hides it', async ({ page }) => {
    await page.goto(STORY);
    const block = page.locator('#mf-strip');
    const tip = block.locator('.chart-tooltip');
    const dot = block.locator('svg.chart-svg:visible [data-label^="Hartlepool:"]').first();
    const label = (await dot.getAttribute('data-label'))!;
    // Council, year, value and rank.
    expect(label).toMatch(/^Hartlepool: \d+ per 10,000 at 31 March 2024 \(\d+(st|nd|rd|th) highest of \d+\)$/);
    await dot.hover();
    await expect(tip).toBeVisible();
    await expect(tip).toHaveText(label);
    // The tooltip stays inside the chart.
    const [t, frame] = await Promise.all([tip.boundingBox(), block.locator('.chart-frame').boundingBox()]);
    expect(t!.x).toBeGreaterThanOrEqual(frame!.x - 1);
    expect(t!.x + t!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
    await page.mouse.move(0, 0);
    await expect(tip).toBeHidden();
  });

  test('a scatter of two measures names them on its axes, in its tooltips and in its description', async ({ page }) => {
    await page.goto(STORY);
    const block = page.locator('#mf-scatter');
    const svg = block.locator('svg.chart-svg:visible');
    await expect(svg).toContainText('IDACI 2019 average score');
    const dot = svg.locator('[data-label^="Camden:"]').first();
    const label = (await dot.getAttribute('data-label'))!;
    expect(label).toMatch(
      /^Camden: IDACI 2019 average score \d+%, Children looked after per 10,000 children \d+ per 10,000 at 31 March 2024 \(\d+(st|nd|rd|th) highest of \d+\)$/,
    );
    await dot.hover();
    await expect(block.locator('.chart-tooltip')).toHaveText(label);
    await expect(block.locator('[id$="-desc"]').first()).toContainText(
      'Children looked after per 10,000 children (up) against IDACI 2019 average score (across)',
    );
  });

  test('tapping a dot on a phone shows the same label', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(STORY);
    const block = page.locator('#mf-strip');
    const dot = block.locator('svg.chart-svg:visible [data-label^="Camden:"]').first();
    await dot.tap();
    await expect(block.locator('.chart-tooltip')).toHaveText((await dot.getAttribute('data-label'))!);
    await context.close();
  });

  test('the highlight select marks the chosen council and announces its value', async ({ page }) => {
    await page.goto(STORY);
    const block = page.locator('#mf-strip');
    await block.locator('select.chart-select').selectOption('Cumberland');
    const selected = block.locator('svg.chart-svg:visible .is-selected');
    await expect(selected).toHaveCount(1);
    await expect(selected).toHaveAttribute('data-label', /^Cumberland:/);
    await expect(block.locator('.chart-status')).toHaveText(/^Cumberland: /);
    await block.locator('select.chart-select').selectOption('');
    await expect(block.locator('svg.chart-svg:visible .is-selected')).toHaveCount(0);
  });

  test('a table sorts by any column, both ways, keeping missing values last', async ({ page }) => {
    await page.goto(STORY);
    const block = page.locator('#mf-strip');
    await block.locator('.chart-data summary').click();
    const table = block.locator('.chart-data table');
    // "164 per 10,000": the number the cell starts with.
    const values = async () =>
      (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.lastElementChild?.textContent ?? ''))).map((t) =>
        Number.parseFloat(t.replace(/,/g, '')),
      );
    const header = table.locator('thead th').last();
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const down = await values();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    // Text columns sort too.
    const first = table.locator('thead th').first();
    await first.getByRole('button').click();
    const names = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.firstElementChild?.textContent ?? ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});

test('the compare page draws a default comparison from the councils there are', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const { context, page, errors } = await guardedPage(browser, { javaScriptEnabled });
    await page.goto('/compare/');
    const chart = page.locator(javaScriptEnabled ? '[data-compare-live]' : '[data-compare-server]');
    await expect(chart.locator('svg:visible').first()).toBeVisible();
    // None of the editorial defaults (Blackpool, Leeds, Kent) is in the fixture: the first three councils are drawn.
    await expect(chart.locator('h2').first()).toContainText('Bournemouth, Christchurch and Poole');
    expect(errors).toEqual([]);
    await context.close();
  }
});

test.describe('a production build', () => {
  test('leaves the draft story out of the story list, the feed, the sitemap and the site', async ({ page }) => {
    await page.goto('/stories/');
    await expect(page.locator(`a[href="${STORY}"]`).first()).toBeVisible();
    await expect(page.locator('a[href="/stories/a-draft/"]')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('A draft with a correction');
    expect((await page.goto('/stories/a-draft/'))?.status()).toBe(404);
    expect(readFileSync(join(DIST, 'rss.xml'), 'utf8')).not.toContain('a-draft');
    expect(readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('a-draft');
    await page.goto('/corrections/');
    await expect(page.locator('.corrections-list a[href="/stories/a-draft/"]')).toHaveCount(0);
  });
});
