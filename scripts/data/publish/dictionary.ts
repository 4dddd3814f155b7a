/**
 * The data dictionary: every column of la-panel (and of the area series), what
 * it means, its unit and which manifest sources feed it. Published with the data
 * and shown on the site's data page.
 */
import type { ColumnDoc, PanelRow } from '../../../contract/outputs.ts';
import type { Family } from '../../../contract/manifest.ts';
import { measureSpec, type PanelMeasure } from '../../../contract/measures.ts';
import type { MeasureId } from '../core/types.ts';

type PanelColumn = Exclude<keyof PanelRow, 'missing'> | 'missing' | 'missing_reasons';

/**
 * Which manifest sources feed a measure or belong to a family, from the data:
 * every source with an observation of the measure, and every entry of the
 * family, in manifest order. A new release is credited without a code change.
 */
export interface Credits {
  measures(...measures: MeasureId[]): string[];
  families(...families: Family[]): string[];
}

/** Credits from the manifest entries (in order) and the observations parsed from them. */
export function creditsFrom(entries: ReadonlyArray<{ id: string; family: Family }>, observations: Iterable<{ measure: MeasureId; source: string }>): Credits {
  const byMeasure = new Map<MeasureId, Set<string>>();
  for (const o of observations) {
    const set = byMeasure.get(o.measure) ?? new Set<string>();
    set.add(o.source);
    byMeasure.set(o.measure, set);
  }
  const order = entries.map((e) => e.id);
  const ordered = (ids: Set<string>) => order.filter((id) => ids.has(id));
  return {
    measures: (...ms) => ordered(new Set(ms.flatMap((m) => [...(byMeasure.get(m) ?? [])]))),
    families: (...fs) => entries.filter((e) => fs.includes(e.family)).map((e) => e.id),
  };
}

