import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/official/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
