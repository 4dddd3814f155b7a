import { CYPN_RETHINK_FUNDING } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'cla-half-of-budgets',
  topic: 'spending-totals',
  speaker: 'Derren Hayes',
  role: 'Editor, Children & Young People Now',
  date: '2018-06-26',
  dateNote: null,
  venue: 'Editorial in Children & Young People Now',
  words: 'Spending on looked-after children accounts for half of children’s services budgets.',
  wordsAreQuote: true,
  source_url: null,
  report: CYPN_RETHINK_FUNDING,
  quantities: [{ label: 'looked-after children’s share of children’s services spending', value: 0.5, unit: 'share' }],
  period: { from: 2017, to: 2018, description: 'budgets at the time of writing' },
  test: { kind: 'cla-share', target: 0.5, tolerance: 0.05 },
  story: 'the-squeeze-and-the-shift',
};
