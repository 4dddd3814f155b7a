/** The map page on the BUILT site: layer and year switching (lazy layer files), keyboard, council links, table, no-JS variants, axe, narrow screens. */
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
  await expect(page.locator('svg[data-map="boundaries"] a[data-code][aria-label]')).toHaveCount(153);
  await expect(page.locator('svg[data-map="boundaries"] a[data-code]:not([aria-label])')).toHaveCount(33);
  await expect(page.locator('[data-map-tbody] tr')).toHaveCount(153);
  await expect(page.locator('[data-map-missing]')).toContainText(/no figure|Every council has a figure/);
  await expect(page.locator('[data-map-controls]')).toBeHidden();
  await page
    .locator('.map-variants')
    .getByRole('link')
    .filter({ hasText: /^20\d\d$/ })
    .first()
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
  await expect(page.locator('#map-measure')).toHaveValue('cla_count');
  await expect(page.locator('[data-map-title]')).toHaveText(/^Children looked after, at 31 March 20\d\d$/);
  await expect(page.locator('[data-map-caption]')).toContainText('Children looked after, at');
  await expect(page).toHaveURL(/\/map\/cla_count\/20\d\d\/$/);
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

test('every layer is a choice: the Ofsted grade layer loads lazily and shows a categorical key; the year list follows the layer', async ({ page }) => {
  const layers: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/map/layers/')) layers.push(new URL(r.url()).pathname);
  });
  await page.goto('/map/');
  await expect(page.locator('#map-measure option')).toHaveText([
    'Children looked after per 10,000 children',
    'Children looked after',
    'Children in need per 10,000 children',
    'Child protection plans per 10,000 children',
    'Spending per child, cash',
    /^Spending per child, at \d{4}-\d{2} prices$/,
    'Ofsted overall grade',
  ]);
  expect(layers).toEqual([]);
  await page.locator('#map-measure').selectOption('ofsted_overall');
  await expect(page.locator('[data-map-title]')).toHaveText(/^Ofsted overall grade, at 31 March 20\d\d$/);
  expect(layers).toEqual(['/map/layers/ofsted_overall.json']);
  await expect(page.locator('[data-map-legend] li')).toHaveText([
    /^\s*Outstanding \(\d+\)$/,
    /^\s*Good \(\d+\)$/,
    /^\s*Requires improvement \(\d+\)$/,
    /^\s*Inadequate \(\d+\)$/,
    /^\s*No judgement \(\d+\)$/,
  ]);
  await expect(page.locator('svg[data-map="boundaries"] a[data-code="E10000016"]')).toHaveAttribute(
    'aria-label',
    /^Kent: (Outstanding|Good|Requires improvement|Inadequate|no figure.*)$/,
  );
  await expect(page).toHaveURL(/\/map\/ofsted_overall\/20\d\d\/$/);
  const years = await page.locator('#map-year option').allTextContents();
  expect(years.at(-1)).toBe('2014');
  await page.locator('#map-year').selectOption('2014');
  await expect(page.locator('[data-map-title]')).toHaveText('Ofsted overall grade, at 31 March 2014');
  // An earlier year has no page of its own: it is shared as the layer's latest page with ?year=.
  await expect(page).toHaveURL(/\/map\/ofsted_overall\/20\d\d\/\?year=2014$/);
  const legend = await page.locator('[data-map-legend]').innerText();
  await page.goto(`${new URL(page.url()).pathname}?year=2014`);
  await expect(page.locator('[data-map-title]')).toHaveText('Ofsted overall grade, at 31 March 2014');
  await expect(page.locator('#map-year')).toHaveValue('2014');
  expect(await page.locator('[data-map-legend]').innerText()).toBe(legend);
  // A pre-rendered year: the island's key matches the page's.
  await page.locator('#map-year').selectOption({ index: 1 });
  const y = await page.locator('#map-year').inputValue();
  await expect(page).toHaveURL(new RegExp(`/map/ofsted_overall/${y}/$`));
  const islandKey = await page.locator('[data-map-legend]').innerText();
  await page.goto(`/map/ofsted_overall/${y}/`);
  expect(await page.locator('[data-map-legend]').innerText()).toBe(islandKey);
  await axe(page);
});

