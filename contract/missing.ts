/**
 * Missing values, typed.
 *
 * DfE, Ofsted, MHCLG and LAIT files mark values that are not numbers with a
 * small vocabulary of markers. A marker is never zero and never NaN: it becomes
 * a `Missing` with a reason a reader can be told. The vocabulary is DfE's
 * (Explore Education Statistics "symbols" guidance) plus the older SFR and
 * LAIT conventions.
 *
 *   c    suppressed to protect confidentiality (small numbers)
 *   x    not available (not collected, or not published for this area)
 *   z    not applicable (e.g. a council that did not exist that year; the Isles of Scilly in the 2025 CLA release)
 *   u    low reliability (the publisher withheld the figure)
 *   low  rounds to zero but is not zero
 *   ..   not available (older SFR / LAIT)
 *   -    nil or not applicable (older files, LAIT)
 *   :    not available (older files)
 *   ""   blank: not applicable / not reported
 *
 * The pipeline adds its own reasons for gaps it creates (no source covers a
 * year, a definition changed, a council did not exist).
 */

export const MISSING_REASONS = {
  suppressed: 'Suppressed by the publisher to protect confidentiality (c)',
  not_available: 'Not available from the publisher (x, .. or :)',
  not_applicable: 'Not applicable (z): the publisher marks this figure as not applicable to this area and year',
  low_reliability: 'Withheld by the publisher as of low reliability (u)',
  rounds_to_zero: 'Fewer than half a unit: rounds to zero but is not zero (low)',
  nil_or_not_applicable: 'Nil or not applicable (-)',
  blank: 'Blank in the source: not reported',
  no_source: 'No published source covers this area and year',
  definition_break: 'No comparable figure: the definition changed',
  not_in_geography: 'The council did not exist in this year',
  no_denominator: 'No population estimate to compute a rate',
  no_deflator: 'No deflator published for this year yet',
  not_inspected: 'No Ofsted judgement counted at 31 March of this year',
  /** Never written by the pipeline: set by the site's analysis accessor (src/lib/data.ts getPanelForAnalysis). */
  excluded_from_analysis:
    'Left out of analyses: an editor judged the published figure implausible (the flagged figures are listed, with reasons, on the data page)',
} as const;

export type MissingReason = keyof typeof MISSING_REASONS;

export interface Missing {
  readonly missing: MissingReason;
  /** The marker exactly as it appeared in the source, where there was one. */
  readonly marker?: string;
}

/** A value read from a source: a finite number, or a typed gap. */
export type Value = number | Missing;

export function isMissing(v: Value | undefined | null): v is Missing {
  return typeof v === 'object' && v !== null && 'missing' in v;
}

export function missing(reason: MissingReason, marker?: string): Missing {
  return marker === undefined ? { missing: reason } : { missing: reason, marker };
}

/** Marker text (trimmed, lower-cased) → reason. */
const MARKERS: ReadonlyMap<string, MissingReason> = new Map<string, MissingReason>([
  ['c', 'suppressed'],
  ['[c]', 'suppressed'],
  ['x', 'not_available'],
  ['[x]', 'not_available'],
  ['z', 'not_applicable'],
  ['[z]', 'not_applicable'],
  ['u', 'low_reliability'],
  ['[u]', 'low_reliability'],
  ['low', 'rounds_to_zero'],
  ['[low]', 'rounds_to_zero'],
  ['..', 'not_available'],
  [':', 'not_available'],
  ['-', 'nil_or_not_applicable'],
  ['–', 'nil_or_not_applicable'],
  ['', 'blank'],
]);

/** The known markers, for messages: "c (suppressed), x (not available), …". */
export const KNOWN_MARKERS: string = [...MARKERS.entries()]
  .filter(([m]) => m !== '' && !m.startsWith('['))
  .map(([m, r]) => `${m} (${r.replace(/_/g, ' ')})`)
  .concat(['blank (blank)', 'and each letter in brackets, e.g. [c]'])
  .join(', ');

/** What a person should do about an unknown marker. */
export const UNKNOWN_MARKER_HINT =
  `known markers: ${KNOWN_MARKERS}. If the cell should hold a number, correct it in the source or ask the publisher; ` +
  'if the publisher has introduced a new marker, add it with its meaning to MARKERS in contract/missing.ts';

export class MarkerError extends Error {
  constructor(readonly raw: string) {
    super(`"${raw}" is neither a number nor a known missing-value marker (${KNOWN_MARKERS})`);
  }
}

/**
 * Parse one cell. Numbers may carry thousands separators ("1,234") and
 * surrounding spaces; anything that is neither a number nor a known marker
 * throws a MarkerError, which callers turn into a DataError naming the file,
 * row and column.
 */
export function parseCell(raw: string | number | null | undefined): Value {
  if (raw === null || raw === undefined) return missing('blank', '');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new MarkerError(String(raw));
    return raw;
  }
  const text = raw.trim();
  const reason = MARKERS.get(text.toLowerCase());
  if (reason !== undefined) return missing(reason, text);
  const cleaned = text.replace(/,/g, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) {
    const n = Number(cleaned);
    if (Number.isFinite(n)) return n;
  }
  throw new MarkerError(raw);
}

/** Sum values; any missing part makes the sum missing with that part's reason. */
export function sumValues(values: readonly Value[]): Value {
  let total = 0;
  for (const v of values) {
    if (isMissing(v)) return v;
    total += v;
  }
  return total;
}

/** Convert a value to JSON-friendly form: the number, or null. */
export function toNumberOrNull(v: Value | undefined): number | null {
  return v === undefined || isMissing(v) ? null : v;
}
