/**
 * A small client for GOV.UK's public APIs, where Ofsted, MHCLG and HM Treasury publish their
 * statistics — only the calls release discovery needs:
 *
 *   GET /api/content/<path>            the Content API: a content item. A document collection lists its
 *                                      publications in `links.documents` (title, base_path,
 *                                      public_updated_at); a publication lists its files in
 *                                      `details.attachments` (attachment_type, filename, url, title).
 *   GET /api/search.json?q=…           the Search API: `results` (title, link, public_timestamp), for a
 *                                      series whose publications sit in no collection.
 *
 * Shapes from alphagov/content-store's OpenAPI document (ContentItem, LinkedContentItem) and
 * alphagov/publishing-api's content schemas (file_attachment_asset). The base URL comes from
 * GOVUK_API_URL (tests point it at a local server on 127.0.0.1 that replays recorded answers).
 * Answers are validated with zod, so a change of shape is an error naming the field.
 */
import { z } from 'zod';
import { type FetchJson, getChecked } from './http.ts';

export const DEFAULT_GOVUK_API_URL = 'https://www.gov.uk';

/** A publication a collection or a search lists. */
export interface GovukDocument {
  title: string;
  /** Its path on GOV.UK ("/government/statistics/…"). */
  path: string;
  /** When it was last published or updated (ISO date-time). */
  updated: string;
}

export interface GovukAttachment {
  title: string;
  filename: string;
  url: string;
}

export interface GovukPublication {
  title: string;
  path: string;
  /** First published (ISO date-time): the release date. */
  firstPublished: string;
  attachments: GovukAttachment[];
}

const Linked = z.object({ title: z.string(), base_path: z.string().nullable(), public_updated_at: z.string().nullable() }).passthrough();
const CollectionSchema = z.object({ title: z.string(), links: z.object({ documents: z.array(Linked) }).passthrough() }).passthrough();
const AttachmentSchema = z
  .object({
    attachment_type: z.string(),
    title: z.string().optional(),
    filename: z.string().optional(),
    url: z.string(),
  })
  .passthrough();
const PublicationSchema = z
  .object({
    title: z.string(),
    base_path: z.string(),
    first_published_at: z.string(),
    details: z.object({ attachments: z.array(AttachmentSchema).optional() }).passthrough(),
  })
  .passthrough();
const SearchSchema = z
  .object({
    results: z.array(z.object({ title: z.string(), link: z.string(), public_timestamp: z.string().nullish() }).passthrough()),
    total: z.number(),
  })
  .passthrough();

export class GovukClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchJson: FetchJson,
  ) {}

  private get<T extends z.ZodTypeAny>(path: string, schema: T): Promise<z.infer<T>> {
    return getChecked(this.fetchJson, `${this.baseUrl.replace(/\/$/, '')}${path}`, schema, 'GOV.UK');
  }

  /** The publications a document collection lists (Content API, links.documents). */
  async collectionDocuments(collection: string): Promise<GovukDocument[]> {
    const item = await this.get(`/api/content${collection}`, CollectionSchema);
    return item.links.documents.filter((d) => d.base_path !== null).map((d) => ({ title: d.title, path: d.base_path!, updated: d.public_updated_at ?? '' }));
  }

  /** The newest publications (up to 50) matching words, from one organisation (Search API). */
  async searchDocuments(q: string, organisation: string | undefined): Promise<GovukDocument[]> {
    const params = new URLSearchParams({ q, ...(organisation ? { filter_organisations: organisation } : {}) });
    params.set('fields', 'title,link,public_timestamp');
    params.set('order', '-public_timestamp');
    params.set('count', '50');
    const r = await this.get(`/api/search.json?${params.toString().replace(/\+/g, '%20')}`, SearchSchema);
    return r.results.map((x) => ({ title: x.title, path: x.link, updated: x.public_timestamp ?? '' }));
  }

  /** A publication's title, first publication date and files (Content API, details.attachments). */
  async publication(path: string): Promise<GovukPublication> {
    const item = await this.get(`/api/content${path}`, PublicationSchema);
    const attachments = (item.details.attachments ?? [])
      .filter((a) => a.attachment_type === 'file')
      .map((a) => ({ title: a.title ?? '', filename: a.filename ?? decodeURIComponent(a.url.split('/').pop() ?? ''), url: a.url }));
    return { title: item.title, path: item.base_path, firstPublished: item.first_published_at, attachments };
  }

  /** The page a person opens to see the publication. */
  pageUrl(path: string): string {
    return `https://www.gov.uk${path}`;
  }
}
