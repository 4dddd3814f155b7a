import { CYPN_NO_LINK } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'dfe-no-significant-correlation',
  topic: 'spending-and-quality',
  speaker: 'Department for Education',
  role: 'Government department, in written answers to the House of Commons Education Committee',
  date: '2016-01',
  dateNote: 'The report is undated; it gives Ofsted figures “as of November last year”, so the answers date from early 2016.',
  venue: 'Response to the Education Committee’s questions on children’s social work reform',
  words:
    'We know that in the last parliament child protection was prioritised in spending terms by local authorities and that there was no significant correlation between spend and effectiveness.',
  wordsAreQuote: true,
  source_url: null,
  report: CYPN_NO_LINK,
  quantities: [],
  period: { from: 2011, to: 2015, description: 'the 2010–15 parliament: financial years 2010-11 to 2014-15' },
  test: { kind: 'spend-grade-association', claimedAbsent: 'any', alpha: 0.05, minN: 30, power: 0.8 },
  story: 'spend-and-ofsted',
};
