import type { APIRoute, GetStaticPaths } from 'astro';
import { getAnomalies, getEngland, getInspections, getLas, getPanel, getPlaces, getProvenance, getRegions, readOutputText } from '../../lib/data.ts';
import type { OutputFile } from '../../lib/data/load.ts';
import { getClaimsFile } from '../../lib/data/claims.ts';
import { loadOutput } from '../../lib/data/load.ts';
import { StoryFiguresFileSchema } from '../../../contract/story-figures.ts';

/**
 * /data/<file>: the pipeline's outputs, published byte for byte as the pipeline
 * wrote them, once the build has validated them against the contract (each
 * file's accessor validates it; a bad file fails the build).
 */
const JSON_TYPE = 'application/json; charset=utf-8';
const PUBLISHED: Partial<Record<OutputFile, { type: string; validate: () => unknown }>> = {
  'la-panel.csv': { type: 'text/csv; charset=utf-8', validate: getPanel },
  'la-panel.json': { type: JSON_TYPE, validate: getPanel },
  'england.json': { type: JSON_TYPE, validate: getEngland },
  'regions.json': { type: JSON_TYPE, validate: getRegions },
  'las.json': { type: JSON_TYPE, validate: () => getLas() },
  'inspections.json': { type: JSON_TYPE, validate: () => getInspections() },
  'revisions.json': { type: JSON_TYPE, validate: getProvenance },
  'dictionary.json': { type: JSON_TYPE, validate: getPanel },
  'datapackage.json': { type: JSON_TYPE, validate: getProvenance },
  'provenance.json': { type: JSON_TYPE, validate: getProvenance },
  'anomalies.json': { type: JSON_TYPE, validate: getAnomalies },
  'claims.json': { type: JSON_TYPE, validate: getClaimsFile },
  'places.json': { type: JSON_TYPE, validate: getPlaces },
  'story-figures.json': { type: JSON_TYPE, validate: () => loadOutput('story-figures.json', StoryFiguresFileSchema) },
};

export const getStaticPaths: GetStaticPaths = () => Object.keys(PUBLISHED).map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) => {
  const file = params.file as OutputFile;
  const spec = PUBLISHED[file];
  if (!spec) throw new Error(`/data/${file} is not a published file`);
  spec.validate();
  return new Response(readOutputText(file), { headers: { 'Content-Type': spec.type } });
};
