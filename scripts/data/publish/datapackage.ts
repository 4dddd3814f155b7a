/**
 * A Frictionless Data Package descriptor (datapackage.json) for the published
 * CSV and JSON files: the CSV cannot carry its own provenance, so this file
 * gives its schema (from the data dictionary), its sources with licences and
 * checksums, and the data version. Standard: https://specs.frictionlessdata.io/data-package/
 */
import type { ColumnDoc, Provenance } from '../../../contract/outputs.ts';
import { LICENCES } from '../../../contract/manifest.ts';

const FRICTIONLESS_TYPE: Record<ColumnDoc['type'], string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  date: 'date',
  object: 'object',
};

export function dataPackage(prov: Provenance, columns: readonly ColumnDoc[], csvColumns: readonly string[], years: { first: number; last: number }): unknown {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const licences = [...new Set(prov.generatedFrom.map((s) => s.licence))].sort();
  return {
    name: 'childrens-services-england',
    title: `Children's services in England: council panel ${years.first}–${years.last}`,
    version: prov.dataVersion,
    licenses: licences.map((l) => ({ name: l, title: LICENCES[l as keyof typeof LICENCES]?.name ?? l, path: LICENCES[l as keyof typeof LICENCES]?.url })),
    sources: prov.generatedFrom.map((s) => ({ title: `${s.publisher}: ${s.title} (${s.release})`, path: s.landingUrl })),
    resources: [
      {
        name: 'la-panel',
        path: 'la-panel.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: 'One row per upper-tier local authority per year ending 31 March. Empty cells are missing values; missing_reasons gives why.',
        schema: {
          fields: csvColumns.map((name) => {
            const doc = byName.get(name);
            return {
              name,
              type: doc ? FRICTIONLESS_TYPE[doc.type] : 'string',
              ...(doc ? { description: doc.description } : {}),
              ...(doc?.unit ? { unit: doc.unit } : {}),
            };
          }),
          primaryKey: ['la_code', 'year'],
          missingValues: [''],
        },
      },
      {
        name: 'la-panel-json',
        path: 'la-panel.json',
        format: 'json',
        description: 'The same panel as JSON, with the reason for every missing value and full provenance.',
      },
      {
        name: 'england',
        path: 'england.json',
        format: 'json',
        description: 'England series: the same measures, the children-looked-after series since 1994, deflators and revisions.',
      },
      {
        name: 'claims',
        path: 'claims.json',
        format: 'json',
        description:
          'Public claims about children’s services tested against these data: the verdict rubric, and for each claim its verdict then and now and every specification tested.',
      },
    ],
  };
}
