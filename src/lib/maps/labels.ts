/** Words for the map: the view title and each council's accessible name. Shared by the build and the island. */
import { formatMeasure, yearPhrase, type MeasureDef } from '../councils/measures.ts';
import { ordinal } from '../councils/rank.ts';

export function viewTitle(def: MeasureDef, year: number): string {
  return `${def.label}, ${yearPhrase(def, year)}`;
}

/** "Blackpool: 184, highest of 151" / "Isles of Scilly: no figure, not applicable (z)…" */
export function areaLabel(
  def: MeasureDef,
  c: { name: string; value: number | null; rank: number | null; tied: boolean; reason?: string | null },
  of: number,
  reasonText?: string,
): string {
  if (c.value === null || c.rank === null) return `${c.name}: no figure${reasonText ? `, ${reasonText.charAt(0).toLowerCase()}${reasonText.slice(1)}` : ''}`;
  const pos = c.rank === 1 ? 'highest' : `${ordinal(c.rank)} highest`;
  return `${c.name}: ${formatMeasure(def, c.value)}, ${c.tied ? 'joint ' : ''}${pos} of ${of}`;
}
