/**
 * Descriptions generated from the data, for screen readers (the figure's
 * aria-describedby) and for anyone who cannot see the chart. They state what
 * a sighted reader takes from the chart: first and last values, direction,
 * extremes, and where values are missing.
 */
import { formatNumber, formatValue, type Unit } from '../format.ts';

export interface Point {
  x: number | string;
  y: number | null;
  xText: string;
}

/** "rose from 64,400 in 2010 to 83,630 in 2024 (up 30%); highest 83,630 in 2024, lowest 64,400 in 2010. No figure for 2015." */
export function describeSeries(points: Point[], unit: Unit, decimals?: number): string {
  const fmt = (v: number) => formatValue(v, unit, decimals);
  const defined = points.filter((p): p is Point & { y: number } => p.y !== null);
  const gaps = points.filter((p) => p.y === null).map((p) => p.xText);
  const gapText = gaps.length ? ` No figure for ${listJoin(gaps)}.` : '';
  if (defined.length === 0) return `No figures.${gapText}`;
  const first = defined[0]!;
  const last = defined[defined.length - 1]!;
  if (defined.length === 1) return `${fmt(first.y)} in ${first.xText}.${gapText}`;
  let max = first;
  let min = first;
  for (const p of defined) {
    if (p.y > max.y) max = p;
    if (p.y < min.y) min = p;
  }
  const verb = last.y > first.y ? 'rose' : last.y < first.y ? 'fell' : 'was unchanged';
  const change = first.y !== 0 ? Math.abs((last.y - first.y) / first.y) * 100 : null;
  // A change that rounds to 0% reads "(down less than 1%)", never "(down 0%)".
  const pctText = change === null ? '' : change < 0.5 ? 'less than 1%' : `${formatNumber(change, 0)}%`;
  const pct = pctText && verb !== 'was unchanged' ? ` (${last.y > first.y ? 'up' : 'down'} ${pctText})` : '';
  const main =
    verb === 'was unchanged'
      ? `was ${fmt(first.y)} in both ${first.xText} and ${last.xText}`
      : `${verb} from ${fmt(first.y)} in ${first.xText} to ${fmt(last.y)} in ${last.xText}${pct}`;
  return `${main}; highest ${fmt(max.y)} in ${max.xText}, lowest ${fmt(min.y)} in ${min.xText}.${gapText}`;
}

export function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
