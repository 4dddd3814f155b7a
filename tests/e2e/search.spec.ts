/**
 * The header's site search on the BUILT site: a GET form to /search/ on every
 * page, which with JavaScript offers council suggestions (an ARIA combobox:
 * Down/Up, Enter, Escape) from the place index, and without JavaScript lands on
 * /search/, where every town and district is listed with its council.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, guardedPage } from './guard.ts';

test.describe('header search with JavaScript', () => {
  test('suggestions by keyboard: Harrogate → North Yorkshire; Escape closes, then clears', async ({ browser }) => {
    const { page, errors, context } = await guardedPage(browser);
    await page.goto('/stories/');
    const box = page.getByRole('search').getByLabel('Search');
    await box.focus();
    await expect(box).toHaveAttribute('role', 'combobox');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await box.pressSequentially('Harrogate');
    const list = page.getByRole('listbox', { name: 'Councils' });
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(list.getByRole('option').first()).toHaveText('Harrogate (former district): North Yorkshire');
    await expect(page.locator('#site-search-status')).toHaveText(/1 council suggested/);
    await box.press('Escape');
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toHaveValue('Harrogate');
    await box.press('Escape');
    await expect(box).toHaveValue('');
    await box.pressSequentially('Harrogate');
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.locator(`#${active}`)).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/councils\/north-yorkshire\/$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('typos, abbreviations and ranking: Blakpool, BCP, Hull (not Solihull); Up wraps to the last suggestion', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('search').getByLabel('Search');
    const options = page.getByRole('listbox', { name: 'Councils' }).getByRole('option');
    await box.fill('Blakpool');
    await expect(options.first()).toHaveText('Blackpool');
    await box.fill('BCP');
    await expect(options.first()).toHaveText('Bournemouth, Christchurch and Poole');
    await box.fill('Hull');
    await expect(options.first()).toHaveText('Kingston upon Hull, City of');
    await expect(options.filter({ hasText: 'Solihull' })).toHaveCount(0);
    await box.fill('Cumbria');
    await expect(options).toHaveCount(3);
    await box.press('ArrowUp');
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/councils\/cumbria-to-2023\/$/);
  });

  test('Enter with no suggestion highlighted submits the form to /search/, which lists the matching councils', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('search').getByLabel('Search');
    await box.fill('Kettering');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=Kettering$/);
    const councils = page.getByRole('region', { name: 'Councils' });
    await expect(councils.getByRole('link').first()).toHaveText('Kettering (former district): North Northamptonshire');
    await expect(councils.getByRole('link').first()).toHaveAttribute('href', '/councils/north-northamptonshire/');
    await expect(page.getByRole('search').getByLabel('Search')).toHaveValue('Kettering');
  });

  test('the search page passes axe, with suggestions open', async ({ page }) => {
    await page.goto('/search/?q=Dorset');
    await expect(page.getByRole('region', { name: 'Councils' })).toBeVisible();
    const box = page.getByRole('search').getByLabel('Search');
    await box.focus();
    await box.fill('Dorset');
    await expect(page.getByRole('listbox', { name: 'Councils' }).getByRole('option').first()).toHaveText('Dorset');
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
  });
});

test("the council list's own search box uses the same index: Harrogate → North Yorkshire", async ({ page }) => {
  await page.goto('/councils/');
  const box = page.getByLabel('Find your council');
  await box.fill('Harrogate');
  const first = page.locator('[data-results] a').first();
  await expect(first).toHaveText('Harrogate (former district): North Yorkshire');
  await expect(first).toHaveAttribute('href', '/councils/north-yorkshire/');
});

test.describe('header search without JavaScript', () => {
  test('the form GETs /search/, where towns and districts are listed with their council', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/councils/blackpool/');
    const box = page.getByRole('search').getByLabel('Search');
    await expect(box).not.toHaveAttribute('role', 'combobox');
    await box.fill('Harrogate');
    await page.getByRole('search').getByRole('button', { name: 'Go' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=Harrogate$/);
    const row = page.locator('.place-list li').filter({ hasText: /^Harrogate \(former district\)/ });
    await expect(row.getByRole('link', { name: 'North Yorkshire' })).toHaveAttribute('href', '/councils/north-yorkshire/');
    await expect(
      page
        .locator('.place-list li')
        .filter({ hasText: /^Cambridge:/ })
        .getByRole('link'),
    ).toHaveText('Cambridgeshire');
    await expect(page.getByRole('link', { name: 'every council A–Z' })).toHaveAttribute('href', '/councils/');
    // (axe needs JavaScript in the page, so the accessibility check runs in the test above.)
    await context.close();
  });
});
