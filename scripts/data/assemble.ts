/**
 * From parsed families to the published files: harmonise the geography, build
 * the LA panel and the England and regional series, and lay out every output
 * file with its provenance (see scripts/data/contract.ts for the shapes).
 */
import { screenAnomalies, type Anomaly, type AnomalyFile } from './derive/anomalies.ts';
import { MEASURES, type MeasureId } from './core/types.ts';
import { ENGLAND_CODE } from '../../contract/codes.ts';
import { isMeasure, measureInputs } from '../../contract/measures.ts';
import type { SourceFiles } from './core/acquire.ts';
import type { Manifest } from '../../contract/manifest.ts';
import { isMissing, missing, MISSING_REASONS, type Value } from '../../contract/missing.ts';
import { PANEL_NUMERIC_COLUMNS, type AreaYear, type Inspection, type PanelRow, type Revision } from '../../contract/outputs.ts';
import type { Families } from './families.ts';
import { harmonise, type LaResolver, type ObservationStore } from './harmonise.ts';
import { buildPanel, panelYears } from './derive/panel.ts';
import { buildAreas } from './derive/areas.ts';
import type { DeflatorLookup } from './derive/measures.ts';
import { countedAt31March, judgementInForce } from './derive/ofsted-in-force.ts';
import { creditsFrom, panelDictionary } from './publish/dictionary.ts';
import { dataPackage } from './publish/datapackage.ts';
import { toCsv } from './publish/csv.ts';
import { PANEL_FAMILIES, provenanceFor } from './publish/provenance.ts';
import { stableJson } from './publish/write.ts';
import { nameKey } from './sources/geography.ts';

export interface Assembled {
  panel: PanelRow[];
  england: AreaYear[];
  regions: AreaYear[];
  revisions: Revision[];
  files: Map<string, string>;
  /** The anomaly screen's findings with the editors' decisions (empty without the reviewed file). */
  anomalies: Anomaly[];
  /** The manifest id a panel value came from, where one source supplied it (for output-check messages). */
  sourceOf?: (column: string, code: string, year: number) => string | undefined;
}

/** Regions named without a code (LAIT) → E12; Inner/Outer London are deliberately not carried. */
function resolverFor(f: Families): LaResolver {
  const regions = new Map(f.geography.regions.map((r) => [nameKey(r.name), r.code]));
  return {
    resolveCode: (ref, year) => f.geography.resolve(ref, year).code,
    regionCode: (name) => {
      const k = nameKey(name);
      if (/london.*(inner|outer)|(inner|outer).*london/.test(k)) return null;
      const code = regions.get(k);
      if (!code) throw new Error(`region "${name}" is not one of ${[...regions.keys()].join(', ')}`);
      return code;
    },
  };
}

function deflatorLookup(f: Families): DeflatorLookup {
  const byYear = new Map(f.deflators.years.map((y) => [y.year, y]));
  const base = byYear.get(f.deflators.baseYear);
  return {
    baseLabel: f.deflators.baseLabel,
    factor(year): Value {
      const y = byYear.get(year);
      if (!y || !base || isMissing(base.index)) return missing('no_deflator');
      if (isMissing(y.index)) return y.index;
      return base.index / y.index;
    },
  };
}

/** England's children looked after since 1994: the national time series, then the latest releases. */
function longRun(store: ObservationStore): Array<{ year: number; cla_count: number | null; release: string; source: string }> {
  return store
    .yearsOf('cla_count')
    .map((year) => ({ year, v: store.get('cla_count', ENGLAND_CODE, year) }))
    .filter((x) => x.v !== undefined)
    .map(({ year, v }) => ({ year, cla_count: isMissing(v!.value) ? null : v!.value, release: v!.release, source: v!.source }));
}

function panelCsvRows(rows: readonly PanelRow[]) {
  return rows.map((r) => {
    const { missing: m, ...rest } = r;
    return {
      ...rest,
      missing_reasons: Object.entries(m)
        .map(([k, v]) => `${k}=${v}`)
        .join(';'),
    };
  });
}

export const PANEL_CSV_COLUMNS = [
  'la_code',
  'la_old_code',
  'la_name',
  'region_code',
  'region',
  'year',
  ...PANEL_NUMERIC_COLUMNS,
  'spend_basis',
  'ofsted_overall',
  'ofsted_framework',
  'ofsted_published',
  'ofsted_in_force_overall',
  'ofsted_in_force_published',
  'missing_reasons',
] as const;

export interface Editorial {
  anomalies: AnomalyFile;
  smallCouncils: ReadonlySet<string>;
}

