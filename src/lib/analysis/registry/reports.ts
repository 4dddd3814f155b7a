/**
 * News reports that carry more than one claim of the registry, written once.
 */
import type { ClaimRecord } from './types.ts';

/** Jim Dunton's report of the £20m Partners in Practice announcement (13 October 2017). */
export const DUNTON_PARTNERS_IN_PRACTICE: ClaimRecord['report'] = {
  publication: 'Jim Dunton’s report of the £20m Partners in Practice announcement',
  headline: 'Department for Education offers £20m boost for children’s social services',
  author: 'Jim Dunton',
  date: '2017-10-13',
};

/** Children & Young People Now, 'Time to rethink funding of children’s services' (Derren Hayes, 26 June 2018). */
export const CYPN_RETHINK_FUNDING: ClaimRecord['report'] = {
  publication: 'Children & Young People Now',
  headline: 'Time to rethink funding of children’s services',
  author: 'Derren Hayes',
  date: '2018-06-26',
};

/** Children & Young People Now, 'DfE: ‘No link’ between spending on children’s social care and quality' (no byline or date printed). */
export const CYPN_NO_LINK: ClaimRecord['report'] = {
  publication: 'Children & Young People Now',
  headline: 'DfE: ‘No link’ between spending on children’s social care and quality',
  author: null,
  date: null,
};
