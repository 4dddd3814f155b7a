import { CYPN_NO_LINK } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'ofsted-77-of-69',
  topic: 'ofsted-ratings',
  speaker: 'Children & Young People Now, on Ofsted’s inspections',
  role: 'Trade press',
  date: '2016-01',
  dateNote: 'The report is undated; it counts inspections “as of November last year”.',
  venue: 'News report on the DfE’s answers to the Education Committee',
  words:
    'Under the watchdog’s new inspection framework, as of November last year, 77 per cent of the 69 authorities inspected had been rated “requires improvement” (52 per cent), or “inadequate” (25 per cent).',
  wordsAreQuote: false,
  source_url: null,
  report: CYPN_NO_LINK,
  quantities: [
    { label: 'councils inspected', value: 69, unit: 'count' },
    { label: 'requires improvement or inadequate', value: 0.77, unit: 'share' },
    { label: 'requires improvement', value: 0.52, unit: 'share' },
    { label: 'inadequate', value: 0.25, unit: 'share' },
  ],
  period: { from: 2014, to: 2016, description: 'first single-framework inspections published by November 2015' },
  test: {
    kind: 'ofsted-distribution',
    ruleDate: '2015-11-30',
    ruleLabel: 'first single-framework reports published by 30 November 2015 (“as of November”)',
    n: 69,
    shares: { notGood: 0.77, 'Requires improvement': 0.52, Inadequate: 0.25 },
    nearbyDays: 45,
  },
  story: 'the-ratings',
};
