/**
 * The measure registry: every numeric measure the pipeline reads or publishes, once.
 *
 * Each entry says what the measure is (label, unit, timing), where it comes from (source family),
 * what an empty cell means (missing-value policy), and, for a rate or a per-child figure, what it
 * is computed from. The lists the code needs are derived from it: the panel's numeric columns
 * (contract/outputs.ts PANEL_NUMERIC_COLUMNS), the measures sources may supply
 * (scripts/data/core/types.ts MEASURES), the Section 251 spending blocks
 * (scripts/data/sources/spend/blocks.ts), the columns computed from a measure, and the labels and
 * timing the council pages use (src/lib/councils/measures.ts).
 *
 * Adding a measure is one entry here plus the code that computes it (scripts/data/derive/).
 * The order is the order of the panel's columns (la-panel.csv, la-panel.json, the dictionary).
 */
import type { Family } from './manifest.ts';

/**
 * When a figure is taken, for a year ending 31 March Y:
 *  - at-31-march: a count or rate at 31 March Y;
 *  - during-year: a flow in the year to 31 March Y;
 *  - financial-year: the financial year (Y-1)-Y;
 *  - at-30-september: a snapshot at 30 September Y-1 (the social work workforce);
 *  - mid-year: the ONS mid-year estimate DfE uses for the year (mid Y-1);
 *  - one-vintage: one edition (IoD 2019) repeated for every year.
 */
export type MeasureTiming = 'at-31-march' | 'during-year' | 'financial-year' | 'at-30-september' | 'mid-year' | 'one-vintage';

/** What an empty cell of the measure means (the reasons are contract/missing.ts MISSING_REASONS). */
export const MISSING_POLICIES = {
  marker: 'the publisher’s marker (suppressed, not available, …) becomes the typed reason; in no source: no_source',
  'published-else-computed':
    'as printed where the publisher prints it, otherwise computed from its count and denominator: the count’s reason, or no_denominator when the denominator is missing or zero',
  computed: 'computed from its inputs: an input’s reason, or no_denominator when the denominator is missing or zero (no_deflator for real terms)',
  'first-source': 'the first source that has it in order of preference (ONS mid-year estimate, DfE denominator, SFR27/2010); in none: no_source',
  'spend-basis':
    'by the spending basis of the year: no line-level outturn (2014-15) is definition_break; a block outside the Section 251 scope of the year is definition_break',
  'one-vintage': 'one vintage for every year; a council created after it has none (no_source)',
} as const;
export type MissingPolicy = keyof typeof MISSING_POLICIES;

export interface MeasureSpec {
  readonly id: string;
  /** Short label for headings, legends and selects. */
  readonly label: string;
  /** The unit as the data dictionary prints it. */
  readonly unit: string;
  /** The dictionary's type of the column. */
  readonly type: 'integer' | 'number';
  readonly timing: MeasureTiming;
  /** The source family that supplies it (or its numerator). */
  readonly family: Family;
  readonly missing: MissingPolicy;
  /** A rate's or per-child figure's denominator. */
  readonly denominator?: 'population_0_17';
  /** The measures a computed column is computed from (excluding one excludes it). */
  readonly inputs?: readonly string[];
  /** A numeric column of la-panel (and of the England and regional series). */
  readonly panel: boolean;
  /** Supplied by source modules as observations (otherwise only derived or joined). */
  readonly observed: boolean;
  /** One of the Section 251 service blocks whose sum is spend_total_gbp. */
  readonly spendBlock?: true;
}

const COUNT = { unit: 'children', type: 'integer', missing: 'marker', panel: true, observed: true } as const;
const RATE = { unit: 'per 10,000 children', denominator: 'population_0_17', panel: true, observed: true } as const;
const SPEND = { unit: '£', type: 'number', timing: 'financial-year', family: 'spend', missing: 'spend-basis', observed: true } as const;
const BLOCK = { ...SPEND, panel: true, spendBlock: true } as const;
const PER_CHILD = {
  type: 'integer',
  timing: 'financial-year',
  family: 'spend',
  missing: 'computed',
  denominator: 'population_0_17',
  inputs: ['spend_total_gbp', 'population_0_17'],
  panel: true,
  observed: false,
} as const;
const IOD = { timing: 'one-vintage', family: 'deprivation', missing: 'one-vintage', panel: true, observed: false } as const;
const WORKFORCE = { unit: 'percent', type: 'number', timing: 'at-30-september', family: 'workforce', missing: 'marker', panel: true, observed: true } as const;

