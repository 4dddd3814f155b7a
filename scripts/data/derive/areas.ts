/**
 * England and regional series: the same measures as the LA panel, from the
 * figures the publishers print for those geographies (national and regional
 * counts are rounded to the nearest 10 by DfE, so they are not re-summed from LAs).
 */
import type { AreaYear } from '../../../contract/outputs.ts';
import { ENGLAND_CODE } from '../../../contract/codes.ts';
import type { ObservationStore } from '../harmonise.ts';
import { measuresFor, splitCells, type DeflatorLookup } from './measures.ts';

export function buildAreas(
  store: ObservationStore,
  areas: ReadonlyArray<{ code: string; name: string }>,
  deflators: DeflatorLookup,
  years: { first: number; last: number },
): AreaYear[] {
  const out: AreaYear[] = [];
  for (const area of areas) {
    for (let year = years.first; year <= years.last; year++) {
      const { cells } = measuresFor(store, area.code, year, deflators);
      const { values, missing } = splitCells(cells);
      out.push({ code: area.code, name: area.name, level: area.code === ENGLAND_CODE ? 'national' : 'regional', year, values, missing });
    }
  }
  return out;
}
