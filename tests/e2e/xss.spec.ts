/**
 * Text from data files renders as text, in the browser. Run by scripts/check/xss.ts,
 * which builds the site from fixture data where a council is named with markup
 * (XSS_PAYLOAD) and passes the pages that mention it (XSS_PAGES). Skipped in the
 * ordinary browser run over dist/.
 */
import { test, expect } from '@playwright/test';

const PAGES: string[] = process.env.XSS_PAGES ? (JSON.parse(process.env.XSS_PAGES) as string[]) : [];
const PAYLOAD = process.env.XSS_PAYLOAD ?? '';
const OWN = process.env.XSS_OWN_PAGE ?? '';

test.describe('markup in data is rendered as text', () => {
  test.skip(!PAGES.length, 'run through scripts/check/xss.ts (npm run test:xss)');
  for (const path of PAGES) {
    test(path, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      // Interactive text (tooltips, labels read from data-* attributes) must stay text too:
      // hover and focus the first few chart marks and links, then look again.
      const marks = page.locator('[data-label], a[href^="/councils/"]');
      const n = Math.min(await marks.count(), 15);
      for (let i = 0; i < n; i++) {
        await marks.nth(i).dispatchEvent('mouseover');
        await marks.nth(i).dispatchEvent('pointerover');
        await marks.nth(i).dispatchEvent('focus');
      }
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await expect(page.locator('[onerror]')).toHaveCount(0);
      expect(dialogs, 'alert() dialogs').toEqual([]);
      // On the council's own page the name is visible as literal text ("<img …>" characters
      // and all). Elsewhere it may sit only in attributes (chart labels), which is fine.
      if (path === OWN) {
        const text = await page.locator('main h1').innerText();
        expect(text).toContain('Testshire');
        expect(text).toContain(PAYLOAD.slice(0, PAYLOAD.indexOf('>') + 1));
      }
    });
  }
});
