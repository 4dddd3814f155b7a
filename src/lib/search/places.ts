/**
 * "Find a council": typo-tolerant matching of a reader's query against the
 * place index (places.json: councils, former councils, districts and former
 * districts → the current council), with MiniSearch (BM25 over name words,
 * prefix and fuzzy matching).
 *
 * Shared by the build (buildPlaceIndex writes the compact index served at
 * /search-index.json) and the browser (createPlaceSearch runs in the header's
 * search island once the index has loaded). Unit tests run the same code on the
 * real index (tests/unit/search/places.test.ts).
 *
 * Ranking:
 *   - words are normalised (normalise.ts: case, accents, "&", "St."), and the
 *     filler words "and", "of", "the", "council", "borough", "county" ignored,
 *     so "Dorset County Council" is "dorset";
 *   - an exact word scores above a prefix ("york" > "yorkshire"); near
 *     spellings ("blakpool" → "blackpool": one edit per five letters; words of
 *     four letters or fewer must be spelt right) are tried only when nothing
 *     matches as typed; a word must match the start of a name's word, so "hull"
 *     never finds Solihull;
 *   - a shorter name scores above a longer one with the same words (BM25), and
 *     a current council counts double, a district 1.5 times, so the council
 *     itself comes first when its name is typed;
 *   - one suggestion per destination: the best-scoring name that leads there.
 */
import MiniSearch from 'minisearch';
import { normalise } from './normalise.ts';

export type PlaceKind = 'council' | 'former-council' | 'district' | 'former-district';
const KINDS: readonly PlaceKind[] = ['council', 'former-council', 'district', 'former-district'];
const BOOST: Record<PlaceKind, number> = { council: 2, 'former-council': 1, district: 1.5, 'former-district': 1.2 };
const STOP = new Set(['and', 'of', 'the', 'council', 'borough', 'county']);

/**
 * The compact index sent to the browser.
 * c: councils as [slug, display name, last year (former councils only)];
 * p: places as [name, kind (index into KINDS), target councils (indexes into c), own page (index into c; former councils)].
 */
export interface PlaceIndex {
  c: Array<[string, string] | [string, string, number]>;
  p: Array<[string, number, number[]] | [string, number, number[], number]>;
}

/** What buildPlaceIndex needs (structurally LaInfo and PlaceInfo). */
export interface IndexCouncil {
  code: string;
  slug: string;
  name: string;
  status: 'current' | 'former';
  lastYear: number | null;
}
export interface IndexPlace {
  name: string;
  kind: PlaceKind;
  code: string;
  councils: readonly string[];
}

export function buildPlaceIndex(councils: readonly IndexCouncil[], places: readonly IndexPlace[]): PlaceIndex {
  const at = new Map<string, number>();
  const c: PlaceIndex['c'] = [];
  const ref = (code: string): number => {
    let i = at.get(code);
    if (i === undefined) {
      const l = councils.find((x) => x.code === code);
      if (!l) throw new Error(`place index: council ${code} is not in las.json`);
      i = c.length;
      c.push(l.status === 'former' && l.lastYear !== null ? [l.slug, l.name, l.lastYear] : [l.slug, l.name]);
      at.set(code, i);
    }
    return i;
  };
  const p: PlaceIndex['p'] = places.map((pl) => {
    const targets = pl.councils.map(ref);
    const kind = KINDS.indexOf(pl.kind);
    return pl.kind === 'former-council' ? [pl.name, kind, targets, ref(pl.code)] : [pl.name, kind, targets];
  });
  return { c, p };
}

/** One suggestion: a link to a council page, with the name that matched. */
export interface PlaceResult {
  /** /councils/<slug>/ */
  href: string;
  /** The council the link goes to. */
  council: string;
  /** The name that matched ("Harrogate"), when it is not the council's own name. */
  via?: string;
  kind: PlaceKind;
  /**
   * Text for the suggestion: "North Yorkshire", "Cambridge: Cambridgeshire", "Harrogate (former district): North Yorkshire",
   * "Bournemouth (former council): now Bournemouth, Christchurch and Poole", "Cumbria (former council): partly now Cumberland",
   * "Cumbria, former council (figures to 2023)".
   */
  label: string;
}

export function tokenize(text: string): string[] {
  return normalise(text)
    .split(' ')
    .filter((w) => w !== '');
}
function processTerm(term: string): string | null {
  return STOP.has(term) ? null : term;
}
const fuzzy = (term: string) => (term.length > 4 ? 0.2 : false);

export type PlaceSearch = (query: string, limit?: number) => PlaceResult[];

export function createPlaceSearch(index: PlaceIndex): PlaceSearch {
  const ms = new MiniSearch<{ id: number; n: string }>({
    fields: ['n'],
    tokenize,
    processTerm,
    searchOptions: { prefix: true, fuzzy, combineWith: 'AND', boostDocument: (id) => BOOST[KINDS[index.p[id as number]![1]]!] },
  });
  ms.addAll(index.p.map((p, id) => ({ id, n: p[0] })));
  const council = (i: number) => index.c[i]!;
  const href = (i: number) => `/councils/${council(i)[0]}/`;
  const same = (a: string, b: string) => tokenize(a).filter(processTerm).join(' ') === tokenize(b).filter(processTerm).join(' ');

  return (query, limit = 8) => {
    if (!tokenize(query).some((t) => processTerm(t))) return [];
    // Exact and prefix matches first; near spellings only when nothing matches as typed
    // (so "Cambridge" does not suggest Elmbridge); any word only when all words fail.
    let hits = ms.search(query, { fuzzy: false });
    if (hits.length === 0) hits = ms.search(query);
    if (hits.length === 0) hits = ms.search(query, { combineWith: 'OR' });
    hits.sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number));
    const out: PlaceResult[] = [];
    const seen = new Set<string>();
    const push = (r: PlaceResult) => {
      if (seen.has(r.href) || out.length >= limit) return;
      seen.add(r.href);
      out.push(r);
    };
    for (const h of hits) {
      const [name, k, targets, own] = index.p[h.id as number]!;
      const kind = KINDS[k]!;
      for (const t of targets) {
        const cname = council(t)[1];
        const via = same(name, cname) ? undefined : name;
        const label =
          kind === 'council'
            ? cname
            : kind === 'district'
              ? `${name}: ${cname}`
              : kind === 'former-district'
                ? `${name} (former district): ${cname}`
                : `${name} (former council): ${targets.length > 1 ? 'partly ' : ''}now ${cname}`;
        push({ href: href(t), council: cname, kind, label, ...(via !== undefined && kind !== 'council' ? { via } : {}) });
      }
      if (own !== undefined) {
        const [, oname, last] = council(own);
        push({ href: href(own), council: oname, kind, label: `${oname}, former council${last ? ` (figures to ${last})` : ''}` });
      }
    }
    return out;
  };
}
