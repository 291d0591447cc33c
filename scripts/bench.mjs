// npm run bench: plantrykk against Typst on the same content, in one run, so the machine's load
// falls on both alike. Usage: node scripts/bench.mjs [plan-dir] [rounds].
//
// Content: the plan's vedtak (1×) and a plan with its chapters and målskjema four times (4×,
// scripts/bench/largerPlan.mjs). Typst renders the same model, written as Typst markup
// (scripts/bench/typstWriter.mjs; charts are boxes of their size), with plantrykk's own font.
//
// 1. From process start: each run a fresh `node` process — plantrykk `build --variant vedtak`, Typst
//    compiling the markup to a PDF/A-2a file — interleaved (the order turns every round), wall time
//    and peak RSS (/usr/bin/time), medians. Also: both variants (høyring + vedtak) of the plan.
//    plantrykk twice: with its shaped-word cache filled (a plan built before) and with it off.
// 2. Warm, in this process: plantrykk's stages one after the other in this thread (load, validate,
//    model, charts, layout, render, write), and Typst compiling the same markup with its caches
//    emptied first; the first round is a warm-up and not counted; medians.
// Word coverage: the share of the words of plantrykk's PDF (pdftotext, counted with repeats) found
// in Typst's. Machines here are noisy: read the ratios of one run, not the absolute numbers.
// The same V8 settings as the command (src/core/jitBudget.ts), for the warm runs in this process.
import '../dist/core/jitBudget.js';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { nodeHost } from '../dist/core/host.js';
import { DiagnosticSink } from '../dist/core/diagnostics.js';
import { FONT_FAMILY } from '../dist/core/fonts.js';
import { loadPlan } from '../dist/load/planLoader.js';
import { checkSchemas } from '../dist/validate/schemaCheck.js';
import { checkText } from '../dist/validate/textCheck.js';
import { buildModel } from '../dist/model/build.js';
import { checkModel } from '../dist/check/checkModel.js';
import { renderCharts } from '../dist/pipeline.js';
import { layoutDocument } from '../dist/layout/document.js';
import { Engine } from '../dist/emit/renderPdf.js';
import { writeOutput } from '../dist/emit/writeOutput.js';
import { packSource, sourceEntries } from '../dist/emit/sourceArchive.js';
import { variantDate } from '../dist/model/variantDate.js';
import { labelsFor, label } from '../dist/layout/labels.js';
import { largerPlan, removeLargerPlan } from './bench/largerPlan.mjs';
import { typstMarkup } from './bench/typstWriter.mjs';
import { typstFonts, TYPST_PDF } from './bench/typst.mjs';

const planDir = process.argv[2] ?? 'plan-data/alver-hso';
const rounds = Number(process.argv[3] ?? 5);
const GOALS = { ratio1: 2.5, ratio4: 1.8, rss4: 1.2, bothMs: 2000 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-bench-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every stage of one build, in this thread; returns the milliseconds of each and the PDF. */
async function stages(engine, dir, variant, out) {
  const ms = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    ms[name] = now - t;
    t = now;
  };
  const sink = new DiagnosticSink();
  const sources = loadPlan(nodeHost, dir, sink);
  lap('load');
  const valid = checkSchemas(sources.files, sink);
  checkText(valid, sink, nodeHost.assets);
  lap('validate');
  const model = buildModel(sources, valid);
  checkModel(model, [variant], sink, 'stamp');
  if (sink.hasErrors) throw new Error(sink.items.map((d) => d.message).join('\n'));
  const doc = model.document;
  lap('model');
  const charts = renderCharts(doc);
  lap('charts');
  const laid = layoutDocument(doc, variant, charts);
  lap('layout');
  const pdf = await engine.renderLaidOut(laid);
  lap('render');
  const entries = sourceEntries(sources);
  if (!writeOutput(nodeHost, out, doc, [{ variant, date: variantDate(doc, variant), pdf }], 'bench', sink, true, { bytes: packSource(entries), files: entries.length })) throw new Error('write failed');
  lap('write');
  return { ms, pdf, doc };
}

/** Run `args` in a fresh process (with `env` added to this one's): wall milliseconds (from spawn to exit) and peak RSS in MiB. */
function fresh(args, env = {}) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { ms: wall, rss: rssKb / 1024 };
}

