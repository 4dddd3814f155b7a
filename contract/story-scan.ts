/**
 * Reading a story's MDX source for the figures it cites, without building it:
 * the figure elements (<Fig>, <Fact>, <KeyFigure>) with their attributes, the
 * story text figures (`{t.name}`, `{f.name}` from the story's figures module,
 * src/lib/stories/figures.ts) and the frontmatter. Pure (no fs, no data). In
 * contract/ because both sides read stories with it: the story-figures record
 * (src/lib/stories/record.ts) and the pipeline's fallback comparison
 * (scripts/data/publish/story-figures.ts).
 */

/** One attribute as written: a quoted literal, or the text of a {…} expression (a bare integer counts as a literal). */
export type Attr = { literal: string } | { expr: string };

export interface ScannedElement {
  /** 1-based line of the element's start in the file. */
  line: number;
  element: 'Fig' | 'Fact' | 'KeyFigure';
  attrs: Map<string, Attr>;
}

const ELEMENT = /<(Fig|Fact|KeyFigure)\b((?:[^>{}]|\{[^{}]*\})*?)\/?>/g;
const ATTR = /([A-Za-z_]+)=(?:"([^"]*)"|'([^']*)'|\{([^{}]*)\})/g;

export const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Every figure element in an MDX text, in order, with its attributes. */
export function scanElements(text: string): ScannedElement[] {
  const out: ScannedElement[] = [];
  for (const m of text.matchAll(ELEMENT)) {
    const attrs = new Map<string, Attr>();
    for (const a of m[2]!.matchAll(ATTR)) {
      const str = a[2] ?? a[3];
      attrs.set(a[1]!, str !== undefined ? { literal: str } : /^\s*-?\d+\s*$/.test(a[4]!) ? { literal: a[4]!.trim() } : { expr: a[4]!.trim() });
    }
    out.push({ line: lineAt(text, m.index), element: m[1] as ScannedElement['element'], attrs });
  }
  return out;
}

/** The first of these attributes that is present (m or measure; la, code or area). */
export function pickAttr(attrs: ReadonlyMap<string, Attr>, ...names: string[]): Attr | undefined {
  return names.map((n) => attrs.get(n)).find((v) => v !== undefined);
}

export interface Frontmatter {
  /** The frontmatter's text (between the --- lines), '' when there is none. */
  text: string;
  title: string | null;
  draft: boolean;
}

export function frontmatter(text: string): Frontmatter {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return { text: front, title: /^title:\s*"(.*)"/m.exec(front)?.[1] ?? null, draft: /^draft:\s*true\b/m.test(front) };
}

/** A figure stated in the frontmatter `claims:` list (text, measure, code, year, value), with the line of its item. */
export interface FrontmatterFigure {
  line: number;
  /** Index in the claims list. */
  index: number;
  text: string;
  measure: string;
  code: string;
  year: number;
}

