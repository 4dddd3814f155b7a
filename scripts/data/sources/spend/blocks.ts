/**
 * Spending blocks, and the mapping of every Section 251 outturn line to one.
 *
 * BLOCKS. The site shows gross spending (S251 "Total Expenditure", £ cash,
 * before income) in seven service blocks whose sum is spend_total_gbp:
 *
 *   spend_cla_gbp              children looked after, INCLUDING adoption services
 *                              and special guardianship support in every year
 *   spend_safeguarding_gbp     social work (incl. LA functions in relation to
 *                              child protection), commissioning and children's
 *                              services strategy, LSCB, child death reviews
 *   spend_family_support_gbp   direct payments, short breaks, disabled children,
 *                              targeted and universal family support
 *   spend_early_help_gbp       Sure Start children's centres and other early years
 *   spend_young_people_gbp     services for young people (youth work, Connexions,
 *                              substance misuse, teenage pregnancy)
 *   spend_youth_justice_gbp    youth justice
 *   spend_other_gbp            other children's and families services (and the
 *                              tiny Child Trust Fund top-ups line, 2008-09..2010-11)
 *
 *   spend_total_gbp            the S251 "Children and young people's services
 *                              budget (excluding CERA)" line, gross. It excludes
 *                              schools and education lines (which S251 reports
 *                              in a separate schools/education budget) and capital
 *                              expenditure charged to revenue (CERA). LAIT's
 *                              C&YPExpenditure is the same line from 2015-16 on, and
 *                              equals the sum of the seven LAIT blocks exactly.
 *
 * JUDGEMENTS (each visible in the table below):
 *  - Adoption and special guardianship sit in S251's "Other children's and
 *    families services" group until 2011-12 and inside "Children looked after"
 *    from 2012-13 (and in LAIT's TotalLACFinance). We put them in CLA in every
 *    year so that spend_cla_gbp is one series; S251's own "Total Children Looked
 *    After" line for 2008-09..2011-12 is therefore SMALLER than our figure
 *    (e.g. England 2011-12: £3.08bn published, £3.38bn ours).
 *  - "Commissioning and social work" and "Children's services strategy" lines are
 *    in safeguarding in every year, as S251 grouped them from 2012-13.
 *  - 2008-09 and 2009-10 (basis "s251-2008"): Sure Start and services for young
 *    people were not in the S251 scope, so early help and young people are a
 *    'definition_break' gap, and the total is not comparable with later years.
 *    In those years substance misuse and teenage pregnancy are in family support
 *    (later: young people), and "Preventative services" is in safeguarding (as
 *    S251 grouped it, under "Children and young people's safety").
 *  - Publisher subtotals, the totals including CERA, CERA itself and
 *    memorandum lines ("included in lines … above") are excluded with a reason,
 *    never summed: each leaf line is mapped once, and the loader checks per LA
 *    that the leaves add up to the published total excluding CERA.
 *  - 2010-11 line 47 has the description "Unknown" in the file: its values equal
 *    the sum of lines 41–46 for every LA, i.e. it is the "Total services for
 *    young people" subtotal with a lost label; it is excluded as a subtotal.
 *
 * Rules are matched against the line description with its leading line number
 * stripped and whitespace collapsed; every distinct line in a file must match
 * exactly one rule of its year, or the loader stops with a DataError.
 */
import { SPEND_BLOCK_MEASURES, type SpendBlockMeasure } from '../../../../contract/measures.ts';
import type { MeasureId } from '../../core/types.ts';

/** The seven service blocks, in registry order (contract/measures.ts, the entries marked spendBlock). */
export const BLOCKS = SPEND_BLOCK_MEASURES;
export type BlockId = SpendBlockMeasure;

export const SPEND_MEASURES = [...BLOCKS, 'spend_total_gbp'] as const satisfies readonly MeasureId[];
export type SpendMeasure = (typeof SPEND_MEASURES)[number];

export type LineRole =
  | { kind: 'block'; block: BlockId }
  /** The published CYP services budget excluding CERA: spend_total_gbp. */
  | { kind: 'total' }
  | { kind: 'excluded'; reason: string };

