/** Code formats used by English official statistics, with validators. */

/** Upper-tier LA GSS codes: unitary (E06), metropolitan district (E08), London borough (E09), county (E10). */
export const LA_CODE = /^E(06|08|09|10)\d{6}$/;
export const REGION_CODE = /^E12\d{6}$/;
export const ENGLAND_CODE = 'E92000001';
/** England or a region: the areas of england.json and regions.json. */
export const AREA_CODE = /^E(92|12)\d{6}$/;
/** An English council or district (lower-tier E07 included): the codes a reader's place name can carry. */
export const COUNCIL_OR_DISTRICT_CODE = /^E(06|07|08|09|10)\d{6}$/;
/** DfE three-digit LA code (e.g. 202 Camden, 890 Blackpool). */
export const OLD_LA_CODE = /^\d{3}$/;

export function isLaCode(s: string): boolean {
  return LA_CODE.test(s);
}
export function isRegionCode(s: string): boolean {
  return REGION_CODE.test(s);
}
/** England (E92000001) or a region (E12…): an area with a series rather than a council. */
export function isAreaCode(s: string): boolean {
  return s === ENGLAND_CODE || REGION_CODE.test(s);
}
export function isOldLaCode(s: string): boolean {
  return OLD_LA_CODE.test(s);
}

export { slugify } from './names.ts';
