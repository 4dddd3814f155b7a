import { DUNTON_PARTNERS_IN_PRACTICE } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'cla-72670',
  topic: 'children-in-care',
  speaker: 'Local Government Association',
  role: 'Representative body of councils in England',
  date: '2017-10-13',
  dateNote: null,
  venue: 'Statement reported by Jim Dunton',
  words:
    'Official figures showed there were currently 72,670 looked-after children, up 3.1% on the last year – the biggest annual rise of the last seven years.',
  wordsAreQuote: false,
  source_url: null,
  report: DUNTON_PARTNERS_IN_PRACTICE,
  quantities: [
    { label: 'children looked after at 31 March 2017', value: 72670, unit: 'count' },
    { label: 'rise on the year', value: 0.031, unit: 'share' },
  ],
  period: { from: 2010, to: 2017, description: 'the year to 31 March 2017 and the seven years before' },
  test: { kind: 'cla-count', year: 2017, count: 72670, growth: 0.031, growthTolerance: 0.0005, biggestRiseYears: 7 },
  story: 'more-children-in-care',
};
