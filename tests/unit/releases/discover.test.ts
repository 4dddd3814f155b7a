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
import { advanceYears, discover, discoveryReport, releaseEndYear, withNewEntries } from '../../../scripts/releases/discover.ts';
import { EesClient, httpFetchJson } from '../../../scripts/releases/ees.ts';
import { GovukClient } from '../../../scripts/releases/govuk.ts';
import { replay, type Replay } from './replay-server.ts';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/releases/ees');
const GOVUK_FIXTURES = join(ROOT, 'tests/fixtures/releases/govuk');
const DATA_SET = '9f2c5d0e-7a61-4b7c-8c2a-3d1e0a6b5f26';

let server: Replay;
let govukServer: Replay;
let manifest: { sources: SourceEntry[] };

beforeAll(async () => {
  server = await replay(FIXTURES);
  govukServer = await replay(GOVUK_FIXTURES);
  manifest = JSON.parse(await readFile(join(ROOT, 'data/sources.json'), 'utf8')) as { sources: SourceEntry[] };
});
afterAll(async () => {
  await server.close();
  await govukServer.close();
});

const publishers = (ees = server.url, govuk = govukServer.url) => ({ ees: new EesClient(ees, httpFetchJson), govuk: new GovukClient(govuk, httpFetchJson) });

