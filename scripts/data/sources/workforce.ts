/**
 * Children's social work workforce: DfE *Children's social work workforce*,
 * 2025 release, indicators by LA (manifest id `workforce-2025`).
 *
 * THE FILE. EES tidy format, 1,463 data rows: one geography (England, a region,
 * Inner/Outer London, an LA or a joint LA service) per `time_period` 2017–2025.
 * The figures are a SNAPSHOT AT 30 SEPTEMBER of `time_period` (turnover and
 * starters/leavers cover the twelve months to that date); the file calls it
 * "Reporting year".
 *
 * WHAT A YEAR MEANS HERE. The pipeline files everything under a year ending 31
 * March. 30 September Y falls in the year ending 31 March Y+1, so a snapshot
 * for time_period Y is filed under year Y+1 (30 Sept 2024 → 2025). This keeps
 * the pairing with the LA geography right: the file reports BCP from
 * September 2019 (year 2020) and Cumberland / Westmorland and Furness from
 * September 2023 (year 2024), the same years the CIN and CLA files first show
 * them. Years run 2018–2026; year 2026 (September 2025) is ahead of the other
 * sources.
 *
 * MEASURES (all on a full-time-equivalent basis):
 *   sw_fte            `inpost_fte`: children and family social workers in post
 *   sw_turnover_rate  `turnover_rate_fte`: leavers in the year / average FTE, %
 *   sw_agency_rate    `agency_rate_fte`: agency workers / (agency + in post), %
 *   sw_vacancy_rate   `vacancy_rate_fte`: vacancies / (vacancies + in post), %
 *   sw_caseload       `caseload_fte`: cases per case-holding social worker
 * Markers matter: u (low reliability, e.g. Birmingham 2024 caseload), low
 * (agency rate rounds to zero, Sunderland), z (not applicable: Isles of Scilly
 * turnover), x (not available: Kensington and Chelsea and Westminster 2025),
 * c (suppressed). All stay typed Missing values.
 *
 * JOINT SERVICES. Two rows per year report two councils together, with codes
 * joined by " / ": Kingston upon Thames / Richmond upon Thames (Achieving for
 * Children, 2017–2025) and North / West Northamptonshire (Northamptonshire
 * Children's Trust, 2021–2025). The rates and the caseload describe the one
 * workforce both councils share, so they are filed for each council with
 * basis "joint:<code A>/<code B>". The FTE count cannot be split between the
 * councils, so each gets sw_fte = Missing not_available (same basis) rather
 * than a number that would double-count when summed.
 *
 * Inner and Outer London (E13) rows are validated but not emitted (see
 * population.ts). One release only: release "2025", releaseOrder 2025.
 */
import type { SourceFiles } from '../core/acquire.ts';
import { DataError } from '../core/errors.ts';
import { missing, type Value } from '../../../contract/missing.ts';
import type { FamilyResult, MeasureId, Observation } from '../core/types.ts';
import { checkedValue, DEFAULT_MIN_LAS_PER_PERIOD, readEesRows, readEesTable, type LoadOptions } from '../core/ees.ts';

/**
 * The workforce files are the manifest's `workforce-<release year>` entries (a new
 * release is a new entry). Each covers the September snapshots from 2017 (the first
 * in these indicator tables: a fact about the past) to September of its release year.
 */
export const WORKFORCE_FIRST_PERIOD = 2017;
export function workforceSources(files: SourceFiles): Array<{ id: string; release: string; releaseOrder: number; periods: readonly [number, number] }> {
  return [...files.values()]
    .filter((f) => f.entry.family === 'workforce' && /^workforce-\d{4}$/.test(f.entry.id))
    .map((f) => {
      if (!/^\d{4}$/.test(f.entry.release)) {
        throw new DataError(
          { source: f.entry.id, file: f.entry.path, value: f.entry.release },
          'the manifest release is not a four-digit year',
          'give the entry in data/sources.json the year of the release, e.g. "2026"',
        );
      }
      const year = Number(f.entry.release);
      return { id: f.entry.id, release: f.entry.release, releaseOrder: year, periods: [WORKFORCE_FIRST_PERIOD, year] as const };
    })
    .sort((a, b) => a.releaseOrder - b.releaseOrder);
}

