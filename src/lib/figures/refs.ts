/**
 * Figure references: how a story names one number from the data.
 *
 *   <Fig m="cla_rate_per_10k" la="blackpool" year={2024} />
 *
 *   m     a measure: a numeric column of la-panel.json (contract/outputs.ts
 *         PANEL_NUMERIC_COLUMNS), e.g. cla_count, cla_rate_per_10k, spend_total_gbp.
 *   la    an area: "england", a region slug ("north-west"), a council slug
 *         ("blackpool", from las.json) or any of those areas' ONS codes
 *         (E92000001, E12000002, E06000009).
 *   year  a year ending 31 March (counts at 31 March, flows and spending in the
 *         year to 31 March).
 *
 * This module is PURE (no fs, no Astro): it builds a FigureIndex from the parsed
 * output files and resolves a reference against it, returning either the
 * resolved (measure, code, year) or a problem naming the field, with the
 * nearest valid choices (Levenshtein distance on identifiers and names,
 * nearest years). It is shared by the MDX compile-time check
 * (remark-figures.ts, which reports file:line) and the Fig component.
 *
 * Rules:
 *   - An unknown measure or area, or a year for which the area has no row, is
 *     an ERROR (the build fails).
 *   - A year in which the measure has no value for ANY area (the series does
 *     not cover it, e.g. children in need before its first release) is an ERROR
 *     naming the years the series covers.
 *   - A row that exists but whose value is missing (suppressed, not available…)
 *     is NOT an error: the component prints the reason, never a zero.
 */

export type AreaKind = 'england' | 'region' | 'la';

export interface AreaEntry {
  kind: AreaKind;
  code: string;
  slug: string;
  name: string;
  /** Years with a row for this area (ascending). */
  years: number[];
  /** For England and regions: the measures their series carry. Councils carry every panel measure. */
  measures?: string[];
  /** 'former' councils (abolished in a reorganisation) are valid but flagged in suggestions. */
  status?: 'current' | 'former';
  /** Councils: the region code of their latest row. */
  region?: string;
}

export interface FigureIndex {
  measures: string[];
  /** Years in which each measure has at least one non-null value, anywhere. */
  measureYears: Record<string, number[]>;
  areas: AreaEntry[];
  /** The unit the pipeline documents for each measure ("children", "per 10,000 children", "£"…). */
  measureUnits?: Record<string, string>;
  /** Manifest ids (data/sources.json) behind each measure. */
  measureSources?: Record<string, string[]>;
}

export interface FigureRef {
  m: string;
  area: string;
  year: number;
}

export type Resolved =
  | { ok: true; measure: string; code: string; year: number; area: AreaEntry }
  | { ok: false; field: 'm' | 'la' | 'year'; problem: string; suggestions: string[] };

export { ENGLAND_CODE };

import { ENGLAND_CODE, slugify } from '../../../contract/codes.ts';

export { slugify };

/** Levenshtein edit distance (iterative, two rows). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to `n` choices nearest to `input`: substring matches first, then by edit distance. */
export function nearestStrings(input: string, choices: readonly string[], n = 3): string[] {
  const q = input.toLowerCase();
  return [...new Set(choices)]
    .map((c) => {
      const lc = c.toLowerCase();
      const contains = q.length >= 3 && (lc.includes(q) || q.includes(lc));
      return { c, score: contains ? -1 : levenshtein(q, lc) };
    })
    .sort((a, b) => a.score - b.score || a.c.localeCompare(b.c))
    .slice(0, n)
    .map((x) => x.c);
}

export function nearestYears(years: readonly number[], target: number, n = 3): number[] {
  return [...years]
    .sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b)
    .slice(0, n)
    .sort((a, b) => a - b);
}

/** "2010–2025" or "2010–2013, 2015–2025". */
export function describeYears(years: readonly number[]): string {
  const ys = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = ys[0];
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i]!;
    const next = ys[i + 1];
    if (next !== y + 1) {
      runs.push(start === y ? String(y) : `${start}–${y}`);
      start = next;
    }
  }
  return runs.join(', ') || 'none';
}

/** Minimal shapes of the output files the index needs (see contract/outputs.ts). */
export interface IndexInput {
  panel: { rows: Array<Record<string, unknown> & { la_code: string; la_name: string; year: number }> };
  las: { las: Array<{ code: string; name: string; slug: string; status: 'current' | 'former' }> };
  england: { series: Array<{ code: string; name: string; year: number; values: Record<string, number | null> }> };
  regions: { series: Array<{ code: string; name: string; year: number; values: Record<string, number | null> }> };
  measures: readonly string[];
  /** la-panel.json columns (unit and sources per measure), optional. */
  columns?: ReadonlyArray<{ name: string; unit?: string | undefined; sources?: readonly string[] | undefined }>;
}

