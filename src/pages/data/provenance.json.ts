import type { APIRoute } from 'astro';
import { getProvenance, readOutputText } from '../../lib/data.ts';

/** /data/provenance.json: the pipeline's output, published as written once it has passed validation. */
export const GET: APIRoute = () => {
  getProvenance();
  return new Response(readOutputText('provenance.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
