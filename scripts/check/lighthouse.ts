/**
 * Lighthouse (mobile settings: Lighthouse's default emulated Moto G Power,
 * slow 4G throttling) against the BUILT site, in Debian's Chromium. Reports
 * performance and accessibility for home, a story, a council page, the map
 * and compare. A measurement to report, not a test: it never fails the build.
 *
 *   npm run build
 *   E2E_PORT=4410 node tests/e2e/static-server.mjs &      # serve dist/
 *   E2E_PORT=4410 npx tsx scripts/check/lighthouse.ts     # uses `npx lighthouse` (fetched on first use)
 *
 * CHROME_PATH defaults to /usr/bin/chromium. Reports go to tests/artifacts/lighthouse/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const port = Number(process.env.E2E_PORT || 4327);
const base = `http://127.0.0.1:${port}`;
const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['story', '/stories/more-children-in-care/'],
  ['council', '/councils/blackpool/'],
  ['map', '/map/'],
  ['compare', '/compare/'],
];
const out = 'tests/artifacts/lighthouse';
mkdirSync(out, { recursive: true });
const rows: string[] = [];
for (const [name, path] of PAGES) {
  const file = `${out}/${name}.json`;
  const r = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@12',
      base + path,
      '--quiet',
      '--output=json',
      `--output-path=${file}`,
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' } },
  );
  if (r.status !== 0) {
    rows.push(`${name.padEnd(8)} lighthouse failed (exit ${r.status})`);
    continue;
  }
  const rep = JSON.parse(readFileSync(file, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number; score: number | null; title: string }>;
  };
  const score = (k: string) => Math.round((rep.categories[k]?.score ?? 0) * 100);
  const failing = Object.entries(rep.audits)
    .filter(([, a]) => a.score !== null && a.score < 1 && /color-contrast|label|aria|tap|target|name|heading|image-alt|link/.test(a.title.toLowerCase()))
    .map(([k]) => k)
    .slice(0, 6);
  rows.push(
    `${name.padEnd(8)} performance ${String(score('performance')).padStart(3)}  accessibility ${String(score('accessibility')).padStart(3)}  LCP ${Math.round(rep.audits['largest-contentful-paint']?.numericValue ?? 0)} ms  TBT ${Math.round(rep.audits['total-blocking-time']?.numericValue ?? 0)} ms${failing.length ? `  (a11y audits below 1: ${failing.join(', ')})` : ''}`,
  );
}
console.log(rows.join('\n'));
