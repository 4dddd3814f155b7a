/**
 * GDP deflators for financial years 2008-09 .. 2024-25, to express spending in
 * real terms.
 *
 * SOURCES (manifest family "deflators"; the newest release of each role, DEFLATOR_ROLES)
 *  - role fy-index, now deflators-hmt-2020-03: HM Treasury, GDP deflators at market prices, March
 *    2020 (Budget). Financial-year index (2018-19 = 100) from ONS outturn up to
 *    2018-19; later rows show "-" (only OBR pre-COVID forecast growth).
 *  - role cy-index, now deflators-hmt-2025-12-cy: calendar years 1990–2024 (2024 = 100) from the HMT
 *    December 2025 QNA release, a third-party extraction (R package greenbook).
 *
 * METHOD (chain-linked splice)
 *  1. 2008-09 .. 2018-19: HMT financial-year index, as published (exact).
 *  2. 2019-20 .. 2023-24: financial year t/t+1 approximated from calendar years
 *     as 0.75·CY(t) + 0.25·CY(t+1) (three of its quarters fall in CY t), and
 *     chained onto the HMT index using the approximation's year-on-year growth
 *     (flagged `approximate`).
 *  3. 2024-25: needs CY 2025, which the mirror does not hold. We do NOT
 *     extrapolate: the year is a typed gap ('no_deflator'), so 2024-25 spending
 *     stays in cash until a newer HMT file is added.
 *  4. Rebased so that 2023-24 = 100, the latest year we can support.
 *  Note: the two sources are different vintages (ONS data of Feb 2020 vs Dec
 *  2025); chaining on growth keeps the splice free of a level jump. `spliceCheck`
 *  compares HMT FY growth with the CY approximation where both exist.
 *
 * Year = year ending 31 March (2023-24 → 2024), as everywhere in the pipeline.
 */
import { newestFile, type SourceFiles } from '../core/acquire.ts';
import { readCsv } from '../core/csv.ts';
import { DataError } from '../core/errors.ts';
import { isMissing, missing, type Missing } from '../../../contract/missing.ts';
import { financialYear } from '../../../contract/years.ts';
import { readWorkbook, sheetTable } from '../core/sheet.ts';

/** 2008-09: the first financial year of spending data (S251 outturn 2008-09), a fact about the past. */
export const DEFLATOR_FIRST_YEAR = 2009;

/**
 * The years follow the calendar-year series: the last financial year modelled is the
 * one ending in the year after the series' last calendar year (e.g. CY to 2024 →
 * 2024-25, a typed gap until CY 2025 is published), and the base is the latest
 * financial year the series supports (2023-24 = 100 for CY to 2024).
 */
export function deflatorYears(cy: ReadonlyMap<number, number>): { last: number; base: number } {
  const lastCy = Math.max(...cy.keys());
  return { last: lastCy + 1, base: lastCy };
}

export interface DeflatorYear {
  /** Year ending 31 March (2023-24 → 2024). */
  year: number;
  /** "2023-24" */
  financialYear: string;
  /** Index, base year = 100; or a gap. */
  index: number | Missing;
  approximate: boolean;
  method: 'hmt-fy' | 'cy-approximation' | 'none';
}

export interface SpliceCheck {
  year: number;
  /** HMT FY % growth on the previous year. */
  hmtGrowthPct: number;
  /** Growth of 0.75·CY t + 0.25·CY t+1 from the Dec 2025 calendar-year series. */
  approxGrowthPct: number;
  differencePts: number;
}

export interface Deflators {
  baseYear: number;
  baseLabel: string;
  method: string;
  years: DeflatorYear[];
  spliceCheck: SpliceCheck[];
}

/** HMT March 2020: financial year → index (2018-19 = 100), outturn rows only. */
export function parseHmtFy(bytes: Uint8Array, where: { source: string; file: string }): Map<number, number> {
  const sheet = '11032020 deflator update';
  const wb = readWorkbook(bytes, where, [sheet]);
  const table = sheetTable(wb, sheet, where, (r) => r.includes('Financial year') && r.includes('2018-19 = 100'));
  const cYear = table.col('Financial year');
  const cIndex = table.col('2018-19 = 100');
  const out = new Map<number, number>();
  for (let r = 0; r < table.rows.length; r++) {
    const label = table.text(r, cYear);
    const m = /^(\d{4})-(\d{2})\b/.exec(label);
    if (!m) {
      if (out.size > 0) break; // footnotes below the table
      continue;
    }
    const year = Number(m[1]) + 1;
    if (year % 100 !== Number(m[2])) throw table.error('the financial year label is not consecutive years', { row: r, column: 'Financial year', value: label });
    const v = table.value(r, cIndex);
    if (isMissing(v)) continue; // forecast rows ("-")
    if (out.has(year)) throw table.error(`duplicate financial year ${label}`, { row: r, column: 'Financial year', value: label });
    out.set(year, v);
  }
  if (out.get(2019) === undefined || Math.abs(out.get(2019)! - 100) > 1e-9) {
    throw table.error('2018-19 is not 100: the base year of the HMT file has changed', { column: '2018-19 = 100' });
  }
  return out;
}

/** Calendar-year series: year → index. */
export function parseCalendarYears(bytes: Uint8Array, where: { source: string; file: string }, minRows = 20): Map<number, number> {
  const table = readCsv(bytes, { ...where, minRows });
  table.requireColumns(['year', 'value']);
  table.assertUniqueKeys((r) => table.text(r, 'year'), 'year');
  const out = new Map<number, number>();
  for (let r = 0; r < table.rows.length; r++) {
    const y = table.text(r, 'year');
    if (!/^\d{4}$/.test(y) || Number(y) < 1950 || Number(y) > 2100) throw table.error('not a calendar year', { row: r, column: 'year', value: y });
    const v = table.value(r, 'value');
    if (isMissing(v) || v <= 0) throw table.error('the deflator must be a positive number', { row: r, column: 'value', value: table.text(r, 'value') });
    out.set(Number(y), v);
  }
  return out;
}

