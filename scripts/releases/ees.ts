/**
 * A small client for the Explore Education Statistics public data API (v1),
 * https://api.education.gov.uk/statistics — only the calls release discovery
 * needs:
 *
 *   GET /v1/publications?search=…&page=…&pageSize=…        → { paging, results: Publication[] }
 *   GET /v1/publications/{publicationId}/data-sets?page=…   → { paging, results: DataSetSummary[] }
 *   GET /v1/data-sets/{dataSetId}/versions?page=…           → { paging, results: DataSetVersion[] }
 *   GET /v1/data-sets/{dataSetId}/versions/{v}/changes      → { majorChanges, minorChanges }
 *   GET /v1/data-sets/{dataSetId}/csv?dataSetVersion={v}    → the data set as CSV (the manifest's downloadUrl)
 *
 * The base URL comes from EES_API_URL (tests point it at a local server on
 * 127.0.0.1 that replays recorded responses). Responses are validated with zod
 * so a change in the API's shape is an error that says which field, not a
 * silently empty discovery.
 */
import { z } from 'zod';
import { type FetchJson, getChecked } from './http.ts';

export { type FetchJson, httpFetchJson } from './http.ts';

export const DEFAULT_EES_API_URL = 'https://api.education.gov.uk/statistics';

const Paging = z.object({ page: z.number(), pageSize: z.number(), totalResults: z.number(), totalPages: z.number() });
const TimePeriods = z.object({ start: z.string(), end: z.string() });

export const PublicationSchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: z.string().optional(),
  lastPublished: z.string().optional(),
});
export const DataSetSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  status: z.enum(['Published', 'Deprecated', 'Withdrawn']),
  supersedingDataSetId: z.string().nullish(),
  latestVersion: z.object({ version: z.string(), published: z.string(), totalResults: z.number().optional(), timePeriods: TimePeriods }).passthrough(),
});
export const DataSetVersionSchema = z
  .object({
    version: z.string(),
    type: z.enum(['Major', 'Minor']),
    status: z.enum(['Published', 'Deprecated', 'Withdrawn']),
    published: z.string(),
    withdrawn: z.string().nullish(),
    notes: z.string().optional(),
    totalResults: z.number().optional(),
    release: z.object({ title: z.string(), slug: z.string() }),
    timePeriods: TimePeriods,
    geographicLevels: z.array(z.string()).optional(),
  })
  .passthrough();
export type Publication = z.infer<typeof PublicationSchema>;
export type DataSetSummary = z.infer<typeof DataSetSummarySchema>;
export type DataSetVersion = z.infer<typeof DataSetVersionSchema>;

const page = <T extends z.ZodTypeAny>(item: T) => z.object({ paging: Paging, results: z.array(item) });

export class EesClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchJson: FetchJson,
  ) {}

  private get<T extends z.ZodTypeAny>(path: string, schema: T): Promise<z.infer<T>> {
    return getChecked(this.fetchJson, `${this.baseUrl.replace(/\/$/, '')}${path}`, schema, 'the Explore Education Statistics API');
  }

  /** Every page of a paginated list. */
  private async all<T extends z.ZodTypeAny>(path: string, item: T): Promise<Array<z.infer<T>>> {
    const out: Array<z.infer<T>> = [];
    for (let p = 1; ; p++) {
      const sep = path.includes('?') ? '&' : '?';
      const r = await this.get(`${path}${sep}page=${p}&pageSize=40`, page(item));
      out.push(...r.results);
      if (p >= r.paging.totalPages) return out;
    }
  }

  async publicationBySlug(slug: string, search: string): Promise<Publication> {
    const found = await this.all(`/v1/publications?search=${encodeURIComponent(search)}`, PublicationSchema);
    const p = found.find((x) => x.slug === slug);
    if (!p)
      throw new Error(
        `no publication with slug "${slug}" among the API's answers to the search "${search}" (${found.map((x) => x.slug).join(', ') || 'none'})`,
      );
    return p;
  }

  dataSets(publicationId: string): Promise<DataSetSummary[]> {
    return this.all(`/v1/publications/${encodeURIComponent(publicationId)}/data-sets`, DataSetSummarySchema);
  }

  versions(dataSetId: string): Promise<DataSetVersion[]> {
    return this.all(`/v1/data-sets/${encodeURIComponent(dataSetId)}/versions`, DataSetVersionSchema);
  }

  /** The changes of a version against the previous one, summarised as counts per kind (e.g. locations: 3). */
  async changes(dataSetId: string, version: string): Promise<Record<string, number>> {
    const r = (await this.get(
      `/v1/data-sets/${encodeURIComponent(dataSetId)}/versions/${encodeURIComponent(version)}/changes`,
      z.record(z.string(), z.unknown()),
    )) as Record<string, unknown>;
    const out: Record<string, number> = {};
    for (const [group, v] of Object.entries(r)) {
      if (!v || typeof v !== 'object') continue;
      for (const [kind, list] of Object.entries(v as Record<string, unknown>)) if (Array.isArray(list) && list.length) out[`${group}.${kind}`] = list.length;
    }
    return out;
  }

  csvUrl(dataSetId: string, version: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}/v1/data-sets/${encodeURIComponent(dataSetId)}/csv?dataSetVersion=${encodeURIComponent(version)}`;
  }
}
