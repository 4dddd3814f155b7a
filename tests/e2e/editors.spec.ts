/**
 * Editors' workflow in the BUILT site:
 *   - /style-guide/ is in the site layout and shows every component rendered
 *     from the real data (figures compared with data/output, not typed here)
 *     under the MDX that produced it; no illustrative fixture data;
 *   - a figure prints its unit, carries its source on hover (title) and links
 *     to the sources page; a withheld value prints its reason, never 0;
 *   - /corrections/ lists corrections and updates newest first;
 *   - drafts never appear in the production build's story list (a draft with a correction, built
 *     and shown, is the drafts fixture site's test: tests/e2e/fixture-sites/drafts.spec.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DIST } from './pages.ts';

const OUT = process.env.DATA_OUTPUT_DIR || 'data/output';
const panel = JSON.parse(readFileSync(join(OUT, 'la-panel.json'), 'utf8')) as { rows: Array<Record<string, unknown>> };
const row = (code: string, year: number) => panel.rows.find((r) => r.la_code === code && r.year === year)!;
const fmt = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

test.describe('style guide', () => {
  test('is in the site layout, shows every example with its MDX, from real data', async ({ page }) => {
    await page.goto('/style-guide/');
    await expect(page.locator('header.site-header, body > header').first()).toBeVisible();
    await expect(page.locator('footer').first()).toBeVisible();
    await expect(page.locator('h1')).toHaveText('Style guide');
    const sections = page.locator('section.sg-example');
    expect(await sections.count()).toBeGreaterThanOrEqual(11);
    for (const s of await sections.all()) {
      await expect(s.locator('.sg-render')).not.toBeEmpty();
      await expect(s.locator('pre.sg-code code')).toContainText('<');
    }
    for (const chart of ['LineChart', 'BarChart', 'StackedArea', 'Scatter', 'DotStrip', 'SmallMultiples', 'LikertBar']) {
      await expect(page.locator('pre.sg-code', { hasText: `<${chart}` })).toHaveCount(1);
    }
    expect(await page.locator('.sg-render svg').count()).toBeGreaterThanOrEqual(7);
    await expect(page.locator('body')).not.toContainText('Illustrative');
  });

  test('a cited figure matches the data, names its source, and a withheld one prints its reason', async ({ page }) => {
    await page.goto('/style-guide/');
    const bp = row('E06000009', 2024);
    const fig = page.locator('[data-example="01-fig"] data.fig[data-code="E06000009"][data-measure="cla_rate_per_10k"]');
    await expect(fig).toHaveAttribute('value', String(bp.cla_rate_per_10k));
    await expect(fig).toContainText(`${fmt(bp.cla_rate_per_10k as number)} per 10,000 children`);
    await expect(fig).toHaveAttribute('title', /Blackpool, at 31 March 2024\. Source: .*cla-ees-2025/);
    await expect(fig.locator('a.fig-src')).toHaveAttribute('href', /^\/sources\/#/);
    const col = row('E09000001', 2025);
    expect(col.cla_count).toBeNull();
    const missing = page.locator('[data-example="01-fig"] .fig-missing[data-code="E09000001"]');
    await expect(missing).toHaveText(/^not available \(suppressed/);
    await expect(missing).not.toContainText('0');
  });

  test('has no axe violations', async ({ page }) => {
    await page.goto('/style-guide/');
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});

test.describe('corrections', () => {
  test('the corrections page lists entries newest first', async ({ page }) => {
    await page.goto('/corrections/');
    await expect(page.locator('h1')).toHaveText('Corrections and updates');
    const dates = await page.locator('.corrections-list time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  test('drafts are absent from the production build', async ({ page }) => {
    expect(existsSync(join(DIST, 'stories/sample-figures/index.html')), 'the draft sample story was built: the site must be built without INCLUDE_DRAFTS').toBe(
      false,
    );
    await page.goto('/stories/');
    await expect(page.locator('main')).not.toContainText('Draft');
    await expect(page.locator('a[href="/stories/sample-figures/"]')).toHaveCount(0);
  });
});
