/**
 * The story-figures record (contract/story-figures.ts): every figure each
 * published story cites, with the text the page prints and the value.
 *
 * One source of truth: the values come from the functions the pages render
 * with — the story's figures module (./figures.ts, which the MDX binds as
 * `export const f = inCare(); export const t = f.text;`) for `{t.*}` and
 * `{f.*}`, and cite() (../figures/cite.ts, what <Fig>, <Fact> and <KeyFigure>
 * call) for figure elements and frontmatter claims. Which figures a story
 * cites is read from its MDX source (contract/story-scan.ts), so the record is computed
 * without building the site: the data step writes it after the claims step
 * (scripts/data/report-stories.ts), and the editors' report compares it with
 * the published one.
 *
 * Deterministic: stories by slug, figures in the order of their first use,
 * no clock.
 */
import type { StoryFigure, StoryFiguresFile, StoryRecord } from '../../../contract/story-figures.ts';
import { cite as citeFigure } from '../figures/cite.ts';
import type { FigureFormat } from '../figures/format.ts';
import * as storyFigures from './figures.ts';
import {
  contextBefore,
  figureBindings,
  lastWords,
  frontmatter,
  frontmatterFigures,
  pickAttr,
  scanElements,
  scanTextRefs,
  type Attr,
} from '../../../contract/story-scan.ts';

export const RECORD_NOTE =
  'Every figure each published story cites, as its page prints it (text) and the value behind it. Compared with the previous record when the data are updated.';

export interface StorySource {
  slug: string;
  text: string;
}

/** What a cited figure resolves to (the part of cite()'s answer the record keeps). */
export interface CitedValue {
  measure: string;
  code: string;
  year: number;
  value: number | null;
  text: string | null;
  label: string;
}

export interface RecordDeps {
  /** Figures functions by name (default: src/lib/stories/figures.ts). */
  modules: Readonly<Record<string, unknown>>;
  cite: (ref: { m: string; area: string; year: number }, fmt: FigureFormat, element: string) => CitedValue;
}

const DEFAULT_DEPS: RecordDeps = { modules: storyFigures, cite: citeFigure };

export class StoryRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoryRecordError';
  }
}

type Scalar = string | number | boolean | null;
const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** How MDX prints a value in a {…} expression: strings and numbers as text; true, false and null print nothing. */
export function printed(v: Scalar): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

