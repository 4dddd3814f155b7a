/**
 * Dev-server reload when the DERIVED DATA changes (stories reload natively).
 *
 * `npm run data` publishes data/output/ atomically (the whole folder is renamed
 * into place), so we watch its PARENT folder and react to any .json under
 * data/output/. Events are debounced (one publication touches many files);
 * then we reset the data caches (the SSR instance of src/lib/data.ts via
 * resetDataCache(), and the compile-time figure index), regenerate the typed
 * identifiers, invalidate Vite's SSR modules and send a full page reload.
 */
import { dirname, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { figureOutputDir, loadFigureIndex, resetIndexCache } from './load-index.ts';
import { writeIds } from './generate-ids.ts';

export interface ReloadDeps {
  outputDir: string;
  /** Clear caches; may be async. */
  reset: () => void | Promise<void>;
  /** Tell browsers to reload. */
  reload: () => void;
  log?: (msg: string) => void;
  debounceMs?: number;
}

/** True if `file` is a JSON file inside `outputDir`. */
export function isDataFile(outputDir: string, file: string): boolean {
  const dir = resolve(outputDir) + sep;
  return resolve(file).startsWith(dir) && file.endsWith('.json');
}

/** The watcher callback, separated from Vite so it can be unit-tested. */
export function makeDataReloadHandler(deps: ReloadDeps): { onFile: (file: string) => void; flush: () => Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let changed = new Set<string>();
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!changed.size) return;
    const files = [...changed];
    changed = new Set();
    await deps.reset();
    deps.log?.(`data changed (${files.length} file${files.length > 1 ? 's' : ''}): caches cleared, reloading`);
    deps.reload();
  };
  return {
    onFile(file) {
      if (!isDataFile(deps.outputDir, file)) return;
      changed.add(file);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), deps.debounceMs ?? 150);
    },
    flush,
  };
}

export function dataReloadPlugin(root = process.cwd()): Plugin {
  return {
    name: 'editorial:data-reload',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const outputDir = figureOutputDir(root);
      server.watcher.add(dirname(outputDir));
      const handler = makeDataReloadHandler({
        outputDir,
        log: (m) => server.config.logger.info(`[editorial] ${m}`),
        reset: async () => {
          resetIndexCache();
          try {
            writeIds(loadFigureIndex(root), root);
          } catch (e) {
            server.config.logger.warn(`[editorial] could not regenerate figure ids: ${(e as Error).message}`);
          }
          try {
            const data = (await server.ssrLoadModule('/src/lib/data.ts')) as { resetDataCache?: () => void };
            data.resetDataCache?.();
          } catch {
            /* the module will be re-evaluated after invalidation anyway */
          }
          for (const env of Object.values(server.environments ?? {})) env.moduleGraph.invalidateAll();
        },
        reload: () => server.ws.send({ type: 'full-reload', path: '*' }),
      });
      for (const ev of ['add', 'change', 'unlink'] as const) server.watcher.on(ev, (f: string) => handler.onFile(f));
    },
  };
}
