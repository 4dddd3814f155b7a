/**
 * The anomaly screen: implausible values in council series, found, decided on
 * by an editor, and published (/data/anomalies.json).
 *
 * Every council series of the screened measures is checked, year by year, by
 * four rules whose thresholds are data (data/anomaly-decisions.json, "rules"):
 *
 *   spike       a one-year jump that falls back: the value is at least `factor`
 *               times both the year before and the year after (or at most
 *               1/factor of both), and those two agree within `neighbourSpread`.
 *   unit        a likely unit slip: the value is at most 1/`factor` of the
 *               median of the council's other years (a figure entered in
 *               £ thousands, or in £ when the rest are in thousands).
 *   vs-england  a year-on-year change out of line with England's: the council's
 *               ratio to the year before, divided by England's, is at most
 *               `fallRatio` or at least `riseRatio`, and the change is at least
 *               `minChange` (so small numbers do not trip it).
 *   vs-similar  out of line with similar councils: spend per child at least
 *               `factor` times the median of its statistical neighbours that
 *               year, or at most 1/`factor` of it.
 *
 * Comparisons never cross a break in the spending series (spend_basis) and skip
 * the small councils (City of London, Isles of Scilly; data/small-councils.json).
 *
 * DECISIONS. Each anomaly is keyed by (la_code, year, measure, rule). The file's
 * "decisions" give an editor's choice for each: `keep` (genuine), `exclude-from-analysis`
 * (left out of cross-council analyses, shown flagged), or `query-with-publisher`
 * (kept, flagged, and raised with the publisher). An anomaly with no decision is
 * "undecided": listed in the editors' report, and a test fails until it is decided.
 */
import type { AreaYear, LaInfo, PanelNumericColumn, PanelRow } from '../../../contract/outputs.ts';
import { DataError } from '../core/errors.ts';
import { isLaCode } from '../../../contract/codes.ts';
import { formatGbp, formatNumber } from '../../../contract/numbers.ts';
import { median as medianOf } from '../../../contract/stats.ts';
import { financialYear } from '../../../contract/years.ts';

export type AnomalyDecision = 'keep' | 'exclude-from-analysis' | 'query-with-publisher';
export const DECISIONS: readonly AnomalyDecision[] = ['keep', 'exclude-from-analysis', 'query-with-publisher'];
export type AnomalyRule = 'spike' | 'unit' | 'vs-england' | 'vs-similar';

export interface AnomalyRules {
  measures: PanelNumericColumn[];
  spike: { factor: number; neighbourSpread: number; minValue: number };
  unit: { factor: number };
  vsEngland: { measures: PanelNumericColumn[]; fallRatio: number; riseRatio: number; minChange: Partial<Record<PanelNumericColumn, number>> };
  vsSimilar: { measures: PanelNumericColumn[]; factor: number; minNeighbours: number };
}

export interface DecisionEntry {
  la_code: string;
  year: number;
  measure: string;
  rule: AnomalyRule;
  decision: AnomalyDecision;
  note: string;
}

export interface AnomalyFile {
  rules: AnomalyRules;
  decisions: DecisionEntry[];
}

export interface Anomaly {
  la_code: string;
  la_name: string;
  year: number;
  measure: PanelNumericColumn;
  value: number;
  rule: AnomalyRule;
  reason: string;
  decision: AnomalyDecision | null;
  note: string | null;
}

/**
 * Amounts in reasons are rounded to read well ("£137.3m", "£712,796", "153"): pounds from £1m up to
 * one decimal of £m or £bn, smaller amounts and counts whole. The exact figure is the anomaly's `value`.
 */
const fmt = (m: string, v: number) => (m.endsWith('_gbp') ? formatGbp(v, 1) : formatNumber(v, 0));
/** Spending is by financial year (2019-20 for the year ending March 2020); counts at 31 March of the year. */
const yr = (m: string, y: number) => (m.startsWith('spend_') ? financialYear(y) : String(y));
const pct = (r: number) => `${r >= 1 ? '+' : '−'}${Math.abs(Math.round((r - 1) * 100))}%`;

const median = (xs: readonly number[]): number | null => (xs.length ? medianOf(xs) : null);

/** Spend columns compare only within one spend_basis; other columns across all years. */
const sameSeries = (m: string, a: PanelRow, b: PanelRow) => !m.startsWith('spend_') || a.spend_basis === b.spend_basis;

