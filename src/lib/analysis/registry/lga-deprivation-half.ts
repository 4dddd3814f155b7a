import { CYPN_RETHINK_FUNDING } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'lga-deprivation-half',
  topic: 'deprivation',
  speaker: 'Local Government Association and Newton Europe',
  role: 'Research commissioned by the councils’ representative body',
  date: '2018-06-26',
  dateNote: null,
  venue: 'Research reported in an editorial in Children & Young People Now',
  words: 'Deprivation accounts for half the variation in spending on children’s services between councils.',
  wordsAreQuote: false,
  source_url: null,
  report: CYPN_RETHINK_FUNDING,
  quantities: [{ label: 'share of the variation in spending explained by deprivation', value: 0.5, unit: 'share' }],
  period: { from: 2017, to: 2017, description: 'the latest spending year before the research, 2016-17' },
  test: { kind: 'explained-share', target: 0.5, tolerance: 0.1, bootstrapResamples: 1000, seed: 2018 },
  story: 'deprivation-and-cost',
};
