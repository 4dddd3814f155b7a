/** The public log of accepted data updates (data/updates.json): written by the pipeline's update mode, read by the site. */
import { z } from 'zod';

export const UpdateEntrySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dataVersion: z.string(),
  sources: z.array(z.object({ id: z.string(), title: z.string(), release: z.string(), publisher: z.string() })),
  changes: z.object({ cells: z.number().int(), councilYearsAdded: z.number().int(), councilYearsRemoved: z.number().int() }),
  /** Years with a changed or added figure, oldest first. */
  years: z.array(z.number().int()),
  /** Councils with a changed figure (from the report's list), by name. */
  councils: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Columns with a changed figure. */
  measures: z.array(z.string()),
  /**
   * storiesBy "figures": the stories whose cited figures changed or disappeared, with the figures
   * (the words before each, old and new as printed; new null when gone). Otherwise (absent or
   * "sources", when there was no previous record of the stories' figures): the stories citing a
   * source of an updated series, whose figures may have changed.
   */
  stories: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      figures: z.array(z.object({ context: z.string(), old: z.string(), new: z.string().nullable() })).optional(),
    }),
  ),
  storiesBy: z.enum(['figures', 'sources']).optional(),
});
export const UpdatesFileSchema = z.object({ note: z.string().optional(), updates: z.array(UpdateEntrySchema) });
export type UpdateEntry = z.infer<typeof UpdateEntrySchema>;
