/**
 * The verdict rubric: five verdicts, each with the rule that assigns it.
 * The rules are text built from the thresholds below, so /claims/ and
 * docs/claims.md print the thresholds the engine used.
 */
import type { ShareThresholds } from './types.ts';

export type Verdict = 'supported' | 'partly-supported' | 'not-supported' | 'cannot-be-tested' | 'not-reproducible';

export const DEFAULT_THRESHOLDS: ShareThresholds = { supportedShare: 0.75, partlyShare: 0.25 };

export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  'not-supported': 'Not supported',
  'cannot-be-tested': 'Cannot be tested',
  'not-reproducible': 'Not reproducible',
};

const pc = (x: number) => `${Math.round(x * 100)}%`;

export interface RubricEntry {
  verdict: Verdict;
  label: string;
  rule: string;
}

export function rubric(t: ShareThresholds = DEFAULT_THRESHOLDS): RubricEntry[] {
  return [
    {
      verdict: 'supported',
      label: VERDICT_LABELS.supported,
      rule: `At least ${pc(t.supportedShare)} of the reasonable ways of testing the claim (its specifications) agree with it. For a count of inspection reports: the count taken by the rule fixed in advance (reports published by the date the claim gives) matches the printed figures.`,
    },
    {
      verdict: 'partly-supported',
      label: VERDICT_LABELS['partly-supported'],
      rule: `At least ${pc(t.partlyShare)} but fewer than ${pc(t.supportedShare)} of the specifications agree with it: the claim holds only for some years, measures or rules. For a count of inspection reports: the printed figures match only a count taken at some other, nearby cut-off.`,
    },
    {
      verdict: 'not-supported',
      label: VERDICT_LABELS['not-supported'],
      rule: `Fewer than ${pc(t.partlyShare)} of the specifications agree with it. For a count of inspection reports: no nearby cut-off gives the printed figures.`,
    },
    {
      verdict: 'cannot-be-tested',
      label: VERDICT_LABELS['cannot-be-tested'],
      rule: 'No published dataset measures what the claim is about (a projection, or something no official statistics record), so no specification can agree or disagree. Related figures are shown for context.',
    },
    {
      verdict: 'not-reproducible',
      label: VERDICT_LABELS['not-reproducible'],
      rule: 'The claim is about published figures, but the figures it needs cannot be rebuilt from the published data (a year or a line was never published in a usable form), so it can neither be confirmed nor refuted.',
    },
  ];
}

export function thresholdsOf(over: Partial<ShareThresholds> | undefined): ShareThresholds {
  return { ...DEFAULT_THRESHOLDS, ...(over ?? {}) };
}

/**
 * The rule: the share of testable specifications (supports not null) that
 * support the claim, against the thresholds. No testable specification →
 * `whenUntestable` (cannot-be-tested, or not-reproducible for figures that
 * could not be rebuilt).
 */
export function verdictFromSpecifications(
  supports: ReadonlyArray<boolean | null>,
  t: ShareThresholds,
  whenUntestable: 'cannot-be-tested' | 'not-reproducible' = 'cannot-be-tested',
): { verdict: Verdict; supporting: number; testable: number; share: number | null } {
  const testable = supports.filter((s) => s !== null).length;
  const supporting = supports.filter((s) => s === true).length;
  if (testable === 0) return { verdict: whenUntestable, supporting, testable, share: null };
  const share = supporting / testable;
  const verdict: Verdict = share >= t.supportedShare ? 'supported' : share >= t.partlyShare ? 'partly-supported' : 'not-supported';
  return { verdict, supporting, testable, share };
}
