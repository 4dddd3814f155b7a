/**
 * Worker thread for the slow parses (see WORKER_TASKS). Receives the task names
 * and the bytes of the source files they read; posts back each result, or the
 * error's message and DataError location so the main thread can rethrow it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AcquiredFile } from './core/acquire.ts';
import { DataError } from './core/errors.ts';
import { takeRowCounts } from './core/table.ts';
import { STRICT, TASKS, type ParseOptions, type TaskName } from './parse-tasks.ts';

interface Input {
  tasks: TaskName[];
  files: AcquiredFile[];
  opts?: ParseOptions;
}

const input = workerData as Input;
const files = new Map(input.files.map((f) => [f.entry.id, f]));
for (const name of input.tasks) {
  try {
    takeRowCounts();
    const value = await TASKS[name](files, input.opts ?? STRICT);
    parentPort!.postMessage({ name, value, rows: takeRowCounts() });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({
      name,
      error: { message: err.message, stack: err.stack, dataError: e instanceof DataError ? { location: e.location, problem: e.problem, hint: e.hint } : null },
    });
  }
}
