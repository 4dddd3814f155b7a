import type { APIRoute } from 'astro';
import { getPanel, readOutputText } from '../../lib/data.ts';

/** /data/la-panel.json: the pipeline's output, published as written once it has passed validation. */
export const GET: APIRoute = () => {
  getPanel();
  return new Response(readOutputText('la-panel.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