export function screenAnomalies(
  panel: readonly PanelRow[],
  england: readonly AreaYear[],
  las: readonly LaInfo[],
  file: AnomalyFile,
  smallCouncils: ReadonlySet<string>,
): Anomaly[] {
  const { rules } = file;
  const found: Omit<Anomaly, 'decision' | 'note'>[] = [];
  const byCode = new Map<string, PanelRow[]>();
  for (const r of panel) {
    if (smallCouncils.has(r.la_code)) continue;
    const list = byCode.get(r.la_code) ?? [];
    list.push(r);
    byCode.set(r.la_code, list);
  }
  const engByYear = new Map(england.map((e) => [e.year, e]));
  const flagged = new Set<string>();
  const add = (r: PanelRow, measure: PanelNumericColumn, rule: AnomalyRule, reason: string) => {
    const k = `${r.la_code}|${r.year}|${measure}`;
    // already explained by a spike or unit slip, or the return from last year's jump
    if (rule === 'vs-england' && (flagged.has(k) || flagged.has(`${r.la_code}|${r.year - 1}|${measure}`))) return;
    flagged.add(k);
    found.push({ la_code: r.la_code, la_name: r.la_name, year: r.year, measure, value: r[measure] as number, rule, reason });
  };

  for (const rows of byCode.values()) {
    rows.sort((a, b) => a.year - b.year);
    for (const m of rules.measures) {
      const series = rows.filter((r) => r[m] !== null);
      for (let i = 0; i < series.length; i++) {
        const r = series[i]!;
        const v = r[m] as number;
        // unit slip: far below the council's other years in the same series
        const others = series.filter((o) => o !== r && sameSeries(m, o, r)).map((o) => o[m] as number);
        const med = median(others);
        if (med !== null && others.length >= 3 && v > 0 && v <= med / rules.unit.factor) {
          add(
            r,
            m,
            'unit',
            `${fmt(m, v)} is about 1/${formatNumber(med / v, 0)} of the council's usual ${fmt(m, med)} (median of its other years): it looks like a figure entered in thousands`,
          );
          continue;
        }
        // one-year spike or dip that falls back
        const prev = series[i - 1];
        const next = series[i + 1];
        if (prev && next && prev.year === r.year - 1 && next.year === r.year + 1 && sameSeries(m, prev, r) && sameSeries(m, next, r)) {
          const a = prev[m] as number;
          const b = next[m] as number;
          if (a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= rules.spike.neighbourSpread && Math.max(v, a, b) >= rules.spike.minValue) {
            if (v >= rules.spike.factor * Math.max(a, b)) {
              add(
                r,
                m,
                'spike',
                `${fmt(m, v)} is ${(v / Math.max(a, b)).toFixed(1)} times the years either side (${fmt(m, a)} in ${yr(m, prev.year)}, ${fmt(m, b)} in ${yr(m, next.year)}): a one-year jump that falls back`,
              );
              continue;
            }
            if (v * rules.spike.factor <= Math.min(a, b)) {
              add(
                r,
                m,
                'spike',
                `${fmt(m, v)} is ${(v / Math.min(a, b)).toFixed(2)} of the years either side (${fmt(m, a)} in ${yr(m, prev.year)}, ${fmt(m, b)} in ${yr(m, next.year)}): a one-year drop that comes back`,
              );
              continue;
            }
          }
        }
        // year-on-year change against England's
        if (rules.vsEngland.measures.includes(m) && prev && prev.year === r.year - 1 && sameSeries(m, prev, r)) {
          const a = prev[m] as number;
          const ea = engByYear.get(prev.year)?.values[m];
          const eb = engByYear.get(r.year)?.values[m];
          const minChange = rules.vsEngland.minChange[m] ?? 0;
          if (a > 0 && typeof ea === 'number' && typeof eb === 'number' && ea > 0 && Math.abs(v - a) >= minChange) {
            const rel = v / a / (eb / ea);
            if (rel <= rules.vsEngland.fallRatio || rel >= rules.vsEngland.riseRatio) {
              add(r, m, 'vs-england', `${pct(v / a)} on ${yr(m, prev.year)} (${fmt(m, a)} → ${fmt(m, v)}) while England changed ${pct(eb / ea)}`);
            }
          }
        }
      }
    }
  }

  // out of line with statistical neighbours
  const rowOf = new Map(panel.map((r) => [`${r.la_code}|${r.year}`, r]));
  for (const la of las) {
    if (smallCouncils.has(la.code)) continue;
    for (const r of byCode.get(la.code) ?? []) {
      for (const m of rules.vsSimilar.measures) {
        const v = r[m];
        if (v === null || v <= 0) continue;
        const ns = la.statisticalNeighbours
          .map((c) => rowOf.get(`${c}|${r.year}`))
          .filter((n): n is PanelRow => n !== undefined && n[m] !== null && !smallCouncils.has(n.la_code) && sameSeries(m, n, r))
          .map((n) => n[m] as number);
        const med = median(ns);
        if (med === null || ns.length < rules.vsSimilar.minNeighbours) continue;
        if (v >= rules.vsSimilar.factor * med || v * rules.vsSimilar.factor <= med) {
          add(r, m, 'vs-similar', `${fmt(m, v)} is ${(v / med).toFixed(1)} times the median of its ${ns.length} statistical neighbours (${fmt(m, med)})`);
        }
      }
    }
  }

  const decisions = new Map(file.decisions.map((d) => [`${d.la_code}|${d.year}|${d.measure}|${d.rule}`, d]));
  return found
    .map((a) => {
      const d = decisions.get(`${a.la_code}|${a.year}|${a.measure}|${a.rule}`);
      return { ...a, decision: d?.decision ?? null, note: d?.note ?? null };
    })
    .sort((a, b) => a.la_name.localeCompare(b.la_name, 'en-GB') || a.year - b.year || a.measure.localeCompare(b.measure));
}

