/**
 * The editors' report: stories whose cited figures changed or disappeared.
 *
 * Each published story (src/content/stories/*.mdx, drafts excluded) is scanned
 * for its figure citations, <Fig m=… la=… year=…/>, <Fact measure=… code=…
 * year=…/> and <KeyFigure …/>, and the figures its frontmatter `claims:` states. Each citation is looked up in the previous
 * outputs and in the new ones (la-panel.json, england.json, regions.json,
 * las.json), and the report lists, per story, the figures whose value changed
 * (old → new) and those that no longer exist.
 *
 * A year written as an expression (year={f.year}) is worked out when the page
 * is built, and the stories use it for "the latest year": such a citation is
 * compared as the latest year with a value for that measure and area, so a
 * new year shows as "2025: 81,770 → 2026: 83,000". A measure or area written as
 * an expression cannot be known without building the page; those citations are
 * counted as not checked. Chart data are not compared here (the table of
 * changed council figures above covers them).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { slugify } from '../../../contract/codes.ts';
import { frontmatterFigures as claimFigures, pickAttr, scanElements } from '../../../contract/story-scan.ts';

export interface CitedRef {
  line: number;
  element: string;
  measure: string;
  area: string;
  /** A literal year, or 'latest' when the year is an expression worked out at build time. */
  year: number | 'latest';
}

export interface Scanned {
  refs: CitedRef[];
  /** Citations whose measure or area is an expression (cannot be compared without building). */
  unchecked: number;
}

/** The figure citations in one MDX text, with their line numbers. */
export function scanCitations(text: string): Scanned {
  const refs: CitedRef[] = [];
  let unchecked = 0;
  for (const el of scanElements(text)) {
    const measure = pickAttr(el.attrs, 'm', 'measure');
    const area = pickAttr(el.attrs, 'la', 'code', 'area');
    const year = el.attrs.get('year');
    if (!measure || !area || !year || !('literal' in measure) || !('literal' in area)) {
      unchecked++;
      continue;
    }
    const y = 'literal' in year && /^\d{4}$/.test(year.literal) ? Number(year.literal) : 'expr' in year ? 'latest' : null;
    if (y === null) {
      unchecked++;
      continue;
    }
    refs.push({ line: el.line, element: el.element, measure: measure.literal, area: area.literal, year: y });
  }
  return { refs, unchecked };
}

/**
 * The figures a story's frontmatter `claims:` list states (text, measure, code,
 * year, value; checked against the data when the site is built), as citations
 * of element "claims" with the line of the item.
 */
export function frontmatterFigures(text: string): CitedRef[] {
  return claimFigures(text).map((c) => ({ line: c.line, element: 'claims', measure: c.measure, area: c.code, year: c.year }));
}

type Values = Record<string, number | string | null | undefined>;
interface SeriesRow {
  code: string;
  name: string;
  year: number;
  values: Values;
}

/** The outputs a citation is looked up in (parsed JSON files). */
export interface FigureOutputs {
  panel: { rows: Array<Record<string, unknown> & { la_code: string; la_name: string; year: number }> };
  england: { series: SeriesRow[] };
  regions: { series: SeriesRow[] };
  las: { las: Array<{ code: string; name: string; slug: string }> };
}

export interface AreaFigures {
  code: string;
  name: string;
  /** year → value of the measure (null: the row exists but the value is missing); absent year: no such row. */
  byYear: Map<number, number | string | null>;
}

/** Index the outputs by area: code and slug → the area's rows. */
export class FigureLookup {
  private areas = new Map<string, { code: string; name: string; rows: Array<{ year: number; values: Values }> }>();

  constructor(o: FigureOutputs) {
    const add = (key: string, code: string, name: string, year: number, values: Values) => {
      let a = this.areas.get(key);
      if (!a) this.areas.set(key, (a = { code, name, rows: [] }));
      a.rows.push({ year, values });
    };
    for (const r of o.england.series) for (const k of new Set([r.code, 'england'])) add(k, r.code, r.name, r.year, r.values);
    for (const r of o.regions.series) for (const k of new Set([r.code, slugify(r.name)])) add(k, r.code, r.name, r.year, r.values);
    const slugs = new Map<string, string[]>();
    for (const la of o.las.las) slugs.set(la.code, [...(slugs.get(la.code) ?? []), la.slug]);
    for (const r of o.panel.rows) {
      for (const k of new Set([r.la_code, ...(slugs.get(r.la_code) ?? [])])) add(k, r.la_code, r.la_name, r.year, r as Values);
    }
  }

  /** The measure's values for an area (by code, slug or "england"), or undefined when the area does not exist. */
  area(area: string, measure: string): AreaFigures | undefined {
    const a = this.areas.get(area) ?? this.areas.get(area.toLowerCase());
    if (!a) return undefined;
    const byYear = new Map<number, number | string | null>();
    for (const r of a.rows) if (r.values[measure] !== undefined) byYear.set(r.year, r.values[measure] ?? null);
    return { code: a.code, name: a.name, byYear };
  }
}

export type Figure = { year: number; value: number | string | null };