export function assemble(manifest: Manifest, files: SourceFiles, f: Families, dataVersion: string, editorial?: Editorial): Assembled {
  // The council panel runs from 2010 to the latest year of the councils' year-end returns
  // (panelYears, from the data). Council figures outside it (S251 2008-09; a workforce
  // snapshot filed under the year after the latest return) are not carried; England's are.
  const years = panelYears(f.observations);
  const observations = f.observations.filter((o) => o.level !== 'la' || (o.year >= years.first && o.year <= years.last));
  const store = harmonise(observations, resolverFor(f));
  const deflators = deflatorLookup(f);
  const depByCode = new Map(f.deprivation.map((d) => [d.code, d]));
  const inspections: Inspection[] = f.inspections;
  const panel = buildPanel({
    store,
    las: f.geography.las,
    regionName: (code) => f.geography.regions.find((r) => r.code === code)?.name ?? code,
    deflators,
    deprivation: { get: (code) => depByCode.get(code) },
    ofsted: { inForce: (code, date) => judgementInForce(inspections, code, date), countedAt: (code, year) => countedAt31March(inspections, code, year) },
    years,
  });
  const england = buildAreas(store, [{ code: ENGLAND_CODE, name: 'England' }], deflators, years);
  const regions = buildAreas(store, f.geography.regions, deflators, years);

  const anomalies = editorial ? screenAnomalies(panel, england, f.geography.las, editorial.anomalies, editorial.smallCouncils) : [];
  const prov = provenanceFor(files, dataVersion, PANEL_FAMILIES);
  const columns = panelDictionary(deflators.baseLabel, creditsFrom(manifest.sources, f.observations));
  const out = new Map<string, string>();
  out.set('la-panel.json', stableJson({ provenance: prov, columns, missingReasons: MISSING_REASONS, rows: panel }));
  out.set('la-panel.csv', toCsv(panelCsvRows(panel), PANEL_CSV_COLUMNS));
  out.set(
    'england.json',
    stableJson({
      provenance: prov,
      series: england,
      longRun: longRun(store),
      revisions: store.revisions.filter((r) => r.code === ENGLAND_CODE),
      deflators: {
        baseYear: f.deflators.baseYear,
        baseLabel: f.deflators.baseLabel,
        method: f.deflators.method,
        years: f.deflators.years,
        spliceCheck: f.deflators.spliceCheck,
      },
      mhclgNational: f.mhclgNational,
      spendChecks: f.spendChecks,
    }),
  );
  out.set('regions.json', stableJson({ provenance: prov, series: regions, revisions: store.revisions.filter((r) => r.code.startsWith('E12')) }));
  out.set('las.json', stableJson({ provenance: provenanceFor(files, dataVersion, ['geography', 'deprivation']), las: f.geography.las }));
  // /data/places.json: names of councils, former councils and districts → the current council(s).
  out.set('places.json', stableJson({ provenance: provenanceFor(files, dataVersion, ['geography']), places: f.places }));
  out.set(
    'inspections.json',
    stableJson({
      provenance: provenanceFor(files, dataVersion, ['ofsted']),
      inspections,
      dateConflicts: f.ofsted.dateConflicts,
      reportPages: f.ofsted.reportPages ?? {},
    }),
  );
  // /data/anomalies.json: [{ la_code, la_name, year, measure, value, rule, reason, decision, note }]
  out.set('anomalies.json', stableJson(anomalies));
  out.set('revisions.json', stableJson({ provenance: prov, revisions: store.revisions }));
  out.set('dictionary.json', stableJson({ provenance: prov, columns, missingReasons: MISSING_REASONS }));
  out.set('datapackage.json', stableJson(dataPackage(prov, columns, PANEL_CSV_COLUMNS, years)));
  out.set('provenance.json', stableJson(provenanceFor(files, dataVersion, [...new Set(manifest.sources.map((s) => s.family))])));
  const geoProv = provenanceFor(files, dataVersion, ['geo']);
  out.set('geo/utla.json', stableJson({ provenance: geoProv, ...f.geo.utla }));
  out.set('geo/hex.json', stableJson({ provenance: geoProv, areas: f.geo.hoclUtla, groups: f.geo.hoclGroups }));
  out.set('geo/odi-hex.json', stableJson({ provenance: geoProv, ...f.geo.odiHex }));
  const BASES = [undefined, 'ons-mid-year', 'cla-denominator', 'sfr-2010'];
  const direct = (m: string, code: string, year: number) =>
    (MEASURES as readonly string[]).includes(m) ? store.getFirst(m as MeasureId, code, year, BASES)?.source : undefined;
  // Computed columns: name the sources of their inputs (the count or spend, and the population).
  const INPUTS = measureInputs();
  const sourceOf = (column: string, code: string, year: number): string | undefined => {
    const d = direct(column, code, year);
    const inputs = isMeasure(column) ? INPUTS.get(column) : undefined;
    if (d !== undefined || !inputs) return d;
    const parts = inputs.map((m) => direct(m, code, year)).filter((s): s is string => s !== undefined);
    return parts.length ? `computed from ${[...new Set(parts)].join(' and ')}` : undefined;
  };
  return { panel, england, regions, revisions: store.revisions, files: out, sourceOf, anomalies };
}
