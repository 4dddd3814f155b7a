import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'ofsted-136-shares',
  topic: 'ofsted-ratings',
  speaker: 'Children & Young People Now, on Ofsted’s inspections',
  role: 'Trade press',
  date: '2017-06-26',
  dateNote: null,
  venue: 'News report on the LGA’s call for innovation funding',
  words:
    'Of the 136 children’s services departments to have received their overall judgment, 24 per cent are inadequate, 46 per cent requires improvement, 29 per cent good and one per cent outstanding.',
  wordsAreQuote: false,
  source_url: null,
  report: {
    publication: 'Children & Young People Now',
    headline: 'Call for all councils to receive children’s services innovation funding',
    author: 'Derren Hayes',
    date: '2017-06-26',
  },
  quantities: [
    { label: 'councils judged', value: 136, unit: 'count' },
    { label: 'inadequate', value: 0.24, unit: 'share' },
    { label: 'requires improvement', value: 0.46, unit: 'share' },
    { label: 'good', value: 0.29, unit: 'share' },
    { label: 'outstanding', value: 0.01, unit: 'share' },
  ],
  period: { from: 2014, to: 2017, description: 'first single-framework inspections published by the date of the report' },
  test: {
    kind: 'ofsted-distribution',
    ruleDate: '2017-06-26',
    ruleLabel: 'first single-framework reports published by 26 June 2017, the date of the report',
    n: 136,
    shares: { Inadequate: 0.24, 'Requires improvement': 0.46, Good: 0.29, Outstanding: 0.01 },
    nearbyDays: 30,
  },
  story: 'the-ratings',
};
