/**
 * Release discovery against recorded Explore Education Statistics API answers,
 * replayed by a local server on 127.0.0.1 (no test reaches the internet).
 *
 * The recorded data set has versions 1.0 and 1.1 (2021–2025) and 2.0
 * (2022–2026, published 19 November 2026). Against the real manifest, whose
 * latest CLA tidy entry is cla-ees-2025, discovery must propose exactly one
 * entry, cla-ees-2026, built from the 2025 entry; once that entry exists it
 * must find nothing new.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema, type SourceEntry } from '../../../contract/manifest.ts';
import { discover, discoveryReport, withNewEntries } from '../../../scripts/releases/discover.ts';
import { EesClient, httpFetchJson } from '../../../scripts/releases/ees.ts';
import { replay, type Replay } from './replay-server.ts';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/releases/ees');
const DATA_SET = '9f2c5d0e-7a61-4b7c-8c2a-3d1e0a6b5f26';

let server: Replay;
let manifest: { sources: SourceEntry[] };

beforeAll(async () => {
  server = await replay(FIXTURES);
  manifest = JSON.parse(await readFile(join(ROOT, 'data/sources.json'), 'utf8')) as { sources: SourceEntry[] };
});
afterAll(async () => {
  await server.close();
});

describe('release discovery (EES API)', () => {
  it('finds the 2026 CLA release and proposes one manifest entry made from the 2025 one', async () => {
    const d = await discover(manifest.sources, new EesClient(server.url, httpFetchJson));
    expect(d.found.map((f) => f.entry.id)).toEqual(['cla-ees-2026']);
    const f = d.found[0]!;
    expect(f.previous).toBe('cla-ees-2025');
    expect(f.version).toBe('2.0');
    expect(f.changes).toEqual({ 'majorChanges.timePeriods': 1, 'minorChanges.timePeriods': 1 });
    const prev = manifest.sources.find((s) => s.id === 'cla-ees-2025')!;
    expect(f.entry).toMatchObject({
      id: 'cla-ees-2026',
      family: 'cla',
      release: '2026',
      published: '2026-11-19',
      path: 'dfe/cla-ssda903/ees-2026/cla_number_and_rate_per_10k_children.csv',
      downloadUrl: `${server.url}/v1/data-sets/${DATA_SET}/csv?dataSetVersion=2.0`,
      sha256: '',
      title: 'Children looked after in England including adoptions, 2026 release: number and rate per 10,000 children (2022–2026)',
      landingUrl: prev.landingUrl,
      licence: prev.licence,
      discovery: prev.discovery,
    });
    expect(f.entry).not.toHaveProperty('bytes');
    // the minor 2025 correction (1.1) is not a new release: same year as the manifest's
    expect(d.found.some((x) => x.version === '1.1')).toBe(false);
    // pagination: the publication was on the second page of the search
    expect(server.requests).toContain('/v1/publications?search=children%20looked%20after&page=2&pageSize=40');
  });

  it('lists the series it cannot check automatically, with where to look', async () => {
    const d = await discover(manifest.sources, new EesClient(server.url, httpFetchJson));
    const ofsted = d.notChecked.find((n) => n.series === 'ofsted-outcomes');
    expect(ofsted?.landingUrl).toMatch(/^https:\/\//);
    expect(d.notChecked.find((n) => n.series === 'cin-b1')).toMatchObject({ latest: 'cin-b1-2025', nextRelease: '2026-10' });
  });

  it('the manifest with the new entry is valid and, asked again, up to date', async () => {
    const d = await discover(manifest.sources, new EesClient(server.url, httpFetchJson));
    const next = withNewEntries(manifest, d.found);
    expect(ManifestSchema.safeParse(next).success).toBe(true);
    const ids = next.sources.map((s) => s.id);
    expect(ids.indexOf('cla-ees-2026')).toBe(ids.indexOf('cla-ees-2025') + 1);
    const again = await discover(next.sources, new EesClient(server.url, httpFetchJson));
    expect(again.found).toEqual([]);
    expect(again.upToDate).toContainEqual({ series: 'cla-ees', latest: 'cla-ees-2026' });
  });

  it('an API answer of the wrong shape, or a web page, is reported for that series with the URL; the run goes on', async () => {
    const bad = await replay(FIXTURES, {
      [`/v1/data-sets/${DATA_SET}/versions?page=1&pageSize=40`]: {
        body: JSON.stringify({ paging: { page: 1, pageSize: 40, totalResults: 1, totalPages: 1 }, results: [{ version: '2.0' }] }),
      },
    });
    try {
      const d = await discover(manifest.sources, new EesClient(bad.url, httpFetchJson));
      expect(d.found).toEqual([]);
      expect(d.failed).toEqual([{ series: 'cla-ees', latest: 'cla-ees-2025', problem: expect.stringMatching(/unexpected shape .*results\.0\.type/) }]);
      expect(discoveryReport(d)).toMatch(
        /^COULD NOT CHECK cla-ees \(latest cla-ees-2025\): the Explore Education Statistics API answered http:\/\/127\.0\.0\.1:\d+\/v1\/data-sets\//m,
      );
    } finally {
      await bad.close();
    }
    const html = await replay(FIXTURES, {
      '/v1/publications?search=children%20looked%20after&page=1&pageSize=40': {
        type: 'text/html',
        body: '<!DOCTYPE html><html><body>Service unavailable</body></html>',
      },
    });
    try {
      const d = await discover(manifest.sources, new EesClient(html.url, httpFetchJson));
      expect(d.failed[0]?.problem).toMatch(/returned text\/html instead of JSON: a web page, not the API/);
    } finally {
      await html.close();
    }
  });

  it('npm run releases -- --dry-run prints the entry and writes nothing; without it, writes the manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'releases-'));
    try {
      const path = join(dir, 'sources.json');
      const text = await readFile(join(ROOT, 'data/sources.json'), 'utf8');
      await writeFile(path, text);
      const env = { ...process.env, DATA_MANIFEST: path, EES_API_URL: server.url, RELEASES_REPORT: join(dir, 'report.txt') };
      const run = promisify(execFile);
      const tsx = join(ROOT, 'node_modules/.bin/tsx');
      const dry = await run(tsx, ['scripts/releases/cli.ts', '--dry-run'], { cwd: ROOT, env });
      expect(dry.stdout).toContain('NEW cla-ees-2026 (after cla-ees-2025; data set version 2.0, published 2026-11-19)');
      expect(dry.stdout).toContain('--dry-run: these entries were not written');
      expect(await readFile(path, 'utf8')).toBe(text);
      const wet = await run(tsx, ['scripts/releases/cli.ts'], { cwd: ROOT, env });
      expect(wet.stdout).toContain('Wrote 1 new entry');
      const written = JSON.parse(await readFile(path, 'utf8')) as { sources: SourceEntry[] };
      expect(written.sources.filter((s) => s.id === 'cla-ees-2026')).toHaveLength(1);
      expect(await readFile(join(dir, 'report.txt'), 'utf8')).toContain('NEW cla-ees-2026');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
