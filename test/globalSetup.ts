// Once per test run, before any test file: compile the project (tsc, then the steps after it: standalone validators, the layout's
// templates and labels, the bundle — as `npm run build` does; `npm test` does not build on its own), so end-to-end tests run the real
// `dist/cli.js`, and make the run's shared build folder.
//
// Shared builds: a test that only READS a built plan does not build it itself; it asks
//   const file = await builtPdf('test/fixtures/minimal', 'vedtak');   // test/helpers/sharedBuild.ts
//   const { out, stdout, stderr, code } = await sharedBuild('plan-data');  // every example, --all
// in a beforeAll. The first file to ask builds the plan (every variant) with the CLI; every other
// file of the run gets the same files. Never write into a shared build: copy it first. A test about
// building itself (two builds compared, a killed build, --force …) still builds on its own.
//
// Keeping the suite fast (about 2 minutes on 2 cores; every `node dist/cli.js` costs 0.5–1 s of CPU
// before it does anything, every rendered variant of the minimal fixture about 0.5 s more):
// - Read PDFs from the shared builds (`builtPdf`); audit or qpdf-check each file once.
// - A case about publishing (a refused, forced, killed or failing write) starts from a COPY of a
//   shared build: `fs.cpSync(build.out, myOut, { recursive: true })` (see copyOfSharedBuild in
//   test/e2e/robust.test.ts; test/e2e/faults.test.ts uses the build as plan A's reference set).
// - A build that only has to happen, not to make every variant, takes `--variant vedtak`.
// - Independent cases that wait on child processes run side by side: `describe.concurrent` with
//   the asynchronous runner (spawn, not spawnSync — a synchronous spawn blocks the other cases),
//   each in its own temp folder.
// - In-process: check with checkPlan (test/helpers/checkRun.ts) rather than the CLI; render with
//   one Engine for the whole file (`renderVariant(engine, doc, variant, { ready: renderCharts(doc) })`).
// - A file that takes more than ~10 s goes into LONGEST in vitest.config.ts, in its place by time.
// The compile is incremental (build info in dist/.tsbuildinfo): after `npm run build` it takes ~1 s.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's shared builds (test/helpers/sharedBuild.ts). */
    sharedBuilds: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = path.resolve(__dirname, '..');
  // Incremental: with dist/ already up to date (after `npm run build`) the compile takes a second
  // instead of eight; the build-info file lives in dist/, so removing dist/ compiles everything.
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', path.join(root, 'dist', '.tsbuildinfo')], { cwd: root, stdio: 'inherit' });
  // The build's steps after tsc, as `npm run build` runs them (package.json build:from-tsc).
  execFileSync('npm', ['run', '--silent', 'build:from-tsc'], { cwd: root, stdio: 'inherit' });
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-shared-'));
  project.provide('sharedBuilds', shared);
  // The run's own shaped-word cache (vitest.config.ts test.env) goes with the run.
  const cache = project.config.env?.PLANTRYKK_CACHE_DIR;
  return () => {
    fs.rmSync(shared, { recursive: true, force: true });
    if (cache) fs.rmSync(cache, { recursive: true, force: true });
  };
}
