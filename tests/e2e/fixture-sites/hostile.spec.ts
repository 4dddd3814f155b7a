/**
 * The hostile fixture site (tests/support/fixture-sites.ts): Camden is renamed to a markup payload
 * (tests/support/hostile.ts) in every output file before the build. Text from data must render as
 * text on every page that shows it:
 *   - in the built HTML: the payload never becomes an element, an attribute or executable script,
 *     and never breaks a JSON data island open (every page, read as files);
 *   - in the browser: no <img src="x">, no alert() dialog, the name reads as literal text on the
 *     council's own page, also after hovering and focusing chart marks and links (tooltips).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPages } from '../../../scripts/check/dist.ts';
import { distDir, FIXTURE_SITES } from '../../support/fixture-sites.ts';
import { escapingProblems, PAYLOAD } from '../../support/hostile.ts';
import { pageType } from '../pages.ts';

const renamed = FIXTURE_SITES.hostile.renamed!;
const OWN = `/councils/${renamed.slug}/`;
/** The pages that show the council (read when the tests run: the set-up project builds the site after the test files are read). */
const mentioning = () => builtPages(distDir('hostile')).filter((p) => readFileSync(p.file, 'utf8').includes('Testshire'));

test('every page that shows the council escapes its name (static HTML)', () => {
  const pages = mentioning();
  const paths = pages.map((p) => p.path);
  expect(paths, 'the council page shows its name').toContain(OWN);
  for (const p of ['/compare/', '/councils/', '/stories/every-component/']) expect(paths, p).toContain(p);
  expect(
    paths.some((p) => p.startsWith('/map/')),
    'a map page',
  ).toBe(true);
  expect(
    paths.some((p) => p.startsWith('/embed/')),
    'an embed page',
  ).toBe(true);
  const problems = pages.flatMap((p) => escapingProblems(readFileSync(p.file, 'utf8')).map((m) => `${p.path}: ${m}`));
  expect(problems).toEqual([]);
});

const SHARDS = 2;
for (let shard = 0; shard < SHARDS; shard++) {
  test(`renders the name as text in the browser: the council's page and one page of each other type (${shard + 1} of ${SHARDS})`, async ({ page }) => {
    test.setTimeout(180_000);
    const others = new Map(
      mentioning()
        .filter((p) => p.path !== OWN)
        .map((p) => [pageType(p.path), p.path]),
    );
    const sample = [OWN, ...others.values()].filter((_, i) => i % SHARDS === shard);
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    for (const path of sample) {
      await test.step(path, async () => {
        expect((await page.goto(path, { waitUntil: 'load' }))?.status()).toBe(200);
        await page.waitForLoadState('networkidle');
        // Interactive text (tooltips, labels read from data-* attributes) must stay text too.
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
        if (path === OWN) {
          const text = await page.locator('main h1').innerText();
          expect(text).toContain('Testshire');
          expect(text).toContain(PAYLOAD.slice(0, PAYLOAD.indexOf('>') + 1));
        }
      });
    }
  });
}
