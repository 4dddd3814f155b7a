/**
 * Formatting helpers for the site: numbers, money, rates, percentages, years
 * and dates, in the house style of UK official statistics (en-GB).
 *
 * All functions are pure and deterministic (no locale from the environment:
 * en-GB is fixed), so build output and snapshots do not depend on the machine.
 * A null/undefined/non-finite input is never formatted as 0: it returns the
 * em dash "—" (MISSING_TEXT); callers that know the reason add it.
 *
 * formatNumber ("64,400") and formatGbp ("£12.5m") live in contract/numbers.ts
 * because the pipeline writes them too (the anomaly screen's reasons); they
 * are re-exported here, so this stays the one module the site formats with.
 */
import { formatGbp, formatNumber, MISSING_TEXT, trimNumber as trim } from '../../contract/numbers.ts';

export { formatGbp, formatNumber, MISSING_TEXT } from '../../contract/numbers.ts';

/** The units a chart or table value can carry. */
export type Unit = 'count' | 'gbp' | 'percent' | 'per10k' | 'score' | 'number';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Short axis-friendly pounds: £0, £500m, £1bn, £1.5bn, £20k. */
export function formatGbpShort(v: number | null | undefined): string {
  if (!isNum(v)) return MISSING_TEXT;
  const sign = v < 0 ? '\u2212' : '';
  const a = Math.abs(v);
  if (a >= 1e9) return `${sign}£${trim(a / 1e9, 2)}bn`;
  if (a >= 1e6) return `${sign}£${trim(a / 1e6, 1)}m`;
  if (a >= 1e4) return `${sign}£${trim(a / 1e3, 1)}k`;
  return `${sign}£${formatNumber(a, 0)}`;
}

/** 12.3 → "12.3%" (the input is already a percentage, not a proportion). */
export function formatPercent(v: number | null | undefined, decimals = 0): string {
  return isNum(v) ? `${formatNumber(v, decimals)}%` : MISSING_TEXT;
}

/** 70.4 → "70 per 10,000" (children per 10,000 aged 0–17). */
export function formatPer10k(v: number | null | undefined, decimals = 0, withUnit = true): string {
  if (!isNum(v)) return MISSING_TEXT;
  return withUnit ? `${formatNumber(v, decimals)} per 10,000` : formatNumber(v, decimals);
}

/** A value in its unit, for prose and tables. */
export function formatValue(v: number | null | undefined, unit: Unit = 'number', decimals?: number): string {
  switch (unit) {
    case 'gbp':
      return formatGbp(v, decimals);
    case 'percent':
      return formatPercent(v, decimals ?? 0);
    case 'per10k':
      return formatPer10k(v, decimals ?? 0);
    case 'count':
      return formatNumber(v, decimals ?? 0);
    case 'score':
      return formatNumber(v, decimals ?? 1);
    case 'number':
      return formatNumber(v, decimals ?? (isNum(v) && !Number.isInteger(v) ? (Math.abs(v) < 1 ? 2 : 1) : 0));
  }
}

/** A value in its unit, short, for axis ticks ("per 10,000" goes in the axis label instead). */
export function formatTick(v: number, unit: Unit = 'number'): string {
  switch (unit) {
    case 'gbp':
      return formatGbpShort(v);
    case 'percent':
      return `${trim(v, 1)}%`;
    default:
      return trim(v, 2);
  }
}

/** Year ending 31 March 2024 as a financial year: 2024 → "2023-24"; 2000 → "1999-00" (contract/years.ts). */
export { financialYear as formatFinancialYear } from '../../contract/years.ts';

/** The plain year: 2024 → "2024" (no thousands separator). */
export function formatYear(year: number): string {
  return Number.isInteger(year) ? String(year) : formatNumber(year, 1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11" or "2026-11-19" → "November 2026" (a publisher's announced release month). */
export function formatMonth(d: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(d);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw new RangeError(`formatMonth: "${d}" is not YYYY-MM`);
  return `${MONTHS[m - 1]} ${match[1]}`;
}

/** ISO date "2025-09-25" (or a Date) → "25 September 2025". Throws on an invalid date. */
export function formatDate(d: string | Date): string {
  let y: number, m: number, day: number;
  if (typeof d === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    if (!match) throw new RangeError(`formatDate: "${d}" is not an ISO date (YYYY-MM-DD)`);
    [y, m, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(y, m - 1, day));
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) {
      throw new RangeError(`formatDate: "${d}" is not a real date`);
    }
  } else {
    if (Number.isNaN(d.getTime())) throw new RangeError('formatDate: invalid Date');
    [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  return `${day} ${MONTHS[m - 1]} ${y}`;
}

/** ISO date (YYYY-MM-DD) for <time datetime>. */
export function isoDate(d: Date | string): string {
  return (typeof d === 'string' ? new Date(d) : d).toISOString().slice(0, 10);
}

/** Year ending 31 March: 2024 → "31 March 2024". */
export function atMarch(year: number): string {
  return `31 March ${year}`;
}
