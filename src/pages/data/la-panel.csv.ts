import type { APIRoute } from 'astro';
import { getPanel } from '../../lib/data.ts';
import { panelCsv } from '../../lib/data/csv.ts';

/** /data/la-panel.csv: one row per council per year, built from la-panel.json. */
export const GET: APIRoute = () => {
  const { columns, rows } = getPanel();
  return new Response(panelCsv(columns, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
