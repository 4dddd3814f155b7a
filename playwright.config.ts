/**
 * Browser tests, with Debian's Chromium, in four projects:
 *   site           the BUILT site (dist/): every page type swept (tests/e2e/site.spec.ts) and the
 *                  real-data specs; E2E_ALL=1 for every page, E2E_SAMPLE=n per page type.
 *   basic, drafts, hostile
 *                  the fixture sites (tests/support/fixture-sites.ts), built from the golden
 *                  outputs by the `fixture-sites` set-up project first: component and page
 *                  behaviour, drafts, and markup in data (tests/e2e/fixture-sites/).
 *
 *   export PATH=$PWD/node_modules/.bin:$PATH
 *   npm run build && playwright test            # all four
 *   playwright test --project=site              # the real site only (no fixture builds)
 *   playwright test --project=basic             # one fixture site (built first if it changed)
 *
 * Each site has its own static server (tests/e2e/static-server.mjs) on 127.0.0.1: the real site
 * on 4327 (E2E_PORT), the fixture sites on the ports in FIXTURE_SITES.
 */
import { defineConfig, devices } from '@playwright/test';
import { distDir, FIXTURE_SITES, type FixtureName } from './tests/support/fixture-sites.ts';

const port = Number(process.env.E2E_PORT || 4327);
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};
const fixtures = Object.keys(FIXTURE_SITES) as FixtureName[];
const server = (p: number, env: Record<string, string>, url: string) => ({
  command: 'node tests/e2e/static-server.mjs',
  url,
  reuseExistingServer: !process.env.CI,
  env: { E2E_PORT: String(p), ...env },
  timeout: 30_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two workers on a 2-core machine (the browser tests wait on Chromium more than on the CPU); E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS || 2),
  timeout: 60_000,
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off' },
  projects: [
    { name: 'site', testMatch: /.*\.spec\.ts$/, testIgnore: /fixture-sites\//, use: { ...chromium, baseURL: `http://127.0.0.1:${port}` } },
    { name: 'fixture-sites', testMatch: /fixture-sites\/build\.setup\.ts$/ },
    ...fixtures.map((name) => ({
      name,
      testMatch: new RegExp(`fixture-sites/${name}\\.spec\\.ts$`),
      dependencies: ['fixture-sites'],
      use: { ...chromium, baseURL: `http://127.0.0.1:${FIXTURE_SITES[name].port}` },
    })),
  ],
  webServer: [
    server(port, process.env.E2E_DIST_DIR ? { E2E_DIST_DIR: process.env.E2E_DIST_DIR } : {}, `http://127.0.0.1:${port}/`),
    ...fixtures.map((name) => server(FIXTURE_SITES[name].port, { E2E_DIST_DIR: distDir(name) }, `http://127.0.0.1:${FIXTURE_SITES[name].port}/__health`)),
  ],
});
