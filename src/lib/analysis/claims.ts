/**
 * The public claims the stories test, as data.
 *
 * Each claim records who said it, when, the words and where. Wording was
 * checked against the reports we could read (CYP Now, LGA/Newton, gov.uk);
 * where a detail could not be verified the field says "reported" and the
 * `sourcingNote` explains. Quotes are exact where `quoteIsExact` is true;
 * otherwise the text is the reporter's paraphrase and is marked as such.
 */

export type ClaimId =
  | 'dfe-2016-no-correlation'
  | 'minister-2017-half-as-much'
  | 'lga-newton-2018-deprivation'
  | 'lga-2bn-gap'
  | 'social-work-spend-fell'
  | 'ofsted-sif-not-good'
  | 'cla-72670'
  | 'cla-half-of-budget';

export interface PublicClaim {
  id: ClaimId;
  speaker: string;
  role: string;
  /** ISO date or partial date (YYYY or YYYY-MM); "reported" details are flagged in sourcingNote. */
  date: string;
  quotes: Array<{ text: string; quoteIsExact: boolean }>;
  where: string;
  url: string | null;
  sourcingNote: string | null;
}

export const CLAIMS: readonly PublicClaim[] = [
  {
    id: 'dfe-2016-no-correlation',
    speaker: 'Department for Education',
    role: 'Government department (written answer to the House of Commons Education Committee on children’s social work reform)',
    date: '2016',
    quotes: [
      {
        text: 'We know that in the last parliament child protection was prioritised in spending terms by local authorities and that there was no significant correlation between spend and effectiveness.',
        quoteIsExact: true,
      },
    ],
    where: 'DfE response to questions from the Education Committee, as reported by Children & Young People Now (“DfE: ‘No link’ between spending on children’s social care and quality”).',
    url: 'https://www.cypnow.co.uk/content/news/dfe-no-link-between-spending-on-childrens-social-care-and-quality',
    sourcingNote: 'Reported: we quote the memorandum as CYP Now printed it; the month of the memorandum is not verified (the report refers to Ofsted figures “as of November last year”, i.e. 2015).',
  },
  {
    id: 'minister-2017-half-as-much',
    speaker: 'Robert Goodwill MP',
    role: 'Minister of State for Children and Families, Department for Education',
    date: '2017-10',
    quotes: [
      { text: 'There’s not a direct correlation between what you spend on children’s services and what you deliver', quoteIsExact: true },
      {
        text: 'some councils rated “good” by Ofsted for children’s services spent half that of other authorities, on a per child basis, to achieve the same result',
        quoteIsExact: false,
      },
    ],
    where: 'Interview with Children & Young People Now (“Goodwill: children’s leaders must make better use of existing resources”), citing Local Government Association analysis.',
    url: 'https://www.cypnow.co.uk/content/news/goodwill-childrens-leaders-must-make-better-use-of-existing-resources',
    sourcingNote: 'Reported. The “half” statement is CYP Now’s paraphrase of the minister. The month is inferred from the article’s reference to “next month’s Budget” (Autumn Budget, 22 November 2017). The end of the direct quote is as reported.',
  },
  {
    id: 'lga-newton-2018-deprivation',
    speaker: 'Local Government Association and Newton Europe',
    role: 'Research commissioned by the LGA from the consultancy Newton Europe',
    date: '2018-06',
    quotes: [
      {
        text: 'it has been possible to identify a set of five factors that explain approximately half of the variation in spend seen nationally across all authorities',
        quoteIsExact: true,
      },
      { text: 'deprivation accounts for half the variation in spending', quoteIsExact: false },
      { text: 'local decision making only accounts for 13% of the variation in spend', quoteIsExact: false },
    ],
    where: '“Making Sense: understanding the drivers of variation in spend on children’s services” (LGA/Newton, 2018); paraphrases as reported by CYP Now and Action for Children.',
    url: 'https://childspendvariation.report/',
    sourcingNote: 'The report attributes about half of the variation to five factors together (deprivation, crime, disposable income, unemployment, population under 26), with IDACI deprivation the largest single factor (31 per cent, as reported by CYP Now). “Deprivation accounts for half” is a common simplification. Newton measured spend per person aged 0–25 from 2016-17 revenue outturn.',
  },
  {
    id: 'lga-2bn-gap',
    speaker: 'Local Government Association',
    role: 'Representative body of councils in England',
    date: '2017',
    quotes: [{ text: 'By 2020 there will be a funding gap in children’s services of at least £2 billion.', quoteIsExact: true }],
    where: 'LGA “Bright Futures” campaign pages.',
    url: 'https://www.local.gov.uk/about/campaigns/bright-futures/bright-futures-childrens-services/understanding-drivers-spend',
    sourcingNote: 'Reported: the figure was used by the LGA from 2017 to 2019; the first use is not dated here.',
  },
  {
    id: 'social-work-spend-fell',
    speaker: 'Children & Young People Now, citing “government figures”',
    role: 'Trade press report',
    date: '2016',
    quotes: [
      {
        text: 'in the last three years local authority spending on children’s social work and child protection services has dropped by 18 per cent from £2.58bn in 2011/12 to £2.12bn in 2014/15',
        quoteIsExact: true,
      },
    ],
    where: 'CYP Now, in the same report as the DfE memorandum (“DfE: ‘No link’ …”).',
    url: 'https://www.cypnow.co.uk/content/news/dfe-no-link-between-spending-on-childrens-social-care-and-quality',
    sourcingNote: 'Reported: the underlying “government figures” are not identified in the report.',
  },
  {
    id: 'ofsted-sif-not-good',
    speaker: 'Ofsted (single inspection framework outcomes), as reported',
    role: 'Inspectorate',
    date: '2015-11',
    quotes: [
      {
        text: 'as of November last year, 77 per cent of the 69 authorities inspected had been rated “requires improvement” (52 per cent), or “inadequate” (25 per cent)',
        quoteIsExact: true,
      },
      {
        text: 'of 136 local authorities inspected: 24 per cent inadequate, 46 per cent requires improvement, 29 per cent good, 1 per cent outstanding',
        quoteIsExact: false,
      },
    ],
    where: '2015 figures: CYP Now (same report as the DfE memorandum). 2017 distribution: Ofsted, 2017 (reported).',
    url: 'https://www.cypnow.co.uk/content/news/dfe-no-link-between-spending-on-childrens-social-care-and-quality',
    sourcingNote: 'The 2017 figures are as reported at the time; we could not read the Ofsted document that printed them, so speaker, date and wording are “reported”.',
  },
  {
    id: 'cla-72670',
    speaker: 'Department for Education statistics (SFR50/2017); “90 a day” as widely reported',
    role: 'Official statistics; campaign and press use',
    date: '2017-09',
    quotes: [
      { text: '72,670 looked-after children, up 3.1%', quoteIsExact: false },
      { text: '90 children going into care every day', quoteIsExact: false },
    ],
    where: 'Children looked after in England including adoption: year ending 31 March 2017 (SFR50/2017); the daily rate is a derived figure used in press and campaign material.',
    url: 'https://www.gov.uk/government/statistics/children-looked-after-in-england-including-adoption-2016-to-2017',
    sourcingNote: 'Reported wording; the figures are checked against the first-published SFR50/2017 data.',
  },
  {
    id: 'cla-half-of-budget',
    speaker: 'Various (a recurring claim in council and press material)',
    role: 'Reported',
    date: 'reported',
    quotes: [{ text: 'Looked-after children take half of children’s services budgets', quoteIsExact: false }],
    where: 'Reported; no single original source identified.',
    url: null,
    sourcingNote: 'Paraphrase of a recurring claim; tested against Section 251 outturn.',
  },
];

export function claimById(id: ClaimId): PublicClaim {
  const c = CLAIMS.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown claim id "${id}".`);
  return c;
}
