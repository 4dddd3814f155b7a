/**
 * Name normalisation for the place search: places.ts (minisearch) normalises
 * every indexed name and every query with it, at build time and in the browser.
 *
 * normalise(): the name key of contract/names.ts (lower case; accents
 * stripped; "&" → "and"; apostrophes dropped; every run of punctuation or
 * space → one space; trimmed), with "St." / "St" → "saint".
 * So "St. Helens", "st helens" and "Saint Helens" are equal, as are
 * "Telford & Wrekin" and "telford and wrekin", "Southend-on-Sea" and
 * "southend on sea".
 */
import { nameKey } from '../../../contract/names.ts';

export function normalise(s: string): string {
  return nameKey(s).replace(/\bst\b/g, 'saint');
}
