/**
 * Playwright config for the XSS browser check (run by scripts/check/xss.ts): the
 * project's config, with the static server pointed at the fixture build
 * (E2E_DIST_DIR) on its own port, never reusing a server that serves dist/.
 * (The project config's webServer passes only E2E_PORT to the server.)
 */
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

const port = Number(process.env.E2E_PORT || 4417);
const dist = process.env.E2E_DIST_DIR;
if (!dist) throw new Error('E2E_DIST_DIR must name the fixture build (run through scripts/check/xss.ts)');

export default defineConfig({
  ...base,
  testDir: '../../tests/e2e',
  testMatch: /xss\.spec\.ts$/,
  outputDir: '../../test-results/xss',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: 'node tests/e2e/static-server.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    env: { E2E_PORT: String(port), E2E_DIST_DIR: dist },
    timeout: 30_000,
  },
});
