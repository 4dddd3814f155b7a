/**
 * The fourth step of `npm run data`, after the claims step: writes
 * data/output/story-figures.json (published as /data/story-figures.json), the
 * record of every figure each published story cites (src/lib/stories/record.ts,
 * the same functions the pages render with), and compares it with the
 * previously published record, kept by the pipeline from DATA_PREVIOUS_DIR or
 * the outputs it replaced: the report's "Stories whose cited figures changed"
 * and, after an accepted update, the stories named in the data-updates log.
 * See scripts/data/publish/story-record.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configFromEnv } from './config.ts';
import { pendingUpdatePath, previousRecordPath, writeRecordAndReport } from './publish/story-record.ts';
import { storyFiguresRecord } from '../../src/lib/stories/record.ts';

const config = configFromEnv();
// The figures are read from the outputs the pipeline just wrote (src/lib/data.ts reads DATA_OUTPUT_DIR).
process.env.DATA_OUTPUT_DIR = config.outputDir;
try {
  const dir = join(config.root, 'src', 'content', 'stories');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();
  const stories = await Promise.all(names.map(async (n) => ({ slug: n.replace(/\.mdx$/, ''), text: await readFile(join(dir, n), 'utf8') })));
  const provenance = JSON.parse(await readFile(join(config.outputDir, 'provenance.json'), 'utf8')) as { dataVersion: string };
  const record = storyFiguresRecord(stories, provenance.dataVersion);
  const r = await writeRecordAndReport(record, {
    record: join(config.outputDir, 'story-figures.json'),
    previousRecord: previousRecordPath(config.cacheDir),
    reportMd: join(config.outputDir, 'report.md'),
    reportJson: join(config.outputDir, 'report.json'),
    pendingUpdate: pendingUpdatePath(config.cacheDir),
  });
  const n = record.stories.reduce((k, s) => k + s.figures.length, 0);
  console.log(
    `✓ Wrote story-figures.json: ${n} figures in ${record.stories.length} stories; ${
      r ? `${r.changedStories.length} stories cite a figure that changed` : 'no previous record to compare with'
    }`,
  );
} catch (e) {
  console.error(`✗ Could not record the figures the stories cite: ${(e as Error).message}`);
  process.exit(2);
}
