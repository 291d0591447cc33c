import * as os from 'node:os';
import * as path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The longest files first, always (vitest's own order follows a timing cache that every checkout
 * sharing node_modules overwrites): a long file started late is the last one still running. Keep
 * this list in order of the files' times (a new long file goes in its place). The example plans'
 * shared build starts with buildAlver.
 */
const LONGEST = [
  'test/fuzz/fuzz.test.ts',
  'test/e2e/faults.test.ts',
  'test/e2e/buildAlver.test.ts',
  'test/e2e/pageQuality.test.ts',
  'test/e2e/audit.test.ts',
  'test/e2e/robust.test.ts',
  'test/e2e/kinds.test.ts',
  'test/e2e/hostile.test.ts',
  'test/e2e/buildMinimal.test.ts',
  'test/badInput.test.ts',
  'test/unit/engineGuards.test.ts',
  'test/unit/schemaSet.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = LONGEST.findIndex((name) => f.moduleId.replaceAll('\\', '/').endsWith(name));
      return i < 0 ? LONGEST.length : i;
    };
    // Array.prototype.sort is stable: files of equal rank keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // canvas is a native addon: separate processes, not worker threads. Vitest's default is one
    // process fewer than cores (one on the 2-core CI machine); the end-to-end tests wait on child
    // processes and poppler as much as they compute, so every core runs a test file.
    pool: 'forks',
    poolOptions: { forks: { maxForks: Math.max(2, os.availableParallelism()) } },
    sequence: { sequencer: LongestFirst },
    // Compiles once and makes the shared build folder (see the comment at its top).
    globalSetup: ['test/globalSetup.ts'],
    // The builds of a test run keep their shaped words in a folder of the run's own, never in the
    // user's cache (src/core/cacheDir.ts); later builds of the run take words from it.
    env: { PLANTRYKK_CACHE_DIR: path.join(os.tmpdir(), `plantrykk-test-cache-${process.pid}`) },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
