// The pipeline: the only place that knows the order of the stages.
// load → validate (schema, text, ids within a list) → model (built once, from the parts that passed) →
// check (rules on the model) → charts → [layout → engine] per variant (run/variantStages.ts, in the
// render workers while the charts are drawn here) → output. No stage imports a later one.
// Each stage reports to one DiagnosticSink; the pipeline stops after a stage that found errors.
import type { Host } from './core/host.js';
import type { DiagnosticSink } from './core/diagnostics.js';
import { fileSpan } from './core/span.js';
import { loadPlan, type PlanSources } from './load/planLoader.js';
import { walkStrings } from './core/values.js';
import { checkSchemas } from './validate/schemaCheck.js';
import { checkText } from './validate/textCheck.js';
import { checkListIds } from './validate/listIds.js';
import { buildModel } from './model/build.js';
import { checkModel } from './check/checkModel.js';
import type { ExampleMode } from './check/exampleRules.js';
import { VARIANTS, type PlanDocument, type Section, type VariantName } from './model/types.js';
import { renderChartSvg } from './charts/renderChart.js';
import { labelsFor, label } from './layout/labels.js';
import { variantDate } from './model/variantDate.js';
import { blockById } from './model/find.js';
import { Renderers } from './run/renderPool.js';
import type { Engine } from './emit/renderPdf.js';
import { renderWorkers } from './core/host.js';
import { pdfName, writeOutput, type BuiltVariant, type BuiltWeb, type WriteResult } from './emit/writeOutput.js';
import { buildSite, siteAssets } from './web/site.js';
import { packSource, sourceEntries, unpackSource } from './emit/sourceArchive.js';
import * as path from 'node:path';
import { displayPath } from './core/host.js';
import { memoryHost } from './core/memoryHost.js';
import { MANIFEST_FILE, recordValidators, verifyVersionFolder } from './emit/publish/verifyFolder.js';
import { compareDocuments, type Endringar } from './compare/compare.js';
import type { RenderedPdf } from './emit/renderPdf.js';

/** Milliseconds spent per stage, for the benchmark. */
export interface Timings {
  validate: number;
  charts: number;
  layout: number;
  write: number;
}

export interface Checked {
  readonly sources: PlanSources;
  readonly doc: PlanDocument;
}

/** Every string of the plan's loaded files. */
function planTexts(sources: PlanSources): string[] {
  const texts: string[] = [];
  for (const f of sources.files) walkStrings(f.value, [], (s) => texts.push(s));
  return texts;
}

/** Which variants a plan defines, in the canonical order. */
export function definedVariants(sources: PlanSources): VariantName[] {
  const v = (sources.plan.value as { variants?: Record<string, unknown> } | undefined)?.variants ?? {};
  return VARIANTS.filter((name) => v[name] !== undefined);
}

/**
 * Load and validate a plan; `variants` undefined means every variant the plan defines (as `plantrykk
 * check` does: example values are warnings), given means the variants to be built (a høyring or
 * vedtak with an example value is refused unless `examples` is 'stamp', i.e. --eksempel).
 */
export function checkPlan(
  host: Host,
  planDir: string,
  variants: readonly VariantName[] | undefined,
  sink: DiagnosticSink,
  examples: ExampleMode = variants === undefined ? 'warn' : 'refuse',
  /** Called with the loaded files, before they are checked (the render workers shape their words meanwhile). */
  onLoaded?: (sources: PlanSources) => void,
): Checked | undefined {
  const sources = loadPlan(host, planDir, sink);
  if (!sources) return undefined;
  onLoaded?.(sources);
  host.checkTime();
  const valid = checkSchemas(sources.files, sink);
  host.checkTime();
  checkText(valid, sink, host.assets);
  checkListIds(sources.files, sink);
  host.checkTime();
  // The model is built from every part that passed its schema, so the checks report every problem
  // of a file at once, not only those of files without a schema error.
  const model = buildModel(sources, valid);
  checkModel(model, variants ?? definedVariants(sources), sink, examples);
  host.checkTime();
  if (sink.hasErrors) return undefined;
  // No document without a reported error would let a broken plan pass as checked.
  if (!model.document) throw new Error(`the model of ${planDir} was not built, but no problem was reported`);
  return { sources, doc: model.document };
}

