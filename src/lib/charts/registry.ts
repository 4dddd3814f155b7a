/**
 * The render function of each chart component, by component name: the one table the generic Chart.astro reads.
 * Its keys are exactly CHART_KINDS (src/lib/figures/chart-spec.ts, the props each component takes): adding a
 * kind to one and not the other is a type error.
 */
import type { ChartKind } from '../figures/chart-spec.ts';
import { renderBarChart } from './bar.ts';
import { renderLikertBar } from './likert.ts';
import { renderLineChart } from './line.ts';
import { renderSmallMultiples } from './multiples.ts';
import { renderScatter } from './scatter.ts';
import { renderStackedArea } from './area.ts';
import { renderDotStrip } from './strip.ts';
import type { ChartOutput } from './types.ts';

export const RENDERERS = {
  LineChart: renderLineChart,
  BarChart: renderBarChart,
  StackedArea: renderStackedArea,
  Scatter: renderScatter,
  DotStrip: renderDotStrip,
  SmallMultiples: renderSmallMultiples,
  LikertBar: renderLikertBar,
} as const satisfies Record<ChartKind, (o: never) => ChartOutput>;

export type ChartName = keyof typeof RENDERERS;
/** The options of a chart component, e.g. ChartOptionsOf<'LineChart'> = LineChartOptions. */
export type ChartOptionsOf<K extends ChartName> = Parameters<(typeof RENDERERS)[K]>[0];

export function renderChart<K extends ChartName>(kind: K, options: ChartOptionsOf<K>): ChartOutput {
  return (RENDERERS[kind] as (o: ChartOptionsOf<K>) => ChartOutput)(options);
}
