/**
 * Compile-time evaluation of the JavaScript an editor writes in MDX attribute
 * values and `export const` lines: literals (strings, numbers, arrays,
 * objects), and calls to the chart data helpers of ./series.ts with literal
 * arguments. Anything else is "dynamic": it is checked when the page renders.
 */
import { parse, parseExpression } from '@babel/parser';

export const HELPER_NAMES = ['series', 'councils', 'councilPairs', 'spendByService', 'ofstedCounts'] as const;
export type HelperName = (typeof HELPER_NAMES)[number];

export type Evaluated = { kind: 'value'; value: unknown } | { kind: 'helper'; name: HelperName; args: Evaluated[]; filtered: boolean } | { kind: 'dynamic' };

const DYNAMIC: Evaluated = { kind: 'dynamic' };

/** `export const name = <expr>` bindings of a story (and which local names are the helpers). */
export interface Scope {
  bindings: Map<string, unknown>;
  helpers: Map<string, HelperName>;
}

export function emptyScope(): Scope {
  return { bindings: new Map(), helpers: new Map() };
}

/** Add an MDX ESM block (imports and exports) to the scope; a parse error is ignored (MDX reports it). */
export function addEsm(scope: Scope, source: string): void {
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(source, { sourceType: 'module', plugins: ['typescript'] });
  } catch {
    return;
  }
  for (const st of ast.program.body as Array<Record<string, any>>) {
    if (st.type === 'ImportDeclaration' && /figures\/series(\.ts)?$/.test(String(st.source.value))) {
      for (const sp of st.specifiers) {
        const imported = sp.imported?.name ?? sp.imported?.value;
        if (sp.type === 'ImportSpecifier' && (HELPER_NAMES as readonly string[]).includes(imported)) scope.helpers.set(sp.local.name, imported);
      }
    }
    const decl = st.type === 'ExportNamedDeclaration' ? st.declaration : st.type === 'VariableDeclaration' ? st : null;
    if (decl?.type === 'VariableDeclaration') {
      for (const d of decl.declarations) if (d.id?.type === 'Identifier' && d.init) scope.bindings.set(d.id.name, d.init);
    }
  }
}

export function evaluateSource(source: string, scope: Scope): Evaluated {
  try {
    return evaluate(parseExpression(source, { plugins: ['typescript'] }), scope, 0);
  } catch {
    return DYNAMIC;
  }
}

function evaluate(node: Record<string, any> | null | undefined, scope: Scope, depth: number): Evaluated {
  if (!node || depth > 20) return DYNAMIC;
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return { kind: 'value', value: node.value };
    case 'NullLiteral':
      return { kind: 'value', value: null };
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? { kind: 'value', value: node.quasis.map((q: any) => q.value.cooked).join('') } : DYNAMIC;
    case 'UnaryExpression': {
      const v = evaluate(node.argument, scope, depth + 1);
      return node.operator === '-' && v.kind === 'value' && typeof v.value === 'number' ? { kind: 'value', value: -v.value } : DYNAMIC;
    }
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'ParenthesizedExpression':
      return evaluate(node.expression, scope, depth + 1);
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const el of node.elements) {
        const v = evaluate(el, scope, depth + 1);
        if (v.kind !== 'value') return DYNAMIC;
        out.push(v.value);
      }
      return { kind: 'value', value: out };
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (p.type !== 'ObjectProperty' || p.computed) return DYNAMIC;
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.value;
        const v = evaluate(p.value, scope, depth + 1);
        if (v.kind !== 'value') return DYNAMIC;
        out[String(key)] = v.value;
      }
      return { kind: 'value', value: out };
    }
    case 'Identifier':
      return scope.bindings.has(node.name) ? evaluate(scope.bindings.get(node.name) as Record<string, any>, scope, depth + 1) : DYNAMIC;
    case 'CallExpression': {
      const callee = node.callee;
      if (callee.type === 'Identifier' && scope.helpers.has(callee.name)) {
        return { kind: 'helper', name: scope.helpers.get(callee.name)!, args: node.arguments.map((a: any) => evaluate(a, scope, depth + 1)), filtered: false };
      }
      // rows.filter(…), .slice(…), .sort(…): the same fields, fewer or reordered rows.
      if (callee.type === 'MemberExpression' && !callee.computed && ['filter', 'slice', 'sort', 'toSorted', 'reverse'].includes(callee.property.name)) {
        const inner = evaluate(callee.object, scope, depth + 1);
        if (inner.kind === 'helper') return { ...inner, filtered: true };
      }
      return DYNAMIC;
    }
    default:
      return DYNAMIC;
  }
}
