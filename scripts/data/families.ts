/**
 * Parse every source family and gather the results.
 *
 * Each parse task (parse-tasks.ts) goes through the parse cache, keyed by the
 * checksums of the files it reads and the pipeline's code version. Tasks not in
 * the cache run in parallel on the machine's two cores: the slow spreadsheet
 * parses (Ofsted and MHCLG ODS/XLS files) in a worker thread, the rest on the
 * main thread. Geography, deprivation and map data are computed on the main
 * thread (geography holds functions and parses in milliseconds).
 */
import { checkObservationRanges } from './core/ranges.ts';
import { takeRowCounts } from './core/table.ts';
import { Worker } from 'node:worker_threads';
import type { Inspection } from '../../contract/outputs.ts';
import type { AcquiredFile, SourceFiles } from './core/acquire.ts';
import { DataError } from './core/errors.ts';
import type { Family } from '../../contract/manifest.ts';
import type { Observation } from './core/types.ts';
import { cacheKey, type ParseCache } from './cache.ts';
import { STRICT, TASK_FAMILIES, TASKS, WORKER_TASKS, type ParseOptions, type SpendTaskResult, type TaskName, type TaskResults } from './parse-tasks.ts';
import type { OfstedLoad } from './sources/ofsted/index.ts';
import type { MhclgNationalYear } from './sources/spend/index.ts';
import type { Deflators } from './sources/deflators.ts';
import { loadGeography, type Geography } from './sources/geography.ts';
import { panelYears } from './derive/panel.ts';
import { loadDeprivation, type DeprivationRow } from './sources/deprivation.ts';
import { loadGeo, type GeoData } from './sources/geo.ts';
import { buildPlaces } from './derive/places.ts';
import type { PlaceInfo } from '../../contract/outputs.ts';

export interface Families {
  observations: Observation[];
  rowsRead: Record<string, number>;
  geography: Geography;
  ofsted: Omit<OfstedLoad, 'rowsRead'>;
  inspections: Inspection[];
  deprivation: DeprivationRow[];
  deflators: Deflators;
  geo: GeoData;
  /** The place index for finding a council (derive/places.ts). */
  places: PlaceInfo[];
  mhclgNational: MhclgNationalYear[];
  spendChecks: Pick<SpendTaskResult, 'laitInconsistencies' | 'laitRevisions' | 'socialWorkClaim'>;
}

function filesOf(files: SourceFiles, families: readonly Family[]): AcquiredFile[] {
  return [...files.values()].filter((f) => families.includes(f.entry.family));
}

/** The parse-cache key of a task: the code version, the coverage mode and its families' files. */
export function keyOf(files: SourceFiles, families: readonly Family[], codeVersion: string, opts: ParseOptions = STRICT): string {
  // Relaxed-coverage parses (test fixtures) never share a cache entry with strict ones.
  return cacheKey([
    codeVersion,
    ...(opts.strictCoverage ? [] : ['coverage:relaxed']),
    // The file's bytes, and the entry fields readers choose and check files by (role, sheet, release, published):
    // editing those in data/sources.json must re-parse.
    ...filesOf(files, families)
      .map((f) => JSON.stringify([f.entry.id, f.sha256, f.entry.role ?? null, f.entry.sheet ?? null, f.entry.release, f.entry.published ?? null]))
      .sort(),
  ]);
}

/** Run tasks in a worker thread; resolves with each task's result or rejects with its (Data)Error. */
function runInWorker(
  tasks: TaskName[],
  files: AcquiredFile[],
  opts: ParseOptions,
  rows: Partial<Record<TaskName, Record<string, number>>>,
): Promise<Partial<TaskResults>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker-boot.mjs', import.meta.url), {
      workerData: { module: new URL('./parse-worker.ts', import.meta.url).href, tasks, files, opts },
    });
    const results: Partial<Record<TaskName, unknown>> = {};
    let failed = false;
    worker.on(
      'message',
      (m: {
        name: TaskName;
        value?: unknown;
        rows?: Record<string, number>;
        error?: { message: string; stack?: string; dataError: { location: DataError['location']; problem: string; hint?: string } | null };
      }) => {
        if (m.error) {
          failed = true;
          const e = m.error.dataError
            ? new DataError(m.error.dataError.location, m.error.dataError.problem, m.error.dataError.hint)
            : new Error(m.error.message);
          if (!m.error.dataError && m.error.stack) e.stack = m.error.stack;
          void worker.terminate();
          reject(e);
          return;
        }
        results[m.name] = m.value;
        rows[m.name] = m.rows ?? {};
        if (Object.keys(results).length === tasks.length) {
          void worker.terminate();
          resolve(results as Partial<TaskResults>);
        }
      },
    );
    worker.on('error', (e) => {
      failed = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!failed && Object.keys(results).length < tasks.length) reject(new Error(`parse worker exited with code ${code} before finishing`));
    });
  });
}