test('the small councils are not ranked and not in the colour breaks: dotted, with a note', async ({ page }) => {
  // Children in need: the City of London and the Isles of Scilly have figures in 2025.
  await page.goto('/map/cin_rate_per_10k/2025/');
  const unranked = page.locator('[data-map-legend] li[data-kind="unranked"]');
  await expect(unranked).toHaveText(/^\s*Not ranked \(few children\) \(2\)$/);
  await expect(page.locator('[data-map-unranked]')).toContainText('left out of the colour breaks');
  await expect(page.locator('[data-map-subtitle]')).toContainText('151 ranked councils');
  const city = page.locator('svg[data-map="boundaries"] a[data-code="E09000001"][aria-label]');
  await expect(city).toHaveAttribute('aria-label', /^City of London: [\d.,]+, not ranked \(few children\)$/);
  await expect(city.locator('path')).toHaveAttribute('fill', 'url(#map-unranked)');
  await expect(page.locator('[data-map-tbody] tr[data-code="E09000001"] td').first()).toHaveText('—');
  // The island draws the same view as the pre-rendered page.
  const note = await page.locator('[data-map-unranked]').innerText();
  const key = await page.locator('[data-map-legend]').innerText();
  const fill = await page.locator('svg[data-map="hex"] a[data-code="E10000016"] path').getAttribute('fill');
  await page.goto('/map/');
  await page.locator('#map-measure').selectOption('cin_rate_per_10k');
  await page.locator('#map-year').selectOption('2025');
  await expect(page).toHaveURL(/\/map\/cin_rate_per_10k\/2025\/$/);
  await expect(page.locator('[data-map-unranked]')).toHaveText(note);
  expect(await page.locator('[data-map-legend]').innerText()).toBe(key);
  await expect(page.locator('svg[data-map="hex"] a[data-code="E10000016"] path')).toHaveAttribute('fill', fill!);
});

test('the boundary map has a London inset and named cities; each caption says what its map is', async ({ page }) => {
  await page.goto('/map/');
  await expect(page.locator('.map-inset a[data-code^="E09"]')).toHaveCount(33);
  await expect(page.locator('.map-places text')).toContainText(['Birmingham', 'Manchester', 'Leeds']);
  await expect(page.locator('.map-caption').first()).toHaveText(/^Council boundaries, with London enlarged/);
  await expect(page.locator('.map-caption').nth(1)).toContainText('one hexagon for each council');
  // Hovering a borough in the inset shows its tooltip.
  await page.locator('.map-inset a[data-code="E09000033"]').hover();
  await expect(page.locator('[data-map-tip]')).toContainText('Westminster');
});

test('at 360 px, hex labels render at 11 px or more: hidden at rest, the tapped council labelled', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/map/');
  const sizes = async () =>
    page.locator('[data-map="hex"] .hex-label').evaluateAll((els) =>
      els
        .filter((e) => getComputedStyle(e).display !== 'none')
        .map((e) => {
          const svg = (e as SVGTextElement).ownerSVGElement!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Number.parseFloat(getComputedStyle(e).fontSize) * scale;
        }),
    );
  expect(await sizes()).toEqual([]);
  const kent = page.locator('[data-map="hex"] a[data-code="E10000016"]');
  await kent.scrollIntoViewIfNeeded();
  await kent.tap();
  await expect(page.locator('[data-map-tip]')).toContainText('Kent');
  await expect(page).toHaveURL(/\/map\/$/);
  const shown = await sizes();
  expect(shown).toHaveLength(1);
  expect(shown[0]).toBeGreaterThanOrEqual(11);
  // Place names on the boundary map too.
  const placeSizes = await page.locator('.map-places text').evaluateAll((els) =>
    els.map((e) => {
      const svg = (e as SVGTextElement).ownerSVGElement!;
      return Number.parseFloat(getComputedStyle(e).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
    }),
  );
  expect(Math.min(...placeSizes)).toBeGreaterThanOrEqual(11);
  await context.close();
});

test('at 1280 px every hex label renders at 11 px or more', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/map/');
  const sizes = await page.locator('[data-map="hex"] .hex-label').evaluateAll((els) =>
    els.map((e) => {
      const svg = (e as SVGTextElement).ownerSVGElement!;
      return getComputedStyle(e).display === 'none'
        ? 0
        : Number.parseFloat(getComputedStyle(e).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
    }),
  );
  expect(sizes).toHaveLength(153);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  await context.close();
});
