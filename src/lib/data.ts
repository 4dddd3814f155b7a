/**
 * The site's only door to the data: typed, validated accessors over the
 * pipeline's output folder (see src/lib/data/load.ts), used at BUILD time by
 * pages, endpoints and MDX components.
 *
 * Data model (from contract/outputs.ts):
 *   - la-panel.json: one row per upper-tier LA per year (ending 31 March) in
 *     which the LA existed; `null` = missing, with the reason in row.missing.
 *   - las.json: every LA that existed at any 31 March in the panel's range,
 *     current and former, with predecessors/successors.
 *   - england.json: the national series (one AreaYear per year), the long-run
 *     count of children looked after, and revisions between releases.
 *   - regions.json: the same per region (E12 codes).
 *   - inspections.json: every Ofsted inspection judgement.
 * The pipeline has already decided which release wins for each figure; the
 * site never re-derives figures, it only looks them up.
 *
 * Keys are checked once at load: (la_code, year) in the panel, code in las,
 * slug in las, (code, year) in england/regions. Any breach fails the build.
 */
import type { AreaYear, ColumnDoc, Inspection, LaInfo, LaStatus, PanelNumericColumn, PanelRow, PlaceInfo, Revision } from '../../contract/outputs.ts';
import { measureDependents } from '../../contract/measures.ts';
import { PANEL_NUMERIC_COLUMNS } from '../../contract/outputs.ts';
import { MISSING_REASONS, type MissingReason } from '../../contract/missing.ts';
import { loadOutput, OutputFileError, outputPath, resetDataCache as resetLoaded } from './data/load.ts';
import { getUpdates } from './data/updates.ts';
import {
  ENGLAND_CODE,
  AnomaliesFileSchema,
  EnglandFileSchema,
  type EnglandFileRead,
  InspectionsFileSchema,
  LasFileSchema,
  PlacesFileSchema,
  PanelFileSchema,
  ProvenanceSchema,
  RegionsFileSchema,
  ReportFileSchema,
  type SiteProvenance,
} from '../../contract/schemas.ts';
import { isAreaCode } from '../../contract/codes.ts';

export { OutputFileError, readOutputText } from './data/load.ts';
export { ENGLAND_CODE } from '../../contract/schemas.ts';
export type { AreaYear, ColumnDoc, Inspection, LaInfo, PanelRow, PlaceInfo, Revision, PanelNumericColumn, SiteProvenance };

export interface Panel {
  provenance: SiteProvenance;
  columns: ColumnDoc[];
  rows: PanelRow[];
}
/**
 * england.json as validated against contract/schemas.ts EnglandFileSchema: the series, long run and
 * revisions, and (absent in the small site fixtures) the deflators, whose baseYear is the year
 * ending 31 March of the real-terms price base, MHCLG's national figures and the spending checks.
 */
export type England = EnglandFileRead;

function assertUnique<T>(file: string, items: readonly T[], key: (t: T) => string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const prev = seen.get(k);
    if (prev !== undefined) throw new OutputFileError(outputPath(file as never), `duplicate key ${k} at [${prev}] and [${i}].`);
    seen.set(k, i);
  });
}

const checked = new Set<string>();

/** Forget loaded files and key checks (tests switch DATA_OUTPUT_DIR between cases). */
export function resetDataCache(): void {
  resetLoaded();
  checked.clear();
}
function once(name: string, check: () => void): void {
  const key = `${name}:${outputPath('la-panel.json')}`;
  if (checked.has(key)) return;
  check();
  checked.add(key);
}

export function getPanel(): Panel {
  const panel = loadOutput('la-panel.json', PanelFileSchema) as Panel;
  once('panel', () => {
    assertUnique('la-panel.json', panel.rows, (r) => `${r.la_code} ${r.year}`);
    const names = new Set(panel.columns.map((c) => c.name));
    const absent = PANEL_NUMERIC_COLUMNS.filter((c) => !names.has(c));
    if (absent.length) throw new OutputFileError(outputPath('la-panel.json'), `columns[] documents no ${absent.join(', ')}.`);
  });
  return panel;
}

