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
import type { FamilyResult, MeasureId, Observation } from '../core/types.ts';
import {
  checkedValue,
  DEFAULT_MIN_LAS_PER_PERIOD,
  geoFields,
  readEesRows,
  readEesTable,
  type LoadOptions,
} from './population.ts';

interface MeasureColumn {
  measure: MeasureId;
  column: string;
  kind: 'count' | 'rate';
}

interface CinSource {
  id: string;
  release: string;
  releaseOrder: number;
  periods: readonly [number, number];
  category: string;
  measures: readonly MeasureColumn[];
}

const B1_CATEGORY = 'Children in Need';
const D5_CATEGORY = 'Child Protection Plans by length of time';

export const CIN_SOURCES: readonly CinSource[] = [
  {
    id: 'cin-b1-2024',
    release: '2024',
    releaseOrder: 2024,
    periods: [2013, 2024],
    category: B1_CATEGORY,
    measures: [
      { measure: 'cin_count', column: 'At31_episodes', kind: 'count' },
      { measure: 'cin_rate_per_10k', column: 'At31_episodes_rate', kind: 'rate' },
    ],
  },
  {
    id: 'cin-b1-2025',
    release: '2025',
    releaseOrder: 2025,
    periods: [2013, 2025],
    category: B1_CATEGORY,
    measures: [{ measure: 'cin_count', column: 'At31_episodes', kind: 'count' }],
  },
  {
    id: 'cin-d5-2025',
    release: '2025',
    releaseOrder: 2025,
    periods: [2013, 2025],
    category: D5_CATEGORY,
    measures: [{ measure: 'cpp_count', column: 'CPP_At31', kind: 'count' }],
  },
];

/** England has about 12 million children: no count can exceed that, no rate per 10,000 can exceed 10,000. */
const RANGES = {
  count: { min: 0, max: 12_500_000, integer: true },
  rate: { min: 0, max: 10_000 },
} as const;

export function loadCinSource(files: SourceFiles, src: CinSource, opts: LoadOptions = {}): FamilyResult {
  const t = readEesTable(files, src.id);
  const rows = readEesRows(t, {
    periods: src.periods,
    columns: src.measures.map((m) => m.column),
    fixed: { category: src.category },
    minLasPerPeriod: opts.minLasPerPeriod ?? DEFAULT_MIN_LAS_PER_PERIOD,
  });
  const observations: Observation[] = [];
  for (const { r, period, geo } of rows) {
    if (geo.londonSubRegion) continue;
    for (const m of src.measures) {
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
  for (const src of CIN_SOURCES) {
    const res = loadCinSource(files, src, opts);
    observations.push(...res.observations);
    Object.assign(rowsRead, res.rowsRead);
  }
  return { observations, rowsRead };
}
