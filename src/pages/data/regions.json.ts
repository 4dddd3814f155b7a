import type { APIRoute } from 'astro';
import { getRegions, readOutputText } from '../../lib/data.ts';

/** /data/regions.json: the pipeline's output, published as written once it has passed validation. */
export const GET: APIRoute = () => {
  getRegions();
  return new Response(readOutputText('regions.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
