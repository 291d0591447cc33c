// Every change plantrykk makes to pdfmake and pdfkit, in one list, installed in one order.
// Input: the upstream classes (pdfmake/js/*.js, pdfkit). Output: their prototypes extended.
// Invariants: before anything is installed, every method an extension wraps or replaces (and every
// pdfkit method the tagging calls) is checked to exist with the arity it was written against, and a
// mismatch stops the process with an internal error naming the method; production and tests install
// through installEngine() only; the extensions that change what is drawn (tagging, keep-together,
// late charts) act only for a document with a context (documentContext.ts) and keep their state
// there; the speed-ups and the XMP fix give upstream's results (the memories shared between a
// document and the next — shaped words, measured text — only for a document with a context). docs/engine.md
// explains each entry and the upgrade.
import { createRequire } from 'node:module';
import { contextOf, ENGINE, hold, type EngineDocument } from './documentContext.js';
import { buildStructureTree, countPageMoves, firstArgument, markDrawnItem, markRepeatedRows, rememberFrame, tagLinks, tagTocRows, trackTaggedNode, watermarkItem } from '../tagging.js';
import { keepRuleAfterLayout, keepTogether, LaidNodes, type ListedNode, type NodeInfo } from '../keepTogether.js';
import { reserveFootnotes } from '../footnotes.js';
import { buildNextLine, drawLinesInRuns, measure, memoize, shareShapingCaches } from '../pdfmakeSpeedups.js';
import { drawLateCharts } from '../lateCharts.js';
import { rememberMeasuredText } from '../measuredText.js';
import { svgTextInDocumentFonts } from '../svgFonts.js';
import { escapeXmpInfo } from '../xmpInfo.js';

const require = createRequire(import.meta.url);

import { EngineShapeError, type Method } from './method.js';

export { EngineShapeError };

export type { Method };

