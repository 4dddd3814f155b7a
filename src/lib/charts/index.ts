/** Build-time chart library: plain data → accessible SVG + description + table + CSV. */
export { renderLineChart, type LineChartOptions } from './line.ts';
export { renderBarChart, type BarChartOptions } from './bar.ts';
export { renderStackedArea, type StackedAreaOptions } from './area.ts';
export { renderScatter, leastSquares, type ScatterOptions } from './scatter.ts';
export { renderDotStrip, type DotStripOptions } from './strip.ts';
export { renderSmallMultiples, type SmallMultiplesOptions } from './multiples.ts';
export { renderLikertBar, likertSegments, type LikertBarOptions } from './likert.ts';
export { toCsv, csvDataUri, csvField } from './csv.ts';
export type { Annotation, ChartOutput, Datum, XFormat } from './types.ts';
