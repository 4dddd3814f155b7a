/** The map page on the BUILT site: keyboard choice of measure, council links, table, no-JS variants, axe. */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([]);
}

test('the default map is server-rendered with a legend, a missing-data note and the full table', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/map/');
  await expect(page.locator('[data-map-title]')).toHaveText(/^Children looked after per 10,000 children, at 31 March 20\d\d$/);
  await expect(page.locator('[data-map-legend] li')).toHaveCount(6);
  await expect(page.locator('svg[data-map="boundaries"] a[data-code]')).toHaveCount(153);
  await expect(page.locator('[data-map-tbody] tr')).toHaveCount(153);
  await expect(page.locator('[data-map-missing]')).toContainText(/no figure|Every council has a figure/);
  await expect(page.locator('[data-map-controls]')).toBeHidden();
  await page
    .locator('.map-variants')
    .getByRole('link')
    .filter({ hasText: /^20\d\d$/ })
    .nth(2)
    .click();
  await expect(page).toHaveURL(/\/map\/[a-z_0-9]+\/20\d\d\/$/);
  await context.close();
});

test('choose a measure with the keyboard: title, legend, table and accessible names change', async ({ page }) => {
  await page.goto('/map/');
  const firstArea = page.locator('svg[data-map="boundaries"] a[data-code]').first();
  const before = await firstArea.getAttribute('aria-label');
  const legendBefore = await page.locator('[data-map-legend]').innerText();
  await page.locator('#map-measure').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#map-measure')).toHaveValue('cin_rate_per_10k');
  await expect(page.locator('[data-map-title]')).toHaveText(/^Children in need per 10,000 children/);
  await expect(page.locator('[data-map-caption]')).toContainText('Children in need');
  await expect(page).toHaveURL(/\/map\/cin_rate_per_10k\/20\d\d\/$/);
  expect(await page.locator('[data-map-legend]').innerText()).not.toBe(legendBefore);
  expect(await firstArea.getAttribute('aria-label')).not.toBe(before);
  await axe(page);
});

test('tab from the controls to a council area and follow it', async ({ page }) => {
  await page.goto('/map/');
  await page.locator('#map-year').focus();
  await page.keyboard.press('Tab');
  // First stop: the link past the maps to the table.
  await expect(page.locator(':focus')).toHaveText('Skip the maps to the table of every council');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', /^Barking and Dagenham: (\d+|no figure)/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/councils\/barking-and-dagenham\/$/);
});

test('the skip link passes the maps to the table', async ({ page }) => {
  await page.goto('/map/');
  await page.locator('#map-year').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#map-table$/);
});

test('hovering or focusing a council shows its name, value and rank; the hex map has one hexagon per council', async ({ page }) => {
  await page.goto('/map/');
  await expect(page.locator('[data-map="hex"] a[data-code]')).toHaveCount(153);
  const kent = page.locator('[data-map="hex"] a[data-code="E10000016"]');
  await kent.hover();
  const tip = page.locator('[data-map-tip]');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(/^Kent: .+, (joint )?(\d+(st|nd|rd|th) )?highest of \d+$/);
  await page.locator('[data-map="boundaries"] a[data-code="E06000009"]').focus();
  await expect(tip).toContainText('Blackpool');
});
