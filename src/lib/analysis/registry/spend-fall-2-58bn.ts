import { CYPN_NO_LINK } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'spend-fall-2-58bn',
  topic: 'spending-totals',
  speaker: 'Children & Young People Now, citing government figures',
  role: 'Trade press',
  date: '2016-01',
  dateNote: 'The report is undated; it gives Ofsted figures “as of November last year”, so it dates from early 2016.',
  venue: 'News report on the DfE’s answers to the Education Committee',
  words:
    'Government figures show that in the last three years local authority spending on children’s social work and child protection services has dropped by 18 per cent from £2.58bn in 2011/12 to £2.12bn in 2014/15.',
  wordsAreQuote: false,
  source_url: null,
  report: CYPN_NO_LINK,
  quantities: [
    { label: 'spend 2011-12', value: 2.58e9, unit: 'gbp' },
    { label: 'spend 2014-15', value: 2.12e9, unit: 'gbp' },
    { label: 'fall', value: -0.18, unit: 'share' },
  ],
  period: { from: 2012, to: 2015, description: 'financial years 2011-12 to 2014-15' },
  test: { kind: 'spend-fall', from: { year: 2012, value: 2.58e9 }, to: { year: 2015, value: 2.12e9 }, fall: -0.18, tolerance: 0.01 },
  story: 'the-squeeze-and-the-shift',
};
