/** HTTP for release discovery: a JSON GET that names the URL in every failure, and an answer checked against its schema. */
import type { z } from 'zod';

export type FetchJson = (url: string) => Promise<unknown>;

/** GET a JSON document; a non-2xx status or a non-JSON answer (e.g. a web page) is an error naming the URL. */
export async function httpFetchJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new Error(
      `${url} could not be reached: ${(e as Error).message}${(e as { cause?: Error }).cause ? ` (${(e as { cause: Error }).cause.message})` : ''}`,
    );
  }
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new Error(`${url} returned ${type || 'an unlabelled answer'} instead of JSON: a web page, not the API`);
  return res.json();
}

/** GET `url` and check the answer against `schema`; a different shape is an error naming the URL and the fields. */
export async function getChecked<T extends z.ZodTypeAny>(fetchJson: FetchJson, url: string, schema: T, who: string): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await fetchJson(url));
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(`${who} answered ${url} with an unexpected shape (${issues})`);
  }
  return parsed.data;
}
