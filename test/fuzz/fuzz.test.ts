// Fuzz test: mutated copies of test/fixtures/minimal must never make the checker throw, hang or
// reject a plan without saying why; a mutated plan that is still accepted must render.
//
//   npx vitest run test/fuzz                    # CI: FUZZ_RUNS cases (default below)
//   npm run fuzz                                # long run: 20 000 cases
//   FUZZ_SEED=123 FUZZ_PATH=45:0:1 FUZZ_RUNS=1 npx vitest run test/fuzz   # replay a counterexample
//
// On a failure fast-check prints the seed, the path and the shrunk mutation; the error message
// also holds what the mutation did and the mutated file. A synchronous hang cannot be interrupted
// in-process, so a watchdog thread prints the case and kills the test process instead.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink, type Diagnostic } from '../../src/core/diagnostics.js';
import { catalogue } from '../../src/core/catalogue.js';
import { checkPlan, definedVariants, renderCharts, type Checked } from '../../src/pipeline.js';
import { Engine } from '../../src/emit/renderPdf.js';
import { renderVariant } from '../../src/run/variantStages.js';
import { FIXTURES } from '../helpers/planCopy.js';
import { mutatedCopy, mutationArb, type Mutation } from './mutations.js';

const BASE = path.join(FIXTURES, 'minimal');
/** 800 cases: most are rejected by the check; the accepted ones (about 1 in 15) are rendered. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() | 0 : Number(process.env.FUZZ_SEED);
const REPLAY_PATH = process.env.FUZZ_PATH;
/**
 * A check of this small plan takes ~30 ms; anything near 2 s is a pathological slow path. Measured
 * in CPU time of this process, not wall time: on a shared, loaded machine a 30 ms check has taken
 * 4 s of wall time. (A check stuck without computing is a hang: the watchdog's business.)
 */
const CHECK_LIMIT_MS = 2_000;
/** Rendering one variant takes ~0.3 s; a render this slow is a hang in all but name. */
const RENDER_LIMIT_MS = 20_000;
/** The watchdog kills the process when one case is stuck this long (a synchronous endless loop). */
const WATCHDOG_MS = 60_000;
/**
 * The case being run, rewritten before each case: if the process dies without a word (a crash in
 * a native module, the kernel's OOM killer), this file says which case it was.
 */
const CURRENT_CASE_FILE = path.join(os.tmpdir(), `plantrykk-fuzz-current-${process.pid}.txt`);

// ---------------------------------------------------------------------------------------------
// Watchdog: a thread with its own event loop, so it fires even while the test thread is stuck.

const WATCHDOG_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
let timer;
parentPort.on('message', (m) => {
  clearTimeout(timer);
  if (m.stop) { parentPort.close(); return; }
  timer = setTimeout(() => {
    fs.writeSync(2, '\\n[fuzz watchdog] case did not finish within ' + m.ms + ' ms: HANG\\n' + m.text + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }, m.ms);
});
`;

let watchdog: Worker | undefined;

function watch(text: string): void {
  watchdog?.postMessage({ ms: WATCHDOG_MS, text });
}
function unwatch(): void {
  watchdog?.postMessage({ ms: 2 ** 30, text: '' });
}

// ---------------------------------------------------------------------------------------------

function describeDiagnostic(d: Diagnostic): string {
  return `${d.span?.file}:${d.span?.line}:${d.span?.col} ${d.severity} ${d.code}: ${d.message}`;
}

/** Why a diagnostic is malformed, or undefined when it is fine. */
function badDiagnostic(d: Diagnostic): string | undefined {
  if (!(d.code in catalogue)) return `code '${String(d.code)}' is not in the catalogue`;
  if (catalogue[d.code].severity !== d.severity) return `severity '${d.severity}' differs from the catalogue's '${catalogue[d.code].severity}'`;
  if (typeof d.message !== 'string' || d.message.trim() === '') return 'empty message';
  if (!d.span || typeof d.span.file !== 'string' || d.span.file === '') return 'no file in span';
  if (!Number.isInteger(d.span.line) || d.span.line < 1) return `span.line is ${d.span.line}`;
  if (!Number.isInteger(d.span.col) || d.span.col < 1) return `span.col is ${d.span.col}`;
  return undefined;
}

