/**
 * /map/layers/<key>.json: one map layer (every year of one measure, or of the
 * Ofsted grade), fetched by the map island when a reader picks it
 * (lib/maps/layers.ts LayerData).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLas, getPanel, priceBaseYear } from '../../../lib/data.ts';
import { layerData, mapLayerKeys } from '../../../lib/maps/mapdata.ts';

export const getStaticPaths: GetStaticPaths = () => mapLayerKeys().map((key) => ({ params: { key } }));

export const GET: APIRoute = ({ params }) => {
  const body = JSON.stringify(layerData(getPanel().rows, getLas(), String(params.key), priceBaseYear()));
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
