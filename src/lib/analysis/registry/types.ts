/**
 * The claims registry: one file per claim (this folder), each a typed record.
 *
 * A record holds who said what, when and where (taken from the press reports
 * the claims appeared in), the quantities claimed, the period the speaker was
 * describing, and the test the evaluator (../engine.ts) runs with its
 * thresholds. Thresholds live here and in rubric.ts, never in prose, cards or
 * docs. Years are years ending 31 March.
 */

export type ClaimId =
  | 'dfe-no-significant-correlation'
  | 'minister-not-direct-correlation'
  | 'minister-half-as-much'
  | 'lga-deprivation-half'
  | 'newton-practice-13'
  | 'lga-2bn-gap'
  | 'spend-fall-2-58bn'
  | 'ofsted-77-of-69'
  | 'ofsted-136-shares'
  | 'cla-72670'
  | 'cla-90-a-day'
  | 'cla-half-of-budgets'
  | 'minister-36-out-of-intervention'
  | 'minister-agency-staff';

export type Topic = 'spending-and-quality' | 'deprivation' | 'spending-totals' | 'ofsted-ratings' | 'children-in-care' | 'intervention' | 'workforce';

export const TOPIC_LABELS: Record<Topic, string> = {
  'spending-and-quality': 'Spending and quality',
  deprivation: 'Deprivation and cost',
  'spending-totals': 'Spending totals',
  'ofsted-ratings': 'Ofsted ratings',
  'children-in-care': 'Children in care',
  intervention: 'Intervention',
  workforce: 'Social work workforce',
};

export interface PressReport {
  publication: string;
  headline: string | null;
  author: string | null;
  /** ISO date printed on the report, or null when the text carries none. */
  date: string | null;
}

/** Thresholds of the share-of-specifications rule (see rubric.ts); a claim may override the defaults. */
export interface ShareThresholds {
  /** At least this share of testable specifications support the claim → supported. */
  supportedShare: number;
  /** At least this share (and below supportedShare) → partly supported; below → not supported. */
  partlyShare: number;
}

export type ClaimTest =
  | {
      kind: 'spend-grade-association';
      /** "none": no significant association in either direction; "positive": no significant positive one (more spend, better grade). */
      claimedAbsent: 'any' | 'positive';
      alpha: number;
      /** Years with fewer graded councils are shown but not tested. */
      minN: number;
      power: number;
    }
  | {
      kind: 'half-as-much';
      /** A good council "spent half" when its spend is at most this share of the comparison. */
      ratioAtMost: number;
    }
  | { kind: 'explained-share'; target: number; tolerance: number; bootstrapResamples: number; seed: number }
  | { kind: 'not-testable'; reason: string; context: 'residual-variation' | 'spend-growth' | 'ofsted-exits' }
  | {
      kind: 'spend-fall';
      from: { year: number; value: number };
      to: { year: number; value: number };
      fall: number;
      /** Relative tolerance for a reproduced total (0.01 = within 1%). */
      tolerance: number;
    }
  | {
      kind: 'ofsted-distribution';
      /** Reports published on or before this date: the rule stated before looking. */
      ruleDate: string;
      ruleLabel: string;
      n: number;
      /** Printed shares as fractions (a missing grade is not claimed). */
      shares: Partial<Record<'Inadequate' | 'Requires improvement' | 'Good' | 'Outstanding' | 'notGood', number>>;
      /** Nearby cut-off dates tried, in days either side of the rule date. */
      nearbyDays: number;
    }
  | { kind: 'cla-count'; year: number; count: number; growth: number; growthTolerance: number; biggestRiseYears: number }
  | { kind: 'cla-per-day'; year: number; perDay: number }
  | { kind: 'cla-share'; target: number; tolerance: number }
  | { kind: 'agency-association'; alpha: number; minN: number; power: number };

export interface ClaimRecord {
  id: ClaimId;
  topic: Topic;
  speaker: string;
  role: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) of the statement. */
  date: string;
  /** How the date was established, when the report does not print it. */
  dateNote: string | null;
  venue: string;
  /** The words, as the report printed them. */
  words: string;
  /** True when the words are a direct quotation of the speaker; false for the reporter's paraphrase. */
  wordsAreQuote: boolean;
  /** The speaker's own publication, where one exists; null when we have only a press report. */
  source_url: string | null;
  report: PressReport;
  /** The quantities claimed, as stated. */
  quantities: Array<{ label: string; value: number; unit: 'count' | 'share' | 'gbp' | 'per-day' | 'none' }>;
  /** Years (ending 31 March) the speaker was describing. */
  period: { from: number; to: number; description: string };
  test: ClaimTest;
  thresholds?: Partial<ShareThresholds>;
  /** The story that charts the evidence. */
  story: string;
}
