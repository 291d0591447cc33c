import * as os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // canvas is a native addon: separate processes, not worker threads. Vitest's default is one
    // process fewer than cores (one on the 2-core CI machine); the end-to-end tests wait on child
    // processes and poppler as much as they compute, so every core runs a test file.
    pool: 'forks',
    poolOptions: { forks: { maxForks: Math.max(2, os.availableParallelism()) } },
    // Compiles once and makes the shared build folder (see the comment at its top).
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
