/**
 * The editors' report: stories whose cited figures changed or disappeared,
 * from the story-figures record (contract/story-figures.ts). The data step
 * writes the new record (scripts/data/report-stories.ts); the previous one is
 * the published /data/story-figures.json (DATA_PREVIOUS_DIR, or the outputs the
 * pipeline replaced, kept in the cache). Compared key by key, per story: a
 * figure whose printed text or value changed (old → new), and one the story
 * no longer cites or that no longer exists.
 */
import type { StoryFigure, StoryFiguresFile } from '../../../contract/story-figures.ts';
import { join } from 'node:path';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { StoryFiguresFileSchema } from '../../../contract/story-figures.ts';
import { UpdatesFileSchema, type UpdateEntry } from '../../../contract/updates.ts';

/** Where the pipeline keeps the previously published story-figures.json for this comparison. */
export const previousRecordPath = (cacheDir: string) => join(cacheDir, 'report', 'previous-story-figures.json');

export interface FigureChange {
  key: string;
  line: number;
  context: string;
  old: { text: string | null; value: StoryFigure['value'] };
  /** null: the story no longer has this figure. */
  new: { text: string | null; value: StoryFigure['value'] } | null;
}

export interface StoryChanges {
  slug: string;
  title: string;
  changed: FigureChange[];
  gone: FigureChange[];
}

export interface RecordChangesReport {
  compared: true;
  basis: 'record';
  previousDataVersion: string;
  stories: number;
  figures: number;
  /** Only the stories with a changed or vanished figure. */
  changedStories: StoryChanges[];
}

const side = (f: StoryFigure) => ({ text: f.text, value: f.value });

/** Compare two records: per story in the new record, each previously cited figure that changed or is gone. */
export function diffRecords(previous: StoryFiguresFile, next: StoryFiguresFile): RecordChangesReport {
  const before = new Map(previous.stories.map((s) => [s.slug, new Map(s.figures.map((f) => [f.key, f]))]));
  const out: RecordChangesReport = {
    compared: true,
    basis: 'record',
    previousDataVersion: previous.data_version,
    stories: next.stories.length,
    figures: next.stories.reduce((n, s) => n + s.figures.length, 0),
    changedStories: [],
  };
  for (const s of next.stories) {
    const old = before.get(s.slug);
    if (!old) continue; // a new story: nothing a reader saw has changed
    const now = new Map(s.figures.map((f) => [f.key, f]));
    const story: StoryChanges = { slug: s.slug, title: s.title, changed: [], gone: [] };
    for (const [key, o] of old) {
      const n = now.get(key);
      if (!n) story.gone.push({ key, line: o.line, context: o.context, old: side(o), new: null });
      else if (n.text !== o.text || n.value !== o.value) story.changed.push({ key, line: n.line, context: n.context, old: side(o), new: side(n) });
    }
    if (story.changed.length || story.gone.length) out.changedStories.push(story);
  }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
export const shown = (x: { text: string | null; value: StoryFigure['value'] }) =>
  x.text ?? (x.value === null ? 'not available' : typeof x.value === 'boolean' ? (x.value ? 'yes' : 'no') : String(x.value));

export const SECTION_HEADING = '## Stories whose cited figures changed';

/** The report's Markdown section. */
export function recordChangesMarkdown(r: RecordChangesReport): string[] {
  const lines = [SECTION_HEADING, ''];
  const basis = `Compared with the published record of every figure the stories cite (data version \`${r.previousDataVersion}\`).`;
  if (!r.changedStories.length) {
    lines.push(`No figure cited in a published story changed (${r.figures} figures in ${r.stories} stories). ${basis}`);
    return lines;
  }
  lines.push(
    `${r.changedStories.length} of ${r.stories} published stories cite a figure that changed or no longer exists. Read the sentence around each one: the text may need editing. ${basis}`,
  );
  for (const s of r.changedStories) {
    lines.push('', `### ${s.title} (\`${s.slug}\`)`, '');
    if (s.changed.length) {
      lines.push('| line | figure | words before it | old | new |', '|---:|---|---|---|---|');
      for (const c of s.changed) lines.push(`| ${c.line} | \`${c.key}\` | ${cell(c.context)} | ${cell(shown(c.old))} | ${cell(shown(c.new!))} |`);
    }
    if (s.gone.length) {
      if (s.changed.length) lines.push('');
      lines.push('No longer cited or no longer in the data:', '');
      for (const c of s.gone) lines.push(`- line ${c.line}: \`${c.key}\` (${c.context || 'no words before it'}) — was ${shown(c.old)}`);
    }
  }
  return lines;
}

/** Replace the section (written by the pipeline from the outputs) in report.md; append it when there is none. */
export function withStorySection(markdown: string, section: string[]): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(SECTION_HEADING);
  if (start < 0) return `${markdown.replace(/\n*$/, '\n\n')}${section.join('\n')}\n`;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  lines.splice(start, end - start, ...section, '');
  return lines.join('\n');
}

