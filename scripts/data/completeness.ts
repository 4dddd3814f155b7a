/**
 * The completeness check of update mode: a new (or changed) release must not
 * silently drop councils or rows that the previous release of the same series
 * had, for the years both releases cover.
 *
 * A window that moves on is normal — the 2026 CLA release covers 2022–2026
 * after 2025's 2021–2025, and the older release still supplies 2021 — so only
 * the shared years are compared. A row the publisher withdrew is accepted when
 * the new entry's `withdrawn` list in data/sources.json records it, with a reason.
 *
 * A series is the manifest id without its release part: cla-ees-2025 and
 * cla-ees-2026 are one series ("cla-ees"), as are mhclg-rsx-2023-24 and
 * mhclg-rsx-2024-25 ("mhclg-rsx") or lait-2024-11 and lait-2026-04 ("lait").
 */
import type { SourceFiles } from './core/acquire.ts';
import { DataError } from './core/errors.ts';
import type { SourceEntry } from '../../contract/manifest.ts';
import type { Observation } from './core/types.ts';

import { seriesOf } from '../../contract/manifest.ts';

export { seriesOf };

export interface Dropped {
  measure: string;
  level: string;
  area: string;
  name: string;
  year: number;
}

type AreaKey = (o: Observation) => string;

const defaultAreaKey: AreaKey = (o) => o.code ?? o.oldCode ?? o.name;

function isWithdrawn(entry: SourceEntry, d: Dropped): boolean {
  return (entry.withdrawn ?? []).some(
    (w) => (w.code === '*' || w.code === d.area) && (w.measure === '*' || w.measure === d.measure) && (!w.years || w.years.includes(d.year)),
  );
}

/**
 * Rows of `previous` (an older release of the series) that `next` lacks, for
 * the years both cover. `areaKey` maps an observation to its area (the pipeline
 * passes the harmonised council code, so a council recoded between releases is
 * still the same council).
 */
export function droppedRows(previous: readonly Observation[], next: readonly Observation[], areaKey: AreaKey = defaultAreaKey): Dropped[] {
  const years = (obs: readonly Observation[]) => new Set(obs.map((o) => o.year));
  const nextYears = years(next);
  const shared = new Set([...years(previous)].filter((y) => nextYears.has(y)));
  const key = (o: Observation) => `${o.measure}|${o.level}|${areaKey(o)}|${o.year}`;
  const have = new Set(next.map(key));
  const out: Dropped[] = [];
  const seen = new Set<string>();
  for (const o of previous) {
    if (!shared.has(o.year)) continue;
    const k = key(o);
    if (have.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push({ measure: o.measure, level: o.level, area: areaKey(o), name: o.name, year: o.year });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.year - b.year || a.measure.localeCompare(b.measure));
}

/**
 * For every file that is new or changed in this run, compare it with the
 * latest older release of its series; throws a DataError listing what
 * disappeared unless the entry records the withdrawal.
 */
export function checkCompleteness(files: SourceFiles, observations: readonly Observation[], areaKey: AreaKey = defaultAreaKey): void {
  const bySource = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = bySource.get(o.source);
    if (list) list.push(o);
    else bySource.set(o.source, [o]);
  }
  const orderOf = (id: string) => bySource.get(id)?.[0]?.releaseOrder;
  for (const f of files.values()) {
    if (!f.changed) continue;
    const next = bySource.get(f.entry.id);
    const order = orderOf(f.entry.id);
    if (!next || order === undefined) continue;
    const series = seriesOf(f.entry.id);
    const previousId = [...files.values()]
      .filter((g) => g.entry.id !== f.entry.id && g.entry.family === f.entry.family && seriesOf(g.entry.id) === series)
      .map((g) => ({ id: g.entry.id, order: orderOf(g.entry.id) }))
      .filter((g): g is { id: string; order: number } => g.order !== undefined && g.order < order)
      .sort((a, b) => b.order - a.order)[0]?.id;
    if (!previousId) continue;
    const dropped = droppedRows(bySource.get(previousId)!, next, areaKey).filter((d) => !isWithdrawn(f.entry, d));
    if (dropped.length === 0) continue;
    const shown = dropped.slice(0, 40).map((d) => `    ${d.name} (${d.area}) ${d.measure} ${d.year}`);
    const councils = new Set(dropped.filter((d) => d.level === 'la').map((d) => d.area)).size;
    throw new DataError(
      { source: f.entry.id, file: f.entry.path },
      `rows missing against the previous release ${previousId}: ${dropped.length} rows (${councils} council${councils === 1 ? '' : 's'}) that it has for the years both cover are not in this release:\n${shown.join('\n')}${dropped.length > shown.length ? `\n    …and ${dropped.length - shown.length} more` : ''}`,
      `if the publisher withdrew them, record it in this entry's "withdrawn" list in data/sources.json (code, measure, years, reason); otherwise the file is incomplete — check it against the publisher's page`,
    );
  }
}
