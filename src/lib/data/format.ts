/**
 * Number and date formatting for the site, in the house style: thousands
 * separators, £ with m/bn for large sums, years ending 31 March spelled out.
 * A missing value is never formatted as 0: callers get null and must show the
 * reason instead.
 */
const intFmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export function formatNumber(value: number | null, unit?: string): string | null {
  if (value === null) return null;
  if (unit === 'GBP') return formatGbp(value);
  if (unit?.startsWith('GBP')) return `£${intFmt.format(value)}`;
  if (Number.isInteger(value)) return intFmt.format(value);
  return oneDp.format(value);
}

export function formatGbp(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}£${oneDp.format(abs / 1e9)}bn`;
  if (abs >= 1e6) return `${sign}£${oneDp.format(abs / 1e6)}m`;
  return `${sign}£${intFmt.format(abs)}`;
}

/** 2024 → "2023-24" (the financial year ending 31 March 2024). */
export function financialYear(year: number): string {
  return `${year - 1}-${String(year % 100).padStart(2, '0')}`;
}

/** 2024 → "31 March 2024". */
export function atMarch(year: number): string {
  return `31 March ${year}`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export function formatDate(d: Date | string): string {
  return dateFmt.format(typeof d === 'string' ? new Date(d) : d);
}

/** ISO date (YYYY-MM-DD) for <time datetime>. */
export function isoDate(d: Date | string): string {
  return (typeof d === 'string' ? new Date(d) : d).toISOString().slice(0, 10);
}