function chartBlocks(sections: readonly Section[]): { id: string; spec: Extract<Section['blocks'][number], { kind: 'chart' }>['chart'] }[] {
  return sections.flatMap((s) => [
    ...s.blocks.flatMap((b) => (b.kind === 'chart' ? [{ id: b.id, spec: b.chart }] : [])),
    ...chartBlocks(s.sections),
  ]);
}

/** Render every chart of the document once; all variants share the result. */
export function renderCharts(doc: PlanDocument): Map<string, string> {
  const labels = labelsFor(doc.meta.language);
  return new Map(
    chartBlocks(doc.chapters).map((c) => [c.id, renderChartSvg(c.spec, c.spec.illustrative ? { note: label(labels, 'illustrative') } : {})]),
  );
}

/**
 * Lay out and render the PDFs of `variants` (no file is written) on `renderers`, in this order:
 * the variant stages start in the workers (layout needs only the charts' size), the charts are drawn
 * here meanwhile, once for every variant, and handed to the workers before they draw a page.
 */
export async function renderVariants(doc: PlanDocument, variants: readonly VariantName[], renderers: Renderers, timings?: Timings): Promise<BuiltVariant[]> {
  const t0 = performance.now();
  // Without compiled workers (the TypeScript test runner) the stages run in this thread, on one engine.
  let engine: Engine | undefined;
  const inThread = async (variant: VariantName, charts: ReadonlyMap<string, string>) => {
    // Loaded here only: with workers, this thread never needs pdfmake or the layout.
    const { renderVariant } = await import('./run/variantStages.js');
    engine ??= new (await import('./emit/renderPdf.js')).Engine();
    return renderVariant(engine, doc, variant, { ready: charts });
  };
  const run = renderers.start(doc, variants, chartBlocks(doc.chapters).map((c) => c.id), inThread);
  const t = performance.now();
  let charts: Map<string, string>;
  try {
    charts = renderCharts(doc);
  } catch (e) {
    run.abandon(e);
    throw e;
  }
  const chartsMs = performance.now() - t;
  run.deliver(charts);
  const pdfs = await run.results;
  if (timings) {
    timings.charts += chartsMs;
    timings.layout += performance.now() - t0 - chartsMs;
  }
  return pdfs.map(({ variant, pdf }) => ({ variant, date: variantDate(doc, variant), pdf }));
}

/** What a build writes: the PDFs, the web edition (web/<variant>/), or both (`--format pdf|html|all`). */
export interface Editions {
  readonly pdf: boolean;
  readonly html: boolean;
}

/** The web edition of `variants` (no file written): each variant's pages, and the shared assets once. */
export function buildWeb(host: Host, doc: PlanDocument, variants: readonly VariantName[]): BuiltWeb {
  const inputs = { toolVersion: host.assets.toolVersion(), fontBytes: (f: Parameters<typeof host.assets.fontBytes>[0]) => host.assets.fontBytes(f) };
  const files = [...siteAssets(inputs), ...variants.flatMap((v) => buildSite(doc, v, { ...inputs, pdfFile: pdfName(doc, v) }))];
  return { variants, files };
}

