import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'minister-agency-staff',
  topic: 'workforce',
  speaker: 'Robert Goodwill MP',
  role: 'Minister of State for Children and Families',
  date: '2017-10',
  dateNote: 'The report is undated; it refers to “next month’s Budget” (the Autumn Budget of 22 November 2017).',
  venue: 'Interview with Children & Young People Now',
  words:
    'The minister highlighted particular concerns over councils spending too much on agency staff, out of area care placements and last minute foster care placements.',
  wordsAreQuote: false,
  source_url: null,
  report: { publication: 'Children & Young People Now', headline: null, author: null, date: null },
  quantities: [],
  period: { from: 2017, to: 2018, description: 'councils at the time he spoke' },
  test: { kind: 'agency-association', alpha: 0.05, minN: 30, power: 0.8 },
  story: 'spend-and-ofsted',
};