/** The record of one story (null for a draft, which is not published). */
export function storyRecord(story: StorySource, deps: RecordDeps = DEFAULT_DEPS): StoryRecord | null {
  const fm = frontmatter(story.text);
  if (fm.draft) return null;
  const file = `src/content/stories/${story.slug}.mdx`;
  const bindings = figureBindings(story.text);
  // Only bindings of a figures function are figure modules (`export const annotations = fundingAnnotations();` is chart data).
  for (const [name, b] of bindings.modules) if (typeof deps.modules[b.fn] !== 'function') bindings.modules.delete(name);
  for (const [name, m] of bindings.texts) {
    if (!bindings.modules.has(m)) {
      const b = figureBindings(story.text).modules.get(m)!;
      throw new StoryRecordError(
        `${file}:${b.line}: ${m} = ${b.fn}() is not a function of src/lib/stories/figures.ts, so the figures in ${name}.… cannot be recorded.`,
      );
    }
  }
  const results = new Map<string, unknown>();
  const moduleResult = (name: string): unknown => {
    if (!results.has(name)) results.set(name, (deps.modules[bindings.modules.get(name)!.fn] as () => unknown)());
    return results.get(name);
  };
  const at = (module: string, path: readonly string[]): unknown =>
    path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), moduleResult(module));

  const figures: StoryFigure[] = [];
  const unrecorded: StoryRecord['unrecorded'] = [];
  const refs = scanTextRefs(story.text, bindings);
  const printedByExpr = new Map<string, string>();
  for (const r of refs) {
    const v = at(r.module, r.path);
    if (typeof v === 'function') continue; // a helper (`t.la(code)`), not a figure
    if (v === undefined)
      throw new StoryRecordError(
        `${file}:${r.line}: ${r.key} is not a figure of ${bindings.modules.get(r.module)!.fn}() (it is undefined, so the page prints nothing).`,
      );
    if (!isScalar(v)) {
      unrecorded.push({ line: r.line, what: `${r.key} is an object or list, not one figure` });
      continue;
    }
    const text = printed(v);
    if (text !== null) printedByExpr.set(r.key, text);
    figures.push({ key: r.key, kind: 'text', line: r.line, text, value: v, context: contextBefore(story.text, r.index) });
  }
  // The words before a figure name the other figures by their printed text.
  const fill = (s: string) =>
    s.replace(/\{([^{}]*)\}/g, (_, e: string) => {
      const k = e.trim().replace(/^(\w+)\.text\./, (_m, mod: string) => `${[...bindings.texts].find(([, m]) => m === mod)?.[0] ?? `${mod}.text`}.`);
      return printedByExpr.get(k) ?? '…';
    });
  for (const f of figures) f.context = lastWords(fill(f.context));

  // An attribute's value: a literal, or an expression that is a figures binding's path (year={f.year}).
  const attrValue = (a: Attr | undefined): Scalar | undefined => {
    if (!a) return undefined;
    if ('literal' in a) return a.literal;
    const m = /^(\w+)((?:\.\w+)+)$/.exec(a.expr);
    const name = m && (bindings.texts.has(m[1]!) ? bindings.texts.get(m[1]!)! : bindings.modules.has(m[1]!) ? m[1]! : null);
    if (!m || !name) return undefined;
    const v = at(name, [...(bindings.texts.has(m[1]!) ? ['text'] : []), ...m[2]!.slice(1).split('.')]);
    return isScalar(v) ? v : undefined;
  };
  const written = (a: Attr | undefined) => (a === undefined ? '?' : 'literal' in a ? a.literal : a.expr);
  const seen = new Set<string>();
  for (const el of scanElements(story.text)) {
    const [mA, areaA, yearA] = [pickAttr(el.attrs, 'm', 'measure'), pickAttr(el.attrs, 'la', 'area', 'code'), el.attrs.get('year')];
    const key = `${el.element} ${written(mA)} ${written(areaA)} ${written(yearA)}`;
    const [m, area, year] = [attrValue(mA), attrValue(areaA), attrValue(yearA)];
    if (typeof m !== 'string' || typeof area !== 'string' || year === undefined || year === null || !/^\d{4}$/.test(String(year))) {
      unrecorded.push({ line: el.line, what: `<${key.replace(/ /, ' … ')}>: an attribute is an expression worked out only when the page is built` });
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const decimals = attrValue(el.attrs.get('decimals'));
    const unit = el.attrs.get('unit');
    const label = el.attrs.get('label');
    const fmt: FigureFormat = {
      ...(decimals !== undefined && decimals !== null ? { decimals: Number(decimals) } : {}),
      withUnit: unit && 'expr' in unit ? unit.expr !== 'false' : label === undefined,
    };
    const c = deps.cite({ m, area, year: Number(year) }, fmt, el.element);
    figures.push({ key, kind: 'figure', line: el.line, text: c.text, value: c.value, context: c.label, measure: c.measure, code: c.code, year: c.year });
  }
  for (const c of frontmatterFigures(story.text)) {
    const f = deps.cite({ m: c.measure, area: c.code, year: c.year }, {}, 'claims');
    figures.push({
      key: `claims[${c.index}]`,
      kind: 'claim',
      line: c.line,
      text: f.text,
      value: f.value,
      context: c.text || f.label,
      measure: f.measure,
      code: f.code,
      year: f.year,
    });
  }
  figures.sort((a, b) => a.line - b.line);
  return { slug: story.slug, title: fm.title ?? story.slug, figures, unrecorded: unrecorded.sort((a, b) => a.line - b.line) };
}

/** The record of every published story. */
export function storyFiguresRecord(stories: readonly StorySource[], dataVersion: string, deps: RecordDeps = DEFAULT_DEPS): StoryFiguresFile {
  const records = [...stories]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((s) => storyRecord(s, deps))
    .filter((r): r is StoryRecord => r !== null);
  return { note: RECORD_NOTE, data_version: dataVersion, stories: records };
}
