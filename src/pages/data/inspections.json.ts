import type { APIRoute } from 'astro';
import { getInspections, readOutputText } from '../../lib/data.ts';

/** /data/inspections.json: the pipeline's output, published as written once it has passed validation. */
export const GET: APIRoute = () => {
  getInspections();
  return new Response(readOutputText('inspections.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
