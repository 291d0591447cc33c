// npm run bench: builds the Alver plan's høyring and vedtak variants several times in one process
// and prints the time of each stage, the total, pages per second and peak memory.
// Machines here are noisy: read the ratios between stages of one run, not absolute numbers.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeHost } from '../dist/core/host.js';
import { DiagnosticSink } from '../dist/core/diagnostics.js';
import { buildPlan } from '../dist/pipeline.js';

const plan = process.argv[2] ?? 'plan-data/alver-hso';
const runs = Number(process.argv[3] ?? 5);
const variants = ['hoyring', 'vedtak'];
const BUDGET_MS = 4000;

const rows = [];
let fromStart = 0;
for (let i = 0; i < runs; i++) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-bench-'));
  const timings = { validate: 0, charts: 0, layout: 0, write: 0 };
  const sink = new DiagnosticSink();
  const t0 = performance.now();
  // --eksempel: the example plans keep marked example values (docs/plan-format.md, «Eksempelverdiar»).
  const result = await buildPlan(nodeHost, plan, variants, out, sink, timings, false, true);
  const total = performance.now() - t0;
  // performance.now() counts from process start: the first run's end is what `plantrykk build` would take.
  if (i === 0) fromStart = performance.now();
  if (!result) {
    console.error(sink.items);
    process.exit(1);
  }
  const pages = result.built.reduce((n, b) => n + b.pdf.pages, 0);
  rows.push({ ...timings, total, pages });
  fs.rmSync(out, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
console.log(`plantrykk bench: ${plan}, variants ${variants.join('+')}, ${runs} runs (run 1 includes warm-up)`);
console.log('run   validate     charts   layout+pdf      write      total  pages/s');
rows.forEach((r, i) => {
  console.log(`${String(i + 1).padStart(3)} ${ms(r.validate)} ${ms(r.charts)} ${ms(r.layout)} ${ms(r.write)} ${ms(r.total)} ${(r.pages / (r.total / 1000)).toFixed(1).padStart(8)}`);
});
const m = { validate: median(rows.map((r) => r.validate)), charts: median(rows.map((r) => r.charts)), layout: median(rows.map((r) => r.layout)), write: median(rows.map((r) => r.write)), total: median(rows.map((r) => r.total)) };
console.log(`med ${ms(m.validate)} ${ms(m.charts)} ${ms(m.layout)} ${ms(m.write)} ${ms(m.total)} ${(rows[0].pages / (m.total / 1000)).toFixed(1).padStart(8)}`);
console.log(`share of total (median): validate ${(100 * m.validate / m.total).toFixed(0)} %, charts ${(100 * m.charts / m.total).toFixed(0)} %, layout+pdf ${(100 * m.layout / m.total).toFixed(0)} %, write ${(100 * m.write / m.total).toFixed(0)} %`);
console.log(`first run (cold): ${(rows[0].total / 1000).toFixed(2)} s; from process start (node, modules, build — as the CLI sees it): ${(fromStart / 1000).toFixed(2)} s; budget ${BUDGET_MS / 1000} s for both variants: ${fromStart <= BUDGET_MS ? 'within' : 'OVER'}`);
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; pages per build: ${rows[0].pages}`);
