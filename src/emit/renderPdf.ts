// The PDF engine: a laid-out document (layout/nodes.ts DocumentDefinition) → PDF bytes, through
// pdfmake with the extensions of engine/registry.ts. pdfmake is configured once per process: fonts
// come from memory (its virtual file system), and every local-file and URL access is refused, so
// nothing in a plan can make the renderer read a file or touch the network.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import pdfmake from 'pdfmake';
import { FONT_FAMILY, fontFiles } from '../core/fonts.js';
import type { DocumentDefinition } from '../layout/nodes.js';
import { withFootnotes } from './footnotes.js';
import { ENGINE, EngineDocument, type PdfaProblem } from './engine/documentContext.js';
import { EngineShapeError, installEngine } from './engine/registry.js';
import { MeasuredText } from './measuredText.js';
import { shapeAhead, wordsOf } from './shapeAhead.js';
import { xmlEscape } from './xmpInfo.js';
import { ShapedWordStore, storeFingerprint } from './shapedWordStore.js';

const require = createRequire(import.meta.url);
/** The packages whose code decides a word's glyphs and positions. */
const SHAPING_PACKAGES = ['fontkit', 'pdfkit', 'restructure', 'unicode-properties'] as const;

/** Load the fonts into pdfmake (once per process: a font already in its file system is not loaded again) and refuse every file and URL access; returns the font file names by face. */
function configurePdfmake(): Record<string, string> {
  const files = fontFiles();
  const names: Record<string, string> = {};
  for (const [face, file] of Object.entries(files)) {
    const name = path.basename(file);
    const vfs = pdfmake.virtualfs as typeof pdfmake.virtualfs & { existsSync(name: string): boolean };
    if (!vfs.existsSync(name)) vfs.writeFileSync(name, fs.readFileSync(file));
    names[face] = name;
  }
  pdfmake.setFonts({ [FONT_FAMILY]: names });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return names;
}

/** The package.json of `name` as installed (the first one up from its entry file that names it). */
function installedPackageJson(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      if ((JSON.parse(text) as { name?: string }).name === name) return text;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`the package.json of ${name} was not found`);
    dir = up;
  }
}

/** What a shaped word depends on: the document font's files and the shaping packages' versions (shapedWordStore.ts). */
function shapingFingerprint(fontNames: Readonly<Record<string, string>>): string {
  const vfs = pdfmake.virtualfs as typeof pdfmake.virtualfs & { readFileSync(name: string): Uint8Array };
  const fonts = Object.entries(fontNames).flatMap(([face, name]) => [face, vfs.readFileSync(name)]);
  return storeFingerprint([FONT_FAMILY, ...fonts, ...SHAPING_PACKAGES.map(installedPackageJson)]);
}

/** A rendered PDF and its page count. */
export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly pages: number;
  /** Milliseconds spent laying out and rendering this PDF. */
  readonly ms?: number;
  /** Why this PDF cannot claim PDF/A-2a; a build with any is refused. */
  readonly pdfaProblems?: readonly PdfaProblem[];
}

interface PdfKitLike extends NodeJS.ReadableStream {
  _root?: { data?: { Pages?: { data?: { Kids?: unknown } } } };
  appendXML(xml: string): void;
  end(): void;
}

/** Extra XMP: the plan's own facts, in plantrykk's namespace. Values are escaped here. */
export function planXmp(fields: Readonly<Record<string, string | undefined>>): string {
  const body = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<plantrykk:${k}>${xmlEscape(v!)}</plantrykk:${k}>`)
    .join('');
  return `<rdf:Description rdf:about="" xmlns:plantrykk="https://plantrykk.no/ns/plan/1.0/">${body}</rdf:Description>`;
}

/** pdfkit keeps no page count; its page tree does (an internal: checked, not trusted). */
function pageCount(doc: PdfKitLike): number {
  const kids = doc._root?.data?.Pages?.data?.Kids;
  if (!Array.isArray(kids)) throw new EngineShapeError('pdfkit PDFDocument _root.data.Pages.data.Kids: not the page list any more (see docs/engine.md)');
  return kids.length;
}

/** How one document is rendered. */
export interface RenderOptions {
  /** XMP to add (planXmp). */
  readonly xmp?: string;
  /** The real SVG of charts whose nodes hold placeholders, asked for when each is drawn (lateCharts.ts). */
  readonly charts?: (id: string) => string | undefined;
}

/**
 * The engine of one thread: pdfmake with every extension installed (the shape checked first), and
 * the shaped-word caches and measured words its documents share. Each render has its own document context.
 */
export class Engine {
  private readonly shaping = new Map<string, Record<string, unknown>>();
  private readonly measuredText = new MeasuredText();
  private readonly fontNames: Record<string, string>;
  private readonly store: ShapedWordStore | undefined;

  /** With `storeDir`, the words shaped in earlier builds are read from the shaped-word store there and the new ones added after each render (shapedWordStore.ts). */
  constructor(options: { readonly storeDir?: string } = {}) {
    installEngine();
    this.fontNames = configurePdfmake();
    this.store = options.storeDir === undefined ? undefined : ShapedWordStore.open(options.storeDir, shapingFingerprint(this.fontNames));
  }

  /** Shape the words of `texts` into the caches this Engine's documents share, until done or `stop()` (shapeAhead.ts). */
  shapeAhead(texts: Iterable<string>, stop: () => boolean): Promise<void> {
    return shapeAhead(this.shaping, this.fontNames, pdfmake.virtualfs, wordsOf(texts), stop, this.store);
  }

  /** Render `definition` to PDF bytes. */
  async render(definition: DocumentDefinition, options: RenderOptions = {}): Promise<RenderedPdf> {
    const ctx = new EngineDocument(options.charts, this.shaping, this.measuredText, this.store);
    // The context rides on the content array into pdfmake (engine/registry.ts attachContext).
    const content = Object.assign([...definition.content], { [ENGINE]: ctx });
    const doc = (await pdfmake.createPdf({ ...withFootnotes(definition, ctx), content } as Parameters<typeof pdfmake.createPdf>[0]).getStream()) as unknown as PdfKitLike;
    if (options.xmp) doc.appendXML(options.xmp);
    const pages = pageCount(doc);
    const pdfaProblems = ctx.problems;
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
    // The words this render shaped itself, kept for the next build.
    this.store?.flush();
    return { bytes, pages, pdfaProblems };
  }

  /** Render a laid-out variant, with the plan's facts in the XMP metadata. */
  renderLaidOut(laid: { definition: DocumentDefinition; xmpFields: Readonly<Record<string, string | undefined>> }, charts?: (id: string) => string | undefined): Promise<RenderedPdf> {
    return this.render(laid.definition, { xmp: planXmp(laid.xmpFields), ...(charts ? { charts } : {}) });
  }
}

/** Render a laid-out variant on an engine of its own (tests and one-off renders; a worker keeps one Engine). */
export function renderLaidOut(laid: { definition: DocumentDefinition; xmpFields: Readonly<Record<string, string | undefined>> }): Promise<RenderedPdf> {
  return new Engine().renderLaidOut(laid);
}