export function buildIndex(input: IndexInput): FigureIndex {
  const measureYears = new Map<string, Set<number>>(input.measures.map((m) => [m, new Set<number>()]));
  const laYears = new Map<string, Set<number>>();
  const laRegion = new Map<string, string>();
  for (const row of input.panel.rows) {
    if (typeof row.region_code === 'string') laRegion.set(row.la_code, row.region_code);
    if (!laYears.has(row.la_code)) laYears.set(row.la_code, new Set());
    laYears.get(row.la_code)!.add(row.year);
    for (const m of input.measures) if (typeof row[m] === 'number') measureYears.get(m)!.add(row.year);
  }
  const areas: AreaEntry[] = [];
  const series = (kind: AreaKind, rows: IndexInput['england']['series']) => {
    const byCode = new Map<string, typeof rows>();
    for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
    for (const [code, rs] of byCode) {
      const measures = new Set<string>();
      for (const r of rs)
        for (const [m, v] of Object.entries(r.values)) {
          measures.add(m);
          if (typeof v === 'number') measureYears.get(m)?.add(r.year);
        }
      const name = rs[0]!.name;
      areas.push({ kind, code, name, slug: slugify(name), years: rs.map((r) => r.year).sort((a, b) => a - b), measures: [...measures] });
    }
  };
  series('england', input.england.series);
  series('region', input.regions.series);
  for (const la of input.las.las) {
    const years = [...(laYears.get(la.code) ?? [])].sort((a, b) => a - b);
    const region = laRegion.get(la.code);
    areas.push({ kind: 'la', code: la.code, name: la.name, slug: la.slug, years, status: la.status, ...(region ? { region } : {}) });
  }
  const cols = input.columns ?? [];
  return {
    measures: [...input.measures],
    measureUnits: Object.fromEntries(cols.filter((c) => c.unit && input.measures.includes(c.name)).map((c) => [c.name, c.unit!])),
    measureSources: Object.fromEntries(cols.filter((c) => c.sources?.length).map((c) => [c.name, [...c.sources!]])),
    measureYears: Object.fromEntries([...measureYears].map(([m, ys]) => [m, [...ys].sort((a, b) => a - b)])),
    areas,
  };
}

export function findArea(index: FigureIndex, ref: string): AreaEntry | undefined {
  const r = ref.trim();
  const lower = r.toLowerCase();
  return index.areas.find((a) => a.code === r || a.slug === lower) ?? (lower === 'england' ? index.areas.find((a) => a.kind === 'england') : undefined);
}

/** The nearest areas to a misspelt one, as `"slug" (Name, code)`, matching on slugs and on names ("Blackpol", "Kingston upon Hull"). */
export function suggestAreas(index: FigureIndex, ref: string, among: readonly AreaEntry[] = index.areas): string[] {
  const slugs = among.map((a) => a.slug);
  const names = new Map(among.map((a) => [a.slug, a]));
  const bySlug = nearestStrings(slugify(ref), slugs, 3);
  const byName = nearestStrings(
    ref,
    among.map((a) => a.name),
    3,
  ).map((n) => among.find((a) => a.name === n)!.slug);
  return [...new Set([...bySlug, ...byName])].slice(0, 4).map((s) => {
    const a = names.get(s)!;
    return `"${s}" (${a.name}, ${a.code}${a.status === 'former' ? ', former council' : ''})`;
  });
}

export function resolveRef(index: FigureIndex, ref: FigureRef): Resolved {
  if (!index.measures.includes(ref.m)) {
    return { ok: false, field: 'm', problem: `unknown measure "${ref.m}"`, suggestions: nearestStrings(ref.m, index.measures, 4) };
  }
  const area = findArea(index, ref.area);
  if (!area) {
    return {
      ok: false,
      field: 'la',
      problem: `unknown area "${ref.area}": use "england", a region slug, a council slug or an ONS code`,
      suggestions: suggestAreas(index, ref.area),
    };
  }
  if (area.measures && !area.measures.includes(ref.m)) {
    return { ok: false, field: 'm', problem: `${area.name} has no "${ref.m}" series`, suggestions: nearestStrings(ref.m, area.measures, 4) };
  }
  if (!Number.isInteger(ref.year)) {
    return {
      ok: false,
      field: 'year',
      problem: `year must be a whole number such as 2024 (the year ending 31 March), got ${JSON.stringify(ref.year)}`,
      suggestions: [],
    };
  }
  if (!area.years.includes(ref.year)) {
    const span = area.years.length ? `${area.name} has rows for ${describeYears(area.years)}` : `${area.name} has no rows at all`;
    return { ok: false, field: 'year', problem: `no ${ref.year} data for ${area.name} (${span})`, suggestions: nearestYears(area.years, ref.year).map(String) };
  }
  const covered = index.measureYears[ref.m] ?? [];
  if (!covered.includes(ref.year)) {
    return {
      ok: false,
      field: 'year',
      problem: `"${ref.m}" has no ${ref.year} figures for any area (the series covers ${describeYears(covered)})`,
      suggestions: nearestYears(covered, ref.year).map(String),
    };
  }
  return { ok: true, measure: ref.m, code: area.code, year: ref.year, area };
}

/** One-line message for a failed resolution, e.g. for an Error thrown by a component. */
export function describeProblem(r: Extract<Resolved, { ok: false }>): string {
  return `${r.field}: ${r.problem}.${r.suggestions.length ? ` Nearest valid choices: ${r.suggestions.join(', ')}.` : ''}`;
}