export function getLas(filter: { status?: LaStatus } = {}): LaInfo[] {
  const las = (loadOutput('las.json', LasFileSchema) as { las: LaInfo[] }).las;
  once('las', () => {
    assertUnique('las.json', las, (l) => l.code);
    assertUnique('las.json', las, (l) => l.slug);
    const known = new Set(las.map((l) => l.code));
    const unknown = [...new Set(getPanel().rows.map((r) => r.la_code))].filter((c) => !known.has(c));
    if (unknown.length) throw new OutputFileError(outputPath('las.json'), `la-panel.json has rows for codes not in las.json: ${unknown.join(', ')}.`);
  });
  return filter.status ? las.filter((l) => l.status === filter.status) : las;
}

/**
 * Names of councils, former councils and districts, each with the current
 * council(s) it leads to (places.json). Checked at load: every target is a
 * current council in las.json, and every current council is listed by name.
 */
export function getPlaces(): PlaceInfo[] {
  const places = (loadOutput('places.json', PlacesFileSchema) as { places: PlaceInfo[] }).places;
  once('places', () => {
    const current = new Map(getLas({ status: 'current' }).map((l) => [l.code, l]));
    const bad = places.filter((p) => p.councils.some((c) => !current.has(c)));
    if (bad.length)
      throw new OutputFileError(
        outputPath('places.json'),
        `places lead to councils that are not current in las.json: ${bad
          .slice(0, 5)
          .map((p) => `${p.name} → ${p.councils.join(', ')}`)
          .join('; ')}.`,
      );
    const named = new Set(places.filter((p) => p.kind === 'council').map((p) => p.code));
    const unnamed = [...current.keys()].filter((c) => !named.has(c));
    if (unnamed.length) throw new OutputFileError(outputPath('places.json'), `current councils missing from the place index: ${unnamed.join(', ')}.`);
  });
  return places;
}

/** An LA by ONS code (E06…/E08…/E09…/E10…) or slug; undefined if none. */
export function getLa(codeOrSlug: string): LaInfo | undefined {
  return getLas().find((l) => l.code === codeOrSlug || l.slug === codeOrSlug);
}

/** Panel rows for one LA, oldest year first. */
export function getLaRows(code: string): PanelRow[] {
  return getPanel()
    .rows.filter((r) => r.la_code === code)
    .sort((a, b) => a.year - b.year);
}

export function getEngland(): England {
  const england: England = loadOutput('england.json', EnglandFileSchema);
  once('england', () => assertUnique('england.json', england.series, (a) => `${a.code} ${a.year}`));
  return england;
}

/** The financial year (ending) whose prices the real-terms figures are in: the deflators' base year, from the data (absent in the small fixtures). */
export function priceBaseYear(): number | undefined {
  return getEngland().deflators?.baseYear;
}

export function getRegions(): AreaYear[] {
  const regions = (loadOutput('regions.json', RegionsFileSchema) as { series: AreaYear[] }).series;
  once('regions', () => assertUnique('regions.json', regions, (a) => `${a.code} ${a.year}`));
  return regions;
}

/** All inspections, or one LA's, newest published first. */
export function getInspections(laCode?: string): Inspection[] {
  const all = (loadOutput('inspections.json', InspectionsFileSchema) as { inspections: Inspection[] }).inspections;
  return all.filter((i) => laCode === undefined || i.la_code === laCode).sort((a, b) => b.published.localeCompare(a.published));
}

/**
 * The council's page of Ofsted reports (from Ofsted's own web links), or null. A page the file gives
 * to another council too is used only when the two were formed from the same council (North and West
 * Northamptonshire share one children's trust); otherwise it may be the other council's (the 2025 file
 * gives the City of London Islington's page), so no link is shown.
 */
export function ofstedReportPage(laCode: string): string | null {
  const pages = (loadOutput('inspections.json', InspectionsFileSchema) as { reportPages?: Record<string, string> }).reportPages ?? {};
  const url = pages[laCode];
  if (!url) return null;
  const preds = (code: string) => new Set(getLa(code)?.predecessors ?? []);
  const mine = preds(laCode);
  const sharing = Object.entries(pages).filter(([c, u]) => u === url && c !== laCode);
  return sharing.every(([c]) => [...preds(c)].some((p) => mine.has(p))) ? url : null;
}

export function getReport(): Record<string, unknown> {
  return loadOutput('report.json', ReportFileSchema);
}

export function getProvenance(): SiteProvenance {
  return loadOutput('provenance.json', ProvenanceSchema) as SiteProvenance;
}

/**
 * "Data updated": the newest publication date among the sources (from the manifest), so two
 * builds from the same data say the same thing. Month-only dates are the 1st of the month.
 */
