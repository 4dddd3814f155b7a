/**
 * Resolve and format one cited figure at RENDER time (used by <Fig>, <Fact>,
 * <KeyFigure>). The reference is resolved with refs.ts against an index built
 * from src/lib/data.ts (the same validated files the pages use), then the value
 * is looked up with figure(). An unknown reference throws a
 * FigureCitationError naming the element and the nearest valid choices (the
 * MDX compile-time check, remark-figures.ts, normally catches it first WITH a
 * line number; this is the backstop for values computed in expressions).
 */
import { PANEL_NUMERIC_COLUMNS, type PanelNumericColumn } from '../../../contract/outputs.ts';
import { figure, getEngland, getLas, getPanel, getRegions } from '../data.ts';
import { buildIndex, describeProblem, resolveRef, type FigureIndex } from './refs.ts';
import { describeYear, formatFigure, type FigureFormat } from './format.ts';

export class FigureCitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FigureCitationError';
  }
}

let index: { panel: unknown; index: FigureIndex } | null = null;
export function currentIndex(): FigureIndex {
  const panel = getPanel();
  if (index?.panel !== panel) {
    index = {
      panel,
      index: buildIndex({
        panel: panel as never,
        las: { las: getLas() },
        england: { series: getEngland().series as never },
        regions: { series: getRegions() as never },
        measures: PANEL_NUMERIC_COLUMNS,
        columns: panel.columns,
      }),
    };
  }
  return index.index;
}

export interface CitedFigure {
  measure: PanelNumericColumn;
  code: string;
  areaName: string;
  year: number;
  value: number | null;
  /** Formatted value, or null when missing. */
  text: string | null;
  /** Plain-English reason when missing. */
  missingText: string | null;
  missingReason: string | null;
  /** What the measure is, where and when: "Children looked after per 10,000 children, Blackpool, at 31 March 2024". */
  label: string;
  sources: string[];
}

export function cite(ref: { m: string; area: string; year: number }, fmt: FigureFormat = {}, element = 'Fig'): CitedFigure {
  const r = resolveRef(currentIndex(), ref);
  if (!r.ok) {
    throw new FigureCitationError(`<${element} m="${ref.m}" la="${ref.area}" year={${ref.year}} />: ${describeProblem(r)}`);
  }
  const f = figure(r.measure as PanelNumericColumn, r.code, r.year);
  const doc = getPanel().columns.find((c) => c.name === r.measure);
  const what = doc?.description?.split('.')[0] ?? r.measure;
  return {
    measure: f.measure,
    code: f.code,
    areaName: r.area.name,
    year: f.year,
    value: f.value,
    text: f.value === null ? null : formatFigure(f.value, f.unit, fmt),
    missingText: f.missingText,
    missingReason: f.missing,
    label: `${what}; ${r.area.name}, ${describeYear(r.measure, r.year)}`,
    sources: f.sources,
  };
}
