/**
 * The compare chart after the island draws it, on the BUILT site: direct
 * labels present and not overlapping (bounding boxes), the Linear/Log toggle,
 * and flagged council-years ringed and noted. Which council is flagged, and
 * which spans are wide, come from the page's own payload, not typed here.
 */
import { expect, test, type Page } from '@playwright/test';

interface Payload {
  areas: { s: string; n: string }[];
  years: number[];
  fl: Record<string, [number, number, string][]>;
}
async function payload(page: Page): Promise<Payload> {
  return JSON.parse((await page.locator('script[data-compare-payload]').textContent())!) as Payload;
}

async function expectLabelsApart(page: Page, scope: string) {
  const boxes = await page.locator(`${scope} text.chart-direct-label`).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.getAttribute('data-series'), top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
  expect(boxes.length).toBeGreaterThan(1);
  const sorted = [...boxes].sort((a, b) => a.top - b.top);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    const apartX = a.right <= b.left || b.right <= a.left;
    expect(apartX || b.top >= a.bottom - 0.5, `${a.name} and ${b.name} overlap`).toBe(true);
  }
  return boxes;
}

test('the compare chart labels every line, and the labels do not overlap (360 px)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/compare/?c=blackpool,leeds,kent&m=cla_rate_per_10k');
  const boxes = await expectLabelsApart(page, '[data-compare-live]');
  expect(boxes.map((b) => b.name)).toEqual(expect.arrayContaining(['Blackpool', 'Leeds', 'Kent', 'England']));
  // On-screen text height of a label line is at least 11 px.
  const h = await page
    .locator('[data-compare-live] text.chart-direct-label tspan')
    .first()
    .evaluate((e) => e.getBoundingClientRect().height);
  expect(h).toBeGreaterThanOrEqual(11);
  await expect(page.locator('[data-compare-live] .chart-legend--toggles button')).toHaveCount(4);
});

test('Linear/Log: a wide span starts on a log scale with a note; the reader can switch; zero forces linear', async ({ page }) => {
  await page.goto('/compare/?c=blackpool&m=cla_rate_per_10k');
  const log = page.getByRole('radio', { name: 'Log' });
  const linear = page.getByRole('radio', { name: 'Linear' });
  await expect(linear).toBeChecked();
  await expect(page.locator('.chart-scale-note')).toHaveCount(0);
  await log.check();
  await expect(page.locator('.chart-scale-note')).toContainText('Log scale');
  await page.getByRole('radio', { name: 'Linear' }).check();
  await expect(page.locator('.chart-scale-note')).toHaveCount(0);
  // Find, from the payload, a council whose figures include a zero (log impossible) or span > 20 times.
  const p = await payload(page);
  const values = await page.evaluate(() => {
    const d = JSON.parse(document.querySelector('script[data-compare-payload]')!.textContent!);
    return d.v.cla_rate_per_10k as (number | null)[][];
  });
  const zero = values.findIndex((row) => row.some((v) => v === 0));
  if (zero >= 0) {
    await page.goto(`/compare/?c=${p.areas[zero]!.s}&m=cla_rate_per_10k`);
    await expect(page.getByRole('radio', { name: 'Log' })).toBeDisabled();
    await expect(page.locator('.chart-scale-note')).toContainText('zero');
  }
  const wide = values.findIndex((row) => {
    const pos = row.filter((v): v is number => v !== null && v > 0);
    return pos.length > 1 && !row.some((v) => v === 0) && Math.max(...pos) / Math.min(...pos) > 20;
  });
  if (wide >= 0) {
    await page.goto(`/compare/?c=${p.areas[wide]!.s}&m=cla_rate_per_10k`);
    await expect(page.getByRole('radio', { name: 'Log' })).toBeChecked();
    await expect(page.locator('.chart-scale-note')).toContainText('each gridline is ten times');
  }
});

test('a flagged council-year is ringed and noted, server-rendered and after the island redraws', async ({ page, browser }) => {
  await page.goto('/compare/');
  const p = await payload(page);
  const measure = Object.keys(p.fl).find((k) => p.fl[k]!.length > 0);
  // The real data have flagged figures (data/output/anomalies.json): none in the payload would be a regression, not a reason to skip.
  expect(measure, 'no flagged council-year reached the compare page: check anomalies.json and comparePayload').toBeDefined();
  const [area, , note] = p.fl[measure!]![0]!;
  await page.goto(`/compare/?c=${p.areas[area]!.s}&m=${measure}`);
  const live = page.locator('[data-compare-live]');
  await expect(live.locator('.chart-flag circle').first()).toBeVisible();
  await expect(live.locator('.chart-flag-note').first()).toContainText(note.slice(0, 40));
  await expect(live.locator('td', { hasText: 'flagged, note 1' }).first()).toBeAttached();
  // The server-rendered default chart carries the flags of its councils too (when they have any).
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const nojs = await ctx.newPage();
  await nojs.goto('/compare/');
  const server = nojs.locator('[data-compare-server]');
  const rings = await server.locator('.chart-flag circle').count();
  const notes = await server.locator('.chart-flag-note').count();
  expect(rings > 0).toBe(notes > 0);
  await expect(server.locator('.chart-legend')).toHaveCount(0);
  expect(await server.locator('text.chart-direct-label').count()).toBeGreaterThan(0);
  await ctx.close();
});

test('council and story line charts with few series carry direct labels that do not overlap (360 and 1280 px)', async ({ page }) => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/councils/blackpool/');
    await expectLabelsApart(page, '#chart-cla-rate svg:visible');
    await expect(page.locator('#chart-cla-rate .chart-legend')).toHaveCount(0);
    const h = await page
      .locator('#chart-cla-rate svg:visible text.chart-direct-label tspan')
      .first()
      .evaluate((e) => e.getBoundingClientRect().height);
    expect(h).toBeGreaterThanOrEqual(11);
  }
});
