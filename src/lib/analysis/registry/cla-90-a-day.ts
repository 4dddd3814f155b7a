import { DUNTON_PARTNERS_IN_PRACTICE } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'cla-90-a-day',
  topic: 'children-in-care',
  speaker: 'Councils in England (Local Government Association)',
  role: 'Representative body of councils in England',
  date: '2017-10-13',
  dateNote: null,
  venue: 'Statement reported by Jim Dunton',
  words: 'Record numbers of children had been taken into care over the past 12 months, with an average of 90 children going into care every day.',
  wordsAreQuote: false,
  source_url: null,
  report: DUNTON_PARTNERS_IN_PRACTICE,
  quantities: [{ label: 'children starting to be looked after per day', value: 90, unit: 'per-day' }],
  period: { from: 2017, to: 2017, description: 'the year to 31 March 2017' },
  test: { kind: 'cla-per-day', year: 2017, perDay: 90 },
  story: 'more-children-in-care',
};