/** The mutated files, for the failure report (long files are cut). */
function mutatedFiles(dir: string, mutation: Mutation): string {
  const files = [...new Set(mutation.map((m) => m.file))];
  return files
    .map((f) => {
      const abs = path.join(dir, f);
      if (!fs.existsSync(abs)) return `--- ${f}: (removed)`;
      const bytes = fs.readFileSync(abs);
      if (f.endsWith('.png')) return `--- ${f}: ${bytes.length} bytes, sha256 ${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
      const text = JSON.stringify(bytes.toString('utf8'));
      return `--- ${f} (${bytes.length} bytes, as a JSON string):\n${text.length > 4000 ? `${text.slice(0, 4000)}…` : text}`;
    })
    .join('\n');
}

/** A key for the checked document, so identical documents are rendered once. */
function docKey(checked: Checked): string {
  const json = JSON.stringify(checked.doc, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : ArrayBuffer.isView(v) ? crypto.createHash('sha256').update(v as Uint8Array).digest('hex') : v));
  return crypto.createHash('sha256').update(json ?? '').digest('hex');
}

const rendered = new Set<string>();
/**
 * One engine for the whole run, in this thread (no compiled worker file under the TypeScript test
 * runner), as one render worker renders document after document in production.
 */
const engine = new Engine();
/** After the first failure fast-check shrinks: case numbers then no longer name a replay path. */
let shrinking = false;
const stats = { cases: 0, rejected: 0, accepted: 0, renders: 0, maxCheckMs: 0, maxRenderMs: 0, checkMs: 0, renderMs: 0, caseMs: 0, codes: new Map<string, number>() };

/**
 * Render an accepted document once (identical documents are rendered once): the unmutated base
 * with every variant, each mutated document with one variant, taken in turn (utkast, hoyring,
 * vedtak, utkast …), so every variant is rendered from a third of the documents. Rendering was most
 * of the fuzz test's time; a variant's layout differs from another's only in what the variant
 * rules show, and every mutated document still goes through charts, layout and the engine.
 */
async function renderChecked(checked: Checked, every = false): Promise<number> {
  const key = docKey(checked);
  if (rendered.has(key)) return 0;
  const t0 = performance.now();
  const defined = definedVariants(checked.sources);
  const variants = every ? defined : [defined[stats.renders % defined.length]!];
  const charts = renderCharts(checked.doc);
  for (const variant of variants) {
    const { pdf } = await renderVariant(engine, checked.doc, variant, { ready: charts });
    if (!(pdf.bytes.length > 0) || !(pdf.pages >= 1)) throw new Error(`variant ${variant}: empty PDF`);
  }
  rendered.add(key);
  stats.renders++;
  return performance.now() - t0;
}

/** One fuzz case; throws (with the whole story) on any violation. */
async function runCase(mutation: Mutation, index: number): Promise<void> {
  const caseStart = performance.now();
  const { dir, root, log } = mutatedCopy(BASE, mutation);
  const story = (): string =>
    `${index < 0 ? 'pinned counterexample' : shrinking ? `shrink step (seed ${SEED}; fast-check prints the path to replay)` : `case ${index} (seed ${SEED}; replay with FUZZ_SEED=${SEED} FUZZ_PATH=${index} FUZZ_RUNS=1)`}\nmutation: ${JSON.stringify(mutation)}\nsteps:\n  ${log.join('\n  ')}\n${mutatedFiles(dir, mutation)}`;
  const fail = (what: string, extra = ''): never => {
    throw new Error(`${what}\n${extra}${story()}`);
  };
  try {
    // Let the event loop run between cases: every step below is synchronous, and without this
    // vitest's messages to the main process would wait until the whole run is over.
    await new Promise((resolve) => setImmediate(resolve));
    if (index > 0 && index % 500 === 0) {
      const mem = process.memoryUsage();
      fs.writeSync(2, `fuzz: ${index} cases run (rss ${Math.round(mem.rss / 2 ** 20)} MiB, heap ${Math.round(mem.heapUsed / 2 ** 20)} MiB)\n`);
    }
    const text = story();
    fs.writeFileSync(CURRENT_CASE_FILE, text);
    watch(text);
    const sink = new DiagnosticSink();
    let checked: Checked | undefined;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      checked = checkPlan(nodeHost, dir, undefined, sink);
    } catch (e) {
      fail(`checkPlan threw: ${(e as Error)?.stack ?? String(e)}`);
    }
    const checkMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const checkCpuMs = (cpu.user + cpu.system) / 1000;
    stats.maxCheckMs = Math.max(stats.maxCheckMs, checkMs);
    stats.checkMs += checkMs;
    const diags = `diagnostics:\n  ${sink.items.map(describeDiagnostic).join('\n  ') || '(none)'}\n`;
    if (checkCpuMs > CHECK_LIMIT_MS) fail(`checkPlan took ${Math.round(checkCpuMs)} ms of CPU time (${Math.round(checkMs)} ms wall; limit ${CHECK_LIMIT_MS} ms)`, diags);
    for (const d of sink.items) {
      const bad = badDiagnostic(d);
      if (bad) fail(`malformed diagnostic (${bad}): ${describeDiagnostic(d)}`, diags);
      stats.codes.set(d.code, (stats.codes.get(d.code) ?? 0) + 1);
    }
    stats.cases++;
    if (checked === undefined) {
      stats.rejected++;
      if (!sink.items.some((d) => d.severity === 'error')) fail('the plan was rejected without an error diagnostic', diags);
      return;
    }
    stats.accepted++;
    if (sink.hasErrors) fail('checkPlan returned a document although it reported errors', diags);
    let renderMs = 0;
    try {
      renderMs = await renderChecked(checked);
    } catch (e) {
      fail(`rendering an accepted plan threw: ${(e as Error)?.stack ?? String(e)}`, diags);
    }
    stats.maxRenderMs = Math.max(stats.maxRenderMs, renderMs);
    stats.renderMs += renderMs;
    if (renderMs > RENDER_LIMIT_MS) fail(`rendering took ${Math.round(renderMs)} ms (limit ${RENDER_LIMIT_MS} ms)`, diags);
  } finally {
    unwatch();
    fs.rmSync(root, { recursive: true, force: true });
    stats.caseMs += performance.now() - caseStart;
  }
}

describe('fuzz: mutated plans', () => {
  beforeAll(async () => {
    // Straight to stderr, so the seed is known even when the process dies before reporting.
    fs.writeSync(2, `fuzz: seed ${SEED}, ${RUNS} runs; the running case is written to ${CURRENT_CASE_FILE}\n`);
    watchdog = new Worker(WATCHDOG_SOURCE, { eval: true });
    watchdog.unref();
    // The unmutated fixture is valid and renders (and this warms up schemas, fonts and pdfmake,
    // so the first case's time is not the start-up's).
    const sink = new DiagnosticSink();
    const checked = checkPlan(nodeHost, BASE, undefined, sink);
    expect(sink.items.filter((d) => d.severity === 'error').map(describeDiagnostic)).toEqual([]);
    expect(checked).toBeDefined();
    await renderChecked(checked!, true);
  });

  afterAll(async () => {
    watchdog?.postMessage({ stop: true });
    await watchdog?.terminate();
    fs.rmSync(CURRENT_CASE_FILE, { force: true });
    const top = [...stats.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([c, n]) => `${c} ${n}`);
    console.log(
      `fuzz: seed ${SEED}, ${stats.cases} cases checked: ${stats.rejected} rejected, ${stats.accepted} accepted (${stats.renders} distinct documents rendered); ` +
        `slowest check ${Math.round(stats.maxCheckMs)} ms, slowest render ${Math.round(stats.maxRenderMs)} ms; ` +
        `time in cases ${Math.round(stats.caseMs / 1000)} s (checks ${Math.round(stats.checkMs / 1000)} s, renders ${Math.round(stats.renderMs / 1000)} s)\n  most frequent codes: ${top.join(', ')}`,
    );
  });

  it(
    `no mutation of the minimal plan throws, hangs or is rejected without a diagnostic (${RUNS} runs)`,
    async () => {
      let index = 0;
      await fc.assert(
        fc.asyncProperty(mutationArb, async (mutation) => {
          try {
            await runCase(mutation, index++);
          } catch (e) {
            shrinking = true;
            throw e;
          }
        }),
        { numRuns: RUNS, seed: SEED, ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}), endOnFailure: process.env.FUZZ_SHRINK === '0' },
      );
    },
    // The whole run, with room for shrinking a failure.
    Math.max(120_000, RUNS * 500),
  );

  // Counterexamples the fuzz test found, replayed every time. A crash in native code kills the test
  // process instead of failing an assertion, so these are repeated enough to crash reliably.
  it('a PNG cut after its IHDR chunk is reported as corrupt every time, and never read past its end', async () => {
    // Found by this test: node-canvas 3.2.3 decoded PNG with Image::readPNG, a memcpy without a
    // bounds check, so a truncated PNG was read past the end of its buffer — garbage, "out of
    // memory", or a SIGSEGV after ~20 checks in one process.
    fs.writeSync(2, 'fuzz: replaying the truncated-PNG case 100 times; if the process dies now (SIGSEGV), the PNG decoder read past the end of the file\n');
    const mutation: Mutation = [{ file: 'bilete/organisasjon.png', tree: [], raw: [{ op: 'truncate', at: 33 }] }];
    for (let i = 0; i < 100; i++) await runCase(mutation, -1);
    const { dir, root } = mutatedCopy(BASE, mutation);
    try {
      const sink = new DiagnosticSink();
      expect(checkPlan(nodeHost, dir, undefined, sink)).toBeUndefined();
      expect(sink.items.map((d) => `${path.basename(d.span.file)}:${d.span.line} ${d.code}`)).toContain('01-alt.yaml:38 image/corrupt');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
