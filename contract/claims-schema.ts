/**
 * The schema of data/output/claims.json (published as /data/claims.json). The
 * claims step validates what it writes, and the site validates what it reads,
 * against this one schema.
 */
import { z } from 'zod';

const verdict = z.enum(['supported', 'partly-supported', 'not-supported', 'cannot-be-tested', 'not-reproducible']);
const nullableNumber = z.number().nullable();

export const specificationSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  year: z.number().int(),
  measure: z.string(),
  subset: z.string(),
  control: z.enum(['none', 'idaci', 'idaci+london']),
  method: z.enum(['spearman', 'partial-spearman', 'ordinal-logit', 'r2', 'share', 'growth', 'count', 'total', 'rank']),
  estimate: nullableNumber,
  ci_low: nullableNumber,
  ci_high: nullableNumber,
  n: nullableNumber,
  p: nullableNumber,
  p_adjusted: nullableNumber,
  supports: z.boolean().nullable(),
  mde: nullableNumber,
  known_at_the_time: z.boolean(),
});

const count = z.object({ supporting: z.number().int(), testable: z.number().int() });

export const evaluatedClaimSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  topic: z.string(),
  speaker: z.string().min(1),
  role: z.string(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  date_note: z.string().nullable(),
  venue: z.string(),
  words: z.string().min(1),
  words_are_quote: z.boolean(),
  source_url: z.string().url().nullable(),
  report: z.object({ publication: z.string(), headline: z.string().nullable(), author: z.string().nullable(), date: z.string().nullable() }),
  quantities: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
  period: z.object({ from: z.number().int(), to: z.number().int(), description: z.string() }),
  story: z.string(),
  verdict,
  verdict_at_the_time: verdict,
  summary: z.string().min(1),
  then_and_now: z.string().nullable(),
  detail: z.array(z.string()),
  counts: z.object({ now: count, at_the_time: count }),
  thresholds: z.record(z.string(), z.union([z.number(), z.string()])),
  specifications: z.array(specificationSchema),
});

export const claimsFileSchema = z.object({
  schema_version: z.literal(1),
  data_version: z.string().min(1),
  rubric: z.array(z.object({ verdict, label: z.string(), rule: z.string() })).length(5),
  claims: z.array(evaluatedClaimSchema),
});

export type ClaimsFileData = z.infer<typeof claimsFileSchema>;
export type EvaluatedClaimData = z.infer<typeof evaluatedClaimSchema>;
export type SpecificationData = z.infer<typeof specificationSchema>;