describe('release discovery (EES API)', () => {
  it('finds the 2026 CLA release and proposes one manifest entry made from the 2025 one', async () => {
    const d = await discover(manifest.sources, { ees: new EesClient(server.url, httpFetchJson) });
    expect(d.found.map((f) => f.entry.id)).toEqual(['cla-ees-2026', 'cin-b1-2026', 'cin-d5-2026']);
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
    const d = await discover(manifest.sources, { ees: new EesClient(server.url, httpFetchJson) });
    const ofsted = d.notChecked.find((n) => n.series === 'ofsted-outcomes');
    expect(ofsted?.landingUrl).toMatch(/^https:\/\//);
    expect(d.notChecked.find((n) => n.series === 'cin-c1')).toMatchObject({ latest: 'cin-c1-2025' });
    expect(d.notChecked.find((n) => n.series === 'population-0-17')?.landingUrl).toMatch(/^https:\/\/www\.ons\.gov\.uk\//);
  });

  it('finds the 2026 children-in-need tables B1 and D5 in one publication; the workforce indicators are up to date', async () => {
    const d = await discover(manifest.sources, { ees: new EesClient(server.url, httpFetchJson) });
    const b1 = d.found.find((f) => f.series === 'cin-b1')!;
    expect(b1.previous).toBe('cin-b1-2025');
    expect(b1.entry).toMatchObject({
      id: 'cin-b1-2026',
      family: 'cin',
      release: '2026',
      published: '2026-10-29',
      title: 'Children in need, 2026 release: table B1, children in need (2013–2026)',
      path: 'dfe/cin-census/ees-2026/b1_children_in_need_2013_to_2026.csv',
      sha256: '',
    });
    expect(d.found.find((f) => f.series === 'cin-d5')?.entry).toMatchObject({
      id: 'cin-d5-2026',
      path: 'dfe/cin-census/ees-2026/d5_cpps_at31march_by_duration_2013_to_2026.csv',
    });
    expect(d.upToDate).toContainEqual({ series: 'workforce', latest: 'workforce-2025' });
  });

  it('the manifest with the new entry is valid and, asked again, up to date', async () => {
    const d = await discover(manifest.sources, { ees: new EesClient(server.url, httpFetchJson) });
    const next = withNewEntries(manifest, d.found);
    expect(ManifestSchema.safeParse(next).success).toBe(true);
    const ids = next.sources.map((s) => s.id);
    expect(ids.indexOf('cla-ees-2026')).toBe(ids.indexOf('cla-ees-2025') + 1);
    const again = await discover(next.sources, { ees: new EesClient(server.url, httpFetchJson) });
    expect(again.found).toEqual([]);
    expect(again.upToDate).toContainEqual({ series: 'cla-ees', latest: 'cla-ees-2026' });
    expect(again.upToDate).toContainEqual({ series: 'cin-b1', latest: 'cin-b1-2026' });
  });

  it('an API answer of the wrong shape, or a web page, is reported for that series with the URL; the run goes on', async () => {
    const bad = await replay(FIXTURES, {
      [`/v1/data-sets/${DATA_SET}/versions?page=1&pageSize=40`]: {
        body: JSON.stringify({ paging: { page: 1, pageSize: 40, totalResults: 1, totalPages: 1 }, results: [{ version: '2.0' }] }),
      },
    });
    try {
      const d = await discover(manifest.sources, { ees: new EesClient(bad.url, httpFetchJson) });
      expect(d.found.map((f) => f.entry.id)).toEqual(['cin-b1-2026', 'cin-d5-2026']);
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
      const d = await discover(manifest.sources, { ees: new EesClient(html.url, httpFetchJson) });
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
      const env = { ...process.env, DATA_MANIFEST: path, EES_API_URL: server.url, GOVUK_API_URL: govukServer.url, RELEASES_REPORT: join(dir, 'report.txt') };
      const run = promisify(execFile);
      const tsx = join(ROOT, 'node_modules/.bin/tsx');
      const dry = await run(tsx, ['scripts/releases/cli.ts', '--dry-run'], { cwd: ROOT, env });
      expect(dry.stdout).toContain('NEW cla-ees-2026 (after cla-ees-2025; data set version 2.0, published 2026-11-19)');
      expect(dry.stdout).toContain('--dry-run: these entries were not written');
      expect(await readFile(path, 'utf8')).toBe(text);
      const wet = await run(tsx, ['scripts/releases/cli.ts'], { cwd: ROOT, env });
      expect(wet.stdout).toContain('Wrote 5 new entries');
      const written = JSON.parse(await readFile(path, 'utf8')) as { sources: SourceEntry[] };
      expect(ManifestSchema.safeParse(written).success).toBe(true);
      for (const id of ['cla-ees-2026', 'cin-b1-2026', 'cin-d5-2026', 'ofsted-outcomes-2026', 'mhclg-rsx-2025-26'])
        expect(
          written.sources.filter((s) => s.id === id),
          id,
        ).toHaveLength(1);
      expect(await readFile(join(dir, 'report.txt'), 'utf8')).toContain('NEW cla-ees-2026');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('release discovery (GOV.UK: Ofsted and MHCLG)', () => {
  it('finds Ofsted’s outcomes as at 31 March 2026 by search, and proposes the entry with its file on GOV.UK', async () => {
    const d = await discover(manifest.sources, publishers());
    const f = d.found.find((x) => x.series === 'ofsted-outcomes')!;
    expect(f.previous).toBe('ofsted-outcomes-2025');
    expect(f.via).toBe(
      'GOV.UK publication https://www.gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2026, published 2026-09-24',
    );
    const prev = manifest.sources.find((s) => s.id === 'ofsted-outcomes-2025')!;
    expect(f.entry).toEqual({
      id: 'ofsted-outcomes-2026',
      family: 'ofsted',
      title: 'Local authority inspection outcomes as at 31 March 2026',
      publisher: 'Ofsted',
      landingUrl: 'https://www.gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2026',
      licence: 'OGL-3.0',
      release: '31 March 2026',
      role: 'outcomes-as-at-31-march',
      discovery: prev.discovery,
      published: '2026-09-24',
      path: 'dfe/ofsted/LA_Inspection_Outcomes_as_at_31_March_2026.ods',
      downloadUrl: 'https://assets.publishing.service.gov.uk/media/66f2a1b2c3d4e5f6a7b8c9e1/LA_Inspection_Outcomes_as_at_31_March_2026.ods',
      sha256: '',
    });
    // the "main findings" page matches the search, not the title pattern
    expect(d.found.filter((x) => x.series === 'ofsted-outcomes')).toHaveLength(1);
  });

  it('finds MHCLG’s 2025-26 outturn in its collection, taking the RSX file and leaving the budget and the release out', async () => {
    const d = await discover(manifest.sources, publishers());
    const f = d.found.find((x) => x.series === 'mhclg-rsx')!;
    expect(f.previous).toBe('mhclg-rsx-2024-25');
    expect(f.entry).toMatchObject({
      id: 'mhclg-rsx-2025-26',
      family: 'spend',
      role: 'revenue-outturn-rsx',
      title: 'Local authority revenue expenditure and financing: RSX outturn by LA, 2025-26',
      release: '2025-26',
      published: '2026-11-26',
      landingUrl: 'https://www.gov.uk/government/collections/local-authority-revenue-expenditure-and-financing',
      path: 'dfe/mhclg-revenue-outturn/RSX_2025-26_data_by_LA.ods',
      downloadUrl: 'https://assets.publishing.service.gov.uk/media/6750a1b2c3d4e5f6a7b8c9d2/RSX_2025-26_data_by_LA.ods',
      sha256: '',
    });
    expect(f.entry).not.toHaveProperty('bytes');
    expect(d.found.map((x) => x.entry.id).sort()).toEqual(['cin-b1-2026', 'cin-d5-2026', 'cla-ees-2026', 'mhclg-rsx-2025-26', 'ofsted-outcomes-2026']);
    expect(discoveryReport(d)).toMatch(
      /^NEW mhclg-rsx-2025-26 \(after mhclg-rsx-2024-25; GOV\.UK publication https:\/\/www\.gov\.uk\/government\/statistics\/local-authority-revenue-expenditure-and-financing-england-2025-to-2026-individual-local-authority-data-outturn, published 2026-11-26\)$/m,
    );
  });

  it('with the new entries in the manifest, both series are up to date', async () => {
    const d = await discover(manifest.sources, publishers());
    const next = withNewEntries(manifest, d.found);
    expect(ManifestSchema.safeParse(next).success).toBe(true);
    const again = await discover(next.sources, publishers());
    expect(again.found).toEqual([]);
    expect(again.upToDate).toEqual(
      expect.arrayContaining([
        { series: 'ofsted-outcomes', latest: 'ofsted-outcomes-2026' },
        { series: 'mhclg-rsx', latest: 'mhclg-rsx-2025-26' },
      ]),
    );
  });

  it('a publication without the file, or an answer of the wrong shape, is reported for that series; the others are still checked', async () => {
    const path = '/api/content/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2026';
    const body = JSON.parse(await readFile(join(GOVUK_FIXTURES, 'ofsted-outcomes-2026.json'), 'utf8')) as {
      details: { attachments: Array<{ attachment_type: string }> };
    };
    body.details.attachments = body.details.attachments.filter((a) => a.attachment_type !== 'file');
    const noFile = await replay(GOVUK_FIXTURES, { [path]: { body: JSON.stringify(body) } });
    try {
      const d = await discover(manifest.sources, publishers(server.url, noFile.url));
      expect(d.failed).toEqual([
        {
          series: 'ofsted-outcomes',
          latest: 'ofsted-outcomes-2025',
          problem: expect.stringMatching(
            /as-at-31-march-2026 \("Local authority inspection outcomes as at 31 March 2026"\) has no file whose name matches .*; its files: none/,
          ),
        },
      ]);
      expect(d.found.map((f) => f.entry.id).sort()).toEqual(['cin-b1-2026', 'cin-d5-2026', 'cla-ees-2026', 'mhclg-rsx-2025-26']);
    } finally {
      await noFile.close();
    }
    const collection = '/api/content/government/collections/local-authority-revenue-expenditure-and-financing';
    const bad = await replay(GOVUK_FIXTURES, { [collection]: { body: JSON.stringify({ title: 'x', links: { documents: [{ base_path: '/x' }] } }) } });
    try {
      const d = await discover(manifest.sources, publishers(server.url, bad.url));
      expect(d.failed.find((f) => f.series === 'mhclg-rsx')?.problem).toMatch(
        /^GOV\.UK answered http:\/\/127\.0\.0\.1:\d+\/api\/content\/government\/collections\/.* with an unexpected shape \(links\.documents\.0\.title/,
      );
    } finally {
      await bad.close();
    }
  });
});

describe('release years', () => {
  it.each([
    ['2024-25', 2025],
    ['31 March 2025', 2025],
    ['2025', 2025],
    ['December 2025', 2025],
    ['2026-04', 2026],
    ['mid-2024 (Census 2021-based)', 2024],
  ])('%s runs to %d', (release, year) => expect(releaseEndYear(release)).toBe(year));
  it('moves an entry’s texts on by a year, financial years first', () => {
    expect(advanceYears('mhclg-rsx-2024-25', 2025, 2026)).toBe('mhclg-rsx-2025-26');
    expect(advanceYears('RSX outturn by LA, 2024-25', 2025, 2026)).toBe('RSX outturn by LA, 2025-26');
    expect(advanceYears('as at 31 March 2025', 2025, 2026)).toBe('as at 31 March 2026');
    expect(advanceYears('LA_inspections_2009-2023', 2023, 2024)).toBe('LA_inspections_2009-2024');
    expect(advanceYears('20250', 2025, 2026)).toBe('20250');
  });
});
