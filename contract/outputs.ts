/**
 * The contract between the pipeline and the site: the shape of every file the
 * pipeline writes to data/output/ (gitignored) and publishes under /data/.
 *
 * The site reads these at build time through src/lib/data.ts and never reads
 * raw sources. Years are years ending 31 March (see scripts/data/core/types.ts).
 */
import { PANEL_MEASURES, type PanelMeasure } from './measures.ts';
import type { Missing, MissingReason } from './missing.ts';

export type OfstedGrade = 'Outstanding' | 'Good' | 'Requires improvement' | 'Inadequate';
/** SIF = Single Inspection Framework (Nov 2013 – 2017); ILACS = Inspection of LA Children's Services (Jan 2018 –); SLAC = safeguarding and looked-after children inspections (2009–2012). */
export type OfstedFramework = 'SLAC' | 'SIF' | 'ILACS';

/** Columns of la-panel that hold numbers: the panel measures of the registry (contract/measures.ts), in column order. */
export const PANEL_NUMERIC_COLUMNS = PANEL_MEASURES;
export type PanelNumericColumn = PanelMeasure;

/**
 * One row per upper-tier LA per year (2010–2025) in which the LA existed.
 * `null` means missing; `missing[column]` then gives the reason.
 */
export type PanelRow = {
  la_code: string; // E06/E08/E09/E10 code
  la_old_code: string; // DfE three-digit code
  la_name: string;
  region_code: string; // E12…
  region: string;
  year: number; // year ending 31 March
  /** Spending series basis for the year: "s251-2008" (2008-09 to 2009-10, narrower scope), "s251" (2010-11 to 2013-14), "lait-s251" (2015-16 on), or null for gaps. A change of basis is a break in the series. */
  spend_basis: string | null;
  ofsted_overall: OfstedGrade | null;
  ofsted_framework: OfstedFramework | null;
  /** Ofsted's rule: the judgement counted in Ofsted's "as at 31 March" statistics (inspected by 31 March, published by 30 April to 2023 / 30 June from 2024; see derive/ofsted-in-force.ts). */
  ofsted_published: string | null; // ISO date of publication of the judgement counted at 31 March
  /** The second, publication-date rule: the latest judgement PUBLISHED on or before 31 March. */
  ofsted_in_force_overall?: OfstedGrade | null;
  ofsted_in_force_published?: string | null;
  missing: Partial<Record<PanelNumericColumn | 'ofsted_overall', MissingReason>>;
} & Record<PanelNumericColumn, number | null>;

export type LaStatus = 'current' | 'former';

/** Every upper-tier LA that existed at any 31 March 2010–2025. */
export interface LaInfo {
  code: string;
  oldCode: string;
  name: string;
  /** Readable URL slug, unique. */
  slug: string;
  /** Short and alternative names readers search for ("BCP", "Hull"). */
  aliases: string[];
  regionCode: string;
  region: string;
  /** E06 unitary, E08 metropolitan district, E09 London borough, E10 county. */
  type: 'unitary' | 'metropolitan' | 'london' | 'county';
  status: LaStatus;
  /** First and last year (ending 31 March) in which the LA reported; lastYear null if current. */
  firstYear: number;
  lastYear: number | null;
  predecessors: string[]; // LA codes it was formed from (fully or partly)
  successors: string[]; // LA codes that replaced it
  /** Plain-English note on a reorganisation, if any. */
  reorganisation: string | null;
  statisticalNeighbours: string[]; // LA codes, closest first (DfE 2021 groupings)
}

/**
 * One name a reader may type to find a council (places.json; scripts/data/derive/places.ts):
 * a council or former council (with its aliases), or a district or former district
 * of England, and the current upper-tier council(s) responsible for it.
 */
export interface PlaceInfo {
  /** The name as the source file spells it ("Harrogate", "Kingston upon Hull, City of", "BCP"). */
  name: string;
  kind: 'council' | 'former-council' | 'district' | 'former-district';
  /** GSS code of the place itself (a council's canonical code, or the district's code). */
  code: string;
  /** Canonical codes of the current councils it leads to (one, or a former council's successors). */
  councils: string[];
  /** Manifest id of the lookup the name comes from ("geography" for the council list, las.json). */
  source: string;
}

