/**
 * The source manifest (data/sources.json) for pages: read once at build time
 * and validated with the pipeline's own schema.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LICENCES, ManifestSchema, newestFirst, seriesOf, type SourceEntry } from '../../../contract/manifest.ts';

export type { SourceEntry };
export { LICENCES };

let cached: SourceEntry[] | undefined;

export function getSources(): SourceEntry[] {
  if (cached) return cached;
  const path = resolve(process.cwd(), 'data/sources.json');
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${path} is not a valid source manifest:\n${issues}`);
  }
  cached = parsed.data.sources;
  return cached;
}

export function getSource(id: string): SourceEntry {
  const s = getSources().find((x) => x.id === id);
  if (!s) throw new Error(`unknown source id "${id}": it is not in data/sources.json`);
  return s;
}

/**
 * The newest entry of a family and role (by release date), as the pipeline's readers choose it
 * (scripts/data/core/acquire.ts newestFile): the pages name the release the figures come from.
 */
export function newestOfRole(family: SourceEntry['family'], role: string): SourceEntry {
  const newest = newestFirst(getSources(), family, role)[0];
  if (!newest) throw new Error(`no source of family "${family}" with role "${role}" in data/sources.json`);
  return newest;
}

export const FAMILY_NAMES: Record<SourceEntry['family'], string> = {
  cla: 'Children looked after',
  cin: 'Children in need and child protection',
  spend: 'Spending',
  ofsted: 'Ofsted inspections',
  population: 'Population',
  workforce: 'Social work workforce',
  deprivation: 'Deprivation',
  deflators: 'Prices (GDP deflators)',
  geography: 'Council codes and boundaries changes',
  geo: 'Maps',
};

/**
 * When the series of this source next publishes, from the manifest: the
 * `nextRelease` of the newest entry of its series (ids without their release
 * part, e.g. cla-ees-2025 → cla-ees). Undefined when the manifest records none.
 */
export function nextReleaseOf(id: string): string | undefined {
  const series = seriesOf(id);
  const same = getSources().filter((s) => seriesOf(s.id) === series && s.nextRelease);
  return same
    .map((s) => s.nextRelease!)
    .sort()
    .at(-1);
}

/** Every series with an announced next release, soonest first: { family name, date, the newest entry }. */
export function nextReleases(): Array<{ family: string; date: string; source: SourceEntry }> {
  const bySeries = new Map<string, SourceEntry>();
  for (const s of getSources()) if (s.nextRelease) bySeries.set(`${s.family}|${s.nextRelease}`, s);
  return [...bySeries.values()]
    .map((s) => ({ family: FAMILY_NAMES[s.family], date: s.nextRelease!, source: s }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.family.localeCompare(b.family));
}

/**
 * Reader-facing words for an announced release month, relative to the build date
 * (SITE_BUILD_DATE=YYYY-MM-DD pins it, for tests): "due November 2026" while it is
 * ahead; once the month has passed, that it was due and is being checked — never a
 * past date presented as upcoming.
 */
export function nextReleaseText(
  date: string,
  formatMonth: (d: string) => string,
  today: string = process.env.SITE_BUILD_DATE || new Date().toISOString().slice(0, 10),
): string {
  const month = date.slice(0, 7);
  if (month >= today.slice(0, 7)) return `next release due ${formatMonth(date)}`;
  return `a new release was due in ${formatMonth(date)}; it will appear here once it has been checked`;
}
