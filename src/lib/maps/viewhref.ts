/** The map's addresses, shared by the build and the island (no other imports, to keep the island small). */
export const DEFAULT_MEASURE = 'cla_rate_per_10k';

/**
 * Where a view lives: /map/ for the default layer's latest year, /map/<key>/<year>/ for another
 * pre-rendered year, and the layer's latest page with ?year=<year> for an earlier year.
 */
export function viewHref(key: string, year: number, defaultYear: number, prerendered: readonly number[]): string {
  const page = (y: number) => (key === DEFAULT_MEASURE && y === defaultYear ? '/map/' : `/map/${key}/${y}/`);
  if (!prerendered.length) throw new Error(`map layer ${key}: no pre-rendered year`);
  return prerendered.includes(year) ? page(year) : `${page(prerendered[0]!)}?year=${year}`;
}
