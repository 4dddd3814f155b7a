import type { APIRoute } from 'astro';
import { getLas, readOutputText } from '../../lib/data.ts';

/** /data/las.json: the pipeline's output, published as written once it has passed validation. */
export const GET: APIRoute = () => {
  getLas();
  return new Response(readOutputText('las.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
