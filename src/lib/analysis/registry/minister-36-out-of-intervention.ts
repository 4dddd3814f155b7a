import { DUNTON_PARTNERS_IN_PRACTICE } from './reports.ts';
import type { ClaimRecord } from './types.ts';

export const claim: ClaimRecord = {
  id: 'minister-36-out-of-intervention',
  topic: 'intervention',
  speaker: 'Robert Goodwill MP',
  role: 'Minister of State for Children and Families',
  date: '2017-10-13',
  dateNote: null,
  venue: 'Speech to a social services conference in Bournemouth, reported by Jim Dunton',
  words: 'Our interventions programme is yielding real results: 36 local authorities have been lifted out of intervention since 2010.',
  wordsAreQuote: true,
  source_url: null,
  report: DUNTON_PARTNERS_IN_PRACTICE,
  quantities: [{ label: 'councils lifted out of intervention since 2010', value: 36, unit: 'count' }],
  period: { from: 2010, to: 2018, description: '2010 to October 2017' },
  test: {
    kind: 'not-testable',
    reason:
      'Intervention is a decision by the Secretary of State, and no official dataset lists when each council entered or left it; Ofsted’s judgements show only when a council stopped being rated inadequate, which is related but not the same.',
    context: 'ofsted-exits',
  },
  story: 'the-ratings',
};
