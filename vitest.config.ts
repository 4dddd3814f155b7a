import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - `pure`: tests that need nothing but their own fixtures (no data/output/); they run
 *   without the pipeline's global set-up. Inner loop: `vitest run --project pure`.
 * - `outputs`: tests that read the real pipeline outputs in data/output/; the global
 *   set-up runs the data pipeline once first (under a second when nothing changed).
 * A missing output is a failure in `outputs`, never a skip.
 */
const OUTPUTS = [
  'tests/unit/analysis/**/*.test.ts',
  'tests/unit/councils/**/*.test.ts',
  'tests/unit/editors/**/*.test.ts',
  'tests/unit/lib/**/*.test.ts',
  'tests/unit/stories/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/official/**/*.test.ts'],
          exclude: OUTPUTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'outputs',
          include: OUTPUTS,
          // Runs the data pipeline once, so tests that read data/output/ work on a fresh clone.
          globalSetup: ['tests/setup/pipeline-output.ts'],
        },
      },
    ],
  },
});