export const MEASURE_REGISTRY = [
  {
    id: 'population_0_17',
    label: 'Children aged 0 to 17',
    unit: 'children',
    type: 'integer',
    timing: 'mid-year',
    family: 'population',
    missing: 'first-source',
    panel: true,
    observed: true,
  },
  { id: 'cla_count', label: 'Children looked after', ...COUNT, timing: 'at-31-march', family: 'cla' },
  {
    id: 'cla_rate_per_10k',
    label: 'Children looked after per 10,000 children',
    ...RATE,
    type: 'integer',
    timing: 'at-31-march',
    family: 'cla',
    missing: 'published-else-computed',
    inputs: ['cla_count', 'population_0_17'],
  },
  { id: 'cla_starts', label: 'Children who started to be looked after', ...COUNT, timing: 'during-year', family: 'cla' },
  { id: 'cla_ceases', label: 'Children who ceased to be looked after', ...COUNT, timing: 'during-year', family: 'cla' },
  { id: 'cin_count', label: 'Children in need', ...COUNT, timing: 'at-31-march', family: 'cin' },
  {
    id: 'cin_rate_per_10k',
    label: 'Children in need per 10,000 children',
    ...RATE,
    type: 'number',
    timing: 'at-31-march',
    family: 'cin',
    missing: 'published-else-computed',
    inputs: ['cin_count', 'population_0_17'],
  },
  { id: 'cpp_count', label: 'Children on child protection plans', ...COUNT, timing: 'at-31-march', family: 'cin' },
  {
    id: 'cpp_rate_per_10k',
    label: 'Child protection plans per 10,000 children',
    ...RATE,
    type: 'number',
    timing: 'at-31-march',
    family: 'cin',
    missing: 'published-else-computed',
    inputs: ['cpp_count', 'population_0_17'],
  },
  { id: 'spend_total_gbp', label: 'Spending on children’s services, cash', ...SPEND, panel: true },
  { id: 'spend_cla_gbp', label: 'Children looked after', ...BLOCK },
  { id: 'spend_safeguarding_gbp', label: 'Safeguarding', ...BLOCK },
  { id: 'spend_family_support_gbp', label: 'Family support', ...BLOCK },
  { id: 'spend_early_help_gbp', label: 'Early help (Sure Start, early years)', ...BLOCK },
  { id: 'spend_young_people_gbp', label: 'Services for young people', ...BLOCK },
  { id: 'spend_youth_justice_gbp', label: 'Youth justice', ...BLOCK },
  // A small remainder, only inside the total: read from the sources, not a panel column.
  { id: 'spend_other_gbp', label: 'Other children’s and families services', ...BLOCK, panel: false },
  { id: 'spend_per_child_gbp', label: 'Spending per child, cash', unit: '£ per child', ...PER_CHILD },
  { id: 'spend_per_child_real_gbp', label: 'Spending per child, real terms', unit: '£ per child, constant prices', ...PER_CHILD },
  { id: 'idaci_score', label: 'IDACI 2019 average score', unit: 'proportion', type: 'number', ...IOD },
  { id: 'idaci_rank', label: 'IDACI 2019 rank', unit: 'rank', type: 'integer', ...IOD },
  { id: 'imd_score', label: 'IMD 2019 average score', unit: 'score', type: 'number', ...IOD },
  { id: 'imd_rank', label: 'IMD 2019 rank', unit: 'rank', type: 'integer', ...IOD },
  { id: 'sw_agency_rate', label: 'Agency social workers, % of all social workers', ...WORKFORCE },
  { id: 'sw_vacancy_rate', label: 'Vacancy rate, % of posts', ...WORKFORCE },
  { id: 'sw_turnover_rate', label: 'Turnover in the year, % of social workers', ...WORKFORCE },
  { id: 'sw_caseload', label: 'Cases per social worker', ...WORKFORCE, unit: 'cases per social worker' },
  // Read with the workforce rates (its sources check it), not published as a column.
  { id: 'sw_fte', label: 'Children and family social workers (FTE)', ...WORKFORCE, unit: 'FTE', panel: false },
] as const satisfies readonly MeasureSpec[];

type Entry = (typeof MEASURE_REGISTRY)[number];
/** Every measure id. */
export type Measure = Entry['id'];
/** A numeric column of la-panel. */
export type PanelMeasure = Extract<Entry, { panel: true }>['id'];
/** A measure source modules supply as observations. */
export type ObservedMeasure = Extract<Entry, { observed: true }>['id'];
/** A Section 251 service block. */
export type SpendBlockMeasure = Extract<Entry, { spendBlock: true }>['id'];
/** A social work workforce column of the panel. */
export type WorkforceMeasure = Extract<Entry, { family: 'workforce'; panel: true }>['id'];

const ids = <M extends Measure>(keep: (e: MeasureSpec) => boolean) => MEASURE_REGISTRY.filter(keep).map((e) => e.id) as unknown as readonly [M, ...M[]];

/** The panel's numeric columns, in column order. */
export const PANEL_MEASURES = /*#__PURE__*/ ids<PanelMeasure>((e) => e.panel);
/** The measures sources may supply. */
export const OBSERVED_MEASURES = /*#__PURE__*/ ids<ObservedMeasure>((e) => e.observed);
/** The Section 251 service blocks, in the order they are summed and shown. */
export const SPEND_BLOCK_MEASURES = /*#__PURE__*/ ids<SpendBlockMeasure>((e) => e.spendBlock === true);
/** The social work workforce columns of the panel. */
export const WORKFORCE_MEASURES = /*#__PURE__*/ ids<WorkforceMeasure>((e) => e.family === 'workforce' && e.panel);

const BY_ID: ReadonlyMap<string, MeasureSpec> = /*#__PURE__*/ new Map(MEASURE_REGISTRY.map((e) => [e.id, e]));

/** The registry entry of a measure. */
export function measureSpec(id: Measure): MeasureSpec {
  return BY_ID.get(id)!;
}

/** Whether a string names a registered measure. */
export function isMeasure(id: string): id is Measure {
  return BY_ID.has(id);
}

/** The measures each computed column is computed from (rates and per-child figures). */
export function measureInputs(): ReadonlyMap<Measure, readonly Measure[]> {
  return new Map(MEASURE_REGISTRY.flatMap((e) => ('inputs' in e ? [[e.id, e.inputs as readonly Measure[]] as const] : [])));
}

/** For each measure, the computed columns built on it, in registry order (excluding a value excludes them too). */
export function measureDependents(): ReadonlyMap<Measure, readonly Measure[]> {
  const out = new Map<Measure, Measure[]>();
  for (const [computed, inputs] of measureInputs()) for (const m of inputs) out.set(m, [...(out.get(m) ?? []), computed]);
  return out;
}