// ------------------------------------------------------------ the step (scripts/data/report-stories.ts)

/** Where the pipeline notes the data-updates log entry it just added, for this step to name the stories by their figures. */
export const pendingUpdatePath = (cacheDir: string) => join(cacheDir, 'report', 'pending-update.json');

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}
async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/** The previously published record, or null when there is none (checked against the contract: a bad file is an error naming it). */
export async function readRecord(path: string): Promise<StoryFiguresFile | null> {
  const text = await readText(path);
  if (text === null) return null;
  const parsed = StoryFiguresFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(
      `${path}: not a story-figures record (contract/story-figures.ts): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The stories of an update-log entry, named by the figures that changed (what the public log shows). */
export function updateStories(r: RecordChangesReport): NonNullable<UpdateEntry['stories']> {
  return r.changedStories.map((s) => ({
    slug: s.slug,
    title: s.title,
    figures: [...s.changed, ...s.gone].map((c) => ({ context: c.context, old: shown(c.old), new: c.new ? shown(c.new) : null })),
  }));
}

export interface StoryStepPaths {
  record: string;
  previousRecord: string;
  reportMd: string;
  reportJson: string;
  pendingUpdate: string;
}

/**
 * Write the record, and when a previous record exists, put its comparison in
 * report.md and report.json (replacing the pipeline's comparison from the
 * outputs) and name the stories of the update just logged by their figures.
 */
export async function writeRecordAndReport(record: StoryFiguresFile, p: StoryStepPaths): Promise<RecordChangesReport | null> {
  const checked = StoryFiguresFileSchema.safeParse(record);
  if (!checked.success)
    throw new Error(
      `the story-figures record does not match contract/story-figures.ts: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  await writeAtomically(p.record, `${JSON.stringify(record, null, 1)}\n`);
  const previous = await readRecord(p.previousRecord);
  const md = await readText(p.reportMd);
  const json = await readText(p.reportJson);
  const pending = await readText(p.pendingUpdate);
  if (!previous) {
    // First record: the pipeline's comparison from the outputs (figure elements only) stays, and says so.
    if (md !== null && md.includes(SECTION_HEADING) && !md.includes(NO_RECORD))
      await writeAtomically(p.reportMd, withStorySection(md, [...sectionOf(md), NO_RECORD]));
    if (pending !== null) await rm(p.pendingUpdate, { force: true }); // the log entry keeps the stories named by their sources
    return null;
  }
  const r = diffRecords(previous, record);
  if (md !== null) await writeAtomically(p.reportMd, withStorySection(md, recordChangesMarkdown(r)));
  if (json !== null) await writeAtomically(p.reportJson, `${JSON.stringify({ ...(JSON.parse(json) as object), storyFigures: r }, null, 1)}\n`);
  if (pending !== null) {
    const { log, date, dataVersion } = JSON.parse(pending) as { log: string; date: string; dataVersion: string };
    const file = UpdatesFileSchema.parse(JSON.parse((await readText(log)) ?? '{"updates":[]}'));
    const entry = file.updates.findLast((u) => u.date === date && u.dataVersion === dataVersion);
    if (entry) {
      entry.stories = updateStories(r);
      entry.storiesBy = 'figures';
      await writeAtomically(log, `${JSON.stringify(file, null, 2)}\n`);
    }
    await rm(p.pendingUpdate, { force: true });
  }
  return r;
}

const NO_RECORD =
  'The previous outputs have no record of the figures stories cite (story-figures.json), so only <Fig>, <Fact> and <KeyFigure> citations were compared; the next update compares every figure.';
const sectionOf = (md: string): string[] => {
  const lines = md.split('\n');
  const start = lines.indexOf(SECTION_HEADING);
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const s = lines.slice(start, end);
  while (s.at(-1) === '') s.pop();
  return [...s, ''];
};
