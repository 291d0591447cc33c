// Plans built once per test run and shared by every test file (see test/globalSetup.ts).
// The first test file that asks for a plan builds it with the real CLI into the run's shared folder;
// a file asking at the same time (in another fork) waits for that build instead of building again.
// A shared build is read-only by convention: copy it (fs.cpSync) before changing anything in it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { inject } from 'vitest';
import { REPO } from './planCopy.js';

/** One shared build: where its output went, and what the command said. */
export interface SharedBuild {
  /** The --out folder: `<out>/<plan id>/<version>/<id>-<version>-<variant>.pdf`, manifest.json, … */
  readonly out: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The plan folders of plan-data/ are built together, by one `build plan-data --all`. */
const EXAMPLES = path.join(REPO, 'plan-data');
const WAIT_MS = 600_000;

/** What a run of the command line gave: its exit code (null when killed), the signal, its output. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command line as a child process, asynchronously (so several can run at once), with extra environment. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The CLI as a child process, without blocking the test worker; a kill is noted in stderr. */
export async function runCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await spawnCli(args);
  return { code: r.code ?? -1, stdout: r.stdout, stderr: r.signal ? `${r.stderr}(killed by ${r.signal})` : r.stderr };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Build `plan` (a plan folder, or `plan-data` for every example plan with `--all`; absolute or
 * relative to the repository) with every variant, once per test run; resolves when the build is done.
 * A plan folder inside plan-data/ gives the shared `plan-data --all` build.
 */
export async function sharedBuild(plan: string): Promise<SharedBuild> {
  let abs = path.resolve(REPO, plan);
  if (path.dirname(abs) === EXAMPLES) abs = EXAMPLES;
  const key = path.relative(REPO, abs).split(path.sep).join('-') || 'repo';
  const dir = path.join(inject('sharedBuilds'), key);
  const result = path.join(dir, 'result.json');
  const owner = path.join(dir, 'owner.pid');
  const out = path.join(dir, 'out');
  let mine = true;
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    mine = false;
  }
  if (mine) {
    fs.writeFileSync(owner, String(process.pid));
    // With --eksempel (and, for the examples, --format all: PDFs and web edition), as `npm run examples` does: the example plans and the charts fixture keep values
    // marked as examples (plan.yaml `eksempel`, `illustrative: true`), so their høyring and vedtak are stamped.
    const args = abs === EXAMPLES ? ['build', abs, '--all', '--eksempel', '--format', 'all', '--out', out] : ['build', abs, '--variant', 'all', '--eksempel', '--out', out];
    const r = await runCli(args).catch((e: unknown) => ({ code: -1, stdout: '', stderr: `could not run the CLI: ${String(e)}` }));
    fs.writeFileSync(`${result}.tmp`, JSON.stringify({ out, ...r }));
    fs.renameSync(`${result}.tmp`, result);
  }
  const deadline = Date.now() + WAIT_MS;
  while (!fs.existsSync(result)) {
    const pid = fs.existsSync(owner) ? Number(fs.readFileSync(owner, 'utf8')) : 0;
    if (pid > 0 && !alive(pid) && !fs.existsSync(result)) throw new Error(`the shared build of ${key} (process ${pid}) died before it finished`);
    if (Date.now() > deadline) throw new Error(`the shared build of ${key} did not finish within ${WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return JSON.parse(fs.readFileSync(result, 'utf8')) as SharedBuild;
}

/** The PDF of `variant` of `plan` (a plan folder) from its shared build; fails with the build's output when missing. */
export async function builtPdf(plan: string, variant: string): Promise<string> {
  const abs = path.resolve(REPO, plan);
  const build = await sharedBuild(abs);
  const id = path.basename(abs);
  const version = String((parse(fs.readFileSync(path.join(abs, 'plan.yaml'), 'utf8')) as { version: unknown }).version);
  const file = path.join(build.out, id, version, `${id}-${version}-${variant}.pdf`);
  if (!fs.existsSync(file)) throw new Error(`no ${variant} PDF of ${id} in the shared build (exit ${build.code}):\n${build.stderr}`);
  return file;
}
