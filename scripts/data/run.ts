/**
 * The pipeline, start to finish:
 *
 *   manifest → acquire (verify checksums) → parse each source family (cached by
 *   checksum) → harmonise geography → derive (panel, England, regions) →
 *   validate → publish atomically → report.
 *
 * Side effects (file system paths, clock, logger) come in through `RunDeps`, so
 * tests run the whole pipeline on fixture folders. Any DataError stops the run
 * before anything is written: the previous outputs stay as they were.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PipelineConfig } from './config.ts';
import { acquireAll, newPins, type SourceFiles } from './core/acquire.ts';
import { cacheKey, codeVersion, ParseCache } from './cache.ts';
import type { Manifest } from '../../contract/manifest.ts';
import { loadManifest, manifestText } from './core/manifest.ts';
import { loadFamilies } from './families.ts';
import { assemble } from './assemble.ts';
import { publishAtomically } from './publish/write.ts';
import { diffPanels, missingByColumn, reportMarkdown, type RunReport } from './publish/report.ts';
import type { PanelRow } from '../../contract/outputs.ts';
import { validateAgainstContract, validateOutputs } from './validate-outputs.ts';
import { parseAnomalyFile, parseSmallCouncils } from './derive/anomalies.ts';
import { anomalySummary } from './publish/report.ts';
import { checkCompleteness, seriesOf } from './completeness.ts';
import { appendUpdate, storiesCiting, updateEntry } from './publish/updates.ts';
import { FigureLookup, readStories, storyFigureChanges, type FigureOutputs } from './publish/story-figures.ts';
import { previousClaimsPath } from './publish/claim-changes.ts';
import { pendingUpdatePath, previousRecordPath } from './publish/story-record.ts';
import { copyFile, mkdir, rm } from 'node:fs/promises';

export interface RunDeps {
  log: (message: string) => void;
  now: () => number;
  fetchBytes?: (url: string) => Promise<Uint8Array>;
  /** Today's date (YYYY-MM-DD) for the data-updates log; injected so tests are deterministic. */
  today?: () => string;
}

export interface RunResult {
  status: 'written' | 'up-to-date';
  dataVersion: string;
  report?: RunReport;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function runPipeline(config: PipelineConfig, deps: RunDeps): Promise<RunResult> {
  const t0 = deps.now();
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = deps.now();
    deps.log(`▸ ${name}…`);
    const out = await fn();
    timings[name] = Math.round(deps.now() - s);
    deps.log(`  ${name} done in ${timings[name]} ms`);
    return out;
  };

  const manifest = await step('read manifest', () => loadManifest(config.manifestPath));
  const files = await step('acquire and verify sources', () =>
    acquireAll(manifest, {
      rawDir: config.rawDir,
      cacheDir: config.cacheDir,
      update: config.update,
      ...(config.download && deps.fetchBytes ? { fetchBytes: deps.fetchBytes } : {}),
      ...(config.downloadBase ? { downloadBase: config.downloadBase } : {}),
      log: deps.log,
    }),
  );
  const code = await codeVersion(join(config.root, 'scripts', 'data'), join(config.root, 'contract'));
  // The editors' reviewed files change the outputs too: part of the data version.
  const anomalyPath = join(config.root, 'data', 'anomaly-decisions.json');
  const anomalyText = await readFile(anomalyPath, 'utf8');
  const smallText = await readFile(join(config.root, 'data', 'small-councils.json'), 'utf8');
  const editorial = { anomalies: parseAnomalyFile(anomalyText, 'data/anomaly-decisions.json'), smallCouncils: parseSmallCouncils(smallText) };
  const strictCoverage = config.strictCoverage ?? true;
  // A relaxed-coverage run (test fixtures) never counts as up to date for a strict one, or vice versa.
  const dataVersion = cacheKey([
    code,
    cacheKey([anomalyText, smallText]),
    ...(strictCoverage ? [] : ['coverage:relaxed']),
    ...[...files.values()].map((f) => `${f.entry.id}:${f.sha256}`),
  ]).slice(0, 16);

  const previousProvenance = await readJson<{ dataVersion: string }>(join(config.outputDir, 'provenance.json'));
  // DATA_PREVIOUS_DIR asks for a report against those outputs: always run then.
  if (previousProvenance?.dataVersion === dataVersion && !config.update && !config.previousDir) {
    deps.log(`✓ No source or pipeline code changed since the last run (data version ${dataVersion}); outputs are up to date.`);
    return { status: 'up-to-date', dataVersion };
  }

  const cache = new ParseCache(join(config.cacheDir, 'parsed'), !config.noCache);
  const families = await step('parse sources', () => loadFamilies(files, cache, code, deps.log, { strictCoverage }));
  if (config.update) {
    // A new or changed release must keep every council and row its predecessor had for the shared years.
    await step('check completeness against previous releases', async () =>
      checkCompleteness(files, families.observations, (o) => {
        if (o.level !== 'la') return o.code ?? o.oldCode ?? o.name;
        const ref = { ...(o.code ? { code: o.code } : {}), ...(o.oldCode ? { oldCode: o.oldCode } : {}), name: o.name };
        try {
          return families.geography.tryResolve(ref, o.year)?.code ?? o.code ?? o.oldCode ?? o.name;
        } catch {
          return o.code ?? o.oldCode ?? o.name;
        }
      }),
    );
  }
  const out = await step('harmonise and derive', async () => assemble(manifest, files, families, dataVersion, editorial));
  await step('validate outputs', async () => {
    validateOutputs(out, families.geography);
    validateAgainstContract(out.files);
  });

