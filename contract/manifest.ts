/**
 * The source manifest (data/sources.json): one entry per official source file,
 * with where it comes from, its licence, its release and its pinned checksum.
 */
import { z } from 'zod';

export const FAMILIES = ['cla', 'cin', 'spend', 'ofsted', 'population', 'workforce', 'deprivation', 'deflators', 'geography', 'geo'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * Download and conversion (core/acquire.ts, core/convert/). Kept apart from the
 * release fields above: these say only how a fresh machine turns `downloadUrl`
 * into the file at `path`.
 *
 * - `convert`: the published file is not the file the pipeline reads; it is
 *   converted on download. `{ "from": "gpkg", "layer": …, "precision": 4 }`
 *   takes one layer of a GeoPackage to a GeoJSON FeatureCollection, attributes
 *   unchanged, coordinates rounded to `precision` places (`metadata`: a note
 *   written into the collection).
 * - `downloadSha256` / `downloadBytes`: the pin of the downloaded file itself
 *   when it is converted (`sha256` and `bytes` then pin the converted file, the
 *   one in the raw mirror). Left empty in a new entry; update mode fills them.
 */
export const ConvertSchema = z.object({
  from: z.literal('gpkg'),
  layer: z.string().min(1),
  precision: z.number().int().min(0).max(15),
  metadata: z.string().optional(),
});
export type Convert = z.infer<typeof ConvertSchema>;

const DownloadFields = {
  convert: ConvertSchema.optional(),
  downloadSha256: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.literal('')]).optional(),
  downloadBytes: z.number().int().nonnegative().optional(),
};

/**
 * Selection (kept apart from the release and download fields): `role` says what a
 * file is for within its family — "hex-utla", "cy-index", … A reader that uses one
 * file of a kind asks for the newest release of its family and role
 * (core/acquire.ts `newestFile`), so a new release is one more entry with the same
 * family and role, and no id is written in code. A reader that uses every release of
 * a role (MHCLG revenue outturn: "revenue-outturn-rs", "revenue-outturn-rsx") reads
 * each entry of that role.
 *
 * `sheet`: the workbook sheet that holds the data, where the publisher's file has
 * several; a reader that knows its layout finds the sheet by name and header when
 * the entry does not say (scripts/data/sources/spend/mhclg.ts).
 */
const SelectionFields = {
  role: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'roles are lower-case words joined by hyphens')
    .optional(),
  sheet: z.string().min(1).optional(),
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A sortable key (YYYY-MM-DD, with 00 for an unknown month or day) for how recent a
 * release is: its `published` date where the entry gives one, else the date its
 * `release` names ("2025-06", "December 2025", "2023", "31 March 2025"). Undefined
 * when neither says.
 */
export function releaseKey(entry: Pick<SourceEntry, 'release' | 'published'>): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = (text: string): string | undefined => {
    const iso = /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/.exec(text);
    if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return `${iso[1]}-${iso[2]}-${iso[3] ?? '00'}`;
    const named = /\b(?:(\d{1,2}) )?([A-Za-z]+) (\d{4})\b/.exec(text);
    const month = named ? MONTHS.indexOf(named[2]!.toLowerCase()) : -1;
    if (named && month >= 0) return `${named[3]}-${pad(month + 1)}-${named[1] ? pad(Number(named[1])) : '00'}`;
    const year = /\b(\d{4})\b/.exec(text);
    return year ? `${year[1]}-00-00` : undefined;
  };
  return (entry.published && from(entry.published)) || from(entry.release);
}

/**
 * The entries of a family and role, newest release first (by releaseKey; one whose release names no
 * date sorts last). How a reader picks its file (scripts/data/core/acquire.ts newestFile, which also
 * refuses a tie or an undated entry) and how the pages name the release in use.
 */
export function newestFirst<E extends Pick<SourceEntry, 'family' | 'role' | 'release' | 'published'>>(
  entries: readonly E[],
  family: string,
  role: string,
): E[] {
  return entries.filter((e) => e.family === family && e.role === role).sort((a, b) => (releaseKey(b) ?? '').localeCompare(releaseKey(a) ?? ''));
}

