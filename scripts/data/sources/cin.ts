/**
 * Children in need and child protection plans: DfE *Children in need* (CIN
 * census), Explore Education Statistics tables b1 and d5.
 *
 * FILES (manifest ids):
 *   cin-b1-2024  b1, 2024 release (Oct 2024), 2013–2024, numbers WITH `*_rate`
 *                columns (per 10,000 children aged under 18).
 *   cin-b1-2025  b1, 2025 release (Oct 2025), 2013–2025, numbers only.
 *   cin-d5-2025  d5, 2025 release, 2013–2025, child protection plans at 31
 *                March by duration; no rates.
 *
 * WHAT A ROW MEANS. One geography (England, a region, Inner/Outer London, an
 * upper-tier LA on that year's geography) in one `time_period` = the year
 * ending 31 March. `category` is a constant label ("Children in Need" in b1,
 * "Child Protection Plans by length of time" in d5). 152 LAs 2013–19, 151
 * 2020–21, 152 2022–23, 153 2024–25. National and regional numbers are rounded
 * to the nearest 10.
 *
 * MEASURES.
 *   cin_count         b1 `At31_episodes`: children in need at 31 March (a
 *                     child has at most one open CIN episode, so episodes =
 *                     children; England 31 March 2024 = 399,460). Both releases.
 *   cin_rate_per_10k  b1 `At31_episodes_rate`, as printed, 2024 release only
 *                     (England 2024 = 332.9). The 2025 release printed no rates;
 *                     derive them with derive/rates.ts.
 *   cpp_count         d5 `CPP_At31`: children on a child protection plan at 31
 *                     March (England 2025 = 49,420). The d5 duration bands are
 *                     not read.
 *
 * WHICH RELEASE WINS. Each observation carries release "2024" (releaseOrder
 * 2024) or "2025" (2025); for a measure, geography and year given by both
 * releases the 2025 figure wins and the 2024 one is a revision. Counts for
 * earlier years are normally identical in both releases.
 *
 * MARKERS. c (suppressed: Isles of Scilly, City of London), x (not available),
 * u (low reliability: Hampshire 2024 in b1-2024) stay typed Missing values.
 *
 * Inner and Outer London (E13) rows are validated but not emitted (see
 * population.ts).
 */
import type { SourceFiles } from '../core/acquire.ts';
import { DataError } from '../core/errors.ts';
import type { FamilyResult, MeasureId, Observation } from '../core/types.ts';
import { checkedValue, DEFAULT_MIN_LAS_PER_PERIOD, geoFields, readEesRows, readEesTable, type LoadOptions } from '../core/ees.ts';

interface MeasureColumn {
  measure: MeasureId;
  column: string;
  kind: 'count' | 'rate';
}

interface CinSource {
  id: string;
  release: string;
  releaseOrder: number;
  category: string;
  measures: readonly MeasureColumn[];
}

const B1_CATEGORY = 'Children in Need';
const D5_CATEGORY = 'Child Protection Plans by length of time';

/**
 * The CIN files the pipeline reads, from the manifest entries themselves: table
 * B1 (ids cin-b1-<release year>) gives cin_count, and cin_rate_per_10k where the
 * file prints the rate column (the 2024 release did, the 2025 one did not);
 * table D5 (cin-d5-<release year>) gives cpp_count. The release order is the
 * release year; the years are the file's own time_period values (checked to end
 * at the release year). A new release is a new entry, no code change. Other CIN
 * tables in the manifest (c1, c4) are not read by the pipeline.
 */
export function cinSources(files: SourceFiles): CinSource[] {
  const out: CinSource[] = [];
  for (const f of files.values()) {
    if (f.entry.family !== 'cin') continue;
    const table = /^cin-(b1|d5)-/.exec(f.entry.id)?.[1];
    if (!table) continue;
    if (!/^\d{4}$/.test(f.entry.release)) {
      throw new DataError(
        { source: f.entry.id, file: f.entry.path, value: f.entry.release },
        'the manifest release is not a four-digit year',
        'give the entry in data/sources.json the year of the release, e.g. "2026"',
      );
    }
    const base = { id: f.entry.id, release: f.entry.release, releaseOrder: Number(f.entry.release) };
    out.push(
      table === 'b1'
        ? {
            ...base,
            category: B1_CATEGORY,
            measures: [
              { measure: 'cin_count', column: 'At31_episodes', kind: 'count' },
              { measure: 'cin_rate_per_10k', column: 'At31_episodes_rate', kind: 'rate' },
            ],
          }
        : { ...base, category: D5_CATEGORY, measures: [{ measure: 'cpp_count', column: 'CPP_At31', kind: 'count' }] },
    );
  }
  return out.sort((a, b) => a.releaseOrder - b.releaseOrder || a.id.localeCompare(b.id));
}

/**
 * The CIN tables B1 and D5 start at 31 March 2013 (the first year they cover: a fact
 * about the past) and end at the release year, so a file missing its earliest or its
 * latest year fails the coverage check, and a year beyond the release is an error.
 */
export const CIN_FIRST_YEAR = 2013;

function periodsOf(src: CinSource): readonly [number, number] {
  return [CIN_FIRST_YEAR, src.releaseOrder];
}

/** England has about 12 million children: no count can exceed that, no rate per 10,000 can exceed 10,000. */
const RANGES = {
  count: { min: 0, max: 12_500_000, integer: true },
  rate: { min: 0, max: 10_000 },
} as const;

export function loadCinSource(files: SourceFiles, src: CinSource, opts: LoadOptions = {}): FamilyResult {
  const t = readEesTable(files, src.id);
  // An optional rate column (printed in some releases only) is read when present.
  const measures = src.measures.filter((m) => m.kind !== 'rate' || t.has(m.column));
  const rows = readEesRows(t, {
    periods: periodsOf(src),
    columns: measures.map((m) => m.column),
    fixed: { category: src.category },
    minLasPerPeriod: opts.minLasPerPeriod ?? DEFAULT_MIN_LAS_PER_PERIOD,
  });
  const observations: Observation[] = [];
  for (const { r, period, geo } of rows) {
    if (geo.londonSubRegion) continue;
    for (const m of measures) {
      observations.push({
        measure: m.measure,
        ...geoFields(geo),
        year: period,
        value: checkedValue(t, r, m.column, RANGES[m.kind]),
        source: src.id,
        release: src.release,
        releaseOrder: src.releaseOrder,
      });
    }
  }
  return { observations, rowsRead: { [src.id]: t.rows.length } };
}

/** cin_count, cin_rate_per_10k (as published, 2013–2024) and cpp_count from the three CIN files. */
export function loadCin(files: SourceFiles, opts: LoadOptions = {}): FamilyResult {
  const observations: Observation[] = [];
  const rowsRead: Record<string, number> = {};
  const sources = cinSources(files);
  for (const table of ['b1', 'd5']) {
    if (!sources.some((x) => x.id.startsWith(`cin-${table}-`))) {
      throw new DataError(
        { source: 'cin' },
        `no CIN table ${table.toUpperCase()} among the sources (a manifest entry with id cin-${table}-<release year>, e.g. cin-${table}-2025)`,
      );
    }
  }
  for (const src of sources) {
    const res = loadCinSource(files, src, opts);
    observations.push(...res.observations);
    Object.assign(rowsRead, res.rowsRead);
  }
  return { observations, rowsRead };
}
