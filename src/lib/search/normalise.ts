/**
 * Council-name search: normalisation and matching, shared by the build (which
 * writes a small index into /councils/) and the browser island (which
 * matches as the reader types). Exact, prefix and word matches come first;
 * only when there are none does fuse.js (a small, well-kept fuzzy matcher)
 * find near spellings such as "Blakpool" or "Middlesborough".
 *
 * normalise(): lower case; accents stripped (NFD); "&" → "and"; "St." /
 * "St" → "saint"; every run of punctuation or space → one space; trimmed.
 * So "St. Helens", "st helens" and "Saint Helens" are equal, as are
 * "Telford & Wrekin" and "telford and wrekin", "Southend-on-Sea" and
 * "southend on sea".
 */

import Fuse from 'fuse.js';

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

/** Matching entries, best first; ties: current before former, then A–Z.
 *  A bare substring inside a word ("hull" in "Solihull") counts only when no
 *  key has the query at the start of a word, so "Hull" finds Hull alone. With
 *  no match at all, fuse.js looks for near spellings (typos). */
export function search(entries: readonly SearchEntry[], query: string, limit = 10): SearchEntry[] {
  const q = normalise(query);
  if (!q) return [];
  const scored = entries.map((e) => ({ e, s: score(e, query) })).filter((x) => x.s > 0);
  const best = Math.max(0, ...scored.map((x) => x.s));
  const kept = best >= 1.5 ? scored.filter((x) => x.s >= 1.5) : scored;
  if (kept.length) {
    return kept
      .sort((a, b) => b.s - a.s || (a.e.f ?? 0) - (b.e.f ?? 0) || a.e.n.localeCompare(b.e.n, 'en-GB'))
      .slice(0, limit)
      .map((x) => x.e);
  }
  return fuzzy(entries, q, limit);
}

let fuse: { entries: readonly SearchEntry[]; index: Fuse<{ e: SearchEntry; k: string }> } | null = null;
/** Near spellings: one Fuse index over every key of every entry, built once per entry list. */
function fuzzy(entries: readonly SearchEntry[], q: string, limit: number): SearchEntry[] {
  if (q.length < 3) return [];
  if (fuse?.entries !== entries) {
    const docs = entries.flatMap((e) => e.k.map((k) => ({ e, k })));
    fuse = { entries, index: new Fuse(docs, { keys: ['k'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 }) };
  }
  const seen = new Set<string>();
  const out: SearchEntry[] = [];
  // Fuse finds the candidates; they are ordered by edit distance to the whole key (Fuse's own score favours
  // long keys: "Lestershire" would put Gloucestershire first), then Fuse's score, then current before former.
  const hits = fuse.index
    .search(q)
    .map((r) => ({ ...r, d: editDistance(q, r.item.k) }))
    .sort((a, b) => a.d - b.d || (a.score ?? 1) - (b.score ?? 1) || (a.item.e.f ?? 0) - (b.item.e.f ?? 0));
  for (const r of hits) {
    if (seen.has(r.item.e.s)) continue;
    seen.add(r.item.e.s);
    out.push(r.item.e);
    if (out.length >= limit) break;
  }
  return out;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