/**
 * "Data updated": the date the latest data update was accepted (the public log,
 * data/updates.json); before any logged update, the latest publication date
 * among the sources.
 */
export function dataUpdated(): Date {
  const latest = getUpdates()[0];
  if (latest) {
    const [y, m, d] = latest.date.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  const p = getProvenance();
  if (!p.latestPublication) throw new Error('provenance.json has no latestPublication: no source in data/sources.json records a publication date');
  const [y, m, d] = p.latestPublication.date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d ?? 1));
}

/** The most recent year (ending 31 March) with any panel row. */
export function latestYear(): number {
  return Math.max(...getPanel().rows.map((r) => r.year));
}

/**
 * The most recent year with a figure for this measure in this area (England,
 * a region or a council): each measure has its own latest year — children looked
 * after are published months before spending — so a page showing a measure asks
 * for its year, never the panel's last year. Throws if the area has no figure.
 */
export function latestYearOf(measure: PanelNumericColumn, code: string): number {
  const years = isAreaCode(code)
    ? (code === ENGLAND_CODE ? getEngland().series : getRegions()).filter((a) => a.code === code && typeof a.values[measure] === 'number').map((a) => a.year)
    : getLaRows(code)
        .filter((r) => typeof r[measure] === 'number')
        .map((r) => r.year);
  if (years.length === 0) throw new Error(`no year has a figure for ${measure} in ${code}`);
  return Math.max(...years);
}

export interface FigureResult {
  measure: PanelNumericColumn;
  code: string;
  name: string;
  year: number;
  /** The number, or null if missing (see `missing`). */
  value: number | null;
  missing: MissingReason | null;
  /** Plain-English reason for a missing value. */
  missingText: string | null;
  /** Manifest ids the pipeline documents for this measure. */
  sources: string[];
  unit: string | undefined;
}

export class FigureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FigureError';
  }
}

function nearest(choices: readonly number[], target: number): number[] {
  return [...choices]
    .sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b)
    .slice(0, 3)
    .sort((a, b) => a - b);
}

/**
 * One figure: `measure` for `code` (an LA, a region E12…, or England
 * E92000001) in `year` (ending 31 March). Throws a FigureError naming the
 * measure, code and year, with nearby valid choices, if there is no such
 * row. A row that exists with a missing value is NOT an error: value is null
 * and `missing` gives the reason, which the page must show.
 */
export function figure(measure: PanelNumericColumn, code: string, year: number): FigureResult {
  const where = `figure(${JSON.stringify(measure)}, ${JSON.stringify(code)}, ${year})`;
  if (!(PANEL_NUMERIC_COLUMNS as readonly string[]).includes(measure)) {
    const close = PANEL_NUMERIC_COLUMNS.filter((c) => c.split('_')[0] === String(measure).split('_')[0]);
    throw new FigureError(`${where}: unknown measure. Measures: ${(close.length ? close : PANEL_NUMERIC_COLUMNS).join(', ')}.`);
  }
  const doc = getPanel().columns.find((c) => c.name === measure);
  const sources = doc?.sources ?? [];
  const unit = doc?.unit;

  if (isAreaCode(code)) {
    const series = code === ENGLAND_CODE ? getEngland().series : getRegions();
    const rows = series.filter((a) => a.code === code);
    if (!rows.length) {
      const codes = [...new Set(series.map((a) => `${a.code} (${a.name})`))];
      throw new FigureError(`${where}: no such area. Areas: ${codes.join(', ')}.`);
    }
    const row = rows.find((a) => a.year === year);
    if (!row)
      throw new FigureError(
        `${where}: no ${year} row for ${rows[0]!.name}. Nearest years: ${nearest(
          rows.map((a) => a.year),
          year,
        ).join(', ')}.`,
      );
    const v = row.values[measure];
    if (v === undefined) {
      const have = Object.keys(row.values);
      throw new FigureError(`${where}: ${row.name} has no ${measure} series. It has: ${have.join(', ') || 'none'}.`);
    }
    const reason = v === null ? (row.missing[measure] ?? 'blank') : null;
    return { measure, code, name: row.name, year, value: v, missing: reason, missingText: reason ? MISSING_REASONS[reason] : null, sources, unit };
  }

  const rows = getLaRows(code);
  if (!rows.length) {
    const la = getLa(code);
    if (la) throw new FigureError(`${where}: ${la.name} has no panel rows.`);
    const byName = getLas()
      .filter((l) => l.code.slice(0, 3) === code.slice(0, 3))
      .slice(0, 5)
      .map((l) => `${l.code} (${l.name})`);
    throw new FigureError(`${where}: no LA, region or England with code ${code}.${byName.length ? ` Codes like it: ${byName.join(', ')}.` : ''}`);
  }
  const row = rows.find((r) => r.year === year);
  if (!row) {
    const la = getLa(code);
    const span = la ? ` (${la.name} reported ${la.firstYear}–${la.lastYear ?? 'now'})` : '';
    throw new FigureError(
      `${where}: no ${year} row${span}. Nearest years: ${nearest(
        rows.map((r) => r.year),
        year,
      ).join(', ')}.`,
    );
  }
  const v = row[measure];
  const reason = v === null ? (row.missing[measure] ?? 'blank') : null;
  return { measure, code, name: row.la_name, year, value: v, missing: reason, missingText: reason ? MISSING_REASONS[reason] : null, sources, unit };
}