export interface Inspection {
  la_code: string;
  la_name: string;
  framework: OfstedFramework;
  /** e.g. "SIF", "ILACS standard", "ILACS short" */
  type: string;
  inspection_start: string | null; // ISO date
  inspection_end: string | null;
  published: string; // ISO date
  overall: OfstedGrade | null;
  /** Sub-judgements keyed by their published name. */
  judgements: Record<string, OfstedGrade | null>;
  source: string; // manifest id
}

/** England and regional series, one row per geography and year. */
export interface AreaYear {
  code: string; // E92000001 or E12…
  name: string;
  level: 'national' | 'regional';
  year: number;
  values: Partial<Record<PanelNumericColumn, number | null>>;
  missing: Partial<Record<PanelNumericColumn, MissingReason>>;
}

/** A figure published in more than one release with different values. */
export interface Revision {
  measure: string;
  code: string;
  name: string;
  year: number;
  first: { release: string; value: number | null };
  latest: { release: string; value: number | null };
}

export interface ColumnDoc {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'object';
  unit?: string;
  description: string;
  sources: string[]; // manifest ids
}

export interface Provenance {
  dataVersion: string; // hash of all source checksums + pipeline version
  /** The newest publication date among the sources (YYYY-MM-DD or YYYY-MM): "data updated". Deterministic, unlike a clock. */
  latestPublication: { date: string; source: string } | null;
  generatedFrom: Array<{
    id: string;
    title: string;
    publisher: string;
    release: string;
    published?: string;
    sha256: string;
    landingUrl: string;
    licence: string;
  }>;
}

// ------------------------------------------------------------------ england.json

/** A figure as a JSON output publishes it: a number, or a typed gap ({ missing, marker? }). */
export type PublishedValue = number | Missing;

/** The long-run national count of children looked after (from 1994), one row per year. */
export interface LongRunYear {
  year: number;
  cla_count: number | null;
  /** Release the figure comes from (absent in the small site fixtures). */
  release?: string;
  source: string; // manifest id
}

/** One year of the GDP deflator the real-terms figures use (england.json deflators.years). */
export interface DeflatorYearOutput {
  /** Year ending 31 March (2023-24 → 2024). */
  year: number;
  /** "2023-24" */
  financialYear: string;
  /** Index, base year = 100; or a gap. */
  index: PublishedValue;
  approximate: boolean;
  method: 'hmt-fy' | 'cy-approximation' | 'none';
}

export interface DeflatorsOutput {
  baseYear: number;
  /** "2023-24 = 100" */
  baseLabel: string;
  method: string;
  years: DeflatorYearOutput[];
  /** HM Treasury financial-year growth against the calendar-year approximation, where both exist. */
  spliceCheck: Array<{ year: number; hmtGrowthPct: number; approxGrowthPct: number; differencePts: number }>;
}

/** England's net current expenditure on children's social care as MHCLG publishes it (RS / RO3). */
export interface MhclgNationalYearOutput {
  year: number;
  source: string;
  netCurrentGbp: PublishedValue;
  grossGbp?: PublishedValue;
  scope: 'rs-pre-2014-15' | 'ro3-2014-15-on';
  note: string;
}

/** One Section 251 line (or block) behind the social-work spending claim. */
export interface SpendLineFigure {
  year: number;
  line: string;
  label: string;
  value: PublishedValue;
}

/** Checks on the spending data, published for readers who want to audit them. */
export interface SpendChecks {
  /** Places where LAIT's total is not the sum of its blocks. */
  laitInconsistencies: Array<{ oldCode: string; name: string; year: number; total: number; sumOfBlocks: number; source: string }>;
  /** How many LAIT figures a later LAIT release revised. */
  laitRevisions: number;
  socialWorkClaim: SpendLineFigure[];
}

/** england.json as the pipeline writes it. */
export interface EnglandFile {
  provenance: Provenance;
  series: AreaYear[];
  longRun: LongRunYear[];
  revisions: Revision[];
  deflators: DeflatorsOutput;
  mhclgNational: MhclgNationalYearOutput[];
  spendChecks: SpendChecks;
}
