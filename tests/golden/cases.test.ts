/**
 * NAMED GOLDEN CASES (tests/golden/cases/<name>/, described in ./cases.ts): each case's
 * raw files go into a copy of the golden raw folder in place of their sources, the
 * whole pipeline runs (runPipeline, as `npm run data` does), and the outputs the case
 * selects must equal its reviewed expected/ folder and satisfy its hand-worked facts.
 *
 * The golden raw folder is built once; the cases share one parse cache, so a case
 * re-parses only the families whose files it replaces.
 *
 * After an intended change:
 *   UPDATE_GOLDEN=1 node_modules/.bin/vitest run tests/golden/cases.test.ts
 * writes every case's new expected/ folder and, first, one unified diff of all of them to
 * test-results/golden-cases-update.diff (with a summary per file); review it (or git diff
 * tests/golden/cases) before committing. The facts in case.json are not rewritten.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGoldenRaw, copyGoldenRaw, replaceSource, type GoldenRaw } from '../fixtures/golden/build.ts';
import { caseExpected, factProblems, loadCases, readCaseOutputs, type GoldenCase } from './cases.ts';
import { goldenConfig, readTree, removeDir, ROOT, run, tempDir } from './helpers.ts';
import { goldenDiff, prefixPatch, savePatch, updating, writeTree, type GoldenPatch } from './update.ts';

const CASES = loadCases();
const DIFF = 'test-results/golden-cases-update.diff';

let dir: string;
let base: GoldenRaw;
const patches: GoldenPatch[] = [];

beforeAll(async () => {
  dir = await tempDir('golden-cases');
  base = await buildGoldenRaw(join(dir, 'base'));
});
afterAll(async () => {
  if (updating() && patches.length)
    await savePatch('tests/golden/cases', { text: patches.map((p) => p.text).join(''), summary: patches.flatMap((p) => p.summary) }, DIFF);
  await removeDir(dir);
});

/** Run the pipeline on the golden raw folder with the case's files in place of their sources; its output folder. */
async function runCase(c: GoldenCase): Promise<string> {
  const raw = await copyGoldenRaw(base, join(dir, c.name));
  for (const [id, file] of Object.entries(c.sources)) await replaceSource(raw, id, new Uint8Array(await readFile(file)), true);
  const config = goldenConfig(join(dir, c.name), raw, { cacheDir: join(dir, 'cache') });
  const { result } = await run(config);
  expect(result.status).toBe('written');
  return config.outputDir;
}

it('finds the cases (one folder each, with input/ and a case.json)', () => {
  expect(CASES.length).toBeGreaterThan(0);
  for (const c of CASES) expect(Object.keys(c.sources).length, `${c.name}: input/manifest.json lists no source`).toBeGreaterThan(0);
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it(c.title, async () => {
    const out = readCaseOutputs(await runCase(c));
    const expectedDir = join(c.dir, 'expected');
    const got = caseExpected(out, c.select);
    if (updating()) {
      const before = await readTree(expectedDir).catch(() => new Map<string, Buffer>());
      patches.push(prefixPatch(goldenDiff(before, got), relative(ROOT, expectedDir)));
      await writeTree(expectedDir, got);
    }
    // The hand-worked facts first: they hold whatever expected/ says.
    expect(factProblems(out, c.facts), `${c.name}: facts in case.json`).toEqual([]);
    const expected = await readTree(expectedDir);
    expect([...got.keys()].sort(), `${c.name}: the files of expected/`).toEqual([...expected.keys()].sort());
    for (const [name, text] of got) {
      expect(text, `${c.name}/expected/${name} differs (UPDATE_GOLDEN=1 to rewrite it, then review the diff)`).toBe(expected.get(name)?.toString('utf8'));
    }
  });
});
