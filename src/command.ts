#!/usr/bin/env node
// The plantrykk command: arguments → pipeline → report → exit code. Nothing else lives here. Run as
// dist/cli.js, its bundle with the stages (scripts/bundle.mjs).
// First: how V8 compiles this process and its workers, set before a stage loads or a worker starts.
import './core/jitBudget.js';
import { parseArgs } from 'node:util';
import { displayPath, lockWaitSeconds, nodeHost, parallelism, planFolders, renderWorkers, runSelf, TimeLimitReached, timeLimitSeconds, withTimeLimit } from './core/host.js';
import { fileSpan } from './core/span.js';
import * as path from 'node:path';
import { DiagnosticSink, diagnosticsToJson, formatDiagnostic, sortDiagnostics } from './core/diagnostics.js';
import { ExitCode, exitCodeFor } from './core/exitCodes.js';
import { VARIANTS, type VariantName } from './model/types.js';
import type { Finding } from './audit/auditPdf.js';
// The stages load when a command needs them (import() below), so `build` starts its render workers
// first and they load pdfmake while this thread loads the pipeline and validates.


const USAGE = `plantrykk — Norwegian municipal plans in YAML → PDF

usage:
  plantrykk check <plan-dir> [--format text|json]
  plantrykk build <plan-dir> [--variant utkast|hoyring|vedtak[,…]|all] [--out DIR] [--format pdf|html|all] [--format text|json] [--eksempel]
                                                  pdf (default): the PDFs; html: the web edition in
                                                  <version>/web/<variant>/; all: both. text|json: the report
  plantrykk build <folder> --all [--out DIR]     every plan folder inside <folder>, one per core
  plantrykk versions <plan-dir> [--out DIR]      built versions, checked against their manifests
  plantrykk audit <file.pdf> …                    PDF/A-2a and accessibility checks
  plantrykk new <dir> --kind <kind> --language nn|nb [--kommune "<name>"]   a new plan folder that builds
  plantrykk endringar <old> <new> [--out DIR] [--format pdf|json|text]
                                                  what changed between two versions (plan folders or
                                                  output/<id>/<version> folders); pdf writes
                                                  <id>-<version>-endringar.pdf into the new version's folder
  --force replaces a høyring or utkast PDF of the same version; a vedtak is never replaced
  --eksempel builds a høyring or vedtak that holds values marked as examples (eksempel,
            illustrative: true), stamped «EKSEMPEL» on every page; without it such a build is refused

exit codes: 0 ok, 1 invalid plan, 2 usage, 3 version exists, 4 output error, 5 limit reached, 6 archive mismatch, 7 audit findings, 70 internal error`;

/** What `build --format` may write: the PDFs, the web edition, or both. */
const EDITIONS: readonly string[] = ['pdf', 'html', 'all'];

function usage(message: string): number {
  process.stderr.write(`plantrykk: ${message}\n\n${USAGE}\n`);
  return ExitCode.usage;
}

function report(sink: DiagnosticSink, format: string): void {
  const items = sortDiagnostics(sink.items);
  if (format === 'json') {
    process.stdout.write(`${diagnosticsToJson(items)}\n`);
    return;
  }
  // Code frames only from the text the loader read: never a file read again, or one it refused.
  for (const d of items) process.stderr.write(`${formatDiagnostic(d, (file) => sink.sourceOf(file))}\n`);
  const errors = sink.errorCount;
  const warnings = items.length - errors;
  if (items.length > 0) process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
}

function exitFor(sink: DiagnosticSink): number {
  return exitCodeFor(sink.items);
}

/** `--variant`: all, or a comma-separated list of variants (each once, in the order given); undefined when a name is not a variant. */
function variantList(value: string): 'all' | VariantName[] | undefined {
  if (value === 'all') return 'all';
  const names = [...new Set(value.split(',').map((n) => n.trim()))];
  return names.every((n): n is VariantName => VARIANTS.includes(n as VariantName)) ? names : undefined;
}

