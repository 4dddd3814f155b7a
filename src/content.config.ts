/**
 * Content collections. `stories` are MDX files in src/content/stories/.
 *
 * Every story names the official sources it relies on by manifest id
 * (data/sources.json); an unknown id fails the build, naming the file and the
 * field (Astro reports the entry and the path, e.g. `sources.1`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

function manifestIds(): Set<string> {
  const path = resolve(process.cwd(), 'data/sources.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { sources: Array<{ id: string }> };
  return new Set(manifest.sources.map((s) => s.id));
}
const SOURCE_IDS = manifestIds();

const sourceId = z.string().superRefine((id, ctx) => {
  if (!SOURCE_IDS.has(id)) ctx.addIssue({ code: 'custom', message: `unknown source id "${id}": it is not in data/sources.json` });
});

/** A checkable claim: the story says `measure` for `code` in `year` is `value`; the build checks it against the data. */
const claim = z.object({
  text: z.string().min(1),
  measure: z.string().min(1),
  code: z.string().regex(/^E\d{8}$/, 'expected an ONS code such as E92000001'),
  year: z.number().int(),
  value: z.number().nullable(),
  /** Allowed absolute difference (for rounded figures in copy); default 0. */
  tolerance: z.number().nonnegative().optional(),
});

const stories = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/stories' }),
  schema: z.object({
    title: z.string().min(5),
    standfirst: z.string().min(10),
    byline: z.string().min(2),
    published: z.coerce.date(),
    updated: z.coerce.date().optional(),
    tags: z.array(z.string().min(1)).default([]),
    sources: z.array(sourceId).min(1),
    corrections: z.array(z.object({ date: z.coerce.date(), text: z.string().min(1) })).default([]),
    draft: z.boolean().default(false),
    claims: z.array(claim).optional(),
  }),
});

export const collections = { stories };
