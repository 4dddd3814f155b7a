/**
 * Names compared as keys. Councils, regions and places are spelt differently from one
 * publisher (and one year) to the next: "St. Helens" and "St Helens", "Telford & Wrekin" and
 * "Telford and Wrekin", "Southend-on-Sea" and "Southend on Sea", "King’s Lynn" and "Kings Lynn".
 * nameKey() is the one normaliser the pipeline (geography, Ofsted, CLA regions) and the site
 * (the place search, at build time and in the browser) compare names with.
 */

/**
 * Name key: accents stripped (NFKD), lower case, "&" → "and", apostrophes dropped, every run of
 * other punctuation or space → one space, trimmed. "Bournemouth, Christchurch & Poole" →
 * "bournemouth christchurch and poole"; "Stockton-on-Tees" → "stockton on tees".
 */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * URL slug for a council name: "Bournemouth, Christchurch and Poole" → "bournemouth-christchurch-and-poole".
 * Apostrophes become hyphens like other punctuation (the published URLs depend on it).
 */
export function slugify(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Accents stripped (NFKD), lower case, "&" → " and ": the start of every key and slug. */
function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ');
}
