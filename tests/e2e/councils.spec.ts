/**
 * Council pages, council search and the compare page, on the BUILT site.
 * Figures are not hard-coded: the tests check structure and wording that the
 * data drives (a rank sentence, links between former and new councils).
 */
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

test.describe('council page', () => {
  test('Blackpool: headline figures with years and a ranked summary sentence', async ({ page }) => {
    await page.goto('/councils/blackpool/');
    await expect(page.locator('main h1')).toHaveText('Blackpool');
    const figures = page.locator('.council-figures > li');
    // Four counts and rates, spending per child in cash and in real terms, and the Ofsted judgement.
    await expect(figures).toHaveCount(7);
    await expect(figures.filter({ hasText: /Spending per child/ })).toHaveCount(2);
    await expect(figures.filter({ hasText: 'Children looked after per 10,000 children' })).toContainText(/At 31 March 20\d\d/);
    await expect(figures.filter({ hasText: 'Ofsted judgement at 31 March' })).toContainText(/Outstanding|Good|Requires improvement|Inadequate|No judgement/);
    await expect(page.locator('.council-summary')).toContainText(
      /At 31 March 20\d\d Blackpool had \d+ children in care per 10,000 children: [^:]*England[^:]*?, and the (joint )?(highest|\d+(st|nd|rd|th)-(highest|lowest)) rate of the \d+ councils with a figure\./,
    );
    await expect(page.getByRole('heading', { name: 'Statistical neighbours' })).toBeVisible();
    await expect(page.locator('ol.timeline > li').first()).toContainText(/\d{4}/);
    await axe(page);
  });

  test('a former council links to the councils that succeeded it, and back', async ({ page }) => {
    await page.goto('/councils/poole-to-2019/');
    const note = page.getByRole('complementary', { name: 'Reorganisation' });
    await expect(note).toContainText('no longer exists');
    await note.getByRole('link', { name: 'Bournemouth, Christchurch and Poole' }).click();
    await expect(page).toHaveURL(/\/councils\/bournemouth-christchurch-and-poole\/$/);
    await expect(page.getByRole('complementary', { name: 'Reorganisation' }).getByRole('link', { name: 'Poole' })).toHaveAttribute(
      'href',
      '/councils/poole-to-2019/',
    );
    await axe(page);
  });
});

test.describe('find your council', () => {
  test('search matches aliases: BCP and Hull', async ({ page }) => {
    await page.goto('/councils/');
    const box = page.getByLabel('Find your council');
    await box.fill('BCP');
    const results = page.locator('[data-results] a');
    await expect(results.first()).toHaveText('Bournemouth, Christchurch and Poole');
    await box.fill('Hull');
    await expect(results.first()).toHaveText('Kingston upon Hull, City of');
    await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
    await box.press('Enter');
    await expect(page).toHaveURL(/\/councils\/kingston-upon-hull[a-z-]*\/$/);
  });

  test('without JavaScript every council is listed A–Z, current and former', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/councils/');
    await expect(page.getByLabel('Find your council')).toBeHidden();
    const current = await page.locator('section .council-az a').count();
    expect(current).toBeGreaterThanOrEqual(150);
    await expect(page.locator('#former ~ ul.council-az a')).toHaveCount(5);
    await context.close();
  });

  test('the council list passes axe', async ({ page }) => {
    await page.goto('/councils/');
    await axe(page);
  });
});

test.describe('compare', () => {
  test('add a council: the chart and URL update, and a reload restores the view', async ({ page }) => {
    await page.goto('/compare/?c=blackpool,leeds&m=cin_rate_per_10k');
    await expect(page.locator('#compare-c0')).toHaveValue('blackpool');
    await expect(page.locator('#compare-measure')).toHaveValue('cin_rate_per_10k');
    await page.locator('#compare-c2').selectOption('kent');
    await expect(page).toHaveURL(/\?c=blackpool,leeds,kent&m=cin_rate_per_10k$/);
    await expect(page.locator('[data-compare-live] h2')).toContainText('Kent');
    await page.reload();
    await expect(page.locator('#compare-c2')).toHaveValue('kent');
    await expect(page.locator('[data-compare-live] h2')).toHaveText(/Children in need per 10,000 children: Blackpool, Leeds, Kent and England/);
    await axe(page);
  });

  test('without JavaScript a default comparison is drawn', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/compare/');
    // The chart comes in two widths; at this (desktop) width the wide one is shown and the narrow one hidden.
    await expect(page.locator('[data-compare-server] svg.chart-svg--wide')).toBeVisible();
    await expect(page.locator('[data-compare-server] svg.chart-svg--narrow')).toBeHidden();
    await expect(page.locator('main')).toContainText('Choosing councils needs JavaScript');
    await context.close();
  });
});
