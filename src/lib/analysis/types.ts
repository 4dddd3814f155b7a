/**
 * Inputs and result shapes of the story analyses: the descriptive results behind the story charts
 * and figures (no verdicts; verdicts on public claims are the claims engine’s, ./engine.ts).
 *
 * The analyses are pure: they take the pipeline's published outputs
 * (data/output/*.json, shapes in contract/outputs.ts) as arguments and
 * return numbers with their provenance; verdicts are the claims engine's
 * (engine.ts, written to claims.json). EnglandOutput is the part of
 * england.json (contract/outputs.ts EnglandFile) the analyses read.
 */
import type {
  AreaYear,
  DeflatorYearOutput,
  Inspection,
  LongRunYear,
  MhclgNationalYearOutput,
  PanelRow,
  Revision,
  SpendLineFigure,
} from '../../../contract/outputs.ts';

export interface EnglandOutput {
  provenance?: { dataVersion: string } | undefined;
  series: AreaYear[];
  longRun: LongRunYear[];
  revisions: Revision[];
  spendChecks: { socialWorkClaim: SpendLineFigure[] };
  deflators?: { baseLabel: string; years: Array<Pick<DeflatorYearOutput, 'year' | 'index' | 'approximate'>> } | undefined;
  mhclgNational?: Array<Pick<MhclgNationalYearOutput, 'year' | 'source' | 'netCurrentGbp' | 'scope' | 'note'>>;
}

export interface AnalysisInputs {
  panel: readonly PanelRow[];
  england: EnglandOutput;
  inspections: readonly Inspection[];
  /** Data version of the outputs (provenance.dataVersion), cited with each result. */
  dataVersion: string;
}

export interface ResultProvenance {
  /** Output files read. */
  files: string[];
  /** Columns or fields used. */
  columns: string[];
  /** Years (ending 31 March) the figures cover. */
  years: number[];
  dataVersion: string;
}

/** A descriptive result for the story charts and figures: numbers and where they came from, no verdict. */
export interface StoryResult<D> {
  provenance: ResultProvenance;
  data: D;
}

/** Usable number from an output cell (null, NaN and missing markers → null). */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