/** The upstream versions every entry below was written against (package.json pins them exactly). */
export const WRITTEN_AGAINST = { pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

/** Where an upstream class lives: its module, as required. */
export type UpstreamModule =
  | 'pdfmake/js/LayoutBuilder.js'
  | 'pdfmake/js/ElementWriter.js'
  | 'pdfmake/js/PageElementWriter.js'
  | 'pdfmake/js/Renderer.js'
  | 'pdfmake/js/TextInlines.js'
  | 'pdfmake/js/SVGMeasure.js'
  | 'pdfmake/js/PDFDocument.js'
  | 'pdfmake/js/DocPreprocessor.js'
  | 'pdfmake/js/DocMeasure.js'
  | 'pdfkit';

/** One upstream method and the number of declared parameters (fn.length) it had when written against. */
export interface UpstreamMethod {
  readonly module: UpstreamModule;
  readonly method: string;
  readonly arity: number;
}

/** One extension: what it does to which upstream method, why, and the test that fails without it. */
export interface Extension extends UpstreamMethod {
  /** `wraps`: calls the original around its own work; `replaces`: the original is not called (for a document with a context). */
  readonly kind: 'wraps' | 'replaces';
  /** The file that holds the extension's code. */
  readonly file: string;
  readonly why: string;
  /** The test (file › name) that fails when the extension's effect disappears. */
  readonly guard: string;
  readonly install: (original: Method) => Method;
}

/** The document's context, handed in on the content array by Engine.render, held from here on by the builder and the pdfkit document. */
function attachContext(layoutDocument: Method): Method {
  return function (this: { linearNodeList?: { nodeInfo?: NodeInfo }[] }, docStructure: { [ENGINE]?: EngineDocument }, pdfDocument: unknown, ...rest: unknown[]) {
    const ctx = docStructure?.[ENGINE];
    if (!ctx) return layoutDocument.call(this, docStructure, pdfDocument, ...rest);
    hold(this, ctx);
    hold(pdfDocument, ctx);
    // The keep rule after a trial layout (pageBreakBefore, the 9th argument), reading the nodes themselves.
    const rule = keepRuleAfterLayout(new LaidNodes(() => (this.linearNodeList ?? []) as ListedNode[]));
    const args = [...rest];
    const given = rest[6] as Method | undefined;
    args[6] = typeof given === 'function' ? (info: NodeInfo, nodes: never) => rule(info) || given(info, nodes) : rule;
    return layoutDocument.call(this, docStructure, pdfDocument, ...args);
  };
}

const TAGGING = 'src/emit/tagging.ts';
const GUARD = 'test/unit/engineGuards.test.ts';

/**
 * Every extension, in installation order. Several on one method nest: a later entry wraps the
 * earlier ones (renderLine: runs → links → marked content → pdfmake's; renderSVG: late chart → marked content → pdfmake's).
 */
export const EXTENSIONS: readonly Extension[] = [
  { module: 'pdfmake/js/LayoutBuilder.js', method: 'layoutDocument', arity: 9, kind: 'wraps', file: 'src/emit/engine/registry.ts', why: 'attach the document context; give pdfmake the keep rule as its pageBreakBefore hook', guard: `${GUARD} › structure roles (no context: no structure at all); pdfmakeExtensions.test.ts › keep together in one layout pass`, install: attachContext },
  { module: 'pdfmake/js/LayoutBuilder.js', method: 'processNode', arity: 1, kind: 'wraps', file: TAGGING, why: 'the tagged node being laid out is the frame of what it draws', guard: `${GUARD} › structure roles`, install: trackTaggedNode },
  { module: 'pdfmake/js/ElementWriter.js', method: 'addLine', arity: 3, kind: 'wraps', file: TAGGING, why: 'a line remembers its frame; a numbered list marker is the label (Lbl)', guard: `${GUARD} › lists`, install: rememberFrame('addLine') },
  { module: 'pdfmake/js/ElementWriter.js', method: 'addImage', arity: 2, kind: 'wraps', file: TAGGING, why: 'an image remembers its frame (Figure)', guard: `${GUARD} › figures`, install: rememberFrame('addImage') },
  { module: 'pdfmake/js/ElementWriter.js', method: 'addSVG', arity: 2, kind: 'wraps', file: TAGGING, why: 'an SVG remembers its frame (Figure)', guard: `${GUARD} › figures`, install: rememberFrame('addSVG') },
  { module: 'pdfmake/js/ElementWriter.js', method: 'addVector', arity: 5, kind: 'wraps', file: TAGGING, why: 'a vector remembers its frame (drawn inside a Figure, else decoration)', guard: `${GUARD} › figures`, install: rememberFrame('addVector') },
  { module: 'pdfmake/js/LayoutBuilder.js', method: 'processToc', arity: 1, kind: 'wraps', file: TAGGING, why: 'each row of the table of contents becomes a TOCI', guard: `${GUARD} › table of contents`, install: tagTocRows },
  { module: 'pdfmake/js/ElementWriter.js', method: 'addFragment', arity: 4, kind: 'wraps', file: TAGGING, why: 'header rows repeated on a new page are pagination artifacts', guard: `${GUARD} › artifacts`, install: markRepeatedRows },
  { module: 'pdfmake/js/PageElementWriter.js', method: 'moveToNextPage', arity: 1, kind: 'wraps', file: TAGGING, why: 'know when fragments are repeated header rows', guard: `${GUARD} › artifacts`, install: countPageMoves },
  { module: 'pdfmake/js/Renderer.js', method: 'renderPages', arity: 1, kind: 'wraps', file: TAGGING, why: 'build the structure tree while drawing', guard: `${GUARD} › structure roles`, install: buildStructureTree },
  { module: 'pdfmake/js/Renderer.js', method: 'renderLine', arity: 3, kind: 'wraps', file: TAGGING, why: 'text as marked content of its element, or an artifact', guard: `${GUARD} › structure roles`, install: markDrawnItem('text', firstArgument) },
  { module: 'pdfmake/js/Renderer.js', method: 'renderLine', arity: 3, kind: 'wraps', file: TAGGING, why: 'linked text as a Link element holding its annotation (OBJR)', guard: `${GUARD} › links`, install: tagLinks },
  { module: 'pdfmake/js/Renderer.js', method: 'renderVector', arity: 1, kind: 'wraps', file: TAGGING, why: 'vectors as Figure content or decoration artifacts', guard: `${GUARD} › artifacts`, install: markDrawnItem('vector', firstArgument) },
  { module: 'pdfmake/js/Renderer.js', method: 'renderImage', arity: 1, kind: 'wraps', file: TAGGING, why: 'images as Figure content; a Figure without alt text is a PDF/A problem', guard: `${GUARD} › figures`, install: markDrawnItem('image', firstArgument) },
  { module: 'pdfmake/js/Renderer.js', method: 'renderSVG', arity: 1, kind: 'wraps', file: TAGGING, why: 'SVGs as Figure content', guard: `${GUARD} › figures`, install: markDrawnItem('image', firstArgument) },
  { module: 'pdfmake/js/Renderer.js', method: 'renderWatermark', arity: 1, kind: 'wraps', file: TAGGING, why: 'the watermark is a pagination artifact', guard: `${GUARD} › artifacts`, install: markDrawnItem('vector', watermarkItem) },
  { module: 'pdfmake/js/TextInlines.js', method: 'measure', arity: 2, kind: 'replaces', file: 'src/emit/pdfmakeSpeedups.ts', why: 'a hand copy of pdfmake 0.3.11 TextInlines.measure that looks the style stack up once per call, not per word (a fifth of the layout time)', guard: 'test/unit/pdfmakeExtensions.test.ts › fast word measurement', install: () => measure },
  { module: 'pdfmake/js/TextInlines.js', method: 'buildInlines', arity: 2, kind: 'wraps', file: 'src/emit/measuredText.ts', why: 'measure the same text in the same style once per Engine (table parts, repeated cells and labels, a second variant)', guard: 'test/unit/pdfmakeExtensions.test.ts › words measured once', install: rememberMeasuredText((pdfDocument) => contextOf(pdfDocument)?.measuredText) },
  { module: 'pdfmake/js/LayoutBuilder.js', method: 'buildNextLine', arity: 1, kind: 'replaces', file: 'src/emit/pdfmakeSpeedups.ts', why: 'a hand copy of pdfmake 0.3.11 LayoutBuilder.buildNextLine that copies the rest of a paragraph only for a word that looks ahead (noNewLine), not for every word', guard: 'test/unit/pdfmakeExtensions.test.ts › line breaking without copies', install: () => buildNextLine },
  { module: 'pdfmake/js/SVGMeasure.js', method: 'measureSVG', arity: 1, kind: 'wraps', file: 'src/emit/pdfmakeSpeedups.ts', why: 'parse a chart SVG once per document, not on every pass', guard: 'speed only; test/unit/pdfmakeExtensions.test.ts › charts that arrive while the layout runs (same bytes)', install: memoize('measureSVG') },
  { module: 'pdfmake/js/SVGMeasure.js', method: 'writeDimensions', arity: 2, kind: 'wraps', file: 'src/emit/pdfmakeSpeedups.ts', why: 'write an SVG root size once per document', guard: 'speed only; test/unit/pdfmakeExtensions.test.ts › charts that arrive while the layout runs (same bytes)', install: memoize('writeDimensions') },
  { module: 'pdfmake/js/LayoutBuilder.js', method: 'processVerticalContainer', arity: 1, kind: 'replaces', file: 'src/emit/keepTogether.ts', why: 'keep headings with what follows and figures whole in one layout pass; lay tables out in parts (tableParts.ts)', guard: 'test/unit/pdfmakeExtensions.test.ts › keep together in one layout pass; test/unit/malskjemaPages.test.ts', install: keepTogether },
  { module: 'pdfmake/js/Renderer.js', method: 'renderSVG', arity: 1, kind: 'wraps', file: 'src/emit/lateCharts.ts', why: 'draw the real chart where layout placed its placeholder', guard: 'test/unit/pdfmakeExtensions.test.ts › charts that arrive while the layout runs', install: drawLateCharts },
  { module: 'pdfmake/js/Renderer.js', method: 'renderLine', arity: 3, kind: 'wraps', file: 'src/emit/pdfmakeSpeedups.ts', why: 'draw words that sit edge to edge in one style as one run', guard: 'test/unit/pdfmakeExtensions.test.ts › lines drawn in runs', install: drawLinesInRuns },
  { module: 'pdfmake/js/PDFDocument.js', method: 'provideFont', arity: 3, kind: 'wraps', file: 'src/emit/pdfmakeSpeedups.ts', why: 'share pdfkit’s shaped-word cache between the documents of one Engine, remember each string’s width beside it, put a text’s shaped words together by appending, and give each shaped word’s glyphs the word’s own characters (src/emit/ownCodePoints.ts: a glyph’s text in the PDF does not depend on which words were shaped first)', guard: 'speed only (bench); test/unit/pdfmakeExtensions.test.ts › shaped words shared checks the bytes do not change, › a glyph’s text', install: shareShapingCaches },
  { module: 'pdfmake/js/PageElementWriter.js', method: 'addLine', arity: 3, kind: 'wraps', file: 'src/emit/footnotes.ts', why: 'keep room at the foot of the page for the footnotes a line refers to', guard: 'test/unit/pageLint.test.ts › footnotes at the foot of the page', install: reserveFootnotes },
  { module: 'pdfkit', method: '_addInfo', arity: 0, kind: 'wraps', file: 'src/emit/xmpInfo.ts', why: 'pdfkit writes Info values into the XMP unescaped; «&» in a title would break PDF/A', guard: 'test/unit/pdfmakeExtensions.test.ts › document info in the XMP', install: escapeXmpInfo },
  { module: 'pdfmake/js/Renderer.js', method: 'renderSVG', arity: 1, kind: 'wraps', file: 'src/emit/svgFonts.ts', why: 'text in an SVG (the charts’ texts) in the document’s embedded fonts; pdfmake’s font callback names a file pdfkit cannot open when fonts come from memory', guard: 'test/e2e/buildCharts.test.ts › writes the charts’ texts as real text', install: svgTextInDocumentFonts },
];

/** pdfkit methods the tagging calls (not wrapped): checked like the wrapped ones. */
export const USED: readonly UpstreamMethod[] = [
  { module: 'pdfkit', method: 'struct', arity: 1 },
  { module: 'pdfkit', method: 'addStructure', arity: 1 },
  { module: 'pdfkit', method: 'markContent', arity: 1 },
  { module: 'pdfkit', method: 'markStructureContent', arity: 1 },
  { module: 'pdfkit', method: 'endMarkedContent', arity: 0 },
  { module: 'pdfkit', method: 'text', arity: 4 },
  { module: 'pdfkit', method: 'goTo', arity: 5 },
  { module: 'pdfkit', method: 'appendXML', arity: 1 },
  { module: 'pdfkit', method: 'font', arity: 3 },
  { module: 'pdfmake/js/TextInlines.js', method: 'widthOfText', arity: 2 },
  // A table laid out in parts (tableParts.ts): each part is prepared as pdfmake prepares the document, and measured on a scratch page.
  { module: 'pdfmake/js/DocPreprocessor.js', method: 'preprocessBlock', arity: 1 },
  { module: 'pdfmake/js/DocMeasure.js', method: 'measureBlock', arity: 1 },
  { module: 'pdfmake/js/ElementWriter.js', method: 'pushContext', arity: 2 },
  { module: 'pdfmake/js/ElementWriter.js', method: 'popContext', arity: 0 },
  { module: 'pdfmake/js/LayoutBuilder.js', method: 'processRow', arity: 1 },
];

/** A prototype by module. */
export type Prototypes = (module: UpstreamModule) => Record<string, unknown> | undefined;

/** The installed upstream classes' prototypes. */
export const upstreamPrototypes: Prototypes = (module) => {
  const m = require(module) as { default?: { prototype?: Record<string, unknown> }; prototype?: Record<string, unknown> };
  return (m.default ?? m).prototype;
};


/** On an installed function: the function it wraps or replaces (one step down). */
const BENEATH = Symbol.for('plantrykk.engine.beneath');

/** The function `installed` wraps or replaces: what the method was before that extension (for tests that compare with upstream). */
export function beneath(installed: Method): Method | undefined {
  return (installed as Method & { [BENEATH]?: Method })[BENEATH];
}

/** Marks a prototype whose extensions are installed. */
const INSTALLED = Symbol.for('plantrykk.engine.installed');

/** Throw EngineShapeError naming the first method that is missing or has another arity. */
export function checkEngineShape(prototypes: Prototypes = upstreamPrototypes, entries: readonly UpstreamMethod[] = [...EXTENSIONS, ...USED]): void {
  for (const e of entries) {
    const proto = prototypes(e.module);
    const fn = proto?.[e.method];
    const where = `${e.module} ${e.method}`;
    if (typeof fn !== 'function') throw new EngineShapeError(`${where}: the method is missing (written against pdfmake ${WRITTEN_AGAINST.pdfmake}, pdfkit ${WRITTEN_AGAINST.pdfkit}; see docs/engine.md)`);
    if (fn.length !== e.arity) throw new EngineShapeError(`${where}: expected ${e.arity} parameters, found ${fn.length} (written against pdfmake ${WRITTEN_AGAINST.pdfmake}, pdfkit ${WRITTEN_AGAINST.pdfkit}; see docs/engine.md)`);
  }
}

/** Check the upstream shape, then install every extension in the registry's order (once per process; again is a no-op). */
export function installEngine(prototypes: Prototypes = upstreamPrototypes): void {
  const first = prototypes(EXTENSIONS[0]!.module)!;
  if (first[INSTALLED as unknown as string]) return;
  checkEngineShape(prototypes);
  for (const e of EXTENSIONS) {
    const proto = prototypes(e.module)!;
    const original = proto[e.method] as Method;
    const installed = e.install(original);
    Object.defineProperty(installed, BENEATH, { value: original });
    proto[e.method] = installed;
  }
  first[INSTALLED as unknown as string] = true;
}
