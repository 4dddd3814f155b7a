/**
 * Inputs and result shapes of the claim analyses.
 *
 * The analyses are pure: they take the pipeline's published outputs
 * (data/output/*.json, shapes in contract/outputs.ts) as arguments and
 * return numbers with their provenance; verdicts are the claims engine's
 * (engine.ts, written to claims.json). The england.json
 * extras (longRun, revisions, spendChecks) have no type in the contract, so
 * the minimal structure the analyses read is declared here.
 */
import type { AreaYear, Inspection, PanelRow, Revision } from '../../../contract/outputs.ts';

/** A value in england.json spendChecks: a number or a typed missing marker. */
export type OutputValue = number | null | { missing: string };

export interface SocialWorkLine {
  year: number;
  line: string;
  label: string;
  value: OutputValue;
}

export interface EnglandOutput {
  provenance?: { dataVersion: string } | undefined;
  series: AreaYear[];
  longRun: Array<{ year: number; cla_count: number | null; release?: string; source: string }>;
  revisions: Revision[];
  spendChecks: { socialWorkClaim: SocialWorkLine[] };
  deflators?: { baseLabel: string; years: Array<{ year: number; index: number | { missing: string }; approximate: boolean }> } | undefined;
  mhclgNational?: Array<{ year: number; source: string; netCurrentGbp: number; scope: string; note: string }>;
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
export interface ClaimResult<D> {
  provenance: ResultProvenance;
  data: D;
}

/** Usable number from an output cell (null, NaN and missing markers → null). */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
