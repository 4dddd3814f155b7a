/**
 * Named golden cases: one folder each under tests/golden/cases/<name>/.
 *
 *   case.json             what the case shows (title, about), which outputs matter (select),
 *                         and facts worked out by hand from the input (checked on every run,
 *                         whatever expected/ holds, so an update cannot silently bless a wrong value)
 *   input/manifest.json   { "sources": { "<source id>": "<file in input/>" } }: the case's raw files
 *   input/*.csv           small raw files, in the publisher's layout
 *   expected/             the selected outputs of a run, reviewed: panel.csv, las.json, revisions.json
 *
 * The pipeline reads every source of the manifest, so a case is the golden raw folder
 * (tests/fixtures/golden) with the case's files in place of those sources (pinned as the
 * official bytes); everything else is as in the golden run, and `select` keeps the few
 * councils, years and columns the case is about.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Papa from 'papaparse';
import type { LaInfo, PanelRow, Revision } from '../../contract/outputs.ts';

export const CASES_DIR = join(import.meta.dirname, 'cases');

export interface PanelSelect {
  codes: string[];
  /** First and last year, inclusive. */
  years: [number, number];
  columns: Array<keyof PanelRow & string>;
}

export interface CaseSelect {
  panel?: PanelSelect;
  las?: { codes: string[]; fields: Array<keyof LaInfo & string> };
  revisions?: { codes: string[]; measures: string[]; years: [number, number] };
}

/** A fact worked out by hand from the case's input. */
export type Fact =
  | { panel: { code: string; year: number; column: keyof PanelRow & string; value?: number | string | null; missing?: string } }
  | { noRow: { code: string; year: number } }
  | { la: Partial<LaInfo> & { code: string } }
  | { revision: Revision }
  | { noRevision: { measure: string; code: string; year: number } };

export interface GoldenCase {
  name: string;
  dir: string;
  title: string;
  about: string;
  select: CaseSelect;
  facts: Fact[];
  /** Source id → path of the case's file for it. */
  sources: Record<string, string>;
}

export function loadCases(dir = CASES_DIR): GoldenCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const at = join(dir, name);
      const spec = JSON.parse(readFileSync(join(at, 'case.json'), 'utf8')) as Omit<GoldenCase, 'name' | 'dir' | 'sources'>;
      const manifest = JSON.parse(readFileSync(join(at, 'input', 'manifest.json'), 'utf8')) as { sources: Record<string, string> };
      const sources = Object.fromEntries(Object.entries(manifest.sources).map(([id, file]) => [id, join(at, 'input', file)]));
      return { name, dir: at, title: spec.title, about: spec.about, select: spec.select, facts: spec.facts ?? [], sources };
    });
}

/** The outputs a case reads: la-panel.json rows, las.json entries and revisions.json entries. */
export interface CaseOutputs {
  panel: PanelRow[];
  las: LaInfo[];
  revisions: Revision[];
}

export function readCaseOutputs(outDir: string): CaseOutputs {
  const json = <T>(name: string) => JSON.parse(readFileSync(join(outDir, name), 'utf8')) as T;
  return {
    panel: json<{ rows: PanelRow[] }>('la-panel.json').rows,
    las: json<{ las: LaInfo[] }>('las.json').las,
    revisions: json<{ revisions: Revision[] }>('revisions.json').revisions,
  };
}

const inYears = (y: number, [a, b]: [number, number]) => y >= a && y <= b;

/** The selected panel cells as CSV: code, name, year, the columns, and their missing reasons ("col=reason;…"). */
export function panelCsv(panel: PanelRow[], s: PanelSelect): string {
  const rows = panel
    .filter((r) => s.codes.includes(r.la_code) && inYears(r.year, s.years))
    .sort((a, b) => s.codes.indexOf(a.la_code) - s.codes.indexOf(b.la_code) || a.year - b.year)
    .map((r) => [
      r.la_code,
      r.la_name,
      String(r.year),
      ...s.columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))),
      s.columns
        .filter((c) => (r.missing as Record<string, string | undefined>)[c] !== undefined)
        .map((c) => `${c}=${(r.missing as Record<string, string | undefined>)[c]}`)
        .join(';'),
    ]);
  return `${Papa.unparse([['la_code', 'la_name', 'year', ...s.columns, 'missing'], ...rows], { newline: '\n' })}\n`;
}

/** The selected files of expected/ for a case's outputs (file name → text). */
export function caseExpected(out: CaseOutputs, s: CaseSelect): Map<string, string> {
  const files = new Map<string, string>();
  if (s.panel) files.set('panel.csv', panelCsv(out.panel, s.panel));
  if (s.las) {
    const { codes, fields } = s.las;
    const las = codes.map((code) => {
      const la = out.las.find((l) => l.code === code);
      return la ? Object.fromEntries(fields.map((f) => [f, la[f] ?? null])) : { code, absent: true };
    });
    files.set('las.json', `${JSON.stringify(las, null, 2)}\n`);
  }
  if (s.revisions) {
    const { codes, measures, years } = s.revisions;
    const revs = out.revisions.filter((r) => codes.includes(r.code) && measures.includes(r.measure) && inYears(r.year, years));
    files.set('revisions.json', `${JSON.stringify(revs, null, 2)}\n`);
  }
  return files;
}

/** Each hand-worked fact the outputs contradict, as a sentence (empty when all hold). */
export function factProblems(out: CaseOutputs, facts: Fact[]): string[] {
  const problems: string[] = [];
  const row = (code: string, year: number) => out.panel.find((r) => r.la_code === code && r.year === year);
  for (const f of facts) {
    if ('panel' in f) {
      const { code, year, column } = f.panel;
      const r = row(code, year);
      if (!r) problems.push(`panel: no row for ${code} ${year}`);
      else {
        if ('value' in f.panel && r[column] !== f.panel.value)
          problems.push(`panel ${code} ${year} ${column}: ${JSON.stringify(r[column])}, expected ${JSON.stringify(f.panel.value)}`);
        if ('missing' in f.panel && (r.missing as Record<string, string | undefined>)[column] !== f.panel.missing)
          problems.push(
            `panel ${code} ${year} ${column}: missing reason ${JSON.stringify((r.missing as Record<string, string | undefined>)[column])}, expected ${JSON.stringify(f.panel.missing)}`,
          );
      }
    } else if ('noRow' in f) {
      if (row(f.noRow.code, f.noRow.year)) problems.push(`panel: a row for ${f.noRow.code} ${f.noRow.year}, expected none`);
    } else if ('la' in f) {
      const la = out.las.find((l) => l.code === f.la.code);
      if (!la) problems.push(`las: no council ${f.la.code}`);
      else
        for (const [k, v] of Object.entries(f.la))
          if (!isDeepStrictEqual(la[k as keyof LaInfo], v))
            problems.push(`las ${f.la.code} ${k}: ${JSON.stringify(la[k as keyof LaInfo])}, expected ${JSON.stringify(v)}`);
    } else if ('revision' in f) {
      if (!out.revisions.some((r) => isDeepStrictEqual(r, f.revision))) problems.push(`revisions: no entry ${JSON.stringify(f.revision)}`);
    } else {
      const { measure, code, year } = f.noRevision;
      if (out.revisions.some((r) => r.measure === measure && r.code === code && r.year === year))
        problems.push(`revisions: an entry for ${measure} ${code} ${year}, expected none`);
    }
  }
  return problems;
}