// ------------------------------------------------------------------ anomalies and the small councils

export type Anomaly = ReturnType<typeof getAnomalies>[number];

/** The anomaly screen's findings with the editors' decisions (/data/anomalies.json). */
export function getAnomalies() {
  return loadOutput('anomalies.json', AnomaliesFileSchema);
}

/** Anomalies flagged on one council (and year), for marking values on pages and charts. */
export function anomaliesFor(code: string, year?: number): Anomaly[] {
  return getAnomalies().filter((a) => a.la_code === code && (year === undefined || a.year === year));
}

/** Columns computed from a measure: excluding the measure excludes them too. */
export const DEPENDENTS: Partial<Record<PanelNumericColumn, readonly PanelNumericColumn[]>> = Object.fromEntries(measureDependents()) as Partial<
  Record<PanelNumericColumn, readonly PanelNumericColumn[]>
>;

/** Keys "la_code|year|column" of every value an editor excluded from analysis (with the columns computed from it). */
export function analysisExclusions(): ReadonlySet<string> {
  const out = new Set<string>();
  for (const a of getAnomalies()) {
    if (a.decision !== 'exclude-from-analysis') continue;
    for (const c of [a.measure, ...(DEPENDENTS[a.measure] ?? [])]) out.add(`${a.la_code}|${a.year}|${c}`);
  }
  return out;
}

/** Whether analysis code must leave this value out (decision "exclude-from-analysis" in data/anomaly-decisions.json). */
export function isExcludedFromAnalysis(code: string, year: number, column: PanelNumericColumn): boolean {
  return analysisExclusions().has(`${code}|${year}|${column}`);
}

let analysisPanel: { key: string; rows: PanelRow[] } | null = null;
/**
 * The panel as analyses must use it: every value excluded from analysis is null, with the
 * reason "excluded_from_analysis" (pages showing a council's own figures use getPanel(),
 * which keeps the published value, and mark it with anomaliesFor()).
 */
export function getPanelForAnalysis(): PanelRow[] {
  const key = outputPath('anomalies.json');
  if (analysisPanel?.key === key) return analysisPanel.rows;
  const ex = analysisExclusions();
  const rows = getPanel().rows.map((r) => {
    const cols = PANEL_NUMERIC_COLUMNS.filter((c) => ex.has(`${r.la_code}|${r.year}|${c}`) && r[c] !== null);
    if (cols.length === 0) return r;
    const copy = { ...r, missing: { ...r.missing } } as PanelRow;
    for (const c of cols) {
      (copy as Record<string, unknown>)[c] = null;
      copy.missing[c] = 'excluded_from_analysis';
    }
    return copy;
  });
  analysisPanel = { key, rows };
  return rows;
}

/** Values left out of analyses in `year` for `column`, named for an analysis's notes. */
export function exclusionNote(year: number, column: PanelNumericColumn): string | null {
  const names = getPanel()
    .rows.filter((r) => isExcludedFromAnalysis(r.la_code, r.year, column) && r.year === year)
    .map((r) => r.la_name);
  return names.length ? `${names.join(', ')} ${year}: left out (the published figure looks misreported; see the anomalies list).` : null;
}

export { SMALL_COUNCIL_CODES, SMALL_COUNCILS_CAVEAT, isSmallCouncil } from './small-councils.ts';
