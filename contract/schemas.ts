/**
 * Zod schemas for the pipeline's output files (data/output/*.json), mirroring
 * the TypeScript contract in contract/outputs.ts. The `satisfies` checks
 * below make TypeScript fail if the contract and the schemas drift apart.
 *
 * Validation here is where data enters the site: code formats, year ranges,
 * missing-value reasons and duplicate keys are all checked at build time.
 */
import { z } from 'zod';
import { AREA_CODE, COUNCIL_OR_DISTRICT_CODE, ENGLAND_CODE, LA_CODE, OLD_LA_CODE, REGION_CODE } from './codes.ts';
import {
  PANEL_NUMERIC_COLUMNS,
  type AreaYear,
  type ColumnDoc,
  type DeflatorsOutput,
  type EnglandFile,
  type MhclgNationalYearOutput,
  type SpendChecks,
  type Inspection,
  type LaInfo,
  type PanelNumericColumn,
  type PanelRow,
  type Provenance,
  type Revision,
} from './outputs.ts';
import { MISSING_REASONS, type MissingReason } from './missing.ts';

/**
 * Years (ending 31 March) the contract accepts: the spending series starts in 2008-09. The upper
 * bound is a fixed sanity limit, not the clock, so a file valid today is valid on any day (a
 * build from the same data gives the same answer); raise it when the data reach it.
 */
export const YEAR_MIN = 2008;
export const YEAR_MAX = 2040;

export { ENGLAND_CODE, LA_CODE, REGION_CODE };

const year = z.number().int().min(YEAR_MIN).max(YEAR_MAX);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');
const reason = z.enum(Object.keys(MISSING_REASONS) as [MissingReason, ...MissingReason[]]);
const grade = z.enum(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
const framework = z.enum(['SLAC', 'SIF', 'ILACS']);
const numeric = z.number().finite().nullable();
const numericColumn = z.enum(PANEL_NUMERIC_COLUMNS);

const numericShape = Object.fromEntries(PANEL_NUMERIC_COLUMNS.map((c) => [c, numeric])) as Record<PanelNumericColumn, typeof numeric>;

export const ProvenanceSchema = z.object({
  dataVersion: z.string().min(1),
  latestPublication: z.object({ date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), source: z.string() }).nullable(),
  generatedFrom: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      publisher: z.string(),
      release: z.string(),
      published: z.string().optional(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      landingUrl: z.string(),
      licence: z.string(),
    }),
  ),
});
export type SiteProvenance = Provenance;

export const ColumnDocSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'integer', 'number', 'date', 'object']),
  unit: z.string().optional(),
  description: z.string().min(1),
  sources: z.array(z.string()),
}) satisfies z.ZodType<ColumnDoc>;

export const PanelRowSchema = z
  .object({
    la_code: z.string().regex(LA_CODE, 'expected an E06/E08/E09/E10 code'),
    la_old_code: z.string().regex(OLD_LA_CODE, 'expected a three-digit DfE code'),
    la_name: z.string().min(1),
    region_code: z.string().regex(REGION_CODE, 'expected an E12 region code'),
    region: z.string().min(1),
    year,
    spend_basis: z.string().nullable(),
    ofsted_overall: grade.nullable(),
    ofsted_framework: framework.nullable(),
    ofsted_published: isoDate.nullable(),
    ofsted_in_force_overall: grade.nullable().optional(),
    ofsted_in_force_published: isoDate.nullable().optional(),
    missing: z.partialRecord(z.union([numericColumn, z.literal('ofsted_overall')]), reason),
    ...numericShape,
  })
  .superRefine((row, ctx) => {
    for (const c of PANEL_NUMERIC_COLUMNS) {
      if (row[c] === null && row.missing[c] === undefined)
        ctx.addIssue({ code: 'custom', path: [c], message: `${c} is null but missing.${c} gives no reason` });
      if (row[c] !== null && row.missing[c] !== undefined)
        ctx.addIssue({ code: 'custom', path: ['missing', c], message: `${c} has a value but is also marked missing (${row.missing[c]})` });
    }
  }) satisfies z.ZodType<PanelRow>;

export const PanelFileSchema = z.object({
  provenance: ProvenanceSchema,
  columns: z.array(ColumnDocSchema).min(1),
  rows: z.array(PanelRowSchema).min(1),
});

export const LaInfoSchema = z.object({
  code: z.string().regex(LA_CODE, 'expected an E06/E08/E09/E10 code'),
  oldCode: z.string().regex(OLD_LA_CODE, 'expected a three-digit DfE code'),
  name: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case slug'),
  aliases: z.array(z.string()),
  regionCode: z.string().regex(REGION_CODE, 'expected an E12 region code'),
  region: z.string().min(1),
  type: z.enum(['unitary', 'metropolitan', 'london', 'county']),
  status: z.enum(['current', 'former']),
  firstYear: year,
  lastYear: year.nullable(),
  predecessors: z.array(z.string().regex(LA_CODE)),
  successors: z.array(z.string().regex(LA_CODE)),
  reorganisation: z.string().nullable(),
  statisticalNeighbours: z.array(z.string().regex(LA_CODE)),
}) satisfies z.ZodType<LaInfo>;

export const AreaYearSchema = z
  .object({
    code: z.string().regex(AREA_CODE, 'expected E92000001 or an E12 region code'),
    name: z.string().min(1),
    level: z.enum(['national', 'regional']),
    year,
    values: z.partialRecord(numericColumn, numeric),
    missing: z.partialRecord(numericColumn, reason),
  })
  .superRefine((a, ctx) => {
    for (const [c, v] of Object.entries(a.values)) {
      if (v === null && a.missing[c as PanelNumericColumn] === undefined)
        ctx.addIssue({ code: 'custom', path: ['values', c], message: `${c} is null but missing.${c} gives no reason` });
    }
  }) satisfies z.ZodType<AreaYear>;