export interface LineRule {
  /** Matched against the normalised description (case-insensitive). */
  pattern: RegExp;
  role: LineRole;
  /** Named lines exported for stories (e.g. the social work claim). */
  tag?: S251Tag;
}

export type S251Tag =
  | 'cla_published_total'
  | 'safeguarding_published_total'
  | 'social_work'
  | 'commissioning_and_social_work'
  | 'child_protection_functions'
  | 'sure_start_published_total';

/** S251 financial years covered, as years ending 31 March. */
export const S251_YEARS = [2009, 2010, 2011, 2012, 2013, 2014] as const;
export type S251Year = (typeof S251_YEARS)[number];

const b = (block: BlockId): LineRole => ({ kind: 'block', block });
const SUBTOTAL: LineRole = { kind: 'excluded', reason: 'publisher subtotal: its parts are mapped line by line' };
const INCL_CERA: LineRole = { kind: 'excluded', reason: 'total including CERA: capital charged to revenue is not service spending' };
const CERA: LineRole = { kind: 'excluded', reason: 'capital expenditure charged to revenue (CERA): not service spending' };
const MEMO: LineRole = { kind: 'excluded', reason: 'memorandum line: already counted in other lines' };
const TOTAL: LineRole = { kind: 'total' };

const CLA = b('spend_cla_gbp');
const SAFE = b('spend_safeguarding_gbp');
const FAM = b('spend_family_support_gbp');
const EARLY = b('spend_early_help_gbp');
const YP = b('spend_young_people_gbp');
const YJ = b('spend_youth_justice_gbp');
const OTHER = b('spend_other_gbp');

/**
 * How one year's lines differ from the year before's: the S251 form changed a little most years
 * and was rewritten for 2011-12. `drop` names lines no longer in the form (by their pattern),
 * `change` gives a line (same pattern) a new role or tag, `add` lists new lines.
 */
export interface RuleDiff {
  drop?: readonly RegExp[];
  change?: readonly LineRule[];
  add?: readonly LineRule[];
}

