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
 * ofsted-csc-2023) and listed in `unmatched2023` so a person can look.
 * SLAC and SIF come only from ofsted-csc-2023.
 *
 * ROW = one published inspection report of one LA. Key: (LA code, framework,
 * publication date), checked unique. `overall` is null for SLAC (two strand
 * judgements, no single overall). Output sorted by LA code, then publication date.
 */
import type { Inspection } from '../../../../contract/outputs.ts';
import type { SourceFiles } from '../../core/acquire.ts';
import { DataError } from '../../core/errors.ts';
import { readCsc2023 } from './csc-2023.ts';
import { makeNameResolver } from './names.ts';
import { OUTCOMES_ROLE, readOutcomes2025, type LatestJudgement } from './outcomes-2025.ts';

export interface OfstedLoad {
  inspections: Inspection[];
  /** The 2025 release's table of latest judgements (153 current LAs). */
  latest2025: LatestJudgement[];
  /** Each current LA's page of Ofsted reports, by LA code (from the 2025 release's web links). */
  reportPages: Record<string, string>;
  /** ILACS inspections in the 2023 file that the 2025 file does not have (kept). */
  unmatched2023: Inspection[];
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
  from2025: Inspection[],
  from2023: Inspection[],
): { inspections: Inspection[]; unmatched2023: Inspection[]; dateConflicts: DateConflict[] } {
  const claimed = new Set<Inspection>();
  const exact = new Map(from2025.map((i) => [`${i.la_code}|${i.published}`, i]));
  const unmatched2023: Inspection[] = [];
  const dateConflicts: DateConflict[] = [];
  const rest: Inspection[] = [];
  const kept2023 = from2023.filter((i) => {
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
    const near = from2025.find((j) => !claimed.has(j) && j.la_code === i.la_code && j.overall === i.overall && daysBetween(j.published, i.published) <= 92);
    if (near) {
      claimed.add(near);
      dateConflicts.push({ la_code: i.la_code, la_name: i.la_name, published2023: i.published, published2025: near.published });
    } else {
      unmatched2023.push(i);
      kept2023.push(i);
    }
  }
  const inspections = [...from2025, ...kept2023].sort(
    (a, b) => a.la_code.localeCompare(b.la_code) || a.published.localeCompare(b.published) || a.framework.localeCompare(b.framework),
  );
  validateInspections(inspections);
  return { inspections, unmatched2023, dateConflicts };
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

export function loadOfstedDetailed(files: SourceFiles, opts: { minRows2023?: number } = {}): OfstedLoad {
  const o25 = readOutcomes2025(files);
  const resolve = makeNameResolver([...o25.history, ...o25.latest]);
  const c23 = readCsc2023(files, resolve, opts.minRows2023 !== undefined ? { minRows: opts.minRows2023 } : {});
  const from2025: Inspection[] = o25.history.map(({ status: _status, ...rest }) => rest);
  const { inspections, unmatched2023, dateConflicts } = mergeOfsted(from2025, c23.inspections);
  return { inspections, latest2025: o25.latest, reportPages: o25.reportPages, unmatched2023, dateConflicts, rowsRead: o25.rowsRead + c23.rowsRead };
}

/** Full judgement history of every LA (see the module comment for the merge rule). */
export function loadOfsted(files: SourceFiles): Inspection[] {
  return loadOfstedDetailed(files).inspections;
}

export { OUTCOMES_ROLE };