/** Build every plan in `root`, one per core at a time; a broken plan does not stop the others. */
async function buildAll(root: string, variant: string, out: string, eksempel: boolean, edition: string): Promise<number> {
  const plans = planFolders(nodeHost, path.resolve(nodeHost.cwd, root));
  if (plans.length === 0) return usage(`no plan folders (with a plan.yaml) in ${root}`);
  const queue = [...plans];
  const builds = Math.min(parallelism(), plans.length);
  // The cores are shared out between the builds running at once: more render threads than cores only
  // add cold starts (on two cores, two builds with one worker each beat two workers each by a fifth).
  const env = { PLANTRYKK_RENDER_WORKERS: String(renderWorkers(Math.max(1, Math.floor(parallelism() / builds)))) };
  let failed = 0;
  const worker = async (): Promise<void> => {
    for (let plan = queue.shift(); plan !== undefined; plan = queue.shift()) {
      const t0 = performance.now();
      const r = await runSelf(['build', plan, '--variant', variant, '--out', out, '--format', edition, ...(eksempel ? ['--eksempel'] : [])], env);
      const id = path.basename(plan);
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      for (const line of r.stdout.split('\n').filter(Boolean)) process.stdout.write(`${id}: ${line}\n`);
      if (r.code !== 0) {
        failed++;
        process.stderr.write(r.stderr);
        process.stdout.write(`${id}: FAILED (exit ${r.code}) after ${secs} s\n`);
      } else {
        process.stdout.write(`${id}: ok in ${secs} s\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: builds }, worker));
  process.stdout.write(`${plans.length - failed} of ${plans.length} plans built${failed ? `, ${failed} failed` : ''}\n`);
  return failed === 0 ? ExitCode.ok : ExitCode.invalidPlan;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        variant: { type: 'string', default: 'all' },
        out: { type: 'string', default: 'output' },
        format: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        all: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        eksempel: { type: 'boolean', default: false },
        kind: { type: 'string' },
        language: { type: 'string' },
        kommune: { type: 'string' },
      },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values: given, positionals } = parsed;
  // `build` takes two kinds of --format: what it writes (pdf, html, all) and how it reports (text, json).
  const formats = given.format ?? [];
  const editionGiven = positionals[0] === 'build' ? formats.filter((f) => EDITIONS.includes(f)) : [];
  const reportGiven = formats.filter((f) => !editionGiven.includes(f));
  if (editionGiven.length > 1 || reportGiven.length > 1) return usage('--format is given twice');
  const edition = editionGiven[0] ?? 'pdf';
  // `endringar` writes its PDF unless told otherwise; every other command prints text by default.
  const values = { ...given, format: reportGiven[0] ?? (positionals[0] === 'endringar' ? 'pdf' : 'text') };
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.ok;
  }
  const [command, planDir, ...rest] = positionals;
  if (!command) return usage('missing command');
  if (!planDir) return usage('missing <plan-dir>');
  if (command === 'endringar') return endringar(planDir, rest, values.out, values.format, values.force);
  if (rest.length > 0 && command !== 'audit') return usage(`unexpected argument '${rest[0]}'`);
  if (values.format !== 'text' && values.format !== 'json') return usage(command === 'build' ? '--format must be pdf, html or all (what to write) or text or json (the report)' : '--format must be text or json');
  if (command === 'new') return scaffold(planDir, values.kind, values.language, values.kommune);
  const sink = new DiagnosticSink();

  if (command === 'check') {
    const limit = timeLimitSeconds();
    let ok;
    try {
      const { checkPlan } = await import('./pipeline.js');
      ok = checkPlan(withTimeLimit(nodeHost, limit), planDir, undefined, sink);
    } catch (e) {
      if (!(e instanceof TimeLimitReached)) throw e;
      sink.report('limit/time', fileSpan(path.join(planDir, 'plan.yaml')), { seconds: limit });
    }
    report(sink, values.format);
    if (ok && values.format === 'text') process.stderr.write(`${planDir}: ok\n`);
    return exitFor(sink);
  }
  if (command === 'build' && values.all) return buildAll(planDir, values.variant, values.out, values.eksempel, edition);
  if (command === 'build') {
    const variants = variantList(values.variant);
    if (!variants) return usage(`--variant must be all or one or more of ${VARIANTS.join(', ')}, separated by commas`);
    const limit = timeLimitSeconds();
    // The timer stops waiting for the render workers; work on the main thread is stopped by the
    // host's checks between files and stages, which a timer cannot interrupt.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limit * 1000);
    });
    // Started before the pipeline's modules load (buildPlan closes them).
    const { Renderers } = await import('./run/renderPool.js');
    const renderers = new Renderers(edition !== 'html' ? renderWorkers() : 0);
    let outcome;
    try {
      const editions = { pdf: edition !== 'html', html: edition !== 'pdf' };
      const { buildPlan } = await import('./pipeline.js');
      outcome = await Promise.race([buildPlan(withTimeLimit(nodeHost, limit), planDir, variants, values.out, sink, undefined, values.force, values.eksempel, editions, renderers), timeout]);
    } catch (e) {
      // buildPlan closes the workers itself; this is for a failure before it ran (closing twice is harmless).
      renderers.close();
      if (!(e instanceof TimeLimitReached)) throw e;
      outcome = 'timeout' as const;
    } finally {
      // Also after an error: a pending timer would keep the process alive for the whole limit.
      clearTimeout(timer);
    }
    if (outcome === 'timeout') {
      // Rendering runs in worker threads; exiting ends them. Writes are atomic, so nothing partial remains.
      sink.report('limit/time', fileSpan(path.join(planDir, 'plan.yaml')), { seconds: limit });
      report(sink, values.format);
      process.exit(ExitCode.limitReached);
    }
    const result = outcome;
    report(sink, values.format);
    if (result && values.format === 'text') {
      for (const [i, w] of result.result.written.entries()) {
        const pages = result.built[i]?.pdf.pages ?? 0;
        const ms = result.built[i]?.pdf.ms;
        process.stdout.write(`${w.status === 'written' ? 'wrote' : 'unchanged'} ${w.file} (${w.variant}, ${pages} pages${ms === undefined ? '' : `, ${(ms / 1000).toFixed(1)} s`})\n`);
      }
      for (const w of result.result.web ?? []) {
        process.stdout.write(`${w.changed > 0 ? 'wrote' : 'unchanged'} ${w.file} (${w.variant}, web edition, ${w.pages} pages)\n`);
      }
    }
    return exitFor(sink);
  }
  if (command === 'versions') return versions(planDir, values.out, values.format);
  if (command === 'audit') return audit([planDir, ...rest], values.format);
  return usage(`unknown command '${command}'`);
}

/** Write a new plan folder of `kind`; exit 2 (nothing written) for a bad request or a folder that is not empty. */
async function scaffold(dir: string, kind: string | undefined, language: string | undefined, kommune: string | undefined): Promise<number> {
  if (kind === undefined) return usage('plantrykk new needs --kind <kind>');
  if (language === undefined) return usage('plantrykk new needs --language nn|nb');
  const { newPlan } = await import('./scaffold/newPlan.js');
  const r = newPlan(nodeHost, { dir, kind, language, ...(kommune !== undefined ? { kommune } : {}) });
  if (!r.ok) {
    if (r.usage) return usage(r.message);
    process.stderr.write(`plantrykk: ${r.message}\n`);
    return ExitCode.outputError;
  }
  process.stdout.write(`created ${displayPath(nodeHost, r.dir)}: ${r.files.join(', ')}\n`);
  process.stdout.write(`next: replace the values and texts marked ${r.placeholder}, then run plantrykk check ${dir} and plantrykk build ${dir}\n`);
  return ExitCode.ok;
}

/** Compare two versions of a plan: the endringsoversikt as PDF (into the new version's folder), JSON or text. */
async function endringar(oldInput: string, rest: readonly string[], out: string, format: string, force: boolean): Promise<number> {
  const [newInput, ...extra] = rest;
  if (!newInput) return usage('endringar needs two versions: <old> <new>');
  if (extra.length > 0) return usage(`unexpected argument '${extra[0]}'`);
  if (format !== 'pdf' && format !== 'json' && format !== 'text') return usage('--format must be pdf, json or text');
  const sink = new DiagnosticSink();
  const { loadVersionInput, renderEndringar } = await import('./pipeline.js');
  const old = await loadVersionInput(nodeHost, oldInput, sink);
  const neu = await loadVersionInput(nodeHost, newInput, sink);
  if (!old || !neu || sink.hasErrors) {
    report(sink, 'text');
    return exitFor(sink);
  }
  const [a, b] = [old.checked.doc, neu.checked.doc];
  if (a.meta.id !== b.meta.id) {
    sink.report('emit/endringar-other-plan', fileSpan(newInput), { old: a.meta.id, new: b.meta.id });
    report(sink, 'text');
    return exitFor(sink);
  }
  const { endringar: changes, pdf } = await renderEndringar(a, b);
  if (format === 'json') process.stdout.write(`${JSON.stringify(changes, null, 2)}\n`);
  if (format === 'text') process.stdout.write((await import('./layout/endringar.js')).endringarText(changes));
  if (format !== 'pdf') return ExitCode.ok;
  for (const problem of pdf.pdfaProblems ?? []) sink.report('emit/pdfa-unmet', fileSpan(newInput), { variant: 'endringar', reason: problem.reason });
  const { publishEndringar } = await import('./emit/publishEndringar.js');
  const dir = neu.versionDir ?? path.join(path.resolve(nodeHost.cwd, out), b.meta.id, b.meta.version);
  const written = sink.hasErrors ? undefined : publishEndringar(nodeHost, dir, b, a.meta.version, pdf, sink, force);
  report(sink, 'text');
  if (written) process.stdout.write(`wrote ${written} (${pdf.pages} pages)\n`);
  return exitFor(sink);
}

/** Audit PDF files against the PDF/A-2a and accessibility rules; exit 7 when any rule fails. */
async function audit(files: string[], format: string): Promise<number> {
  // Loaded only for this command: pdfjs-dist installs browser polyfills (Path2D …) that would
  // change how chart.js draws in the same process.
  const { auditPdf, AUDIT_RULES } = await import('./audit/auditPdf.js');
  let total = 0;
  const report: { file: string; findings: Finding[] }[] = [];
  for (const file of files) {
    // A missing, empty, damaged or non-PDF file is a finding of its own; the other files are still audited.
    const findings = await auditPdf(file);
    total += findings.length;
    report.push({ file, findings });
    if (format !== 'json') {
      for (const f of findings) process.stdout.write(`${file}:${f.page !== undefined ? ` page ${f.page}:` : ''} [${f.rule}] ${f.message}\n`);
    }
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify({ version: 1, rules: AUDIT_RULES, files: report }, null, 2)}\n`);
  else process.stdout.write(`audit: ${files.length} file${files.length === 1 ? '' : 's'}, ${AUDIT_RULES.length} rules, ${total} finding${total === 1 ? '' : 's'}\n`);
  return total === 0 ? ExitCode.ok : ExitCode.auditFailed;
}

/** List the built versions of a plan; exit 6 when anything in a version folder is not as its records say. */
async function versions(planDir: string, out: string, format: string): Promise<number> {
  const sink = new DiagnosticSink();
  const { checkPlan } = await import('./pipeline.js');
  const { listVersions } = await import('./emit/versions.js');
  const checked = checkPlan(nodeHost, planDir, [], sink);
  const id = checked?.doc.meta.id ?? path.basename(path.resolve(planDir));
  const { documents: rows, problems, recovered, sources, endringar, web } = listVersions(nodeHost, path.resolve(nodeHost.cwd, out), id, lockWaitSeconds());
  const where = (p: { version: string; file: string }): string => displayPath(nodeHost, path.join(path.resolve(nodeHost.cwd, out), id, p.version, p.file));
  if (format === 'json') {
    const shownProblems = problems.map((p) => ({ ...p, path: where(p) }));
    process.stdout.write(`${JSON.stringify({ version: 1, plan: id, documents: rows, sources, endringar, web, problems: shownProblems, recovered }, null, 2)}\n`);
  } else {
    for (const r of recovered) process.stderr.write(`${id} ${r}\n`);
    if (rows.length === 0 && web.length === 0 && problems.length === 0) process.stdout.write(`${id}: no built versions in ${out}\n`);
    if (rows.length > 0 || web.length > 0) {
      process.stdout.write('version  variant  date        pages  sha256            file\n');
      for (const r of rows) {
        const flag = r.state === 'ok' ? '' : r.state === 'changed' ? '  CHANGED: the file no longer matches its manifest' : '  MISSING';
        process.stdout.write(`${r.version.padEnd(8)} ${r.variant.padEnd(8)} ${r.date}  ${String(r.pages).padStart(5)}  ${r.sha256.slice(0, 16)}  ${displayPath(nodeHost, r.file)}${flag}\n`);
      }
      // The kept source of each version: the plan files its documents were built from.
      for (const s of sources) {
        const flag = s.state === 'ok' ? '' : s.state === 'changed' ? '  CHANGED: the file no longer matches its manifest' : '  MISSING';
        process.stdout.write(`${s.version.padEnd(8)} kjelde   ${''.padEnd(10)}  ${''.padStart(5)}  ${s.sha256.slice(0, 16)}  ${displayPath(nodeHost, s.file)} (${s.files} files)${flag}\n`);
      }
      // The endringsoversikt of each version that has one, against the version it compares with.
      for (const e of endringar) {
        const flag = e.state === 'ok' ? '' : e.state === 'changed' ? '  CHANGED: the file no longer matches its manifest' : '  MISSING';
        process.stdout.write(`${e.version.padEnd(8)} endringar ${''.padEnd(9)}  ${String(e.pages).padStart(5)}  ${e.sha256.slice(0, 16)}  ${displayPath(nodeHost, e.file)} (against ${e.against})${flag}\n`);
      }
      // The web edition of each version, per variant: its index page and how many pages it has.
      for (const w of web) {
        const flag = w.state === 'ok' ? '' : w.state === 'changed' ? '  CHANGED: a file no longer matches its manifest' : '  MISSING: a file is missing';
        process.stdout.write(`${w.version.padEnd(8)} ${w.variant.padEnd(8)} ${'web'.padEnd(10)}  ${String(w.pages).padStart(5)}  ${''.padEnd(16)}  ${displayPath(nodeHost, w.index)}${flag}\n`);
      }
    }
    for (const p of problems) process.stdout.write(`${where(p)}: ${p.problem}\n`);
    if (problems.length > 0) process.stdout.write(`${problems.length} problem${problems.length === 1 ? '' : 's'}: the output folder does not agree with its manifest\n`);
  }
  return problems.length > 0 || rows.some((r) => r.state !== 'ok') || web.some((w) => w.state !== 'ok') || sources.some((s) => s.state !== 'ok') || endringar.some((e) => e.state !== 'ok') ? ExitCode.archiveMismatch : ExitCode.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `plantrykk: internal error: ${(e as Error)?.stack ?? String(e)}\n` +
        'This is a bug in plantrykk, not in your plan. Nothing was written. Please report it with the command you ran\n' +
        'to the plantrykk issue tracker (see README.md, "Reporting problems").\n',
    );
    process.exitCode = ExitCode.internal;
  },
);