/** The base table: the 2008-09 form. */
const BASE_2009: readonly LineRule[] = [
  { pattern: /^secure accommodation \(youth justice\)$/, role: YJ },
  { pattern: /^youth offender teams$/, role: YJ },
  { pattern: /^other youth justice service$/, role: YJ },
  { pattern: /^total youth justice$/, role: SUBTOTAL },
  { pattern: /^residential care$/, role: CLA },
  { pattern: /^fostering services$/, role: CLA },
  { pattern: /^other children looked after services$/, role: CLA },
  { pattern: /^secure accommodation \(welfare\)$/, role: CLA },
  { pattern: /^short breaks \(respite\) for looked after children$/, role: CLA },
  { pattern: /^children placed with family and friends$/, role: CLA },
  { pattern: /^advocacy services for children looked after$/, role: CLA },
  { pattern: /^education of looked after children$/, role: CLA },
  { pattern: /^leaving care support services$/, role: CLA },
  { pattern: /^asylum seeker services - children$/, role: CLA },
  { pattern: /^total children looked after$/, role: SUBTOTAL, tag: 'cla_published_total' },
  { pattern: /^child death (review )?processes$/, role: SAFE },
  { pattern: /^la functions in relation to child protection$/, role: SAFE, tag: 'child_protection_functions' },
  { pattern: /^local safeguarding childrens board$/, role: SAFE },
  { pattern: /^total children and young people'?s safety$/, role: SUBTOTAL, tag: 'safeguarding_published_total' },
  { pattern: /^direct payments$/, role: FAM },
  { pattern: /^short breaks \(respite\) for disabled children$/, role: FAM },
  { pattern: /^home care services$/, role: FAM },
  { pattern: /^equiptment and adaptations$/, role: FAM },
  { pattern: /^other family support services$/, role: FAM },
  { pattern: /^contribution to health care of individual children$/, role: FAM },
  { pattern: /^total family support services$/, role: SUBTOTAL },
  { pattern: /^adoption services$/, role: CLA },
  { pattern: /^special guardianship support$/, role: CLA },
  { pattern: /^other children'?s and families services$/, role: OTHER },
  { pattern: /^total other children'?s and families services$/, role: SUBTOTAL },
  { pattern: /^children'?s and young people'?s plan$/, role: SAFE },
  { pattern: /^partnership costs$/, role: SAFE },
  { pattern: /^central commissioning function$/, role: SAFE },
  { pattern: /^commissioning and social work$/, role: SAFE, tag: 'commissioning_and_social_work' },
  { pattern: /^total children'?s services strategy$/, role: SUBTOTAL },
  { pattern: /^child trust fund top ups$/, role: OTHER },
  { pattern: /^capital expenditure from revenue \(cera\)/, role: CERA },
  { pattern: /^total children and young people'?s services budget \(including cera\)$/, role: INCL_CERA },
  { pattern: /^total children and young people'?s services budget \(excluding cera\)$/, role: TOTAL },
  { pattern: /^preventative services$/, role: SAFE },
  { pattern: /^substances misuse services \(drugs, alcohol and volatile substances\)$/, role: FAM },
  { pattern: /^teenage pregnancy services$/, role: FAM },
  // 2008-09 has a separate asylum group; 2009-10 on it is inside CLA.
  { pattern: /^unaccompanied asylum children$/, role: CLA },
  { pattern: /^accommodation$/, role: CLA },
  { pattern: /^assessment and care management$/, role: CLA },
  { pattern: /^total asylum seeker$/, role: SUBTOTAL },
  { pattern: /^childrens social care workforce grant$/, role: SAFE },
];

/** Each later year as the differences from the year before. */
const DIFFS: Record<Exclude<S251Year, 2009>, RuleDiff> = {
  2010: {
    drop: [
      /^unaccompanied asylum children$/,
      /^accommodation$/,
      /^assessment and care management$/,
      /^total asylum seeker$/,
      /^childrens social care workforce grant$/,
    ],
    add: [
      { pattern: /^unaccompanied asylum children: assessment and care management$/, role: CLA },
      { pattern: /^unaccompanied asylum children: accommodation$/, role: CLA },
    ],
  },
  // 2010-11: Sure Start and services for young people come into scope.
  2011: {
    drop: [/^preventative services$/, /^unaccompanied asylum children: assessment and care management$/, /^unaccompanied asylum children: accommodation$/],
    change: [
      { pattern: /^substances misuse services \(drugs, alcohol and volatile substances\)$/, role: YP },
      { pattern: /^teenage pregnancy services$/, role: YP },
    ],
    add: [
      { pattern: /^spend on local authority management costs relating to sure start children'?s centres$/, role: EARLY },
      { pattern: /^spend by individual sure start children'?s centres$/, role: EARLY },
      { pattern: /^spend on local authority provided or commissioned area-wide services delivered through sure start children'?s centres$/, role: EARLY },
      { pattern: /^total sure start children'?s centres$/, role: SUBTOTAL, tag: 'sure_start_published_total' },
      { pattern: /^universal services for young people/, role: YP },
      { pattern: /^targeted services for young people/, role: YP },
      { pattern: /^connexions$/, role: YP },
      { pattern: /^student support\/including mandatory awards$/, role: YP },
      { pattern: /^unknown$/, role: { kind: 'excluded', reason: 'unlabelled subtotal: equals lines 41–46 (services for young people) for every LA' } },
      { pattern: /^spend on evidence based, early intervention services/, role: MEMO },
      { pattern: /^youth work - \(memorandum/, role: MEMO },
    ],
  },
  // 2011-12: the form is regrouped, and descriptions are truncated in the file.
  2012: {
    drop: [
      /^secure accommodation \(youth justice\)$/,
      /^youth offender teams$/,
      /^other youth justice service$/,
      /^total youth justice$/,
      /^secure accommodation \(welfare\)$/,
      /^short breaks \(respite\) for looked after children$/,
      /^advocacy services for children looked after$/,
      /^child death (review )?processes$/,
      /^la functions in relation to child protection$/,
      /^total children and young people'?s safety$/,
      /^home care services$/,
      /^equiptment and adaptations$/,
      /^other family support services$/,
      /^contribution to health care of individual children$/,
      /^children'?s and young people'?s plan$/,
      /^partnership costs$/,
      /^central commissioning function$/,
      /^commissioning and social work$/,
      /^total children'?s services strategy$/,
      /^child trust fund top ups$/,
      /^total children and young people'?s services budget \(including cera\)$/,
      /^total children and young people'?s services budget \(excluding cera\)$/,
      /^spend on local authority management costs relating to sure start children'?s centres$/,
      /^spend on local authority provided or commissioned area-wide services delivered through sure start children'?s centres$/,
      /^substances misuse services \(drugs, alcohol and volatile substances\)$/,
      /^connexions$/,
      /^student support\/including mandatory awards$/,
      /^unknown$/,
    ],
    add: [
      { pattern: /^spend on local authority provided or commissioned area-wide services$/, role: EARLY },
      { pattern: /^short breaks \(respite\) for looked after disabled children$/, role: CLA },
      { pattern: /^child death review processes$/, role: SAFE },
      { pattern: /^commissioning and social work \(includes la functions in relation to/, role: SAFE, tag: 'commissioning_and_social_work' },
      { pattern: /^total children and young people'?s safety\/children social care$/, role: SUBTOTAL, tag: 'safeguarding_published_total' },
      { pattern: /^other support for disabled children$/, role: FAM },
      { pattern: /^intensive family interventions$/, role: FAM },
      { pattern: /^other targeted family support$/, role: FAM },
      { pattern: /^universal family support$/, role: FAM },
      { pattern: /^children'?s services strategy$/, role: SAFE },
      { pattern: /^substances misuse services/, role: YP },
      { pattern: /^other services for young people/, role: YP },
      { pattern: /^total services for young people$/, role: SUBTOTAL },
      { pattern: /^youth justice$/, role: YJ },
      { pattern: /^children and young people'?s services budget \(including cera\)$/, role: INCL_CERA },
      { pattern: /^children and young people'?s services budget \(excluding cera\)$/, role: TOTAL },
      { pattern: /^spend on local authority management costs relating to sure start/, role: MEMO },
    ],
  },
  2013: {
    drop: [
      /^spend on local authority provided or commissioned area-wide services$/,
      /^other children looked after services$/,
      /^child death review processes$/,
      /^commissioning and social work \(includes la functions in relation to/,
      /^total children and young people'?s safety\/children social care$/,
      /^intensive family interventions$/,
      /^other targeted family support$/,
      /^other children'?s and families services$/,
      /^total other children'?s and families services$/,
      /^children'?s services strategy$/,
      /^other services for young people/,
      /^spend on evidence based, early intervention services/,
      /^spend on local authority management costs relating to sure start/,
      /^youth work - \(memorandum/,
    ],
    // Listed after the totals: the total excluding CERA equals the lines above
    // without these two for every LA, so they are memorandum items.
    change: [
      { pattern: /^substances misuse services/, role: MEMO },
      { pattern: /^teenage pregnancy services$/, role: MEMO },
    ],
    add: [
      { pattern: /^spend on local authority provided or commissioned area-wide services delivered through sure start children.s centres$/, role: EARLY },
      { pattern: /^other early years funding$/, role: EARLY },
      { pattern: /^other children looked after$/, role: CLA },
      { pattern: /^other childrens and family services$/, role: OTHER },
      { pattern: /^social work \(includes la functions in relation to child protection\)?$/, role: SAFE, tag: 'social_work' },
      { pattern: /^comissioning and children'?s services strategy$/, role: SAFE },
      { pattern: /^total safeguarding children and young peoples services$/, role: SUBTOTAL, tag: 'safeguarding_published_total' },
      { pattern: /^targeted family support$/, role: FAM },
    ],
  },
  2014: {
    drop: [
      /^other early years funding$/,
      /^other children looked after$/,
      /^other childrens and family services$/,
      /^social work \(includes la functions in relation to child protection\)?$/,
      /^universal services for young people/,
      /^targeted services for young people/,
      /^substances misuse services/,
      /^teenage pregnancy services$/,
    ],
    add: [
      { pattern: /^spend on local authority management costs relating to sure start children'?s centres$/, role: EARLY },
      { pattern: /^other early years expenditure$/, role: EARLY },
      { pattern: /^other children looked after services$/, role: CLA },
      { pattern: /^other children'?s and families services$/, role: OTHER },
      { pattern: /^social work \(includes la functions in relation to child protection\)$/, role: SAFE, tag: 'social_work' },
      { pattern: /^universal services for young people$/, role: YP },
      { pattern: /^targeted services for young people$/, role: YP },
      { pattern: /^substance misuse services.*\(included in lines/, role: MEMO },
      { pattern: /^teenage pregnancy services.*\(included in lines/, role: MEMO },
    ],
  },
};

const key = (p: RegExp) => `/${p.source}/${p.flags}`;

/**
 * A year's table from the year before's and the differences: dropped lines removed, changed lines
 * replaced where they stand, added lines appended. A difference that names a line the table does
 * not have (or adds one it has) is a mistake in the tables and throws.
 */
export function applyRuleDiff(previous: readonly LineRule[], diff: RuleDiff, year: number): LineRule[] {
  const have = new Set(previous.map((r) => key(r.pattern)));
  const fail = (what: string, p: RegExp) => {
    throw new Error(`S251 rules ${year}: ${what} ${key(p)}`);
  };
  for (const p of diff.drop ?? []) if (!have.has(key(p))) fail('drops a line the year before does not have:', p);
  for (const r of diff.change ?? []) if (!have.has(key(r.pattern))) fail('changes a line the year before does not have:', r.pattern);
  const dropped = new Set((diff.drop ?? []).map(key));
  const changed = new Map((diff.change ?? []).map((r) => [key(r.pattern), r]));
  const out = previous.filter((r) => !dropped.has(key(r.pattern))).map((r) => changed.get(key(r.pattern)) ?? r);
  const kept = new Set(out.map((r) => key(r.pattern)));
  for (const r of diff.add ?? []) if (kept.has(key(r.pattern))) fail('adds a line it already has:', r.pattern);
  return [...out, ...(diff.add ?? [])];
}

/** Every year's rules: the base table, then each year's differences applied in turn. */
function expand(): Record<S251Year, LineRule[]> {
  const out = { 2009: [...BASE_2009] } as Record<S251Year, LineRule[]>;
  for (const year of S251_YEARS.slice(1) as Array<Exclude<S251Year, 2009>>) out[year] = applyRuleDiff(out[(year - 1) as S251Year], DIFFS[year], year);
  return out;
}

/** The rules of each year. Their order does not matter: each line must match exactly one rule of its year. */
export const S251_RULES: Record<S251Year, LineRule[]> = expand();

/** Blocks outside the S251 scope in a year (reported as a 'definition_break' gap). */
export const OUT_OF_SCOPE: Partial<Record<S251Year, BlockId[]>> = {
  2009: ['spend_early_help_gbp', 'spend_young_people_gbp'],
  2010: ['spend_early_help_gbp', 'spend_young_people_gbp'],
};

/** Strip a leading line number ("12 ", "11Short"), normalise apostrophes, non-breaking and repeated spaces. */
export function normaliseDescription(raw: string): string {
  return raw
    .replace(/[\u00a0\t\r\n]/g, ' ')
    .replace(/[\u2018\u2019\u0092]/g, "'")
    .replace(/^\s*\d+\s*(?=\D)/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The one rule matching a description in a year, or the list of matches (0 or >1) for the error. */
export function ruleFor(year: S251Year, description: string): { rule?: LineRule; matches: LineRule[] } {
  const d = normaliseDescription(description);
  const matches = S251_RULES[year].filter((r) => r.pattern.test(d));
  return matches.length === 1 ? { rule: matches[0]!, matches } : { matches };
}
