/**
 * `npm run releases [-- --dry-run]`: look for releases newer than the manifest.
 *
 * Writes the new entries into data/sources.json (DATA_MANIFEST to use another
 * file), or only prints them with --dry-run; the summary goes to stdout and, with
 * RELEASES_REPORT=path, to that file (the data-refresh workflow reads it).
 * EES_API_URL sets the Explore Education Statistics API (default
 * https://api.education.gov.uk/statistics), GOVUK_API_URL GOV.UK's Content and
 * Search APIs (default https://www.gov.uk).
 *
 * Exit codes: 0 (with or without new releases; a series whose publisher could
 * not be asked is listed as COULD NOT CHECK with the URL and problem, and the
 * others are still checked), 2 when the manifest cannot be read or written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_EES_API_URL, EesClient, httpFetchJson as fetchJson } from './ees.ts';
import { DEFAULT_GOVUK_API_URL, GovukClient } from './govuk.ts';
import { discover, discoveryReport, withNewEntries } from './discover.ts';
import { manifestText } from '../data/core/manifest.ts';

const dryRun = process.argv.includes('--dry-run');
const manifestPath = resolve(process.cwd(), process.env.DATA_MANIFEST ?? 'data/sources.json');
try {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { sources: Parameters<typeof discover>[0] extends readonly (infer E)[] ? E[] : never };
  const d = await discover(manifest.sources, {
    ees: new EesClient(process.env.EES_API_URL ?? DEFAULT_EES_API_URL, fetchJson),
    govuk: new GovukClient(process.env.GOVUK_API_URL ?? DEFAULT_GOVUK_API_URL, fetchJson),
  });
  const text = discoveryReport(d);
  process.stdout.write(text);
  // In GitHub Actions, a series that could not be checked is a visible warning on the run.
  if (process.env.GITHUB_ACTIONS) for (const f of d.failed) console.log(`::warning title=Release discovery::${f.series}: ${f.problem.replace(/\n/g, ' ')}`);
  if (process.env.RELEASES_REPORT) await writeFile(process.env.RELEASES_REPORT, text);
  if (dryRun) {
    if (d.found.length)
      process.stdout.write(
        `\n--dry-run: these entries were not written:\n${JSON.stringify(
          d.found.map((f) => f.entry),
          null,
          2,
        )}\n`,
      );
  } else if (d.found.length) {
    await writeFile(manifestPath, manifestText(withNewEntries(manifest, d.found)));
    process.stdout.write(
      `\nWrote ${d.found.length} new entr${d.found.length === 1 ? 'y' : 'ies'} to ${manifestPath}. Next: DATA_UPDATE=1 DATA_DOWNLOAD=1 npm run data\n`,
    );
  }
} catch (e) {
  console.error(`✗ release discovery failed: ${(e as Error).message}`);
  process.exit(2);
}
