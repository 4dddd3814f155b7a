/**
 * Numbers and pounds as the outputs and the site write them (en-GB, fixed, so output never depends on
 * the machine's locale). One definition for the pipeline (the anomaly screen's reasons in
 * anomalies.json) and the site (src/lib/format.ts re-exports these with the rest of its formatting).
 * A null/undefined/non-finite input is never formatted as 0: it returns the em dash "—".
 */

export const MISSING_TEXT = '—';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** 64400 → "64,400"; 12.345 with 1 decimal → "12.3". Negative numbers use a true minus sign. */
export function formatNumber(v: number | null | undefined, decimals = 0): string {
  if (!isNum(v)) return MISSING_TEXT;
  const s = new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(Math.abs(v));
  // Do not print "−0" for values that round to zero.
  return v < 0 && s.replace(/[0.,]/g, '') !== '' ? `\u2212${s}` : s;
}

/** Rounds to at most `decimals` places and drops trailing zeros: 3.20 → "3.2", 845.0 → "845". */
export function trimNumber(v: number, decimals: number): string {
  const s = formatNumber(v, decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * Pounds, scaled: 3_200_000_000 → "£3.2bn", 845_000_000 → "£845m",
 * 12_500_000 → "£12.5m", 45_600 → "£45,600", 1234.5 → "£1,235".
 * `decimals` overrides the significant decimals used for £bn/£m.
 */
export function formatGbp(v: number | null | undefined, decimals?: number): string {
  if (!isNum(v)) return MISSING_TEXT;
  const sign = v < 0 ? '\u2212' : '';
  const a = Math.abs(v);
  if (a >= 1e9) return `${sign}£${trimNumber(a / 1e9, decimals ?? 1)}bn`;
  if (a >= 1e6) return `${sign}£${trimNumber(a / 1e6, decimals ?? (a >= 1e8 ? 0 : 1))}m`;
  return `${sign}£${formatNumber(a, 0)}`;
}
