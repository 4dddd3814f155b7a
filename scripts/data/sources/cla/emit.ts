/**
 * Collecting the observations of one CLA file, with the checks every layout
 * shares: no (measure, level, geography, year) twice in one file, values typed,
 * and an England row for every measure and year the file covers.
 */
import { ENGLAND_CODE } from '../../../../contract/codes.ts';
import type { Table } from '../../core/table.ts';
import { rangeProblem } from '../../core/ranges.ts';
import type { MeasureId, Observation } from '../../core/types.ts';

export interface ReleaseInfo {
  /** Manifest id. */
  source: string;
  /** Release label, e.g. "SFR50/2017" or "2025". */
  release: string;
  releaseOrder: number;
}

/** `column`: the column the value was read from, for error messages (not stored). */
export type Draft = Omit<Observation, 'source' | 'release' | 'releaseOrder'> & { column?: string };

export class FileObservations {
  readonly observations: Observation[] = [];
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly table: Table,
    private readonly info: ReleaseInfo,
  ) {}

  /** Add the observation read from data row `row` (0-based); a repeated key is an error naming both rows. */
  add(row: number, withColumn: Draft): void {
    const { column, ...draft } = withColumn;
    const range = rangeProblem(draft.measure, draft.value);
    if (range !== null) {
      throw this.table.error(
        range,
        { row, ...(column !== undefined ? { column } : {}), value: draft.value },
        'correct the value in the source file, or ask the publisher whether it is a typing error',
      );
    }
    const keys: string[] = [];
    if (draft.code !== undefined) keys.push(`${draft.measure}|${draft.level}|code:${draft.code}|${draft.year}`);
    if (draft.oldCode !== undefined) keys.push(`${draft.measure}|${draft.level}|old:${draft.oldCode}|${draft.year}`);
    if (keys.length === 0) keys.push(`${draft.measure}|${draft.level}|name:${draft.name}|${draft.year}`);
    for (const key of keys) {
      const first = this.seen.get(key);
      if (first !== undefined) {
        throw this.table.error(
          `duplicate ${draft.measure} for ${draft.level} "${draft.name}" (${draft.code ?? draft.oldCode ?? ''}) in ${draft.year} (first seen at row ${this.table.rowNumber(first)})`,
          { row, value: draft.code ?? draft.oldCode ?? draft.name },
          'a row is repeated in the source; check the file was not concatenated twice',
        );
      }
    }
    for (const key of keys) this.seen.set(key, row);
    this.observations.push({ ...draft, source: this.info.source, release: this.info.release, releaseOrder: this.info.releaseOrder });
  }

  /** Every (measure, year) pair listed must have an England observation. */
  requireEngland(pairs: ReadonlyArray<{ measure: MeasureId; year: number }>): void {
    for (const { measure, year } of pairs) {
      const found = this.observations.some((o) => o.level === 'national' && o.code === ENGLAND_CODE && o.measure === measure && o.year === year);
      if (!found) {
        throw this.table.error(`no England row for ${measure} in ${year}`, {}, 'the national total is missing: the file may be truncated or filtered');
      }
    }
  }
}
