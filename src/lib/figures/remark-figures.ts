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

interface Spec {
  measure: string[];
  area: string[];
  year: string[];
  other: string[];
}
/** Attribute names per component: the first name of each list is the documented one. */
export const CHECKED: Record<string, Spec> = {
  Fig: { measure: ['m'], area: ['la', 'area'], year: ['year'], other: ['decimals', 'unit', 'class'] },
  Fact: { measure: ['measure'], area: ['code'], year: ['year'], other: [] },
  KeyFigure: { measure: ['measure'], area: ['code'], year: ['year'], other: ['label', 'note', 'unit'] },
};

interface JsxAttr {
  type: string;
  name?: string;
  value?: null | string | { type: string; value: string };
}
interface Node {
  type: string;
  name?: string | null;
  attributes?: JsxAttr[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
}
interface VFileLike {
  path?: string;
  history?: string[];
  cwd?: string;
}

export class FigureReferenceError extends Error {
  constructor(
    message: string,
    readonly problems: FigureProblem[],
  ) {
    super(message);
    this.name = 'FigureReferenceError';
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
      const near = known.filter((k) => k[0] === a.name![0] || a.name!.includes(k) || k.includes(a.name!));
      problems.push(`unknown attribute "${a.name}". ${name} takes: ${known.join(', ')}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}.`);
      continue;
    }
    got.set(a.name, a);
  }
  const pick = (names: string[]) => names.map((n) => got.get(n)).find(Boolean);
  const m = pick(spec.measure);
  const area = pick(spec.area);
  const year = pick(spec.year);
  const absent = [
    !m && spec.measure[0],
    !area && spec.area[0],
    !year && spec.year[0],
  ].filter(Boolean);
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

/** Collect problems in an MDX tree (exported for tests). */
export function checkTree(tree: Node, index: FigureIndex, file: string): FigureProblem[] {
  const out: FigureProblem[] = [];
  walk(tree, (n) => {
    if ((n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement') || !n.name || !CHECKED[n.name]) return;
    const attrs = n.attributes ?? [];
    for (const message of checkElement(index, n.name, attrs)) {
      out.push({ file, line: n.position?.start.line, column: n.position?.start.column, element: show(n.name, attrs), message });
    }
  });
  return out;
}

export function formatProblems(problems: FigureProblem[]): string {
  const n = problems.length;
  const lines = problems.map((p) => `${p.file}:${p.line ?? '?'}:${p.column ?? '?'}: ${p.element}\n    ${p.message}`);
  return `${n} figure citation${n > 1 ? 's' : ''} cannot be resolved against the data (see docs/editors-guide.md, "Citing a figure"):\n${lines.join('\n')}`;
}

export interface FiguresPluginOptions {
  /** Project root (for relative file names and the data folder). Default: process.cwd(). */
  root?: string;
  /** Injected index (tests). Default: loaded from DATA_OUTPUT_DIR. */
  index?: () => FigureIndex;
}

function fileName(root: string, abs: string | undefined): string {
  if (!abs) return '(unknown file)';
  return abs.startsWith('/') ? relative(root, abs) : abs;
}

/**
 * The check as a unified/remark plugin (for a `unified()` Markdown processor
 * and for tests that build an MDX tree).
 */
export default function remarkFigures(options: FiguresPluginOptions = {}) {
  const root = options.root ?? process.cwd();
  const getIndex = options.index ?? (() => loadFigureIndex(root));
  return (tree: Node, file: VFileLike) => {
    let has = false;
    walk(tree, (n) => {
      if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name && CHECKED[n.name]) has = true;
    });
    if (!has) return;
    const problems = checkTree(tree, getIndex(), fileName(root, file.path ?? file.history?.[0]));
    if (problems.length) throw new FigureReferenceError(formatProblems(problems), problems);
  };
}

/**
 * The same check as a Sätteri mdast plugin: Astro 7's default Markdown/MDX
 * processor. Visits each JSX element, collects problems, throws once per file
 * after the pass (so the editor sees every bad citation at once).
 */
export function satteriFiguresPlugin(options: FiguresPluginOptions = {}) {
  const root = options.root ?? process.cwd();
  const getIndex = options.index ?? (() => loadFigureIndex(root));
  let problems: FigureProblem[] = [];
  let file = '(unknown file)';
  const visit = (node: Node) => {
    if (!node.name || !CHECKED[node.name]) return;
    const attrs = node.attributes ?? [];
    for (const message of checkElement(getIndex(), node.name, attrs)) {
      problems.push({ file, line: node.position?.start.line, column: node.position?.start.column, element: show(node.name, attrs), message });
    }
  };
  return {
    name: 'editorial-figures',
    options: { position: true },
    before(_root: unknown, ctx: { fileURL: URL | undefined }) {
      problems = [];
      file = fileName(root, ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined);
    },
    mdxJsxFlowElement: (node: Node) => visit(node),
    mdxJsxTextElement: (node: Node) => visit(node),
    after() {
      const found = problems;
      problems = [];
      if (found.length) throw new FigureReferenceError(formatProblems(found), found);
    },
  };
}
