import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'minister-not-direct-correlation',
  topic: 'spending-and-quality',
  speaker: 'Robert Goodwill MP',
  role: 'Minister of State for Children and Families',
  date: '2017-10',
  dateNote: 'The report is undated; it refers to “next month’s Budget” (the Autumn Budget of 22 November 2017).',
  venue: 'Interview with Children & Young People Now',
  words: 'There’s not a direct correlation between what you spend on children’s services and what you deliver.',
  wordsAreQuote: true,
  source_url: null,
  report: { publication: 'Children & Young People Now', headline: null, author: null, date: null },
  quantities: [],
  period: { from: 2016, to: 2017, description: 'councils at the time he spoke' },
  test: { kind: 'spend-grade-association', claimedAbsent: 'positive', alpha: 0.05, minN: 30, power: 0.8 },
  story: 'spend-and-ofsted',
};
