/**
 * A Sätteri mdast plugin (Astro 7's default MDX processor) and the same check
 * as a remark plugin, registered by ./integration.ts, that checks every figure
 * citation in an MDX story WHILE IT COMPILES, so a wrong identifier fails
 * `astro build` / `astro dev` with the story's file and line:
 *
 *   src/content/stories/x.mdx:14:3: <Fig m="cla_rate_per_10k" la="blackpol" year={2024} />
 *     la: unknown area "blackpol": use "england", a region slug, a council slug or an ONS code.
 *     Nearest valid choices: "blackpool" (Blackpool, E06000009), …
 *
 * Checked elements: <Fig m la|area year />, <Fact measure code year />,
 * <KeyFigure measure code year label />. Attribute values written as literals
 * (m="…", year={2024}) are checked here; a value computed by an expression
 * (year={latest}) cannot be known at compile time and is checked when the page
 * renders (the component throws, without a line number). Unknown attributes
 * (a typo such as yaer=) are errors too. All problems in a file are reported
 * together.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFigureIndex } from './load-index.ts';
import { describeProblem, resolveRef, type FigureIndex } from './refs.ts';
import { addEsm, emptyScope, evaluateSource, type Scope } from './expr.ts';
import { checkChart, DYNAMIC, type ChartProps } from './chart-checks.ts';
import { isChartKind } from './chart-spec.ts';
import { checkLink, loadRoutes, type Routes } from './links.ts';

interface Spec {
  measure: string[];
  area: string[];
  year: string[];
  other: string[];
}
/**
 * Attribute names per component: the first name of each list is the documented
 * one; the others are older spellings still accepted. <Fig>, <Fact> and
 * <KeyFigure> are one component (Fact and KeyFigure are aliases of Fig).
 */
const FIG_SPEC: Spec = {
  measure: ['m', 'measure'],
  area: ['la', 'area', 'code'],
  year: ['year'],
  other: ['decimals', 'unit', 'label', 'note', 'class', '__loc'],
};
export const CHECKED: Record<string, Spec> = { Fig: FIG_SPEC, Fact: FIG_SPEC, KeyFigure: FIG_SPEC };

interface JsxAttr {
  type: string;
  name?: string;
  value?: null | string | { type: string; value: string };
}
interface Node {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: JsxAttr[];
  children?: Node[];
  position?: { start: { line: number; column: number; offset?: number }; end?: { line: number; column: number; offset?: number } };
}
interface VFileLike {
  path?: string;
  history?: string[];
  cwd?: string;
}

