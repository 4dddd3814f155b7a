/**
 * Name normalisation for the place search: places.ts (minisearch) normalises
 * every indexed name and every query with it, at build time and in the browser.
 *
 * normalise(): lower case; accents stripped (NFD); "&" → "and"; "St." /
 * "St" → "saint"; every run of punctuation or space → one space; trimmed.
 * So "St. Helens", "st helens" and "Saint Helens" are equal, as are
 * "Telford & Wrekin" and "telford and wrekin", "Southend-on-Sea" and
 * "southend on sea".
 */

export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .trim()
    .replace(/\s+/g, ' ');
}
