/**
 * Shared types for the build-time chart library.
 *
 * A chart is rendered from PLAIN DATA: an array of flat objects (one object =
 * one row of the chart's table and CSV) plus the names of the fields to plot.
 * A numeric field whose value is null/undefined (or not a finite number) is a
 * MISSING value: it is drawn as a gap and shown in the table as "—" with the
 * reason from the row's `missingReason` field (configurable), never as 0.
 */
import type { Unit } from '../format.ts';

/** A unit as editors may write it. */
export type UnitInput = Unit | '£' | '%' | 'per 10,000';

export type Cell = string | number | boolean | null | undefined;
export type Datum = Record<string, Cell>;

/** A labelled vertical rule, e.g. a policy change: {date: 2014, label: 'Innovation programme'}. */
export interface Annotation {
  date: number;
  label: string;
}

/** How x values that are years are printed: 2024 → "2024" or "2023-24". */
export type XFormat = 'year' | 'financial-year' | 'number' | 'category';

/**
 * A flagged value (a figure flagged for checking): the data row whose fields equal `where`, e.g.
 * {year: 2019, area: 'Bedford'}, is drawn with a ring and its number, its table cell says "flagged",
 * and `note` (what was flagged and what was decided) is printed under the chart.
 */
export interface ChartFlag {
  where: Record<string, string | number>;
  note: string;
}

export interface CommonOptions {
  data: readonly Datum[];
  /** Used for the default id and the SVG's accessible name (via aria-labelledby). */
  title: string;
  /** Unique per page; defaults to a slug of the title. */
  id?: string;
  /** Unit of the value axis: formats ticks, the table and the description. Also accepts '£', '%', 'per 10,000'. */
  unit?: UnitInput;
  /** Decimals for values in the table and description. */
  decimals?: number;
  xLabel?: string;
  yLabel?: string;
  /**
   * When the figures are for, for a chart of many areas in one year: each mark's tooltip names it after
   * the value ("Blackpool: 184 per 10,000 at 31 March 2024 (1st highest of 151)"; the tooltip still starts
   * with the area's name, which the highlight select matches). Measure-first charts of one year set it.
   */
  period?: string;
  /** Field holding the reason a value is missing (a MissingReason key or free text). Default "missingReason". */
  missingReasonField?: string;
  /** Column headers for the table/CSV header labels in the table: {field: 'Label'}. CSV keeps field names. */
  columnLabels?: Record<string, string>;
  /** Flagged values (see ChartFlag). A chart without flags renders exactly as before. */
  flags?: readonly ChartFlag[];
}

export interface LegendItem {
  label: string;
  /** A CSS colour, normally var(--chart-N). */
  color: string;
  /** "line" | "swatch" | "dot" for the key glyph. */
  shape?: 'line' | 'swatch' | 'dot';
}

export interface TableColumn {
  key: string;
  label: string;
  /** Right-align numbers. */
  numeric: boolean;
}

export interface ChartTable {
  columns: TableColumn[];
  /** Formatted cell text; the first column is the row header (th scope="row"). */
  rows: string[][];
  /** Explains a "flagged" cell; only when the chart has flags. */
  footnote?: string;
}

/** Everything the ChartBlock needs; produced by the pure render functions. */
export interface ChartOutput {
  kind: string;
  id: string;
  titleId: string;
  descId: string;
  /** SVG markup rendered for narrow containers (< 560 px) and wide ones. */
  svgNarrow: string;
  svgWide: string;
  /** Plain-text description generated from the data. */
  description: string;
  legend: LegendItem[];
  table: ChartTable;
  /** CSV text (RFC 4180, CRLF line ends, no BOM) of exactly the chart's rows and fields. */
  csv: string;
  /** Values for the optional "highlight a council" select (DotStrip, Scatter). */
  highlightOptions?: string[];
  highlighted?: string;
  /** Key to numbered annotations, shown under the narrow variant only: "1 Label (2014) · 2 …". */
  annotationKey?: string;
  /** One note per flagged value ("Flagged value 1: …"), shown under the chart; only when the chart has flags. */
  flagNotes?: string[];
}

/** What a chart's text part gives (src/lib/charts/unit.ts): the output without the ids and the SVGs; an undefined annotationKey is dropped. */
export type ChartText = Omit<ChartOutput, 'kind' | 'id' | 'titleId' | 'descId' | 'svgNarrow' | 'svgWide' | 'annotationKey' | 'flagNotes'> & {
  annotationKey?: string | undefined;
};

/** A source credit: text, with an optional link. */
export interface SourceLink {
  label: string;
  href?: string;
}

/** Props of the block around every chart (ChartBlock.astro), shared by all chart components. */
export interface BlockProps {
  subtitle?: string;
  /** Heading level of the title (default 3). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Notes under the chart (one paragraph each). */
  notes?: string | string[];
  /** "Source: …" line; links open normally. */
  source?: string | SourceLink | SourceLink[];
  /** Hide the "Show the data as a table" details (default false). */
  hideTable?: boolean;
}