/** Check, render and write `variants` of the plan in `planDir` into `outRoot`. */
export async function buildPlan(
  host: Host,
  planDir: string,
  variants: readonly VariantName[] | 'all',
  outRoot: string,
  sink: DiagnosticSink,
  timings: Timings = { validate: 0, charts: 0, layout: 0, write: 0 },
  force = false,
  /** --eksempel: build a høyring or vedtak with example values, stamped EKSEMPEL. */
  eksempel = false,
  editions: Editions = { pdf: true, html: false },
  /** The render workers, started as early as the caller can (the command line: before this module loads); closed here. None for the web edition alone, which needs no PDF. */
  renderers: Renderers = new Renderers(editions.pdf ? renderWorkers() : 0),
): Promise<{ checked: Checked; result: WriteResult; built: BuiltVariant[] } | undefined> {
  // The render workers are running: they load pdfmake and the fonts while the plan is validated.
  try {
    let t = performance.now();
    const sources = variants === 'all' ? undefined : variants;
    const checked = checkPlan(host, planDir, sources, sink, eksempel ? 'stamp' : 'refuse', editions.pdf ? (loaded) => renderers.shapeAhead(planTexts(loaded)) : undefined);
    timings.validate += performance.now() - t;
    if (!checked) return undefined;
    const wanted = variants === 'all' ? definedVariants(checked.sources) : variants;
    host.checkTime();
    const doc = wanted.includes('vedtak') ? await withEndringarAppendix(host, checked.doc, outRoot, sink) : checked.doc;
    if (!doc) return undefined;
    const built = editions.pdf ? await renderVariants(doc, wanted, renderers, timings) : [];
    host.checkTime();
    // The web edition is written from the model (src/web/), not from the PDF's layout.
    const web = editions.html ? buildWeb(host, checked.doc, wanted) : undefined;
    host.checkTime();
    // The PDFs claim PDF/A-2a: a file that cannot meet it is never written with the claim.
    for (const b of built) {
      for (const { reason, blockId } of b.pdf.pdfaProblems ?? []) {
        const at = (blockId === undefined ? undefined : blockById(checked.doc, blockId)?.span) ?? fileSpan(checked.sources.plan.display);
        sink.report('emit/pdfa-unmet', at, { variant: b.variant, reason });
      }
    }
    if (sink.hasErrors) return undefined;
    t = performance.now();
    // The exact files this build read, kept beside its PDFs (emit/sourceArchive.ts).
    const entries = sourceEntries(checked.sources);
    const result = writeOutput(host, outRoot, checked.doc, built, host.assets.toolVersion(), sink, force, { bytes: packSource(entries), files: entries.length }, web);
    timings.write += performance.now() - t;
    if (!result) return undefined;
    return { checked, result, built };
  } finally {
    renderers.close();
  }
}

/**
 * The document with the vedtak's «Endringar etter høyring» appendix (variants.vedtak.endringar): the
 * changes since the høyring version named, loaded from its kept source in `outRoot`. A version not
 * built there is a diagnostic at that key; without the option the document is returned as it is.
 */
async function withEndringarAppendix(host: Host, doc: PlanDocument, outRoot: string, sink: DiagnosticSink): Promise<PlanDocument | undefined> {
  const option = doc.meta.variants.vedtak?.endringar;
  if (!option) return doc;
  const version = option.hoyringVersion.value;
  const dir = path.join(path.resolve(host.cwd, outRoot), doc.meta.id, version);
  if (version === doc.meta.version || !host.isFile(path.join(dir, MANIFEST_FILE))) {
    sink.report('emit/hoyring-version-missing', option.hoyringVersion.span, { version, path: displayPath(host, dir) });
    return undefined;
  }
  const before = await loadVersionInput(host, dir, sink);
  if (!before) return undefined;
  // Compared as printed: the høyring's text with its facts as the høyring printed them, the vedtak's as it prints them.
  const appendix: Endringar = compareDocuments(await printedFacts(before.checked.doc, 'hoyring'), await printedFacts(doc, 'vedtak'));
  return { ...doc, endringarAppendix: appendix } as PlanDocument;
}

/** Where a version to compare comes from: a plan folder, or a built version folder's kept source. */
export interface VersionInput {
  readonly checked: Checked;
  /** The built version folder, when the input was one. */
  readonly versionDir?: string;
}