function words(pdf) {
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const count = new Map();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) count.set(w, (count.get(w) ?? 0) + 1);
  return count;
}

/** Share of plantrykk's words (with repeats) that Typst's PDF has too. */
function coverage(ours, theirs) {
  const a = words(ours);
  const b = words(theirs);
  let all = 0;
  let found = 0;
  for (const [w, n] of a) {
    all += n;
    found += Math.min(n, b.get(w) ?? 0);
  }
  return found / all;
}

const pages = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[1]);

// --- content: 1× and 4×, the markup written once ---
const big = largerPlan(planDir, 4);
const sizes = [
  { name: '1×', dir: planDir },
  { name: '4×', dir: big },
];
const engine = new Engine();
const typst = NodeCompiler.create({ fontArgs: [{ fontBlobs: typstFonts() }] });
for (const s of sizes) {
  const first = await stages(engine, s.dir, 'vedtak', path.join(tmp, `out-${s.name}`));
  const l = labelsFor(first.doc.meta.language);
  s.typ = path.join(tmp, `${s.name}.typ`);
  fs.writeFileSync(s.typ, typstMarkup(first.doc, 'vedtak', FONT_FAMILY, label(l, 'eksempel_stamp')));
  s.ours = path.join(tmp, `${s.name}-plantrykk.pdf`);
  fs.writeFileSync(s.ours, first.pdf.bytes);
  s.theirs = path.join(tmp, `${s.name}-typst.pdf`);
  fs.writeFileSync(s.theirs, typst.pdf({ mainFileContent: fs.readFileSync(s.typ, 'utf8') }, TYPST_PDF));
  s.coverage = coverage(s.ours, s.theirs);
  s.pages = [pages(s.ours), pages(s.theirs)];
  s.e2e = { plantrykk: [], typst: [] };
  s.warm = { plantrykk: [], typst: [], stages: [] };
}

// --- 1. from process start, interleaved ---
// With the shaped-word cache (src/emit/shapedWordStore.ts) in a folder of the bench's own, filled by
// one build of each content first — as after a plan's first build — and with the cache off.
const cli = path.resolve('dist/cli.js');
const CACHE = { warm: { PLANTRYKK_CACHE_DIR: path.join(tmp, 'cache') }, off: { PLANTRYKK_CACHE_DIR: 'off' } };
const both = { warm: [], off: [] };
for (const s of sizes) {
  s.e2e.off = [];
  fresh([cli, 'build', s.dir, '--variant', 'hoyring,vedtak', '--eksempel', '--force', '--out', path.join(tmp, `fill-${s.name}`)], CACHE.warm);
}
const buildBoth = (cache) => () => {
  both[cache].push(fresh([cli, 'build', planDir, '--variant', 'hoyring,vedtak', '--eksempel', '--out', path.join(tmp, 'both')], CACHE[cache]));
  // A build of the same version replaces only with --force; the folder is emptied instead.
  fs.rmSync(path.join(tmp, 'both'), { recursive: true, force: true });
};
const jobs = [
  ...sizes.flatMap((s) => [
    () => s.e2e.plantrykk.push(fresh([cli, 'build', s.dir, '--variant', 'vedtak', '--eksempel', '--force', '--out', path.join(tmp, `cli-${s.name}`)], CACHE.warm)),
    () => s.e2e.off.push(fresh([cli, 'build', s.dir, '--variant', 'vedtak', '--eksempel', '--force', '--out', path.join(tmp, `cli-${s.name}`)], CACHE.off)),
    () => s.e2e.typst.push(fresh([path.resolve('scripts/bench/typstRun.mjs'), s.typ, path.join(tmp, `run-${s.name}.pdf`)])),
  ]),
  buildBoth('warm'),
  buildBoth('off'),
];
for (let r = 0; r < rounds; r++) {
  for (let j = 0; j < jobs.length; j++) jobs[(j + r) % jobs.length]();
}

// --- 2. warm, in this process ---
for (let r = 0; r <= rounds; r++) {
  for (const s of sizes) {
    const run = await stages(engine, s.dir, 'vedtak', path.join(tmp, `warm-${s.name}`));
    typst.evictCache(0);
    const t = performance.now();
    typst.pdf({ mainFileContent: fs.readFileSync(s.typ, 'utf8') }, TYPST_PDF);
    const typstMs = performance.now() - t;
    if (r === 0) continue;
    s.warm.stages.push(run.ms);
    s.warm.plantrykk.push(run.ms.charts + run.ms.layout + run.ms.render);
    s.warm.typst.push(typstMs);
  }
}

