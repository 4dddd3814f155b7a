/**
 * `npm run data`: run the pipeline from the command line.
 *
 * Environment: DATA_RAW_DIR (raw mirror, default ../shared/data/raw),
 * DATA_UPDATE=1 (accept and record changed sources), DATA_DOWNLOAD=1 (fetch
 * missing files from their official URLs), DATA_OUTPUT_DIR, DATA_CACHE_DIR,
 * DATA_NO_CACHE=1 (ignore the parse cache).
 *
 * Exit codes: 0 success (or already up to date), 1 bad input data (the message
 * names source, file, row, column and value), 2 any other failure, 3 a source
 * file could not be had (not in the mirror or cache, or its download failed;
 * the message names the source and the address).
 */
import { configFromEnv } from './config.ts';
import { httpFetchBytes, SourceUnavailableError } from './core/acquire.ts';
import { DataError } from './core/errors.ts';
import { runPipeline } from './run.ts';

const config = configFromEnv();
try {
  await runPipeline(config, { log: (m) => console.log(m), now: () => performance.now(), fetchBytes: (url) => httpFetchBytes(url) });
} catch (e) {
  if (e instanceof SourceUnavailableError) {
    console.error(
      `\n✗ The data pipeline stopped: a source file could not be had (the data were not read).\n  ${e.message}\n\nNothing was written; the previous outputs in ${config.outputDir} are unchanged.`,
    );
    process.exit(3);
  }
  if (e instanceof DataError) {
    console.error(
      `\n✗ The data pipeline stopped: bad input.\n  ${e.message}\n\nNothing was written; the previous outputs in ${config.outputDir} are unchanged.`,
    );
    process.exit(1);
  }
  console.error(`\n✗ The data pipeline failed: ${(e as Error).stack ?? e}\n\nNothing was written; the previous outputs in ${config.outputDir} are unchanged.`);
  process.exit(2);
}