/**
 * Load one side of `plantrykk endringar`: a plan folder (with plan.yaml) through the loader, or a
 * version folder (output/<id>/<version>) whose kept source is unpacked into an in-memory host and
 * loaded through the same loader — nothing is read outside the archive.
 */
export async function loadVersionInput(host: Host, input: string, sink: DiagnosticSink): Promise<VersionInput | undefined> {
  const abs = path.resolve(host.cwd, input);
  if (host.isFile(path.join(abs, 'plan.yaml')) || !host.isFile(path.join(abs, MANIFEST_FILE))) {
    const checked = checkPlan(host, abs, [], sink);
    return checked ? { checked } : undefined;
  }
  const shown = displayPath(host, abs);
  const noSource = (reason: string): undefined => {
    sink.report('emit/endringar-no-source', fileSpan(shown), { path: shown, reason });
    return undefined;
  };
  const planId = path.basename(path.dirname(abs));
  const verified = verifyVersionFolder(host, abs, planId, recordValidators());
  for (const p of verified.problems) sink.report('emit/folder-damaged', fileSpan(displayPath(host, path.join(abs, p.file))), { file: p.file, problem: p.problem });
  if (!verified.manifest) return undefined;
  const kept = verified.manifest.source;
  if (!kept) return noSource('its manifest.json lists no kept source (built before plantrykk kept it)');
  let entries;
  try {
    entries = await unpackSource(host.readBytes(path.join(abs, kept.file)));
  } catch (e) {
    return noSource((e as Error).message);
  }
  const folder = entries.map((e) => e.name.split('/')[0]!).find((f) => f !== 'kommunar');
  if (!folder) return noSource('the archive holds no plan folder');
  // The kept source lives under /kjelde/<version>/ in memory: diagnostics name e.g. alver-hso/plan.yaml.
  const root = `/kjelde/${path.basename(abs)}`;
  const memory = memoryHost(Object.fromEntries(entries.map((e) => [`${root}/${e.name}`, e.bytes])), { cwd: root, assets: host.assets });
  const checked = checkPlan(memory, `${root}/${folder}`, [], sink);
  if (!checked) return undefined;
  return { checked, versionDir: abs };
}

/** The date an endringsoversikt carries: the date of the last variant the new version defines. */
export function endringarDate(doc: PlanDocument): string {
  const defined = VARIANTS.filter((v) => doc.meta.variants[v] !== undefined);
  return variantDate(doc, defined[defined.length - 1] ?? 'utkast');
}

/** The document with its fact references printed as `variant` prints them (layout/facts.ts). */
async function printedFacts(doc: PlanDocument, variant: VariantName): Promise<PlanDocument> {
  const { resolveFacts } = await import('./layout/facts.js');
  return resolveFacts(doc, variant, labelsFor(doc.meta.language));
}

/** The last variant a version defines: what an endringsoversikt compares it as. */
const lastVariant = (doc: PlanDocument): VariantName => VARIANTS.filter((v) => doc.meta.variants[v] !== undefined).pop() ?? 'utkast';

/** Compare two versions and render the endringsoversikt PDF (no file written). */
export async function renderEndringar(old: PlanDocument, neu: PlanDocument): Promise<{ endringar: Endringar; pdf: RenderedPdf }> {
  const endringar = compareDocuments(await printedFacts(old, lastVariant(old)), await printedFacts(neu, lastVariant(neu)));
  const { layoutEndringar } = await import('./layout/endringar.js');
  const { Engine } = await import('./emit/renderPdf.js');
  const laid = layoutEndringar(endringar, { kommune: neu.meta.kommune.name, date: endringarDate(neu), ...(neu.meta.kommune.colour ? { accent: neu.meta.kommune.colour } : {}) });
  const pdf = await new Engine().renderLaidOut(laid);
  return { endringar, pdf };
}
