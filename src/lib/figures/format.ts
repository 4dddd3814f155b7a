/**
 * House style for a cited figure, by the unit the pipeline documents for the
 * measure (la-panel.json columns[].unit):
 *   children                       → 1,234            (the sentence supplies the noun)
 *   per 10,000 children            → 182 per 10,000 children   (rates: to the precision published, 618.6)
 *   £                              → £82.6m / £1.2bn / £12,345
 *   £ per child[, constant prices] → £2,884 per child
 *   proportion (IDACI)             → 30.7%
 *   score / rank / other           → 45.0 / 1
 * A missing value is never formatted: callers print the reason.
 */
import { financialYear } from '../../../contract/years.ts';
const fmt = (decimals: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function money(v: number): string {
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}£${fmt(1).format(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${sign}£${fmt(1).format(abs / 1e6)}m`;
  return `${sign}£${fmt(0).format(abs)}`;
}

export interface FigureFormat {
  decimals?: number | undefined;
  /** Append the unit ("per 10,000 children", "per child"); default true. */
  withUnit?: boolean | undefined;
}

export function formatFigure(value: number, unit: string | undefined, opts: FigureFormat = {}): string {
  const withUnit = opts.withUnit ?? true;
  const d = opts.decimals;
  const u = unit ?? '';
  if (u === '£') return money(value);
  if (u.startsWith('£ per child')) return `£${fmt(d ?? 0).format(value)}${withUnit ? ' per child' : ''}`;
  if (u.startsWith('per ')) return `${fmt(d ?? (Number.isInteger(value) ? 0 : 1)).format(value)}${withUnit ? ` ${u}` : ''}`;
  if (u === 'proportion') return `${fmt(d ?? 1).format(value * 100)}%`;
  if (u === 'score') return fmt(d ?? 1).format(value);
  if (d !== undefined) return fmt(d).format(value);
  return Number.isInteger(value) ? fmt(0).format(value) : fmt(1).format(value);
}

/** "at 31 March 2024" for stocks, "in 2023-24" for flows and spending. */
export function describeYear(measure: string, year: number): string {
  const flow = /^(cla_starts|cla_ceases|spend_)/.test(measure);
  return flow ? `in ${financialYear(year)} (year to 31 March ${year})` : `at 31 March ${year}`;
}