/** The figures a story's frontmatter `claims:` list states (checked against the data when the site is built). */
export function frontmatterFigures(text: string): FrontmatterFigure[] {
  const lines = text.split('\n');
  if (lines[0] !== '---') return [];
  const end = lines.indexOf('---', 1);
  const out: FrontmatterFigure[] = [];
  let inClaims = false;
  let index = -1;
  let item: { line: number; index: number; fields: Map<string, string> } | null = null;
  const flush = () => {
    const f = item?.fields;
    if (item && f?.get('measure') && f.get('code') && /^\d{4}$/.test(f.get('year') ?? '')) {
      out.push({
        line: item.line,
        index: item.index,
        text: f.get('text') ?? '',
        measure: f.get('measure')!,
        code: f.get('code')!,
        year: Number(f.get('year')),
      });
    }
    item = null;
  };
  for (let i = 1; i < (end < 0 ? lines.length : end); i++) {
    const l = lines[i]!;
    if (/^\S/.test(l)) {
      flush();
      inClaims = /^claims:\s*$/.test(l);
      continue;
    }
    if (!inClaims) continue;
    const m = /^\s*(-\s+)?([a-z_]+):\s*(.*?)\s*$/.exec(l);
    if (!m) continue;
    if (m[1]) {
      flush();
      item = { line: i + 1, index: ++index, fields: new Map() };
    }
    item?.fields.set(m[2]!, m[3]!.replace(/^["']|["']$/g, ''));
  }
  flush();
  return out;
}

/**
 * How a story names its figures module: `export const f = inCare();` binds the
 * module's result to `f`, and `export const t = f.text;` its text to `t`.
 */
export interface FigureBindings {
  /** Binding name → figures function name, with the line of the export. */
  modules: Map<string, { fn: string; line: number }>;
  /** Binding name → the module binding whose `.text` it is. */
  texts: Map<string, string>;
}

export function figureBindings(text: string): FigureBindings {
  const modules = new Map<string, { fn: string; line: number }>();
  const texts = new Map<string, string>();
  for (const m of text.matchAll(/^export const (\w+) = (\w+)\(\);?\s*$/gm)) modules.set(m[1]!, { fn: m[2]!, line: lineAt(text, m.index) });
  for (const m of text.matchAll(/^export const (\w+) = (\w+)\.text;?\s*$/gm)) if (modules.has(m[2]!)) texts.set(m[1]!, m[2]!);
  return { modules, texts };
}

/** A use of a story text figure: `t.latest`, `f.text.latest` (both key "t.latest" when t = f.text) or `f.year`. */
export interface TextRef {
  line: number;
  /** The module binding (f) the value comes from. */
  module: string;
  /** The path under the module's result: ['text', 'latest'] or ['year']. */
  path: string[];
  /** As the record names it: "t.latest", "f.year". */
  key: string;
  /** Offset of the first use in the text. */
  index: number;
}

/**
 * Every use of a figures binding in the text (frontmatter standfirst, prose,
 * attribute expressions), first use of each key first. The export lines that
 * create the bindings are not uses.
 */
export function scanTextRefs(text: string, b: FigureBindings): TextRef[] {
  const names = [...b.modules.keys(), ...b.texts.keys()];
  if (!names.length) return [];
  const textName = (module: string) => [...b.texts].find(([, m]) => m === module)?.[0];
  const re = new RegExp(`(?<![\\w.$])(${names.join('|')})((?:\\.[A-Za-z_$][\\w$]*)+)`, 'g');
  const out = new Map<string, TextRef>();
  for (const m of text.matchAll(re)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    if (/^export const \w+ = \w+(\(\)|\.text);?\s*$/.test(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))) continue;
    const name = m[1]!;
    const module = b.texts.get(name) ?? name;
    const path = [...(b.texts.has(name) ? ['text'] : []), ...m[2]!.slice(1).split('.')];
    if (path.length === 1 && path[0] === 'text') continue; // `f.text` as a whole (the t binding's own export, or passed on)
    const t = path[0] === 'text' ? textName(module) : undefined;
    const key = t ? `${t}.${path.slice(1).join('.')}` : `${module}.${path.join('.')}`;
    if (!out.has(key)) out.set(key, { line: lineAt(text, m.index), module, path, key, index: m.index });
  }
  return [...out.values()];
}

/**
 * The words before `index` in its sentence, as written (expressions left in
 * braces for the caller to fill in): markup and tags removed, at most `words`
 * words. "At 31 March {t.latestYear}, <Fact …/> children were" → "At 31 March
 * {t.latestYear}, … children were".
 */
export function contextBefore(text: string, index: number, words = 12): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const chunk = text.slice(lineStart, index);
  // The sentence starts after the last full stop, colon or semicolon followed by a space outside braces and
  // tags; the words end where the brace or tag that holds the figure opens.
  let depth = 0;
  let open = -1;
  let cut = 0;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (c === '{' || c === '<') {
      if (depth++ === 0) open = i;
    } else if ((c === '}' || c === '>') && depth > 0) depth--;
    else if (depth === 0 && /[.:;]/.test(c) && chunk[i + 1] === ' ') cut = i + 2;
  }
  if (/^(export|import)\s/.test(chunk)) return ''; // code, not prose
  const plain = chunk
    .slice(cut, depth > 0 ? open : undefined)
    .replace(/\s*\w+=\s*$/, '') // an attribute name (the figure is in a chart's title or notes)
    .replace(/^\s*[a-z]+:\s*"/, '') // a frontmatter value (standfirst)
    .replace(/<(?:[^>{}]|\{[^{}]*\})*\/?>/g, '…') // figure elements and other tags
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return lastWords(plain, words);
}

/** At most `n` words from the end, with "…" in front when some were left off. */
export function lastWords(s: string, n = 12): string {
  const ws = s.split(' ').filter(Boolean);
  return (ws.length > n ? ['…', ...ws.slice(-n)] : ws).join(' ');
}
