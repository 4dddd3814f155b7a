/**
 * Runs the descriptive analyses behind the story charts and figures on the
 * pipeline outputs. Pure: pass the parsed la-panel.json rows, england.json and
 * inspections.json. Verdicts are NOT made here: the claims engine
 * (./engine.ts, claims in ./registry/) writes them to claims.json, and cards,
 * stories, /claims/ and docs/claims.md render that file.
 */
import { analyseDeprivation } from './deprivation.ts';
import { analyseClaCount, analyseClaShare, analyseFundingGap, analyseSocialWorkFall } from './national.ts';
import { analyseOfstedShares } from './ofsted.ts';
import { analyseHalfAsMuch, analyseSpendVsOfsted } from './spend-quality.ts';
import type { AnalysisInputs, ClaimResult } from './types.ts';

/**
 * Every result whose columns and years include values an editor excluded from analysis (null in the
 * panel with reason excluded_from_analysis; see src/lib/data.ts getPanelForAnalysis) says so in a caveat.
 */
function noteExclusions<T extends Record<string, ClaimResult<unknown>>>(results: T, inputs: AnalysisInputs): T {
  for (const r of Object.values(results)) {
    if (!r.provenance.files.includes('la-panel.json')) continue; // national series: the exclusions do not apply
    const cols = new Set<string>(r.provenance.columns);
    const years = new Set<number>(r.provenance.years);
    const hits = inputs.panel.filter(
      (p) => years.has(p.year) && Object.entries(p.missing).some(([c, why]) => why === 'excluded_from_analysis' && cols.has(c)),
    );
    if (!hits.length) continue;
    const spendOnly = (p: (typeof hits)[number]) => Object.entries(p.missing).every(([c, why]) => why !== 'excluded_from_analysis' || c.startsWith('spend_'));
    const named = hits.map((p) => `${p.la_name} ${spendOnly(p) ? `${p.year - 1}-${String(p.year).slice(2)}` : p.year}`);
    r.caveats.push(`Left out after review because the published figure looks misreported (see the list of flagged figures): ${named.join(', ')}.`);
  }
  return results;
}

export function analyseAllClaims(inputs: AnalysisInputs) {
  return noteExclusions({
    spendVsOfsted: analyseSpendVsOfsted(inputs),
    halfAsMuch: analyseHalfAsMuch(inputs),
    deprivation: analyseDeprivation(inputs),
    fundingGap: analyseFundingGap(inputs),
    socialWorkFall: analyseSocialWorkFall(inputs),
    ofstedShares: analyseOfstedShares(inputs),
    claCount: analyseClaCount(inputs),
    claShare: analyseClaShare(inputs),
  }, inputs);
}

export type AllClaimResults = ReturnType<typeof analyseAllClaims>;
export { CLAIMS, claimById } from './claims.ts';
export { TIMELINE } from './timeline.ts';
export type * from './types.ts';