// --- report ---
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const pad = (s, n) => String(s).padStart(n);
console.log(`plantrykk bench: ${planDir} (vedtak), ${rounds} rounds, Typst 0.14 (@myriaddreamin/typst-ts-node-compiler 0.7.0), load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('');
console.log('content  pages (plantrykk/Typst)  word coverage');
for (const s of sizes) console.log(`${s.name.padEnd(8)} ${pad(`${s.pages[0]} / ${s.pages[1]}`, 23)}  ${(100 * s.coverage).toFixed(1)} %`);
console.log('');
console.log('from process start (fresh node, medians)   plantrykk          Typst              time ratio  RSS ratio');
const ratios = { warm: {}, off: {} };
const bothMs = { warm: median(both.warm.map((x) => x.ms)), off: median(both.off.map((x) => x.ms)) };
for (const cache of ['warm', 'off']) {
  console.log(cache === 'warm' ? 'shaped-word cache filled (a plan built before):' : 'shaped-word cache off (PLANTRYKK_CACHE_DIR=off, as a first build):');
  for (const s of sizes) {
    const runs = cache === 'warm' ? s.e2e.plantrykk : s.e2e.off;
    const p = { ms: median(runs.map((x) => x.ms)), rss: median(runs.map((x) => x.rss)) };
    const t = { ms: median(s.e2e.typst.map((x) => x.ms)), rss: median(s.e2e.typst.map((x) => x.rss)) };
    ratios[cache][s.name] = { time: p.ms / t.ms, rss: p.rss / t.rss };
    console.log(`${`  ${s.name} vedtak`.padEnd(42)} ${pad(sec(p.ms), 8)} ${pad(p.rss.toFixed(0), 5)} MiB   ${pad(sec(t.ms), 8)} ${pad(t.rss.toFixed(0), 5)} MiB   ${pad(ratios[cache][s.name].time.toFixed(2), 9)}×  ${pad(ratios[cache][s.name].rss.toFixed(2), 8)}×`);
  }
  console.log(`${'  1× høyring + vedtak (plantrykk)'.padEnd(42)} ${pad(sec(bothMs[cache]), 8)} ${pad(median(both[cache].map((x) => x.rss)).toFixed(0), 5)} MiB`);
}
console.log('');
console.log('warm, in this process (medians)            plantrykk          Typst              time ratio');
for (const s of sizes) {
  const p = median(s.warm.plantrykk);
  const t = median(s.warm.typst);
  console.log(`${`${s.name} charts+layout+render / compile`.padEnd(42)} ${pad(sec(p), 8)}           ${pad(sec(t), 8)}           ${pad((p / t).toFixed(2), 9)}×`);
}
console.log('');
const names = ['load', 'validate', 'model', 'charts', 'layout', 'render', 'write'];
console.log(`plantrykk stages, warm, one thread (ms, medians)  ${names.map((n) => pad(n, 9)).join('')}`);
for (const s of sizes) console.log(`${s.name.padEnd(49)} ${names.map((n) => pad(median(s.warm.stages.map((x) => x[n])).toFixed(0), 9)).join('')}`);
console.log('');
const verdict = (ok) => (ok ? 'met' : 'NOT met');
for (const cache of ['warm', 'off']) {
  const r = ratios[cache];
  console.log(`goals, cache ${cache === 'warm' ? 'filled' : 'off'}: 1× time ≤ ${GOALS.ratio1}×: ${verdict(r['1×'].time <= GOALS.ratio1)}; 4× time ≤ ${GOALS.ratio4}×: ${verdict(r['4×'].time <= GOALS.ratio4)}; 4× RSS ≤ ${GOALS.rss4}×: ${verdict(r['4×'].rss <= GOALS.rss4)}; both variants ≤ ${GOALS.bothMs / 1000} s: ${verdict(bothMs[cache] <= GOALS.bothMs)}`);
}

removeLargerPlan(big);
fs.rmSync(tmp, { recursive: true, force: true });
