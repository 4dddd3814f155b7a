/**
 * Ofsted judgements of local authority children's services: the full history
 * per LA across SLAC (2009–2012), SIF (2014–2017) and ILACS (2018–2025).
 *
 * WHICH RELEASE WINS. ILACS inspections published up to mid-2023 appear in
 * both ofsted-csc-2023 and ofsted-outcomes-2025. They are matched on
 * (LA code, publication date) and the 2025 release wins: it is newer, it has
 * codes rather than names, inspection dates, and the corrected sub-judgements.
 * If no exact match, the same LA + same overall grade within 92 days is taken
 * as the same report with a date typo (reported in `dateConflicts`; 2025 wins).
 * An ILACS inspection in the 2023 file with no match at all is kept (source
 * ofsted-csc-2023) and listed in `unmatchedHistory` so a person can look.
 * SLAC and SIF come only from ofsted-csc-2023.
 *
 * ROW = one published inspection report of one LA. Key: (LA code, framework,
 * publication date), checked unique. `overall` is null for SLAC (two strand
 * judgements, no single overall). Output sorted by LA code, then publication date.
 */
import type { Inspection } from '../../../../contract/outputs.ts';
import type { SourceFiles } from '../../core/acquire.ts';
import { DataError } from '../../core/errors.ts';
import { readInspectionHistory } from './inspection-history.ts';
import { makeNameResolver } from './names.ts';
import { OUTCOMES_ROLE, readOutcomes, type LatestJudgement } from './outcomes.ts';

export interface OfstedLoad {
  inspections: Inspection[];
  /** The outcomes release’s table of latest judgements (153 current LAs). */
  latest: LatestJudgement[];
  /** Each current LA's page of Ofsted reports, by LA code (from the outcomes release’s web links). */
  reportPages: Record<string, string>;
  /** ILACS inspections in the history file that the outcomes file does not have (kept). */
  unmatchedHistory: Inspection[];
  /** ILACS reports whose publication date differs between the releases (2025 kept). */
  dateConflicts: DateConflict[];
  rowsRead: number;
}

const key = (i: Inspection): string => `${i.la_code}|${i.framework}|${i.published}`;

/** Two releases printing different publication dates for what is plainly the same inspection. */
export interface DateConflict {
  la_code: string;
  la_name: string;
  published2023: string;
  published2025: string;
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

export function mergeOfsted(
  fromOutcomes: Inspection[],
  fromHistory: Inspection[],
): { inspections: Inspection[]; unmatchedHistory: Inspection[]; dateConflicts: DateConflict[] } {
  const claimed = new Set<Inspection>();
  const exact = new Map(fromOutcomes.map((i) => [`${i.la_code}|${i.published}`, i]));
  const unmatchedHistory: Inspection[] = [];
  const dateConflicts: DateConflict[] = [];
  const rest: Inspection[] = [];
  const keptHistory = fromHistory.filter((i) => {
    if (i.framework !== 'ILACS') return true;
    const m = exact.get(`${i.la_code}|${i.published}`);
    if (m) {
      claimed.add(m); // same inspection: 2025 wins
      return false;
    }
    rest.push(i);
    return false;
  });
  // Second pass: an ILACS report with the same LA and overall grade, published within
  // 92 days in the 2025 file and not matched exactly, is the same inspection with a
  // mistyped date in one release (Nottingham 2022: 2023 file 5 Nov, a Saturday;
  // 2025 file 5 Sep). The 2025 date wins and the disagreement is reported.
  for (const i of rest) {
    const near = fromOutcomes.find((j) => !claimed.has(j) && j.la_code === i.la_code && j.overall === i.overall && daysBetween(j.published, i.published) <= 92);
    if (near) {
      claimed.add(near);
      dateConflicts.push({ la_code: i.la_code, la_name: i.la_name, published2023: i.published, published2025: near.published });
    } else {
      unmatchedHistory.push(i);
      keptHistory.push(i);
    }
  }
  const inspections = [...fromOutcomes, ...keptHistory].sort(
    (a, b) => a.la_code.localeCompare(b.la_code) || a.published.localeCompare(b.published) || a.framework.localeCompare(b.framework),
  );
  validateInspections(inspections);
  return { inspections, unmatchedHistory, dateConflicts };
}

/** Unique (LA, framework, publication date); publication on or after the inspection. */
export function validateInspections(inspections: readonly Inspection[]): void {
  const seen = new Map<string, Inspection>();
  for (const i of inspections) {
    const k = key(i);
    const prev = seen.get(k);
    if (prev) {
      throw new DataError(
        { source: i.source, column: 'published', value: i.published },
        `duplicate inspection: ${i.la_name} (${i.la_code}) has two ${i.framework} reports published ${i.published} (${prev.type} from ${prev.source}, ${i.type} from ${i.source})`,
        'a row is repeated, or two LAs resolved to the same code',
      );
    }
    seen.set(k, i);
    const end = i.inspection_end ?? i.inspection_start;
    if (end !== null && i.published < end) {
      throw new DataError(
        { source: i.source, column: 'published', value: i.published },
        `${i.la_name} (${i.la_code}) ${i.type}: published ${i.published} before the inspection ended/started ${end}`,
      );
    }
  }
}

export function loadOfstedDetailed(files: SourceFiles, opts: { minHistoryRows?: number } = {}): OfstedLoad {
  const outcomes = readOutcomes(files);
  const resolve = makeNameResolver([...outcomes.history, ...outcomes.latest]);
  const history = readInspectionHistory(files, resolve, opts.minHistoryRows !== undefined ? { minRows: opts.minHistoryRows } : {});
  const fromOutcomes: Inspection[] = outcomes.history.map(({ status: _status, ...rest }) => rest);
  const { inspections, unmatchedHistory, dateConflicts } = mergeOfsted(fromOutcomes, history.inspections);
  return {
    inspections,
    latest: outcomes.latest,
    reportPages: outcomes.reportPages,
    unmatchedHistory,
    dateConflicts,
    rowsRead: outcomes.rowsRead + history.rowsRead,
  };
}

/** Full judgement history of every LA (see the module comment for the merge rule). */
export function loadOfsted(files: SourceFiles): Inspection[] {
  return loadOfstedDetailed(files).inspections;
}

export { OUTCOMES_ROLE };