/** Whether a text is a valid regular expression. */
function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export const SourceEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens'),
  family: z.enum(FAMILIES),
  title: z.string().min(5),
  publisher: z.string().min(2),
  landingUrl: z.url(),
  downloadUrl: z.url().optional(),
  licence: z.enum(['OGL-3.0', 'OPL-3.0', 'CC-BY-4.0', 'MIT']),
  release: z.string().min(1),
  /** Publication date of this release where the provenance records it (YYYY-MM-DD or YYYY-MM). */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
  /** Path within the raw folder (mirror). */
  path: z.string().min(1),
  encoding: z.enum(['utf-8', 'windows-1252']).optional(),
  /**
   * Pinned checksum. Left empty ("") in a new release's entry: update mode
   * (DATA_UPDATE=1) validates the file and pins it; a plain run refuses it.
   */
  sha256: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.literal('')]),
  /** Size in bytes; absent (or 0) in a new entry until update mode pins it. */
  bytes: z.number().int().nonnegative().optional(),
  /**
   * Rows the publisher withdrew in this release for years the previous release
   * of the same series also covered. Without a matching entry here, a release
   * that drops councils or rows stops update mode (the completeness check).
   */
  withdrawn: z
    .array(
      z.object({
        /** Council or area code (E06…, E12…, E92000001); "*" for every area. */
        code: z.string().min(1),
        /** A measure id (cla_count, …) or "*". */
        measure: z.string().min(1).default('*'),
        /** Years (ending 31 March) withdrawn; every shared year when absent. */
        years: z.array(z.number().int()).optional(),
        reason: z.string().min(10, 'say why the publisher withdrew the figures'),
      }),
    )
    .optional(),
  /**
   * How `npm run releases` looks for newer releases of this series. EES: the
   * publication's slug, a search term that finds it, and the data set's title
   * in the public API (scripts/releases/).
   */
  discovery: z
    .object({
      /** An Explore Education Statistics data set (scripts/releases/ees.ts). */
      ees: z.object({ publication: z.string().min(3), search: z.string().min(3), dataSet: z.string().min(3) }).optional(),
      /**
       * GOV.UK publications (scripts/releases/govuk.ts): listed by a document collection (its path) or
       * found by a search (words and organisation); `title` is a regular expression a release's title
       * matches, with a group `end` for the year its figures run to; `attachment` one its file's name matches.
       */
      govuk: z
        .object({
          collection: z
            .string()
            .regex(/^\/government\/collections\//, 'a GOV.UK collection path, "/government/collections/…"')
            .optional(),
          search: z.object({ q: z.string().min(3), organisation: z.string().min(2).optional() }).optional(),
          title: z.string().refine((s) => compiles(s) && s.includes('(?<end>'), 'a regular expression with a group (?<end>…) for the year'),
          attachment: z.string().refine(compiles, 'a regular expression'),
        })
        .refine((g) => (g.collection === undefined) !== (g.search === undefined), 'give either "collection" or "search"')
        .optional(),
    })
    .refine((d) => d.ees !== undefined || d.govuk !== undefined, 'name where to look: "ees" or "govuk"')
    .optional(),
  /** When the publisher next releases this series (YYYY-MM-DD or YYYY-MM), as announced on its statistics calendar. */
  nextRelease: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
  ...DownloadFields,
  ...SelectionFields,
});
export type SourceEntry = z.infer<typeof SourceEntrySchema>;

export const ManifestSchema = z.object({ note: z.string().optional(), sources: z.array(SourceEntrySchema).min(1) }).superRefine((m, ctx) => {
  const seen = new Set<string>();
  m.sources.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id ${s.id}` });
    seen.add(s.id);
    if (s.convert && !s.downloadUrl) {
      ctx.addIssue({ code: 'custom', path: ['sources', i, 'convert'], message: `${s.id} declares a conversion but has no downloadUrl to convert from` });
    }
  });
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const LICENCES: Record<SourceEntry['licence'], { name: string; url: string }> = {
  'OGL-3.0': { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
  'OPL-3.0': { name: 'Open Parliament Licence v3.0', url: 'https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/' },
  'CC-BY-4.0': { name: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  MIT: { name: 'MIT licence', url: 'https://opensource.org/license/mit' },
};

/** cla-ees-2026 → cla-ees; mhclg-rsx-2024-25 → mhclg-rsx; cla-sfr-2012-cla → cla-sfr-cla. */
export function seriesOf(id: string): string {
  return id.replace(/-\d{4}(-\d{2})?(?=-|$)/g, '');
}