  const previousDir = config.previousDir ?? config.outputDir;
  const previousPanel = await readJson<{ rows: PanelRow[] }>(join(previousDir, 'la-panel.json'));
  const previousPublished = config.previousDir ? await readJson<{ dataVersion: string }>(join(previousDir, 'provenance.json')) : previousProvenance;
  const report: RunReport = {
    dataVersion,
    previousDataVersion: previousPublished?.dataVersion ?? null,
    sources: [...files.values()].map((f) => ({
      id: f.entry.id,
      rows: families.rowsRead[f.entry.id] ?? null,
      from: f.from,
      changed: f.changed,
    })),
    panelRows: out.panel.length,
    missingByColumn: missingByColumn(out.panel),
    changes: diffPanels(previousPanel?.rows ?? [], out.panel),
    revisions: out.revisions.length,
    anomalies: anomalySummary(out.anomalies, editorial.anomalies),
    timingsMs: timings,
  };
  if (!previousPanel) report.changes = { total: 0, added: out.panel.length, removed: 0, byColumn: {}, sample: [] };
  report.storyFigures = await step('compare the figures stories cite', async () => {
    const parse = <T>(name: string): T => JSON.parse(String(out.files.get(name))) as T;
    const next: FigureOutputs = { panel: { rows: out.panel as never }, england: parse('england.json'), regions: parse('regions.json'), las: parse('las.json') };
    const [pEngland, pRegions, pLas] = await Promise.all(['england.json', 'regions.json', 'las.json'].map((n) => readJson<never>(join(previousDir, n))));
    // An older deploy may lack las.json or regions.json: council slugs do not change, and a missing series compares as absent.
    const previous =
      previousPanel && pEngland
        ? new FigureLookup({ panel: previousPanel as never, england: pEngland, regions: pRegions ?? { series: [] }, las: pLas ?? next.las })
        : null;
    return storyFigureChanges(await readStories(join(config.root, 'src', 'content', 'stories')), previous, new FigureLookup(next));
  });
  const markdown = reportMarkdown(report, out.revisions);
  out.files.set('report.json', `${JSON.stringify(report, null, 1)}\n`);
  out.files.set('report.md', markdown);

  // Keep the previously published claims.json: the claims step replaces it, then report-claims.ts compares.
  const keptClaims = previousClaimsPath(config.cacheDir);
  await mkdir(dirname(keptClaims), { recursive: true });
  // …and the previously published record of the figures stories cite (report-stories.ts compares).
  for (const [file, kept] of [
    ['claims.json', keptClaims],
    ['story-figures.json', previousRecordPath(config.cacheDir)],
  ] as const) {
    await copyFile(join(previousDir, file), kept).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      await rm(kept, { force: true });
    });
  }
  await rm(pendingUpdatePath(config.cacheDir), { force: true });
  await step('publish outputs', () => publishAtomically(config.outputDir, out.files));
  if (config.update) {
    await recordNewChecksums(config.manifestPath, manifest, files, deps.log);
    const changed = [...files.values()].filter((f) => f.changed);
    if (changed.length > 0) {
      const logPath = join(dirname(config.manifestPath), 'updates.json');
      const stories = await storiesCiting(join(config.root, 'src', 'content', 'stories'), new Set(changed.map((f) => seriesOf(f.entry.id))));
      const today = deps.today?.() ?? new Date().toISOString().slice(0, 10);
      await appendUpdate(logPath, updateEntry(today, report, files, stories));
      // report-stories.ts names the entry's stories by the figures that changed, when it can compare records.
      await writeFile(pendingUpdatePath(config.cacheDir), JSON.stringify({ log: logPath, date: today, dataVersion }));
      deps.log(`  logged the update in ${logPath} (${today})`);
    }
  }
  timings.total = Math.round(deps.now() - t0);
  deps.log(
    `✓ Wrote ${out.files.size} files to ${config.outputDir} in ${timings.total} ms: ${out.panel.length} council-years, ` +
      `${report.changes.total} cells changed since the previous run. Report: ${join(config.outputDir, 'report.md')}`,
  );
  return { status: 'written', dataVersion, report };
}

/**
 * Update mode: after a successful run, pin the checksums of files that changed.
 * The manifest file is patched as written (key order and any fields the schema
 * does not know are kept), so the data-refresh diff shows only the new pins.
 */
async function recordNewChecksums(path: string, manifest: Manifest, files: SourceFiles, log: (m: string) => void): Promise<void> {
  void manifest;
  const raw = JSON.parse(await readFile(path, 'utf8')) as { sources: Array<Record<string, unknown>> };
  let changed = 0;
  raw.sources = raw.sources.map((s) => {
    const f = files.get(String(s.id));
    const pins = f && newPins(f);
    if (!f || !pins) return s;
    changed++;
    log(`  recording new checksum for ${f.entry.id}: ${f.sha256.slice(0, 16)}… (${f.bytes.length} bytes)`);
    return { ...s, ...pins };
  });
  if (changed === 0) return;
  await writeFile(path, manifestText(raw));
}
