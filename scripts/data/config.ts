/**
 * Pipeline configuration, read once from the environment and passed down.
 * Nothing below this module reads process.env, so every step can be tested
 * with an explicit configuration.
 */
import { resolve } from 'node:path';

export interface PipelineConfig {
  /** Project root (where data/sources.json lives). */
  root: string;
  manifestPath: string;
  /** Raw mirror folder: DATA_RAW_DIR, default ../shared/data/raw. */
  rawDir: string;
  /** Gitignored cache: copies of raw files and parsed results. */
  cacheDir: string;
  /** Gitignored output folder the site reads. */
  outputDir: string;
  /**
   * Where the previous outputs are read for the report's "what changed" (DATA_PREVIOUS_DIR;
   * default: outputDir). The data-refresh workflow points it at the deployed site's /data/
   * files, so a fresh runner still compares against what readers last saw.
   */
  previousDir?: string;
  /** DATA_UPDATE=1: accept changed source files (after validation) and record their checksums. */
  update: boolean;
  /** Allow downloads from official URLs (DATA_DOWNLOAD=1); off by default, machines here have no internet. */
  download: boolean;
  /** DATA_DOWNLOAD_BASE: fetch every downloadUrl https://host/path from <base>/host/path (a local copy of the publishers' files). */
  downloadBase?: string;
  /** Skip the parse cache (DATA_NO_CACHE=1), e.g. for cold-cache benchmarks. */
  noCache: boolean;
  /**
   * Coverage checks for real data (default true): minimum row and council counts
   * that catch truncated or filtered files (e.g. at least 150 LA rows per CLA
   * measure and year, 100 LAs per S251 file). Only the golden end-to-end tests,
   * whose fixture raw folder holds 13 councils, turn them off (DATA_STRICT_COVERAGE=0).
   * Every other check (columns, codes, years, duplicates, markers) still runs.
   */
  strictCoverage?: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): PipelineConfig {
  const flag = (v: string | undefined) => v === '1' || v === 'true';
  return {
    root,
    manifestPath: resolve(root, env.DATA_MANIFEST ?? 'data/sources.json'),
    rawDir: resolve(root, env.DATA_RAW_DIR ?? '../shared/data/raw'),
    cacheDir: resolve(root, env.DATA_CACHE_DIR ?? 'data/cache'),
    outputDir: resolve(root, env.DATA_OUTPUT_DIR ?? 'data/output'),
    ...(env.DATA_PREVIOUS_DIR ? { previousDir: resolve(root, env.DATA_PREVIOUS_DIR) } : {}),
    update: flag(env.DATA_UPDATE),
    download: flag(env.DATA_DOWNLOAD),
    ...(env.DATA_DOWNLOAD_BASE ? { downloadBase: env.DATA_DOWNLOAD_BASE } : {}),
    noCache: flag(env.DATA_NO_CACHE),
    strictCoverage: env.DATA_STRICT_COVERAGE !== '0' && env.DATA_STRICT_COVERAGE !== 'false',
  };
}
