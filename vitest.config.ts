import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/official/**/*.test.ts'],
    // Runs the data pipeline once, so tests that read data/output/ work on a fresh clone.
    globalSetup: ['tests/setup/pipeline-output.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
