import type { APIRoute } from 'astro';
import { getEngland, readOutputText } from '../../lib/data.ts';

/** /data/england.json: the pipeline's output, published as written once it has passed validation. */
export const GET: APIRoute = () => {
  getEngland();
  return new Response(readOutputText('england.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
