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
  report: {
    publication: 'Jim Dunton’s report of the £20m Partners in Practice announcement',
    headline: 'Department for Education offers £20m boost for children’s social services',
    author: 'Jim Dunton',
    date: '2017-10-13',
  },
  quantities: [{ label: 'children starting to be looked after per day', value: 90, unit: 'per-day' }],
  period: { from: 2017, to: 2017, description: 'the year to 31 March 2017' },
  test: { kind: 'cla-per-day', year: 2017, perDay: 90 },
  story: 'more-children-in-care',
};
