/**
 * English regions (former Government Office Regions) as the CLA files name
 * them, and their ONS E12 codes.
 *
 * SFR27/2010 gives regions only as `GOR` rows with a letter (whose lettering
 * differs from later years: 2010 D = Yorkshire and The Humber, 2011+ C = the
 * same region) and a name with stray trailing spaces ("North East "). Names are
 * therefore the key, normalised by nameKey (contract/names.ts: trimmed, case-folded, "&" → "and"). Later
 * files give the E12 code too; the loader checks that code and name agree.
 *
 * Inner London and Outer London (SFR letters H/I, sharing London's E12000007;
 * EES codes E13000001/E13000002) are statistical sub-regions, not regions: the
 * loader recognises them and deliberately emits no observation for them (their
 * LAs are in London and London itself is emitted).
 */
import { nameKey } from '../../../../contract/names.ts';

export const REGION_CODES: Readonly<Record<string, string>> = {
  'north east': 'E12000001',
  'north west': 'E12000002',
  'yorkshire and the humber': 'E12000003',
  'east midlands': 'E12000004',
  'west midlands': 'E12000005',
  'east of england': 'E12000006',
  london: 'E12000007',
  'south east': 'E12000008',
  'south west': 'E12000009',
};

export const LONDON_SUBREGIONS: Readonly<Record<string, string>> = {
  'inner london': 'E13000001',
  'outer london': 'E13000002',
};

/** A region name as a key of REGION_CODES and LONDON_SUBREGIONS (contract/names.ts). */
export const normaliseRegionName = nameKey;

/** E12 code of a region name, or undefined if the name is not a region. */
export function regionCodeOf(name: string): string | undefined {
  return REGION_CODES[normaliseRegionName(name)];
}

export function isLondonSubregion(name: string): boolean {
  return normaliseRegionName(name) in LONDON_SUBREGIONS;
}