export class FigureReferenceError extends Error {
  /** The first problem's position: @astrojs/mdx turns it into the error's loc, so the overlay's code frame shows that line. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(
    message: string,
    readonly problems: FigureProblem[],
  ) {
    super(message);
    this.name = 'FigureReferenceError';
    this.line = problems[0]?.line;
    this.column = problems[0]?.column;
  }
}
export interface FigureProblem {
  file: string;
  line: number | undefined;
  column: number | undefined;
  element: string;
  message: string;
}

/** A literal attribute value: a string, or an expression that is a number or quoted string literal. undefined = dynamic. */
export function literalValue(attr: JsxAttr): { literal: true; value: string | number | true } | { literal: false } {
  const v = attr.value;
  if (v === null || v === undefined) return { literal: true, value: true };
  if (typeof v === 'string') return { literal: true, value: v };
  const src = v.value.trim();
  if (/^-?\d+(\.\d+)?$/.test(src)) return { literal: true, value: Number(src) };
  const str = /^(['"`])([^'"`$]*)\1$/.exec(src);
  if (str) return { literal: true, value: str[2]! };
  return { literal: false };
}

function show(name: string, attrs: JsxAttr[]): string {
  const parts = attrs.map((a) => {
    if (a.type !== 'mdxJsxAttribute') return '{…}';
    const v = a.value;
    if (v === null || v === undefined) return a.name;
    return typeof v === 'string' ? `${a.name}="${v}"` : `${a.name}={${v.value}}`;
  });
  return `<${name} ${parts.join(' ')} />`;
}

/** Check one element; returns problem messages (empty when fine or when values are dynamic). */
export function checkElement(index: FigureIndex, name: string, attrs: JsxAttr[]): string[] {
  const spec = CHECKED[name];
  if (!spec) return [];
  const problems: string[] = [];
  const known = [...spec.measure, ...spec.area, ...spec.year, ...spec.other];
  const got = new Map<string, JsxAttr>();
  for (const a of attrs) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue; // {...spread}: checked at render
    if (!known.includes(a.name)) {
      const near = known.filter((k) => k !== '__loc' && (k[0] === a.name![0] || a.name!.includes(k) || k.includes(a.name!)));
      problems.push(
        `unknown attribute "${a.name}". ${name} takes: ${known.filter((k) => k !== '__loc').join(', ')}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}.`,
      );
      continue;
    }
    got.set(a.name, a);
  }
  const pick = (names: string[]) => names.map((n) => got.get(n)).find(Boolean);
  const m = pick(spec.measure);
  const area = pick(spec.area);
  const year = pick(spec.year);
  const absent = [!m && spec.measure[0], !area && spec.area[0], !year && spec.year[0]].filter(Boolean);
  if (name === 'KeyFigure' && !got.has('label')) problems.push(`missing attribute label: a key figure needs a label="…" saying what the number is.`);
  if (absent.length) {
    problems.push(`missing attribute${absent.length > 1 ? 's' : ''} ${absent.join(', ')}. Example: <Fig m="cla_rate_per_10k" la="blackpool" year={2024} />.`);
    return problems;
  }
  const mv = literalValue(m!);
  const av = literalValue(area!);
  const yv = literalValue(year!);
  if (!mv.literal || !av.literal || !yv.literal) return problems; // checked at render time
  if (typeof yv.value === 'string') {
    problems.push(`year must be a number in braces, year={${yv.value}}, not year="${yv.value}".`);
    return problems;
  }
  const r = resolveRef(index, { m: String(mv.value), area: String(av.value), year: Number(yv.value) });
  if (!r.ok) {
    // Name the attribute as the editor wrote it (code= on <Fact>, la= on <Fig>).
    const attrName = { m: m!.name, la: area!.name, year: year!.name }[r.field] ?? r.field;
    problems.push(describeProblem({ ...r, field: attrName as never }));
  }
  return problems;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

const isJsx = (n: Node) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
/** Elements the plugin checks (and, in Astro, tells their own file:line through a __loc prop). */
const isChecked = (n: Node) => isJsx(n) && !!n.name && (!!CHECKED[n.name] || isChartKind(n.name));

/** A chart's props as the checker sees them: literal values, DYNAMIC, and data= evaluated. */
function chartProps(attrs: JsxAttr[], scope: Scope): ChartProps {
  const values = new Map<string, unknown>();
  let data: ChartProps['data'];
  for (const a of attrs) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    const v = a.value;
    if (v === null || v === undefined) values.set(a.name, true);
    else if (typeof v === 'string') values.set(a.name, v);
    else {
      const e = evaluateSource(v.value, scope);
      if (a.name === 'data') data = e;
      values.set(a.name, e.kind === 'value' ? e.value : DYNAMIC);
    }
  }
  if (data) values.delete('data');
  return { values, ...(data ? { data } : {}) };
}

/** The problems in one document: figure citations, charts, internal links. */
export interface CheckContext {
  index: FigureIndex;
  routes?: Routes | undefined;
  file: string;
}

function problemsFor(ctx: CheckContext, nodes: Node[], scope: Scope): FigureProblem[] {
  const out: FigureProblem[] = [];
  const at = (n: Node, element: string, message: string) =>
    out.push({ file: ctx.file, line: n.position?.start.line, column: n.position?.start.column, element, message });
  for (const n of nodes) {
    if (n.type === 'link' || n.type === 'definition') {
      const p = ctx.routes && n.url ? checkLink(ctx.routes, n.url) : null;
      if (p) at(n, n.type === 'link' ? `[…](${n.url})` : `[…]: ${n.url}`, p);
      continue;
    }
    if (!isJsx(n) || !n.name) continue;
    const attrs = n.attributes ?? [];
    if (n.name === 'a') {
      const href = attrs.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href');
      const v = href ? literalValue(href) : null;
      const p = ctx.routes && v?.literal && typeof v.value === 'string' ? checkLink(ctx.routes, v.value) : null;
      if (p) at(n, show('a', attrs), p);
    } else if (CHECKED[n.name]) {
      for (const m of checkElement(ctx.index, n.name, attrs)) at(n, show(n.name, attrs), m);
    } else if (isChartKind(n.name)) {
      for (const m of checkChart(ctx.index, n.name, chartProps(attrs, scope))) at(n, showShort(n.name, attrs), m);
    }
  }
  return out;
}

/** "<LineChart title="…" measure="…" …>": the chart's identifying props only (a chart has many). */
function showShort(name: string, attrs: JsxAttr[]): string {
  const keep = ['title', 'measure', 'data', 'id'];
  const picked = attrs.filter((a) => a.type === 'mdxJsxAttribute' && a.name && keep.includes(a.name));
  return show(name, picked).replace(/ \/>$/, ' … />');
}

/** Collect problems in an MDX tree (exported for tests). */
export function checkTree(tree: Node, index: FigureIndex, file: string, routes?: Routes): FigureProblem[] {
  const scope = emptyScope();
  const nodes: Node[] = [];
  walk(tree, (n) => {
    if (n.type === 'mdxjsEsm' && n.value) addEsm(scope, n.value);
    else nodes.push(n);
  });
  return problemsFor({ index, routes, file }, nodes, scope);
}

export function formatProblems(problems: FigureProblem[]): string {
  const n = problems.length;
  const lines = problems.map((p) => `${p.file}:${p.line ?? '?'}:${p.column ?? '?'}: ${p.element}\n    ${p.message}`);
  return `${n} mistake${n > 1 ? 's' : ''} in this story, found when it compiled (each error and what to do: docs/editors-guide.md, "Errors and what to do"):\n${lines.join('\n')}`;
}

export interface FiguresPluginOptions {
  /** Project root (for relative file names and the data folder). Default: process.cwd(). */
  root?: string;
  /** Injected index (tests). Default: loaded from DATA_OUTPUT_DIR. */
  index?: () => FigureIndex;
  /** The site's routes for internal-link checks. Default: read from src/pages and the data; null turns the link check off. */
  routes?: (() => Routes) | null;
}

function fileName(root: string, abs: string | undefined): string {
  if (!abs) return '(unknown file)';
  return abs.startsWith('/') ? relative(root, abs) : abs;
}

const loc = (file: string, n: Node) => `${file}:${n.position?.start.line ?? '?'}:${n.position?.start.column ?? '?'}`;

function routesGetter(options: FiguresPluginOptions, root: string, getIndex: () => FigureIndex): () => Routes | undefined {
  if (options.routes === null) return () => undefined;
  return options.routes ?? (() => loadRoutes(root, getIndex()));
}

/**
 * The check as a unified/remark plugin (for a `unified()` Markdown processor
 * and for tests that build an MDX tree). Also adds __loc="file:line:col" to
 * each checked element, so errors found when the page renders name the line.
 */
export default function remarkFigures(options: FiguresPluginOptions = {}) {
  const root = options.root ?? process.cwd();
  const getIndex = options.index ?? (() => loadFigureIndex(root));
  const getRoutes = routesGetter(options, root, getIndex);
  return (tree: Node, file: VFileLike) => {
    const name = fileName(root, file.path ?? file.history?.[0]);
    const problems = checkTree(tree, getIndex(), name, getRoutes());
    if (problems.length) throw new FigureReferenceError(formatProblems(problems), problems);
    walk(tree, (n) => {
      if (isChecked(n)) n.attributes = [...(n.attributes ?? []), { type: 'mdxJsxAttribute', name: '__loc', value: loc(name, n) }];
    });
  };
}

/**
 * The same check as a Sätteri mdast plugin: Astro 7's default Markdown/MDX
 * processor. Collects the story's nodes and its `export const` lines, checks
 * everything after the pass (so the editor sees every mistake at once) and
 * throws once. Sätteri cannot set attributes in place, so each checked
 * element is re-spliced from its own source with __loc="file:line:col" added
 * (nested checked elements in the same splice).
 */
export function satteriFiguresPlugin(options: FiguresPluginOptions = {}) {
  const root = options.root ?? process.cwd();
  const getIndex = options.index ?? (() => loadFigureIndex(root));
  const getRoutes = routesGetter(options, root, getIndex);
  let nodes = new Map<string, Node>();
  const keep = (n: Node) => nodes.set(`${n.type}:${n.position?.start.offset ?? nodes.size}`, n);
  let scope = emptyScope();
  let file = '(unknown file)';
  let spliced: Array<[number, number]> = [];
  const splice = (node: Node, ctx: SatteriContext) => {
    const start = node.position?.start.offset;
    const end = node.position?.end?.offset;
    if (start === undefined || end === undefined || spliced.some(([a, b]) => start >= a && start < b)) return;
    const inner: Node[] = [];
    walk(node, (n) => {
      if (isChecked(n) && n.position?.start.offset !== undefined) inner.push(n);
    });
    let text = ctx.source.slice(start, end);
    for (const n of inner.sort((a, b) => b.position!.start.offset! - a.position!.start.offset!)) {
      const at = n.position!.start.offset! - start + 1 + n.name!.length;
      text = `${text.slice(0, at)} __loc="${loc(file, n)}"${text.slice(at)}`;
    }
    spliced.push([start, end]);
    ctx.replaceNode(node, { raw: text });
  };
  const visit = (node: Node, ctx: SatteriContext) => {
    // The element and everything inside it (a splice may stop the visitor descending).
    walk(node, (n) => {
      if (isJsx(n) || n.type === 'link' || n.type === 'definition') keep(n);
    });
    if (isChecked(node)) splice(node, ctx);
  };
  return {
    name: 'editorial-figures',
    options: { position: true },
    before(_root: unknown, ctx: { fileURL: URL | undefined }) {
      nodes = new Map();
      scope = emptyScope();
      spliced = [];
      file = fileName(root, ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined);
    },
    mdxjsEsm: (node: Node) => {
      if (node.value) addEsm(scope, node.value);
    },
    mdxJsxFlowElement: visit,
    mdxJsxTextElement: visit,
    link: (node: Node) => void keep(node),
    definition: (node: Node) => void keep(node),
    after() {
      const found = problemsFor(
        { index: getIndex(), routes: getRoutes(), file },
        [...nodes.values()].sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0)),
        scope,
      );
      nodes = new Map();
      if (found.length) throw new FigureReferenceError(formatProblems(found), found);
    },
  };
}

interface SatteriContext {
  source: string;
  replaceNode(node: unknown, content: { raw: string }): void;
}