/** The cited figure, or null when it does not exist (no area, no row for the year, no such measure). */
export function lookUp(lookup: FigureLookup, ref: CitedRef): { areaName: string; figure: Figure | null } | null {
  const a = lookup.area(ref.area, ref.measure);
  if (!a) return null;
  if (ref.year === 'latest') {
    const years = [...a.byYear].filter(([, v]) => v !== null).map(([y]) => y);
    if (!years.length) return { areaName: a.name, figure: null };
    const y = Math.max(...years);
    return { areaName: a.name, figure: { year: y, value: a.byYear.get(y)! } };
  }
  return { areaName: a.name, figure: a.byYear.has(ref.year) ? { year: ref.year, value: a.byYear.get(ref.year)! } : null };
}

export interface StoryFigureChange {
  line: number;
  element: string;
  measure: string;
  area: string;
  areaName: string;
  year: number | 'latest';
  old: Figure;
  /** null: the figure no longer exists in the new outputs. */
  new: Figure | null;
}

export interface StoryFigures {
  slug: string;
  title: string;
  changed: StoryFigureChange[];
  gone: StoryFigureChange[];
}

export interface StoryFiguresReport {
  /** False when there were no previous outputs to compare with. */
  compared: boolean;
  storiesScanned: number;
  citations: number;
  unchecked: number;
  /** Only the stories with a changed or vanished figure. */
  stories: StoryFigures[];
}

export interface StoryText {
  slug: string;
  text: string;
}

/** Compare every story's citations between the previous and the new outputs. */
export function storyFigureChanges(stories: readonly StoryText[], previous: FigureLookup | null, next: FigureLookup): StoryFiguresReport {
  const out: StoryFiguresReport = { compared: previous !== null, storiesScanned: 0, citations: 0, unchecked: 0, stories: [] };
  if (!previous) return out; // nothing to compare with (a first run): the report does not depend on the stories
  for (const s of stories) {
    const front = /^---\n([\s\S]*?)\n---/.exec(s.text)?.[1] ?? '';
    if (/^draft:\s*true\b/m.test(front)) continue; // drafts are not published
    out.storiesScanned++;
    const title = /^title:\s*"(.*)"/m.exec(front)?.[1] ?? s.slug;
    const scanned = scanCitations(s.text);
    const refs = [...frontmatterFigures(s.text), ...scanned.refs];
    const unchecked = scanned.unchecked;
    out.citations += refs.length;
    out.unchecked += unchecked;
    const story: StoryFigures = { slug: s.slug, title, changed: [], gone: [] };
    const seen = new Set<string>();
    for (const ref of refs) {
      const key = `${ref.measure}|${ref.area}|${ref.year}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const before = lookUp(previous, ref);
      if (!before?.figure) continue; // not in the previous outputs either: nothing a reader saw has changed
      const after = lookUp(next, ref);
      const base = {
        line: ref.line,
        element: ref.element,
        measure: ref.measure,
        area: ref.area,
        areaName: before.areaName,
        year: ref.year,
        old: before.figure,
      };
      if (!after?.figure) story.gone.push({ ...base, new: null });
      else if (after.figure.year !== before.figure.year || after.figure.value !== before.figure.value) story.changed.push({ ...base, new: after.figure });
    }
    if (story.changed.length || story.gone.length) out.stories.push(story);
  }
  return out;
}

/** Read the published stories from a folder (none when it does not exist). */
export async function readStories(dir: string): Promise<StoryText[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (n) => ({ slug: n.replace(/\.mdx$/, ''), text: await readFile(join(dir, n), 'utf8') })));
}

const show = (v: number | string | null) => (v === null ? 'missing' : typeof v === 'number' ? v.toLocaleString('en-GB') : v);
const showFigure = (f: Figure, ref: { year: number | 'latest' }) => (ref.year === 'latest' ? `${f.year}: ${show(f.value)}` : show(f.value));

/** The report's Markdown section. */
export function storyFiguresMarkdown(r: StoryFiguresReport): string[] {
  const lines = ['## Stories whose cited figures changed', ''];
  if (!r.compared) {
    lines.push('No previous outputs to compare with.');
    return lines;
  }
  const notChecked = r.unchecked ? ` ${r.unchecked} citation(s) name their measure or area by an expression and were not checked.` : '';
  if (!r.stories.length) {
    lines.push(`No figure cited in a published story changed (${r.citations} citations in ${r.storiesScanned} stories).${notChecked}`);
    return lines;
  }
  lines.push(
    `${r.stories.length} of ${r.storiesScanned} published stories cite a figure that changed or no longer exists. Read the sentence around each one: the text may need editing. "latest" means the story shows the most recent year, so a new year moves it.${notChecked}`,
  );
  for (const s of r.stories) {
    lines.push('', `### ${s.title} (\`${s.slug}\`)`, '');
    if (s.changed.length) {
      lines.push('| line | figure | area | year | old | new |', '|---:|---|---|---|---:|---:|');
      for (const c of s.changed) lines.push(`| ${c.line} | ${c.measure} | ${c.areaName} | ${c.year} | ${showFigure(c.old, c)} | ${showFigure(c.new!, c)} |`);
    }
    if (s.gone.length) {
      if (s.changed.length) lines.push('');
      lines.push('No longer in the data (the page will not build until the citation is changed):', '');
      for (const c of s.gone)
        lines.push(
          `- line ${c.line}: ${c.measure}, ${c.areaName}, ${c.year === 'latest' ? `latest year (was ${c.old.year})` : c.year} — was ${show(c.old.value)}`,
        );
    }
  }
  return lines;
}