interface WorkforceColumn {
  measure: MeasureId;
  column: string;
  range: { min: number; max?: number };
  /** A count that cannot be shared between the councils of a joint service. */
  additive: boolean;
}

export const WORKFORCE_COLUMNS: readonly WorkforceColumn[] = [
  { measure: 'sw_fte', column: 'inpost_fte', range: { min: 0, max: 100_000 }, additive: true },
  { measure: 'sw_turnover_rate', column: 'turnover_rate_fte', range: { min: 0, max: 100 }, additive: false },
  { measure: 'sw_agency_rate', column: 'agency_rate_fte', range: { min: 0, max: 100 }, additive: false },
  { measure: 'sw_vacancy_rate', column: 'vacancy_rate_fte', range: { min: 0, max: 100 }, additive: false },
  { measure: 'sw_caseload', column: 'caseload_fte', range: { min: 0, max: 200 }, additive: false },
];

/** The year ending 31 March that contains 30 September of `period`. */
export function yearForSeptemberSnapshot(period: number): number {
  return period + 1;
}

export function loadWorkforce(files: SourceFiles, opts: LoadOptions = {}): FamilyResult {
  const sources = workforceSources(files);
  if (sources.length === 0)
    throw new DataError({ source: 'workforce' }, 'no workforce release among the sources (a manifest entry with id workforce-<release year>)');
  const observations: Observation[] = [];
  const rowsRead: Record<string, number> = {};
  for (const src of sources) {
    const r = loadWorkforceRelease(files, src, opts);
    observations.push(...r.observations);
    Object.assign(rowsRead, r.rowsRead);
  }
  return { observations, rowsRead };
}

function loadWorkforceRelease(files: SourceFiles, src: ReturnType<typeof workforceSources>[number], opts: LoadOptions): FamilyResult {
  const WORKFORCE_SOURCE = src.id;
  const RELEASE = src.release;
  const RELEASE_ORDER = src.releaseOrder;
  const t = readEesTable(files, WORKFORCE_SOURCE);
  const rows = readEesRows(t, {
    periods: src.periods,
    columns: WORKFORCE_COLUMNS.map((c) => c.column),
    minLasPerPeriod: opts.minLasPerPeriod ?? DEFAULT_MIN_LAS_PER_PERIOD,
    allowJointLas: true,
  });
  const observations: Observation[] = [];
  for (const { r, period, geo } of rows) {
    if (geo.londonSubRegion) continue;
    const year = yearForSeptemberSnapshot(period);
    const codes = geo.code.split(' / ');
    const oldCodes = (geo.oldCode ?? '').split(' / ');
    const names = geo.name.split(' / ');
    const joint = codes.length > 1;
    if (joint && names.length !== codes.length) {
      throw t.error('la_name does not name one council per code of the joint service', { row: r, column: 'la_name', value: geo.name });
    }
    for (const c of WORKFORCE_COLUMNS) {
      const read = checkedValue(t, r, c.column, c.range);
      codes.forEach((code, i) => {
        const value: Value = joint && c.additive ? missing('not_available') : read;
        observations.push({
          measure: c.measure,
          level: geo.level,
          code,
          ...(geo.level === 'la' ? { oldCode: oldCodes[i]! } : {}),
          name: names[i]!,
          year,
          value,
          source: WORKFORCE_SOURCE,
          release: RELEASE,
          releaseOrder: RELEASE_ORDER,
          ...(joint ? { basis: `joint:${codes.join('/')}` } : {}),
        });
      });
    }
  }
  return { observations, rowsRead: { [WORKFORCE_SOURCE]: t.rows.length } };
}
