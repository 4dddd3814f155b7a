/**
 * The spend family: gross spending on children's and young people's services
 * by upper-tier LA and England, by block, years ending 31 March 2009 .. 2025.
 *
 *   year 2009–2014  S251 outturn 2008-09 .. 2013-14, LA rows; England = sum of LAs
 *                   (basis "s251-2008" for 2009–2010, whose scope excludes Sure
 *                   Start and services for young people; "s251" for 2011–2014)
 *   year 2015       GAP: no S251 line-level data for 2014-15 was found. England
 *                   gets a 'no_source' gap for every measure (basis "none").
 *                   MHCLG RS has a 2014-15 children's social care total, but on
 *                   another (net, RO3) basis: see mhclg.ts, not mixed in here.
 *   year 2016–2025  LAIT S251 finance measures (basis "lait-s251"), LA, regional
 *                   and England rows as DfE publishes them. lait-2026-04 wins;
 *                   lait-2024-11 is kept for 2015-16 (only there) and where its
 *                   value differs (recorded as the earlier release, i.e. a
 *                   revision).
 *
 * Block definitions and every S251 line decision: blocks.ts.
 * Units: £ cash, gross. Real terms: deflators.ts.
 */
import { DataError } from '../../core/errors.ts';
import type { SourceFiles } from '../../core/acquire.ts';
import { ENGLAND_CODE } from '../../../../contract/codes.ts';
import { missing, type Value } from '../../../../contract/missing.ts';
import type { FamilyResult, Observation } from '../../core/types.ts';
import { SPEND_MEASURES, type S251Tag, type SpendMeasure } from './blocks.ts';
import { laitReleases, loadLaitFile, type LaitFile, type LaitInconsistency } from './lait.ts';
import { englandSum, loadS251, S251_BASIS, S251_SOURCES, type S251Limits, type S251Outturn } from './s251.ts';

export { loadMhclgNational, type MhclgNationalYear } from './mhclg.ts';
export { loadDeflators, toRealTerms, type Deflators } from '../deflators.ts';
export { BLOCKS, SPEND_MEASURES, S251_RULES } from './blocks.ts';

export const GAP_YEAR = 2015;

function s251Observations(y: S251Outturn): Observation[] {
  const common = {
    source: y.source,
    release: `${y.year - 1}-${String(y.year % 100).padStart(2, '0')} outturn`,
    releaseOrder: y.year * 100,
    basis: S251_BASIS[y.year],
    year: y.year,
  };
  const out: Observation[] = [];
  for (const la of y.las) {
    for (const m of SPEND_MEASURES) {
      const at = la.at[m];
      out.push({ ...common, measure: m, level: 'la', oldCode: la.oldCode, name: la.name, value: la.values[m], ...(at ? { at } : {}) });
    }
  }
  for (const m of SPEND_MEASURES) {
    out.push({ ...common, measure: m, level: 'national', code: ENGLAND_CODE, name: 'England', value: englandSum(y, (la) => la.values[m]) });
  }
  return out;
}

function gapObservations(): Observation[] {
  return SPEND_MEASURES.map((m) => ({
    measure: m,
    level: 'national' as const,
    code: ENGLAND_CODE,
    name: 'England',
    year: GAP_YEAR,
    value: missing('no_source'),
    // The gap is attached to the last S251 file: the line-level series stops there.
    source: S251_SOURCES[2014],
    release: '2014-15 (no line-level outturn found)',
    releaseOrder: GAP_YEAR * 100,
    basis: 'none',
  }));
}

function laitObservations(file: LaitFile, release: string, releaseOrder: number, keep?: (key: string, value: Value) => boolean): Observation[] {
  const out: Observation[] = [];
  for (const v of file.values) {
    const key = `${v.measure}|${v.oldCode}|${v.year}`;
    if (keep && !keep(key, v.value)) continue;
    out.push({
      measure: v.measure,
      level: v.level,
      ...(v.level === 'national' ? { code: ENGLAND_CODE } : {}),
      oldCode: v.oldCode,
      name: v.name,
      year: v.year,
      value: v.value,
      source: file.source,
      release,
      releaseOrder,
      basis: 'lait-s251',
      at: { row: v.row, column: 'Values' },
    });
  }
  return out;
}

const sameValue = (a: Value, b: Value): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 0.5 : JSON.stringify(a) === JSON.stringify(b);

export interface SpendResult extends FamilyResult {
  /** Area-years where LAIT's C&YPExpenditure disagrees with its own blocks (publisher inconsistencies). */
  laitInconsistencies: (LaitInconsistency & { source: string })[];
  /** Figures the later LAIT release revised (older value kept as an observation). */
  laitRevisions: number;
  s251: S251Outturn[];
}

