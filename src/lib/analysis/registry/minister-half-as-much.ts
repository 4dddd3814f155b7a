import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'minister-half-as-much',
  topic: 'spending-and-quality',
  speaker: 'Robert Goodwill MP',
  role: 'Minister of State for Children and Families, citing Local Government Association analysis',
  date: '2017-10',
  dateNote: 'The report is undated; it refers to “next month’s Budget” (the Autumn Budget of 22 November 2017).',
  venue: 'Interview with Children & Young People Now',
  words: 'Some councils rated “good” by Ofsted for children’s services spent half that of other authorities, on a per child basis, to achieve the same result.',
  wordsAreQuote: false,
  source_url: null,
  report: { publication: 'Children & Young People Now', headline: null, author: null, date: null },
  quantities: [{ label: 'spend per child of some good councils relative to other councils', value: 0.5, unit: 'share' }],
  period: { from: 2016, to: 2017, description: 'councils at the time he spoke' },
  test: { kind: 'half-as-much', ratioAtMost: 0.55 },
  story: 'spend-and-ofsted',
};
