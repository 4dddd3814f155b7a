/**
 * The sort key of a formatted table cell (the chart islands' sortable tables): the number it starts
 * with ("£1,234", "12.5%", "−3", "£1.2bn", "164 per 10,000", "82 (flagged, note 1)", "3rd") or, failing
 * that, its text in lower case; "—" or an empty cell (missing) is null and sorts last.
 * A financial year ("2016-17") and a name sort as text.
 */
export function cellKey(text: string): number | string | null {
  const t = text.trim();
  if (t === '' || t.startsWith('—')) return null;
  const m = /^([−-]?)£?(\d[\d,]*(?:\.\d+)?|\.\d+)(?:st|nd|rd|th)?\s*(bn|m|k)?(?=$|[\s%(])/.exec(t.replace(/^£([−-])/, '$1£'));
  if (!m) return t.toLowerCase();
  const scale = m[3] === 'bn' ? 1e9 : m[3] === 'm' ? 1e6 : m[3] === 'k' ? 1e3 : 1;
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, '')) * scale;
}

/** Compares two keys: numbers by value, text by the English collation, missing last (in either direction). */
export function compareKeys(a: number | string | null, b: number | string | null, ascending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en-GB');
  return ascending ? c : -c;
}
