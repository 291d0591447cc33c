// One context object per PDF document: everything the engine's extensions remember while one
// document is laid out and drawn. It is created by Engine.render (renderPdf.ts), rides on the
// content array into pdfmake, and from there on is held by the instances pdfmake creates for that
// document (the pdfkit document, the layout builder, its writer). Nothing is kept between documents
// except what the Engine shares on purpose (the shaped-word caches and the measured words).

/** The key under which pdfmake's instances hold their document's context. */
export const ENGINE = Symbol('plantrykk.engine');

/** A node being laid out that carries a structure role, and the one around it. */
export interface Frame {
  readonly tag: import('../../layout/nodes.js').PdfTag;
  readonly parent: Frame | undefined;
}

/** Why a file cannot meet PDF/A-2a, and the plan block (its id) it came from when the engine knows it. */
export interface PdfaProblem {
  readonly reason: string;
  readonly blockId?: string;
}

/** The document's footnotes and the pages the current layout pass placed them on (footnotes.ts). */
export interface FootnotePlacement {
  readonly byNumber: ReadonlyMap<number, import('../../layout/nodes.js').Footnote>;
  /** Page index (0-based) → note numbers, in reading order. */
  readonly onPage: Map<number, number[]>;
  /** The writer of the current layout pass: a new one (pdfmake lays out again) starts afresh. */
  writer: unknown;
  /** Height the notes `refs` add to page `page` (with the separator when they are its first). */
  need(page: number, refs: readonly number[]): number;
  /** Height of the notes of page `page` with their separator. */
  heightOf(page: number): number;
}

/** What the extensions need to know about one document. */
export class EngineDocument {
  /** The innermost tagged node being laid out (tagging.ts). */
  frame: Frame | undefined = undefined;
  /** Depth of page moves in progress: fragments added meanwhile are repeated header rows (tagging.ts). */
  repeating = 0;
  /** The structure tree being built while the pages are drawn (tagging.ts); set during renderPages. */
  tags: { readonly problems: readonly PdfaProblem[] } | undefined = undefined;
  /** Why the file cannot meet PDF/A-2a, found while drawing (tagging.ts). */
  problems: readonly PdfaProblem[] = [];
  /** The document's footnotes and the pages they are placed on (footnotes.ts); undefined: none. */
  footnotes: FootnotePlacement | undefined = undefined;
  /** Depth of scratch layouts in progress (partHeights.ts measures a part): what they place is thrown away. */
  measuring = 0;
  /** The footnotes the scratch layouts referred to, in order (footnotes.ts adds, partHeights.ts reads). */
  readonly measuredNotes: number[] = [];
  /** The measured parts of each table laid out in parts (tableParts.ts), by its node. */
  readonly tableParts = new WeakMap<object, unknown>();

  constructor(
    /** The real SVG of a chart whose node holds a placeholder (lateCharts.ts); undefined: none late. */
    readonly chartSource: ((id: string) => string | undefined) | undefined,
    /** pdfkit's shaped-word caches, shared by the documents one Engine renders (pdfmakeSpeedups.ts). */
    readonly shaping: Map<string, Record<string, unknown>>,
    /** The words measured by the documents one Engine renders (measuredText.ts). */
    readonly measuredText: import('../measuredText.js').MeasuredText,
    /** The words shaped in earlier builds, and where this one's are kept (shapedWordStore.ts); undefined: none. */
    readonly store?: import('../shapedWordStore.js').ShapedWordStore,
  ) {}
}

/** Anything that may hold a document's context. */
export type Holder = { [ENGINE]?: EngineDocument };

/** The context `holder` carries, if any. */
export function contextOf(holder: unknown): EngineDocument | undefined {
  return (holder as Holder | undefined)?.[ENGINE];
}

/** Give `holder` the context `ctx` (a no-op when it already has it). */
export function hold(holder: unknown, ctx: EngineDocument): void {
  const h = holder as Holder;
  if (h[ENGINE] !== ctx) h[ENGINE] = ctx;
}
