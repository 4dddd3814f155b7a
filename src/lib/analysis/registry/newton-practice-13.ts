import { CYPN_RETHINK_FUNDING } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'newton-practice-13',
  topic: 'deprivation',
  speaker: 'Local Government Association and Newton Europe',
  role: 'Research commissioned by the councils’ representative body',
  date: '2018-06-26',
  dateNote: null,
  venue: 'Research reported in an editorial in Children & Young People Now',
  words: 'Different professional practices account for just 13 per cent of variation in spending.',
  wordsAreQuote: false,
  source_url: null,
  report: CYPN_RETHINK_FUNDING,
  quantities: [{ label: 'share of the variation in spending explained by professional practice', value: 0.13, unit: 'share' }],
  period: { from: 2017, to: 2017, description: 'the latest spending year before the research, 2016-17' },
  test: {
    kind: 'not-testable',
    reason: 'No official dataset records councils’ professional practice, so the share of spending it accounts for cannot be measured from published figures.',
    context: 'residual-variation',
  },
  story: 'deprivation-and-cost',
};
