import type { APIRoute } from 'astro';
import { getPanel } from '../../lib/data.ts';

/** /data/dictionary.json: every la-panel column with its type, unit, description and sources. */
export const GET: APIRoute = () => {
  const { columns, provenance } = getPanel();
  const body = { dataVersion: provenance.dataVersion, file: 'la-panel', columns };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
