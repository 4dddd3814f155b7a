/**
 * Runs the descriptive analyses behind the story charts and figures on the
 * pipeline outputs. Pure: pass the parsed la-panel.json rows, england.json and
 * inspections.json. Verdicts are NOT made here: the claims engine
 * (./engine.ts, claims in ./registry/) writes them to claims.json, and cards,
 * stories, /claims/ and docs/claims.md render that file.
 */
import { analyseDeprivation } from './deprivation.ts';
import { analyseClaCount, analyseClaShare, analyseSocialWorkFall } from './national.ts';
import { analyseOfstedShares } from './ofsted.ts';
import { analyseHalfAsMuch, analyseSpendVsOfsted } from './spend-quality.ts';
import type { AnalysisInputs } from './types.ts';

export function analyseForStories(inputs: AnalysisInputs) {
  return {
    spendVsOfsted: analyseSpendVsOfsted(inputs),
    halfAsMuch: analyseHalfAsMuch(inputs),
    deprivation: analyseDeprivation(inputs),
    socialWorkFall: analyseSocialWorkFall(inputs),
    ofstedShares: analyseOfstedShares(inputs),
    claCount: analyseClaCount(inputs),
    claShare: analyseClaShare(inputs),
  };
}

export type StoryAnalyses = ReturnType<typeof analyseForStories>;
export { TIMELINE } from './timeline.ts';
export type * from './types.ts';
