/**
 * The drafts fixture site (INCLUDE_DRAFTS=1, tests/support/fixture-sites.ts): a draft story is built,
 * says it is a draft, stays out of search engines and the feed's readers' way, and shows its
 * correction at the end and on the corrections page. The basic site (a production build) checks
 * that the same draft is left out (basic.spec.ts).
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS } from '../guard.ts';

const DRAFT = '/stories/a-draft/';

test('a draft is built, marked as a draft and kept out of search engines', async ({ page }) => {
  expect((await page.goto(DRAFT))?.status()).toBe(200);
  await expect(page.locator('main h1')).toHaveText('A draft with a correction');
  await expect(page.locator('.draft-banner')).toContainText('Draft: this story is not published');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await page.goto('/stories/');
  await expect(page.locator('main li', { has: page.locator(`a[href="${DRAFT}"]`) })).toContainText('Draft');
});

test('a story with a correction shows it at the end, with its date, and on the corrections page', async ({ page }) => {
  await page.goto(DRAFT);
  const box = page.locator('section[aria-labelledby="story-notes-h"]');
  await expect(box.locator('h2')).toHaveText('Corrections');
  await expect(box.locator('time').first()).toHaveAttribute('datetime', '2026-11-21');
  await expect(box).toContainText('A fixture correction');
  // The correction box comes after the story's text.
  const order = await page.evaluate(() => {
    const body = document.querySelector('main p:not(.draft-banner)');
    const section = document.querySelector('section[aria-labelledby="story-notes-h"]');
    return body && section ? body.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  await page.goto('/corrections/');
  await expect(page.locator('.corrections-list a[href="/stories/a-draft/"]').first()).toBeVisible();
  const dates = await page.locator('.corrections-list time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect([...dates].sort().reverse()).toEqual(dates);
});

test('the draft page has no axe WCAG A/AA violations', async ({ page }) => {
  await page.goto(DRAFT);
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
