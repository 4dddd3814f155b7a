/**
 * Content collections. `stories` are MDX files in src/content/stories/.
 *
 * Every story names the official sources it relies on by manifest id
 * (data/sources.json); an unknown id fails the build, naming the file and the
 * field (Astro reports the entry and the path, e.g. `sources.1`).
 *
 * Astro prefixes each message with the field, so the build error reads e.g.
 *   [InvalidContentEntryDataError] stories → my-story data does not match collection schema.
 *     byline: still contains the TODO placeholder; replace it before publishing (or keep draft: true)
 *     Location: …/src/content/stories/my-story.mdx
 * Unknown fields are errors (.strict()). Drafts (draft: true) may keep TODO
 * placeholders; they are built in `astro dev` only (src/lib/data/stories.ts).
 * corrections and updates are sorted newest first here, so every page that
 * shows them gets that order. See docs/editors-guide.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { nearestStrings } from './lib/figures/refs.ts';

function manifestIds(): Set<string> {
  const path = resolve(process.cwd(), 'data/sources.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { sources: Array<{ id: string }> };
  return new Set(manifest.sources.map((s) => s.id));
}
const SOURCE_IDS = manifestIds();

const sourceId = z.string().superRefine((id, ctx) => {
  if (!SOURCE_IDS.has(id)) {
    const near = nearestStrings(id, [...SOURCE_IDS], 3);
    ctx.addIssue({ code: 'custom', message: `unknown source id "${id}": it is not in data/sources.json. Nearest ids: ${near.join(', ')}` });
  }
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

/** A date in frontmatter: YAML 2026-11-22 (or a quoted ISO string). */
const date = (field: string) =>
  z.coerce.date({ error: `expected a date written as YYYY-MM-DD, e.g. 2026-11-22` }).refine((d) => !Number.isNaN(d.getTime()), {
    message: `expected a date written as YYYY-MM-DD, e.g. 2026-11-22`,
  });

/** A dated note at the end of a story: a correction (something was wrong) or an update (something changed). */
const note = (kind: 'corrections' | 'updates') =>
  z
    .array(
      z
        .object({
          date: date(`${kind}[].date`),
          text: z.string({ error: `say what was changed and why` }).min(10, `say what was changed and why (at least 10 characters)`),
        })
        .strict(),
    )
    .default([])
    // Newest first, everywhere they are shown.
    .transform((xs) => [...xs].sort((a, b) => b.date.getTime() - a.date.getTime()));

const FIELDS = ['title', 'standfirst', 'byline', 'published', 'updated', 'tags', 'sources', 'corrections', 'updates', 'draft', 'claims'];

/** The placeholder scripts/new-story.ts writes; allowed in drafts only. */
export const TODO = 'TODO';

const stories = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/stories' }),
  schema: z
    .object(
      {
        title: z.string({ error: 'required (the headline)' }).min(5, 'at least 5 characters'),
        standfirst: z.string({ error: 'required (one or two sentences under the headline)' }).min(10, 'at least 10 characters'),
        byline: z.string({ error: 'required, e.g. "Jane Smith" or "Data team"' }).min(2, 'at least 2 characters'),
        published: date('published'),
        updated: date('updated').optional(),
        tags: z.array(z.string().min(1)).default([]),
        // Optional: the Sources box lists what the story's figures and charts cite; these ids ADD to it.
        sources: z.array(sourceId, { error: 'a list of manifest ids from data/sources.json, e.g. ["cla-ees-2025"]' }).default([]),
        corrections: note('corrections'),
        updates: note('updates'),
        draft: z.boolean({ error: 'true or false' }).default(false),
        claims: z.array(claim).optional(),
      },
      {
        error: (iss) =>
          iss.code === 'unrecognized_keys'
            ? `unknown frontmatter field ${iss.keys.map((k) => `"${k}"`).join(', ')}: the fields are ${FIELDS.join(', ')} (see docs/editors-guide.md)`
            : undefined,
      },
    )
    // A typo in a field name (publised:) is an error, not a silently ignored field.
    .strict()
    .superRefine((s, ctx) => {
      if (!s.draft) {
        for (const field of ['title', 'standfirst', 'byline'] as const) {
          if (s[field].includes(TODO)) {
            ctx.addIssue({
              code: 'custom',
              path: [field],
              message: `still contains the ${TODO} placeholder; replace it before publishing (or keep draft: true)`,
            });
          }
        }
      }
      if (s.updated && s.updated < s.published) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'is before published' });
      }
      for (const [kind, xs] of [
        ['corrections', s.corrections],
        ['updates', s.updates],
      ] as const) {
        xs.forEach((c) => {
          if (c.date < s.published)
            ctx.addIssue({ code: 'custom', path: [kind], message: `an entry dated ${c.date.toISOString().slice(0, 10)} is before the story was published` });
        });
      }
    }),
});

export const collections = { stories };