export function panelDictionary(deflatorBase: string, credits: Credits): ColumnDoc[] {
  const CLA_SOURCES = credits.measures('cla_count');
  const SPEND_SOURCES = credits.measures('spend_total_gbp');
  const POPULATION = credits.measures('population_0_17');
  const OFSTED = credits.families('ofsted');
  const DEPRIVATION = credits.families('deprivation');
  const LOOKUPS = credits.families('geography').filter((id) => id === 'lookup-dfe-las');
  const d = (name: PanelColumn, type: ColumnDoc['type'], description: string, sources: string[], unit?: string): ColumnDoc => ({
    name,
    type,
    ...(unit ? { unit } : {}),
    description,
    sources,
  });
  /** A measure column: its type and unit from the registry (contract/measures.ts). */
  const m = (name: PanelMeasure, description: string, sources: string[]): ColumnDoc => {
    const spec = measureSpec(name);
    return d(name, spec.type, description, sources, spec.unit);
  };
  return [
    d(
      'la_code',
      'string',
      'ONS/GSS code of the upper-tier local authority (E06 unitary, E08 metropolitan district, E09 London borough, E10 county). Councils that were only recoded keep their latest code for every year.',
      LOOKUPS,
    ),
    d('la_old_code', 'string', 'DfE three-digit local authority code.', LOOKUPS),
    d('la_name', 'string', 'Council name.', LOOKUPS),
    d('region_code', 'string', 'ONS code of the English region (E12).', LOOKUPS),
    d('region', 'string', 'English region.', LOOKUPS),
    d(
      'year',
      'integer',
      'Year ending 31 March. Counts are at 31 March of this year; flows and spending cover the year to 31 March (financial year ending in this year); the Ofsted judgement is the one in force on 31 March.',
      [],
    ),
    m(
      'population_0_17',
      'Children aged 0 to 17: the ONS mid-year estimate for the previous June (as DfE uses for rates); where ONS figures are missing, the denominator printed in the DfE children-looked-after release; for 2010, the mid-2009 estimate printed in SFR27/2010. No source gives one for 2011 and 2012 (ONS estimates here start at mid-2012 and the 2011 and 2012 releases print none), so rates for those years are empty.',
      POPULATION,
    ),
    m(
      'cla_count',
      'Children looked after at 31 March. 2010–2017 as first published in the statistical first releases; 2018 onwards from the latest Explore Education Statistics release covering the year.',
      CLA_SOURCES,
    ),
    m(
      'cla_rate_per_10k',
      'Children looked after at 31 March per 10,000 children aged 0–17. As published by DfE from 2018; for 2010–2017 computed from cla_count and population_0_17 and rounded to a whole number, as DfE does.',
      [...new Set([...credits.measures('cla_count', 'cla_rate_per_10k'), ...POPULATION])],
    ),
    m('cla_starts', 'Children who started to be looked after during the year.', credits.measures('cla_starts')),
    m('cla_ceases', 'Children who ceased to be looked after during the year.', credits.measures('cla_ceases')),
    m('cin_count', 'Children in need at 31 March (children in need census).', credits.measures('cin_count')),
    m(
      'cin_rate_per_10k',
      'Children in need at 31 March per 10,000 children aged 0–17: as published (2013–2024), computed from the count and population for later years.',
      [...new Set([...credits.measures('cin_count', 'cin_rate_per_10k'), ...POPULATION])],
    ),
    m('cpp_count', 'Children who were the subject of a child protection plan at 31 March.', credits.measures('cpp_count')),
    m(
      'cpp_rate_per_10k',
      'Children on a child protection plan at 31 March per 10,000 children aged 0–17, computed from cpp_count and population_0_17 (DfE publishes no rate in this table), rounded to one decimal place.',
      [...credits.measures('cpp_count'), ...POPULATION],
    ),
    d(
      'spend_basis',
      'string',
      'Which spending series the year\'s figures come from: "s251-2008" (Section 251 outturn 2008-09 and 2009-10, before Sure Start and young people\'s services were in scope), "s251" (Section 251 outturn 2010-11 to 2013-14), "lait-s251" (Section 251 outturn as compiled in DfE\'s LAIT, 2015-16 on). A change of basis is a break in the series. Empty for 2014-15, for which no line-level outturn was found.',
      SPEND_SOURCES,
    ),
    m(
      'spend_total_gbp',
      "Gross expenditure on children's and young people's services (all the blocks below, excluding schools), cash, for the financial year ending 31 March of `year`.",
      SPEND_SOURCES,
    ),
    m(
      'spend_cla_gbp',
      'Gross expenditure on children looked after: residential care, fostering, leaving care, asylum-seeking children, and adoption and special guardianship support in every year (S251 grouped adoption and special guardianship under children looked after only from 2012-13; earlier years are regrouped here so the block is comparable, which is why 2010-11 and 2011-12 exceed DfE\'s published "Total CLA").',
      SPEND_SOURCES,
    ),
    m(
      'spend_safeguarding_gbp',
      "Gross expenditure on safeguarding children and young people's services (social work, including child protection, and the safeguarding partnership).",
      SPEND_SOURCES,
    ),
    m('spend_family_support_gbp', 'Gross expenditure on family support services.', SPEND_SOURCES),
    m('spend_early_help_gbp', "Gross expenditure on Sure Start children's centres and other early years / early help services.", SPEND_SOURCES),
    m('spend_young_people_gbp', 'Gross expenditure on services for young people (youth work and similar).', SPEND_SOURCES),
    m('spend_youth_justice_gbp', 'Gross expenditure on youth justice.', SPEND_SOURCES),
    m('spend_per_child_gbp', 'spend_total_gbp divided by population_0_17, cash, rounded to the pound.', [...new Set([...SPEND_SOURCES, ...POPULATION])]),
    m('spend_per_child_real_gbp', `spend_per_child_gbp in constant ${deflatorBase} (HM Treasury GDP deflators), rounded to the pound.`, [
      ...new Set([...SPEND_SOURCES, ...POPULATION, ...credits.families('deflators')]),
    ]),
    d(
      'ofsted_overall',
      'string',
      'Ofsted\'s overall effectiveness judgement as Ofsted counts it "as at 31 March": the latest judgement from an inspection carried out by 31 March and published by the release\'s cut-off (30 April up to 2023, 30 June from 2024; for SLAC and SIF reports, which carry only a publication date, published by 31 March): Outstanding, Good, Requires improvement (to be good; "Adequate" in pre-2013 frameworks is not used) or Inadequate.',
      OFSTED,
    ),
    d(
      'ofsted_framework',
      'string',
      "The inspection framework of the judgement in force: SIF (single inspection framework, 2013–2017) or ILACS (inspections of local authority children's services, 2018 on).",
      OFSTED,
    ),
    d('ofsted_published', 'date', 'Publication date of the judgement in ofsted_overall.', OFSTED),
    d(
      'ofsted_in_force_overall',
      'string',
      'The overall judgement by the publication-date rule: the latest judgement published on or before 31 March. Differs from ofsted_overall when a report on an inspection before 31 March was published after 31 March but by the cut-off.',
      OFSTED,
    ),
    d('ofsted_in_force_published', 'date', 'Publication date of the judgement in ofsted_in_force_overall.', OFSTED),
    m(
      'idaci_score',
      "Income Deprivation Affecting Children Index 2019: average score of the council's neighbourhoods (share of children in income-deprived families). One vintage (2019) for every year; none exists for councils created after 2019 from split counties.",
      DEPRIVATION,
    ),
    m('idaci_rank', 'IDACI 2019 rank of average score among the 151 upper-tier councils of 2019 (1 = most deprived).', DEPRIVATION),
    m('imd_score', 'Index of Multiple Deprivation 2019: average score.', DEPRIVATION),
    m('imd_rank', 'IMD 2019 rank of average score among the 151 upper-tier councils of 2019 (1 = most deprived).', DEPRIVATION),
    m(
      'sw_agency_rate',
      'Agency children and family social workers as a percentage of agency plus directly employed social workers (full-time equivalent), at 30 September of the previous calendar year (the snapshot for September Y is filed under the year ending 31 March Y+1). A joint service reports one figure for both its councils.',
      credits.measures('sw_agency_rate'),
    ),
    m(
      'sw_vacancy_rate',
      'Vacant children and family social worker posts as a percentage of vacancies plus social workers in post (full-time equivalent), at 30 September of the previous calendar year.',
      credits.measures('sw_vacancy_rate'),
    ),
    m(
      'sw_turnover_rate',
      'Children and family social workers who left in the twelve months to 30 September of the previous calendar year, as a percentage of the average number in post (full-time equivalent).',
      credits.measures('sw_turnover_rate'),
    ),
    m(
      'sw_caseload',
      'Average number of cases per case-holding children and family social worker (full-time equivalent), at 30 September of the previous calendar year.',
      credits.measures('sw_caseload'),
    ),
    d(
      'missing',
      'object',
      'JSON only: for each empty column, the reason it is empty (for example "suppressed", "not_available", "no_source", "definition_break", "not_inspected"). See missingReasons in the file.',
      [],
    ),
    d('missing_reasons', 'string', 'CSV only: the reasons for the empty cells of the row, as column=reason pairs separated by semicolons.', []),
  ];
}
