import type { APIRoute } from 'astro';
import { getLas, getPlaces } from '../lib/data.ts';
import { buildPlaceIndex } from '../lib/search/places.ts';

/**
 * /search-index.json: the compact place index (councils, former councils,
 * districts → council pages) that the header's search box loads when it first
 * gets focus (src/lib/search/combobox.ts). Built from places.json and las.json.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildPlaceIndex(getLas(), getPlaces())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
