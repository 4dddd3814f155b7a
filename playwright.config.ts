/**
 * Browser tests of the BUILT site (dist/), with Debian's Chromium.
 *
 *   export PATH=$PWD/node_modules/.bin:$PATH
 *   DATA_OUTPUT_DIR=tests/fixtures/output INCLUDE_DRAFTS=1 astro build   # or the real build
 *   playwright test                                                      # E2E_ALL=1 for every page, E2E_SAMPLE=n per page type
 *
 * The web server is tests/e2e/static-server.mjs on 127.0.0.1:4327 (E2E_PORT).
 */
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 4327);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two workers on a 2-core machine (the browser tests wait on Chromium more than on the CPU); E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS || 2),
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    screenshot: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: `node tests/e2e/static-server.mjs`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    env: { E2E_PORT: String(port), ...(process.env.E2E_DIST_DIR ? { E2E_DIST_DIR: process.env.E2E_DIST_DIR } : {}) },
    timeout: 30_000,
  },
});