/** Coverage limits; the defaults suit the real files, small test fixtures lower them (PipelineConfig.strictCoverage). */
export interface SpendOptions {
  s251Limits?: S251Limits;
  laitMinFinanceRows?: number;
}

export async function loadSpend(files: SourceFiles, opts: SpendOptions = {}): Promise<SpendResult> {
  const s251 = loadS251(files, opts.s251Limits);
  // Every LAIT release in the manifest: the latest wins; an older one supplies a year the latest lacks, or a revision.
  const releases = laitReleases(files);
  if (releases.length === 0) throw new DataError({ source: 'spend' }, 'no LAIT release among the sources (a manifest entry with id lait-YYYY-MM)');
  const loaded = await Promise.all(releases.map((r) => loadLaitFile(files, r.id, opts.laitMinFinanceRows)));
  const latest = loaded.at(-1)!;
  const latestRelease = releases.at(-1)!;
  const observations: Observation[] = [];
  const rowsRead: Record<string, number> = {};
  for (const y of s251) {
    observations.push(...s251Observations(y));
    rowsRead[y.source] = y.rowsRead;
  }
  observations.push(...gapObservations());
  const latestByKey = new Map(latest.values.map((v) => [`${v.measure}|${v.oldCode}|${v.year}`, v.value]));
  let revisions = 0;
  loaded.slice(0, -1).forEach((older, i) => {
    observations.push(
      ...laitObservations(older, releases[i]!.release, releases[i]!.releaseOrder, (key, value) => {
        const later = latestByKey.get(key);
        if (later === undefined) return true;
        if (sameValue(later, value)) return false;
        revisions++;
        return true;
      }),
    );
  });
  observations.push(...laitObservations(latest, latestRelease.release, latestRelease.releaseOrder));
  for (const f of loaded) rowsRead[f.source] = f.rowsRead;
  return {
    observations,
    rowsRead,
    laitInconsistencies: loaded.flatMap((f) => f.inconsistencies.map((i) => ({ ...i, source: f.source }))),
    laitRevisions: revisions,
    s251,
  };
}

/**
 * Figures bearing on the claim "spending on social work and child protection
 * fell from £2.58bn (2011/12) to £2.12bn (2014/15)": England sums (gross, £ cash)
 * of the S251 lines that could be meant, 2008-09 .. 2013-14, and a 'no_source'
 * gap for 2014-15 (no S251 line-level data).
 */
export interface ClaimFigure {
  year: number;
  line: S251Tag | 'safeguarding_block';
  label: string;
  value: Value;
}

const CLAIM_LINES: { line: S251Tag | 'safeguarding_block'; label: string }[] = [
  { line: 'commissioning_and_social_work', label: 'S251 "Commissioning and social work" (2011-12: incl. LA functions in relation to child protection)' },
  { line: 'social_work', label: 'S251 "Social work (includes LA functions in relation to child protection)" (2012-13 on)' },
  { line: 'child_protection_functions', label: 'S251 "LA functions in relation to child protection" (separate line to 2010-11)' },
  { line: 'safeguarding_published_total', label: "S251 published total: children and young people's safety / safeguarding" },
  { line: 'safeguarding_block', label: 'Our safeguarding block (social work, child protection, commissioning and strategy, LSCB, child death reviews)' },
];

export function socialWorkClaimFigures(s251: readonly S251Outturn[]): ClaimFigure[] {
  const out: ClaimFigure[] = [];
  for (const y of s251) {
    for (const { line, label } of CLAIM_LINES) {
      const present = line === 'safeguarding_block' || y.las.some((la) => la.tagged[line] !== undefined);
      if (!present) continue;
      const value = englandSum(y, (la) => (line === 'safeguarding_block' ? la.values.spend_safeguarding_gbp : la.tagged[line]));
      out.push({ year: y.year, line, label, value });
    }
  }
  for (const { line, label } of CLAIM_LINES) out.push({ year: GAP_YEAR, line, label, value: missing('no_source') });
  return out;
}

/** England value of a measure in a year from a result (latest release), for checks and stories. */
export function englandValue(result: FamilyResult, measure: SpendMeasure, year: number): Value | undefined {
  const obs = result.observations
    .filter((o) => o.measure === measure && o.year === year && o.level === 'national')
    .sort((a, b) => b.releaseOrder - a.releaseOrder);
  return obs[0]?.value;
}