export async function loadFamilies(
  files: SourceFiles,
  cache: ParseCache,
  codeVersion: string,
  log: (m: string) => void,
  opts: ParseOptions = STRICT,
): Promise<Families> {
  const names = Object.keys(TASKS) as TaskName[];
  const results: Partial<TaskResults> = {};
  const misses: TaskName[] = [];
  /** Rows read per source by each task (counted by core/table.ts; cached with the task's result). */
  const tableRows: Partial<Record<TaskName, Record<string, number>>> = {};
  for (const name of names) {
    const key = keyOf(files, TASK_FAMILIES[name], codeVersion, opts);
    const hit = await cache.get<TaskResults[typeof name]>(name, key);
    const hitRows = hit !== undefined ? await cache.get<Record<string, number>>(`${name}-rows`, key) : undefined;
    if (hit !== undefined && hitRows !== undefined) {
      (results as Record<string, unknown>)[name] = hit;
      tableRows[name] = hitRows;
      log(`  ${name.padEnd(11)} cached`);
    } else misses.push(name);
  }

  const timed = async <K extends TaskName>(name: K, where: string, run: () => Promise<TaskResults[K]> | TaskResults[K]) => {
    const start = performance.now();
    takeRowCounts();
    const value = await run();
    tableRows[name] = takeRowCounts();
    log(`  ${name.padEnd(11)} parsed in ${Math.round(performance.now() - start)} ms (${where})`);
    return value;
  };
  const toWorker = misses.filter((n) => WORKER_TASKS.includes(n));
  const onMain = misses.filter((n) => !WORKER_TASKS.includes(n));
  const workerDone = toWorker.length
    ? (async () => {
        const start = performance.now();
        const families = [...new Set(toWorker.flatMap((n) => TASK_FAMILIES[n]))];
        const out = await runInWorker(toWorker, filesOf(files, families), opts, tableRows);
        log(`  ${toWorker.join(', ')} parsed in ${Math.round(performance.now() - start)} ms (worker thread)`);
        return out;
      })()
    : Promise.resolve({});
  // Let the worker start before the main thread gets busy.
  await new Promise((r) => setImmediate(r));
  try {
    for (const name of onMain) (results as Record<string, unknown>)[name] = await timed(name, 'main thread', () => TASKS[name](files, opts));
  } catch (e) {
    await workerDone.catch(() => undefined);
    throw e;
  }
  Object.assign(results, await workerDone);
  for (const name of misses) {
    const key = keyOf(files, TASK_FAMILIES[name], codeVersion, opts);
    await cache.set(name, key, results[name]);
    await cache.set(`${name}-rows`, key, tableRows[name] ?? {});
  }

  const r = results as TaskResults;
  takeRowCounts();
  const one = { dfe: 1, gias: 1, mysociety: 1, changes: 1, neighbours: 1 };
  const observations = [...r.cla.observations, ...r.cin.observations, ...r.population.observations, ...r.workforce.observations, ...r.spend.observations];
  const { last: lastYear } = panelYears(observations);
  const geography = loadGeography(files, opts.strictCoverage ? { lastYear } : { minRows: one, lastYear });
  const geo = loadGeo(files, geography);
  const places = buildPlaces(files, geography, opts.strictCoverage ? {} : { minRows: 1 });
  // Relaxed (fixtures): the IoD file (2019 boundaries, i.e. councils of 31 March 2020) must hold exactly the fixture's councils instead of all 151.
  const deprivation = opts.strictCoverage ? loadDeprivation(files, geography) : loadDeprivation(files, geography, geography.lasIn(2020).length);

  // Rows read: every table any source module built (core/table.ts counts them), with the modules'
  // own counts taking precedence where they give one (parquet and other non-table readers).
  const rowsRead: Record<string, number> = {};
  for (const counts of [...Object.values(tableRows), takeRowCounts()]) {
    for (const [id, n] of Object.entries(counts ?? {})) rowsRead[id] = (rowsRead[id] ?? 0) + n;
  }
  for (const fr of [r.cla, r.cin, r.population, r.workforce, r.spend]) {
    for (const [id, n] of Object.entries(fr.rowsRead)) if (n > 0 || rowsRead[id] === undefined) rowsRead[id] = n;
  }
  // Map files are JSON, not tables: count their areas.
  rowsRead[geo.sourceIds.utla] = geo.utla.features.length;
  rowsRead[geo.sourceIds.hoclUtla] = geo.hoclUtla.features.length;
  rowsRead[geo.sourceIds.hoclGroups] = geo.hoclGroups.features.length;
  rowsRead[geo.sourceIds.odiHex] = Object.keys(geo.odiHex.hexes).length;
  const { rowsRead: _ofstedRows, ...ofsted } = r.ofsted; // both Ofsted files are counted by their tables
  checkObservationRanges(observations, (id) => files.get(id)?.entry.path);
  return {
    observations,
    rowsRead,
    geography,
    ofsted,
    inspections: ofsted.inspections,
    deprivation,
    deflators: r.deflators,
    geo,
    places,
    mhclgNational: [...r.mhclgRs, ...r.mhclgRsx].sort((a, b) => a.year - b.year),
    spendChecks: { laitInconsistencies: r.spend.laitInconsistencies, laitRevisions: r.spend.laitRevisions, socialWorkClaim: r.spend.socialWorkClaim },
  };
}