export const RevisionSchema = z.object({
  measure: z.string(),
  code: z.string(),
  name: z.string(),
  year,
  first: z.object({ release: z.string(), value: numeric }),
  latest: z.object({ release: z.string(), value: numeric }),
}) satisfies z.ZodType<Revision>;

/** A published figure: a finite number or a typed gap. */
const publishedValue = z.union([z.number().finite(), z.object({ missing: reason, marker: z.string().optional() })]);

export const DeflatorsSchema = z.object({
  baseYear: year,
  baseLabel: z.string().min(1),
  method: z.string().min(1),
  years: z.array(
    z.object({
      year,
      financialYear: z.string().regex(/^\d{4}-\d{2}$/, 'expected a financial year such as 2023-24'),
      index: publishedValue,
      approximate: z.boolean(),
      method: z.enum(['hmt-fy', 'cy-approximation', 'none']),
    }),
  ),
  spliceCheck: z.array(z.object({ year, hmtGrowthPct: z.number(), approxGrowthPct: z.number(), differencePts: z.number() })),
}) satisfies z.ZodType<DeflatorsOutput>;

export const MhclgNationalSchema = z.array(
  z.object({
    year,
    source: z.string().min(1),
    netCurrentGbp: publishedValue,
    grossGbp: publishedValue.optional(),
    scope: z.enum(['rs-pre-2014-15', 'ro3-2014-15-on']),
    note: z.string(),
  }),
) satisfies z.ZodType<MhclgNationalYearOutput[]>;

export const SpendChecksSchema = z.object({
  laitInconsistencies: z.array(z.object({ oldCode: z.string(), name: z.string(), year, total: z.number(), sumOfBlocks: z.number(), source: z.string() })),
  laitRevisions: z.number().int().min(0),
  socialWorkClaim: z.array(z.object({ year, line: z.string().min(1), label: z.string().min(1), value: publishedValue })),
}) satisfies z.ZodType<SpendChecks>;

/**
 * england.json as the site reads it. The deflators, MHCLG and spending-check extras are optional
 * here because the small site fixtures carry only the series; the pipeline publishes them always
 * (EnglandPublishedSchema).
 */
export const EnglandFileSchema = z.object({
  provenance: ProvenanceSchema,
  series: z.array(AreaYearSchema).min(1),
  /** The long-run national series may reach back before YEAR_MIN. */
  longRun: z.array(z.object({ year: z.number().int().min(1900).max(YEAR_MAX), cla_count: numeric, release: z.string().optional(), source: z.string() })),
  revisions: z.array(RevisionSchema),
  deflators: DeflatorsSchema.optional(),
  mhclgNational: MhclgNationalSchema.optional(),
  spendChecks: SpendChecksSchema.optional(),
});
/** england.json as the pipeline must publish it: every part present. */
export const EnglandPublishedSchema = EnglandFileSchema.required({ deflators: true, mhclgNational: true, spendChecks: true }) satisfies z.ZodType<EnglandFile>;
export type EnglandFileRead = z.infer<typeof EnglandFileSchema>;

export const InspectionSchema = z.object({
  la_code: z.string().regex(LA_CODE, 'expected an E06/E08/E09/E10 code'),
  la_name: z.string(),
  framework,
  type: z.string(),
  inspection_start: isoDate.nullable(),
  inspection_end: isoDate.nullable(),
  published: isoDate,
  overall: grade.nullable(),
  judgements: z.record(z.string(), grade.nullable()),
  source: z.string(),
}) satisfies z.ZodType<Inspection>;

/** places.json: names a reader may type → the current council(s) (scripts/data/derive/places.ts). */
export const PlacesFileSchema = z.object({
  provenance: ProvenanceSchema,
  places: z
    .array(
      z.object({
        name: z.string().min(1),
        kind: z.enum(['council', 'former-council', 'district', 'former-district']),
        code: z.string().regex(COUNCIL_OR_DISTRICT_CODE, 'expected an English council or district code'),
        councils: z.array(z.string().regex(LA_CODE, 'expected an E06/E08/E09/E10 code')).min(1),
        source: z.string().min(1),
      }),
    )
    .min(1),
});
export const LasFileSchema = z.object({ provenance: ProvenanceSchema, las: z.array(LaInfoSchema).min(1) });
export const RegionsFileSchema = z.object({ provenance: ProvenanceSchema, series: z.array(AreaYearSchema), revisions: z.array(RevisionSchema) });
export const InspectionsFileSchema = z.object({
  provenance: ProvenanceSchema,
  inspections: z.array(InspectionSchema),
  /** Each current LA's page of Ofsted reports, by LA code. */
  reportPages: z.record(z.string(), z.string().regex(/^https:\/\/reports\.ofsted\.gov\.uk\//)).optional(),
});
/** /data/anomalies.json: the anomaly screen's findings with the editors' decisions (scripts/data/derive/anomalies.ts). */
export const AnomaliesFileSchema = z.array(
  z.object({
    la_code: z.string().regex(LA_CODE),
    la_name: z.string().min(1),
    year,
    measure: numericColumn,
    value: z.number(),
    rule: z.enum(['spike', 'unit', 'vs-england', 'vs-similar']),
    reason: z.string().min(1),
    decision: z.enum(['keep', 'exclude-from-analysis', 'query-with-publisher']).nullable(),
    note: z.string().nullable(),
  }),
);
/** The pipeline's report for editors: its shape is the pipeline's to decide, so only an object is required. */
export const ReportFileSchema = z.looseObject({});
