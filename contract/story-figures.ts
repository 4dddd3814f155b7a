/**
 * The schema of data/output/story-figures.json (published as
 * /data/story-figures.json): every figure each published story cites, as the
 * page prints it. Written after the claims step by scripts/data/report-stories.ts
 * from the same functions the pages render with (src/lib/stories/record.ts);
 * the next data refresh compares its record with the published one.
 */
import { z } from 'zod';

export const STORY_FIGURE_KINDS = ['text', 'figure', 'claim'] as const;

export const StoryFigureSchema = z.object({
  /**
   * Stable across data updates: "t.latest" (story text figure), "f.year" (a
   * value of the story's figures module), "Fact cla_count E92000001 f.year"
   * (a figure element, its attributes as written), "claims[0]" (frontmatter).
   */
  key: z.string().min(1),
  /** text: a story text figure; figure: <Fig>, <Fact> or <KeyFigure>; claim: a figure stated in the frontmatter. */
  kind: z.enum(STORY_FIGURE_KINDS),
  /** Line of its first use in the story's file. */
  line: z.number().int().positive(),
  /** What the reader reads, as printed; null when it is not printed as text (a yes/no that chooses the words, a missing value). */
  text: z.string().nullable(),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  /** Text figures: the words before it in its sentence. Figures: what the figure is, where and when. */
  context: z.string(),
  measure: z.string().optional(),
  code: z.string().optional(),
  year: z.number().int().optional(),
});

export const StoryRecordSchema = z.object({
  slug: z.string().min(1),
  title: z.string(),
  figures: z.array(StoryFigureSchema),
  /** Citations the record cannot work out without building the page (an expression it does not know), with why. */
  unrecorded: z.array(z.object({ line: z.number().int().positive(), what: z.string() })),
});

export const StoryFiguresFileSchema = z.object({
  note: z.string(),
  data_version: z.string(),
  stories: z.array(StoryRecordSchema),
});

export type StoryFigure = z.infer<typeof StoryFigureSchema>;
export type StoryRecord = z.infer<typeof StoryRecordSchema>;
export type StoryFiguresFile = z.infer<typeof StoryFiguresFileSchema>;