/** Decisions in the file that no longer match an anomaly (the data changed): listed in the report. */
export function staleDecisions(anomalies: readonly Anomaly[], file: AnomalyFile): DecisionEntry[] {
  const live = new Set(anomalies.map((a) => `${a.la_code}|${a.year}|${a.measure}|${a.rule}`));
  return file.decisions.filter((d) => !live.has(`${d.la_code}|${d.year}|${d.measure}|${d.rule}`));
}

/** Read and check the reviewed file (data/anomaly-decisions.json); a malformed entry is a DataError naming it. */
export function parseAnomalyFile(text: string, path: string): AnomalyFile {
  const where = { source: 'anomaly-decisions', file: path };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DataError(where, `not valid JSON: ${(e as Error).message}`, 'fix the syntax of the file');
  }
  const f = raw as Partial<AnomalyFile>;
  if (!f || typeof f !== 'object' || !f.rules || !Array.isArray(f.decisions)) {
    throw new DataError(where, 'expected an object with "rules" and "decisions"', 'see scripts/data/derive/anomalies.ts for the format');
  }
  const seen = new Set<string>();
  f.decisions.forEach((d, i) => {
    const at = { ...where, row: i + 1 };
    if (typeof d.la_code !== 'string' || !isLaCode(d.la_code)) throw new DataError({ ...at, column: 'la_code', value: d.la_code }, 'not an upper-tier LA code');
    if (!Number.isInteger(d.year)) throw new DataError({ ...at, column: 'year', value: d.year }, 'not a year');
    if (!DECISIONS.includes(d.decision)) {
      throw new DataError({ ...at, column: 'decision', value: d.decision }, 'not a decision', `use one of ${DECISIONS.join(', ')}`);
    }
    if (!['spike', 'unit', 'vs-england', 'vs-similar'].includes(d.rule))
      throw new DataError({ ...at, column: 'rule', value: d.rule }, 'not a rule', 'use spike, unit, vs-england or vs-similar');
    if (typeof d.note !== 'string' || d.note.trim().length < 10)
      throw new DataError({ ...at, column: 'note', value: d.note }, 'every decision needs a short reason in "note"');
    const k = `${d.la_code}|${d.year}|${d.measure}|${d.rule}`;
    if (seen.has(k)) throw new DataError({ ...at, value: k }, 'a second decision for the same anomaly', 'keep one');
    seen.add(k);
  });
  return f as AnomalyFile;
}

/** The small councils of data/small-councils.json (one policy, used by the screen and the site). */
export function parseSmallCouncils(text: string): Set<string> {
  const f = JSON.parse(text) as { councils: Array<{ code: string }> };
  return new Set(f.councils.map((c) => c.code));
}
