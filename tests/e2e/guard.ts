/**
 * Shared by the browser specs: a page whose context aborts (and records) every
 * request leaving localhost, and records console errors, warnings and uncaught
 * exceptions, so a spec can assert that none happened.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  /** Off-site URLs that were requested (and aborted). */
  external: string[];
  /** Console errors and warnings, and uncaught exceptions. */
  errors: string[];
}

export async function guardedPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<GuardedPage> {
  const context = await browser.newContext(options);
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return { context, page, external, errors };
}
