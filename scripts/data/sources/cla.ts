/**
 * Children looked after (CLA) source family: the SSDA903 return as published
 * by DfE in "Children looked after in England (including adoption(s))".
 *
 * DATA MODEL
 *   measures   cla_count         children looked after at (2025: "on") 31 March of YEAR
 *              cla_starts        children starting to be looked after in the year to 31 March YEAR
 *              cla_ceases        children ceasing to be looked after in the year to 31 March YEAR
 *              cla_rate_per_10k  the publisher's printed rate of children looked after per 10,000
 *                                children aged 0–17 (EES files only; never computed here)
 *              population_0_17   (basis "cla-denominator") the ONS 0–17 estimate an EES release
 *                                used as its denominator, exactly as printed
 *   levels     national (England, E92000001), regional (E12 codes; Inner/Outer
 *              London are not emitted), la (E-code where the file has one, and
 *              the 3-digit DfE code as oldCode). Names are as the file gives them.
 *   year       year ending 31 March (see core/types.ts).
 *
 * SOURCES AND WHICH RELEASE WINS. One observation per row and measure, tagged
 * with its release; when releases overlap, the greater releaseOrder wins and
 * the earlier figure is a revision (computed downstream):
 *   cla-sfr-YYYY-{cla,starts,ceases}  2010–2017, as first published   release "SFRnn/YYYY", order YYYY
 *   cla-ees-2022                      2018–2022                      release "2022", order 2022
 *   cla-ees-2024, cla-timeseries-2024 2020–2024 (series 1994–2024,   release "2024", order 2024
 *                                     national only)
 *   cla-ees-2025                      2021–2025                      release "2025", order 2025
 * The 2024 tidy file and the 2024 national time series share a release; where
 * they overlap they must agree exactly (checked here).
 *
 * Rounding: national and regional counts are rounded to the nearest 10 by the
 * publisher (SFR 2010 national: nearest 100); LA counts are unrounded. Markers
 * (x, c, z, .., blank) become typed Missing values with their reason.
 *
 * Layout details and quirks are in ./cla/sfr.ts and ./cla/ees.ts.
 */
import { fileOf, type SourceFiles } from '../core/acquire.ts';
import { DataError } from '../core/errors.ts';
import { isMissing } from '../../../contract/missing.ts';
import type { FamilyResult, Observation } from '../core/types.ts';
import { isEesSeries, isEesTidy, readEesTidy, readTimeSeries } from './cla/ees.ts';
import { readSfr, SFR_YEARS } from './cla/sfr.ts';

export const SFR_SOURCE_IDS: readonly string[] = Array.from({ length: SFR_YEARS.last - SFR_YEARS.first + 1 }, (_, i) => SFR_YEARS.first + i).flatMap((y) => [
  `cla-sfr-${y}-cla`,
  `cla-sfr-${y}-starts`,
  `cla-sfr-${y}-ceases`,
]);

/**
 * The manifest ids this family reads from `files`, oldest release first: the
 * SFR series (a closed series, 2010–2017), then every EES tidy file and national
 * time series the manifest lists (ids `cla-ees-<release>`, `cla-timeseries-<release>`).
 * A new EES release is a new manifest entry; nothing here lists releases.
 */
export function claSourceIds(files: SourceFiles): string[] {
  const ees = [...files.values()].filter((f) => f.entry.family === 'cla' && (isEesTidy(f.entry.id) || isEesSeries(f.entry.id))).map((f) => f.entry.id);
  return [...SFR_SOURCE_IDS, ...ees.sort()];
}

export interface LoadClaOptions {
  /** Check each file has a plausible number of LA rows (default true; tests with small fixtures turn it off). */
  coverage?: boolean;
  /** Load only the CLA sources present in `files` instead of requiring all of them (default false). */
  partial?: boolean;
}

export function loadCla(files: SourceFiles, options: LoadClaOptions = {}): FamilyResult {
  const coverage = options.coverage ?? true;
  const known = new Set(SFR_SOURCE_IDS);
  for (const [id, f] of files) {
    if (f.entry.family === 'cla' && !known.has(id) && !isEesTidy(id) && !isEesSeries(id)) {
      throw new DataError(
        { source: id, file: f.entry.path },
        'no reader for this CLA source',
        'an Explore Education Statistics release is read when its id is cla-ees-<release year> (tidy file) or cla-timeseries-<release year> (national series); otherwise add a reader to scripts/data/sources/cla.ts',
      );
    }
  }
  const ids = claSourceIds(files);
  if (!options.partial && !ids.some(isEesTidy)) {
    throw new DataError({ source: 'cla' }, 'the manifest has no Explore Education Statistics CLA release (an entry with id cla-ees-<year>)');
  }
  const observations: Observation[] = [];
  const rowsRead: Record<string, number> = {};
  for (const id of ids) {
    if (!files.has(id) && options.partial) continue;
    const file = fileOf(files, id);
    const result = isEesTidy(id) ? readEesTidy(file, { coverage }) : isEesSeries(id) ? readTimeSeries(file) : readSfr(file, { coverage });
    rowsRead[id] = result.rows;
    for (const o of result.observations) observations.push(o);
  }
  if (observations.length === 0) throw new Error('loadCla: no CLA source was given');
  checkSameReleaseAgrees(observations, files);
  return { observations, rowsRead };
}

/** Two files of the same release (same releaseOrder) must not disagree about the same figure. */
export function checkSameReleaseAgrees(observations: readonly Observation[], files?: SourceFiles): void {
  const seen = new Map<string, Observation>();
  for (const o of observations) {
    const key = `${o.measure}|${o.level}|${o.code ?? o.oldCode ?? o.name}|${o.year}|${o.releaseOrder}|${o.basis ?? ''}`;
    const prior = seen.get(key);
    if (prior === undefined) {
      seen.set(key, o);
      continue;
    }
    if (prior.source === o.source) continue; // within-file duplicates are caught by the readers
    const same =
      isMissing(prior.value) || isMissing(o.value)
        ? isMissing(prior.value) && isMissing(o.value) && prior.value.missing === o.value.missing
        : prior.value === o.value;
    if (!same) {
      throw new DataError(
        { source: o.source, ...(files?.get(o.source) ? { file: files.get(o.source)!.entry.path } : {}), value: o.value },
        `${o.measure} for ${o.name} in ${o.year} differs from ${JSON.stringify(prior.value)} in ${prior.source}, a file of the same release ${o.release}`,
        'two files of one release disagree; check which is right and whether one was replaced',
      );
    }
  }
}
