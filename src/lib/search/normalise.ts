/**
 * Council-name search: normalisation and matching, shared by the build (which
 * writes a small index into /councils/) and the browser island (which
 * matches as the reader types). No dependencies, so it bundles small.
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

/** One searchable council: its names, normalised once at build time. */
export interface SearchEntry {
  /** Slug (the page is /councils/<slug>/). */
  s: string;
  /** Display name. */
  n: string;
  /** Normalised name and aliases. */
  k: string[];
  /** Former council (listed after current ones on equal score). */
  f?: 1;
}

export interface CouncilNames {
  slug: string;
  name: string;
  aliases: readonly string[];
  status: 'current' | 'former';
}

/**
 * Keys for a council: its name and aliases, plus the name with a ", City of" /
 * ", County of" suffix turned round ("Bristol, City of" → "bristol city of" and
 * "city of bristol", "bristol").
 */
export function buildEntry(c: CouncilNames): SearchEntry {
  const keys = new Set<string>();
  for (const raw of [c.name, ...c.aliases]) {
    keys.add(normalise(raw));
    const m = /^(.*),\s*(City|County) of$/i.exec(raw);
    if (m) {
      keys.add(normalise(m[1]!));
      keys.add(normalise(`${m[2]} of ${m[1]}`));
    }
  }
  const e: SearchEntry = { s: c.slug, n: c.name, k: [...keys].filter(Boolean) };
  if (c.status === 'former') e.f = 1;
  return e;
}

/**
 * Score a query against an entry: 0 = no match; higher is better.
 * 4 exact key, 3 key starts with the query, 2 a word in a key starts with it, 1 substring;
 * former councils score at most 2.5.
 */
export function score(entry: SearchEntry, query: string): number {
  const q = normalise(query);
  if (!q) return 0;
  let best = 0;
  for (const k of entry.k) {
    let s = 0;
    if (k === q) s = 4;
    else if (k.startsWith(q)) s = 3;
    else if (k.includes(` ${q}`)) s = 2;
    else if (k.includes(q)) s = 1;
    if (s > best) best = s;
  }
  // A former council's exact name ranks just below a current council that
  // starts with it: "Bournemouth" → BCP first, then the pre-2019 Bournemouth.
  return entry.f && best > 0 ? Math.min(best, 3) - 0.5 : best;
}

/** Matching entries, best first; ties: current before former, then A–Z. */
export function search(entries: readonly SearchEntry[], query: string, limit = 10): SearchEntry[] {
  return entries
    .map((e) => ({ e, s: score(e, query) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || (a.e.f ?? 0) - (b.e.f ?? 0) || a.e.n.localeCompare(b.e.n, 'en-GB'))
    .slice(0, limit)
    .map((x) => x.e);
}