/** FY ending 31 March `year` ≈ 0.75·CY(year−1) + 0.25·CY(year). */
export function approxFy(cy: ReadonlyMap<number, number>, year: number): number | undefined {
  const a = cy.get(year - 1);
  const b = cy.get(year);
  return a === undefined || b === undefined ? undefined : 0.75 * a + 0.25 * b;
}

/** Which manifest entries the two series came from (for error messages and the method note). */
export interface DeflatorSources {
  fy: string;
  cy: string;
  cyRelease?: string;
}

export function buildDeflators(
  hmt: ReadonlyMap<number, number>,
  cy: ReadonlyMap<number, number>,
  sources: DeflatorSources = { fy: 'the financial-year index', cy: 'the calendar-year series' },
): Deflators {
  const { cy: cySource, cyRelease } = sources;
  const { last: DEFLATOR_LAST_YEAR, base: DEFLATOR_BASE_YEAR } = deflatorYears(cy);
  const raw = new Map<number, { v: number; approximate: boolean; method: DeflatorYear['method'] }>();
  let lastExact = -1;
  for (let y = DEFLATOR_FIRST_YEAR; y <= DEFLATOR_LAST_YEAR; y++) {
    const h = hmt.get(y);
    if (h !== undefined) {
      if (lastExact !== y - 1 && lastExact !== -1) {
        throw new DataError({ source: sources.fy }, `the HMT financial-year series has a gap before ${financialYear(y)}`);
      }
      raw.set(y, { v: h, approximate: false, method: 'hmt-fy' });
      lastExact = y;
    }
  }
  if (lastExact < 0) throw new DataError({ source: sources.fy }, `no HMT financial-year index for ${financialYear(DEFLATOR_FIRST_YEAR)} on`);
  for (let y = lastExact + 1; y <= DEFLATOR_LAST_YEAR; y++) {
    const prev = raw.get(y - 1);
    const a0 = approxFy(cy, y - 1);
    const a1 = approxFy(cy, y);
    if (!prev || a0 === undefined || a1 === undefined) break;
    raw.set(y, { v: prev.v * (a1 / a0), approximate: true, method: 'cy-approximation' });
  }
  const base = raw.get(DEFLATOR_BASE_YEAR);
  if (!base) throw new DataError({ source: cySource }, `no deflator can be built for the base year ${financialYear(DEFLATOR_BASE_YEAR)}`);
  const years: DeflatorYear[] = [];
  for (let y = DEFLATOR_FIRST_YEAR; y <= DEFLATOR_LAST_YEAR; y++) {
    const r = raw.get(y);
    years.push(
      r
        ? { year: y, financialYear: financialYear(y), index: (r.v / base.v) * 100, approximate: r.approximate, method: r.method }
        : { year: y, financialYear: financialYear(y), index: missing('no_deflator'), approximate: false, method: 'none' },
    );
  }
  const spliceCheck: SpliceCheck[] = [];
  for (let y = DEFLATOR_FIRST_YEAR + 1; y <= lastExact; y++) {
    const h0 = hmt.get(y - 1);
    const h1 = hmt.get(y);
    const a0 = approxFy(cy, y - 1);
    const a1 = approxFy(cy, y);
    if (h0 === undefined || h1 === undefined || a0 === undefined || a1 === undefined) continue;
    const hmtGrowthPct = (h1 / h0 - 1) * 100;
    const approxGrowthPct = (a1 / a0 - 1) * 100;
    spliceCheck.push({ year: y, hmtGrowthPct, approxGrowthPct, differencePts: approxGrowthPct - hmtGrowthPct });
  }
  return {
    baseYear: DEFLATOR_BASE_YEAR,
    baseLabel: `${financialYear(DEFLATOR_BASE_YEAR)} = 100`,
    method: `HM Treasury financial-year GDP deflator (March 2020) to ${financialYear(lastExact)}; later years chained on the growth of 0.75·CY t + 0.25·CY t+1 from the ${cyRelease ? `${cyRelease} ` : ''}calendar-year series (approximate); ${financialYear(DEFLATOR_LAST_YEAR)} has no deflator until calendar year ${DEFLATOR_LAST_YEAR} is published; rebased to ${financialYear(DEFLATOR_BASE_YEAR)} = 100.`,
    years,
    spliceCheck,
  };
}

/** Manifest roles (family "deflators"): the HMT financial-year index and the calendar-year series; each the newest release of its role. */
export const DEFLATOR_ROLES = { fy: 'fy-index', cy: 'cy-index' } as const;

export function loadDeflators(files: SourceFiles): Deflators {
  const h = newestFile(files, 'deflators', DEFLATOR_ROLES.fy);
  const c = newestFile(files, 'deflators', DEFLATOR_ROLES.cy);
  return buildDeflators(
    parseHmtFy(h.bytes, { source: h.entry.id, file: h.entry.path }),
    parseCalendarYears(c.bytes, { source: c.entry.id, file: c.entry.path }),
    { fy: h.entry.id, cy: c.entry.id, cyRelease: c.entry.release },
  );
}

/** Real-terms value in base-year prices, or the deflator's gap. */
export function toRealTerms(d: Deflators, year: number, cash: number): number | Missing {
  const y = d.years.find((x) => x.year === year);
  if (!y) return missing('no_deflator');
  return isMissing(y.index) ? y.index : (cash * 100) / y.index;
}
