/**
 * /claims/ in the BUILT site: every registered claim has its anchor (/claims/#<id>),
 * the filters (verdict, speaker, topic) show only matching claims and say how
 * many, with JavaScript off every claim shows, and a claim's page with its
 * specification charts has no axe WCAG A/AA violations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, guardedPage } from './guard.ts';

const claims = JSON.parse(readFileSync(join(process.env.DATA_OUTPUT_DIR || 'data/output', 'claims.json'), 'utf8')) as {
  claims: Array<{ id: string; verdict: string; speaker: string; topic: string }>;
};

test.describe('/claims/', () => {
  test('every claim has its anchor; filters narrow the list and count what is shown', async ({ browser }) => {
    const { context, page, errors } = await guardedPage(browser);
    await page.goto('/claims/');
    for (const c of claims.claims) await expect(page.locator(`[id="${c.id}"].claim-card`)).toHaveCount(1);
    const form = page.locator('[data-claim-filters]');
    await expect(form).toBeVisible();
    const verdict = claims.claims[0]!.verdict;
    await form.locator('select[name="verdict"]').selectOption(verdict);
    const expected = claims.claims.filter((c) => c.verdict === verdict).length;
    await expect(page.locator('.claim-wrap:visible')).toHaveCount(expected);
    await expect(page.locator('[data-claim-count]')).toHaveText(`${expected} of ${claims.claims.length} claims shown`);
    const speaker = claims.claims.find((c) => c.verdict === verdict)!.speaker;
    await form.locator('select[name="speaker"]').selectOption(speaker);
    await expect(page.locator('.claim-wrap:visible')).toHaveCount(claims.claims.filter((c) => c.verdict === verdict && c.speaker === speaker).length);
    await form.locator('select[name="verdict"]').selectOption('');
    await form.locator('select[name="speaker"]').selectOption('');
    const topic = claims.claims.at(-1)!.topic;
    await form.locator('select[name="topic"]').selectOption(topic);
    await expect(page.locator('.claim-wrap:visible')).toHaveCount(claims.claims.filter((c) => c.topic === topic).length);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('with JavaScript off the filters are hidden and every claim shows', async ({ browser }) => {
    const { context, page } = await guardedPage(browser, { javaScriptEnabled: false });
    await page.goto('/claims/');
    await expect(page.locator('[data-claim-filters]')).toBeHidden();
    await expect(page.locator('.claim-wrap:visible')).toHaveCount(claims.claims.length);
    await context.close();
  });

  test('a claim page with its specification charts has no axe WCAG A/AA violations', async ({ browser }) => {
    const { context, page } = await guardedPage(browser);
    await page.goto('/claims/dfe-no-significant-correlation/');
    expect(await page.locator('figure.chart-block').count()).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await context.close();
  });
});
