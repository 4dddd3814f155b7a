import { DUNTON_PARTNERS_IN_PRACTICE } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'lga-2bn-gap',
  topic: 'spending-totals',
  speaker: 'Local Government Association',
  role: 'Representative body of councils in England',
  date: '2017-10-13',
  dateNote: null,
  venue: 'Statement reported by Jim Dunton',
  words: 'According to the LGA, local authority children’s services face a £2bn funding gap by 2020.',
  wordsAreQuote: false,
  source_url: null,
  report: DUNTON_PARTNERS_IN_PRACTICE,
  quantities: [{ label: 'funding gap by 2020', value: 2e9, unit: 'gbp' }],
  period: { from: 2018, to: 2020, description: 'a projection to 2020' },
  test: {
    kind: 'not-testable',
    reason:
      'A funding gap is a projection of what services will cost against what councils will receive; spending records show what was spent after any gap had been met from other budgets or reserves.',
    context: 'spend-growth',
  },
  story: 'the-squeeze-and-the-shift',
};
