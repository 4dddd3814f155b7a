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
  /** Stories citing a source of an updated series: their figures may have changed. */
  stories: z.array(z.object({ slug: z.string(), title: z.string() })),
});
export const UpdatesFileSchema = z.object({ note: z.string().optional(), updates: z.array(UpdateEntrySchema) });
export type UpdateEntry = z.infer<typeof UpdateEntrySchema>;
