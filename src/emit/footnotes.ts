// Footnotes at the foot of the page that refers to them. pdfmake has no footnotes: while it places a
// line of text, this extension (PageElementWriter.addLine, engine/registry.ts) looks for footnote
// references on it (inlines with `footnote: n`, layout/nodes.ts Footnote); when the line and its notes
// do not both fit on the page, the line starts the next page; once placed, the page's room shrinks by
// the notes' height (layout's estimate). The page's footer then draws the notes in that room, above the
// running footer, as Note elements after the page's text (withFootnotes). Lines placed inside a block
// that cannot break (a table row) take their notes to the page the block is being laid out for, and
// keep their room there (a table laid out in parts measures its parts with the notes they refer to, so
// the part fits with them; another row that then no longer fits moves on without its notes).
import type { DocumentDefinition, Footnote, LayoutNode, PageFurniture } from '../layout/nodes.js';
import { tag } from '../layout/tags.js';
import { contextOf, type EngineDocument, type FootnotePlacement } from './engine/documentContext.js';
import type { Method } from './engine/method.js';

/** Room above the first note of a page: the gap and the short rule over the notes. */
const SEPARATOR = 12;

interface Line {
  inlines?: { footnote?: unknown }[];
  getHeight(): number;
}

interface Writer {
  transactionLevel: number;
  /** The contexts under the current one (pdfmake's ElementWriter): the first is the page's. */
  contextStack?: { page: number; availableHeight: number }[];
  context(): { page: number; availableHeight: number };
  moveToNextPage(orientation?: string): void;
}

/** The notes of one document, and the pages they were placed on in the current layout pass. */
export class FootnoteState implements FootnotePlacement {
  readonly byNumber: ReadonlyMap<number, Footnote>;
  /** Page index (0-based) → note numbers, in reading order. */
  readonly onPage = new Map<number, number[]>();
  /** The writer of the current layout pass: a new one (pdfmake lays out again) starts afresh. */
  writer: unknown = undefined;

  constructor(notes: readonly Footnote[]) {
    this.byNumber = new Map(notes.map((n) => [n.number, n]));
  }

  /** Height the notes `refs` add to page `page`. */
  need(page: number, refs: readonly number[]): number {
    const h = refs.reduce((sum, n) => sum + (this.byNumber.get(n)?.height ?? 0), 0);
    return h === 0 ? 0 : h + (this.onPage.has(page) ? 0 : SEPARATOR);
  }

  /** Height of the notes of page `page` with their separator. */
  heightOf(page: number): number {
    const refs = this.onPage.get(page);
    return refs ? this.need(-1, refs) : 0;
  }
}

/** The left margin of a note node. */
const indentOf = (node: LayoutNode): number => (Array.isArray(node.margin) && typeof node.margin[0] === 'number' ? node.margin[0] : 0);

const notesOf = (ctx: EngineDocument | undefined): FootnotePlacement | undefined => ctx?.footnotes;

/** PageElementWriter.addLine: keep room on the page for the notes the line refers to. */
export function reserveFootnotes(addLine: Method): Method {
  return function (this: Writer, line: Line, ...rest: unknown[]) {
    const ctx = contextOf(this);
    const state = notesOf(ctx);
    if (!state || state.byNumber.size === 0) return addLine.call(this, line, ...rest);
    const refs = (line?.inlines ?? []).flatMap((i) => (typeof i.footnote === 'number' && state.byNumber.has(i.footnote) ? [i.footnote] : []));
    if (refs.length === 0) return addLine.call(this, line, ...rest);
    // A part measured on a scratch page (partHeights.ts) places no notes: it only tells which it refers to.
    if (ctx!.measuring > 0) {
      ctx!.measuredNotes.push(...refs);
      return addLine.call(this, line, ...rest);
    }
    if (state.writer !== this) {
      state.writer = this;
      state.onPage.clear();
    }
    const breakable = this.transactionLevel === 0;
    if (breakable && line.getHeight() + state.need(this.context().page, refs) > this.context().availableHeight) this.moveToNextPage();
    const result = addLine.call(this, line, ...rest);
    // Inside a block that cannot break (a table row) the line is laid out on a context of its own: the
    // page is the one the block goes on, the writer's first context.
    const c = breakable ? this.context() : (this.contextStack?.[0] ?? this.context());
    const need = state.need(c.page, refs);
    const placed = state.onPage.get(c.page) ?? [];
    state.onPage.set(c.page, [...placed, ...refs.filter((n) => !placed.includes(n))]);
    c.availableHeight -= need;
    return result;
  };
}

/**
 * The definition with each page's notes drawn at its foot: the footer of a page with notes first draws
 * them, moved up into the room kept for them, then the running footer.
 */
export function withFootnotes(definition: DocumentDefinition, ctx: EngineDocument): DocumentDefinition {
  const notes = definition.footnotes ?? [];
  if (notes.length === 0) return definition;
  ctx.footnotes = new FootnoteState(notes);
  const state = ctx.footnotes;
  const margins = definition.pageMargins as readonly number[] | undefined;
  const [left, , right] = margins && margins.length === 4 ? margins : [40, 40, 40, 40];
  const footer: PageFurniture = (page, pages) => {
    const base = definition.footer?.(page, pages) ?? null;
    const refs = state.onPage.get(page - 1);
    if (!refs || refs.length === 0) return base;
    const height = state.heightOf(page - 1);
    const block: LayoutNode = {
      stack: [
        // The rule starts where the notes do (layout may set them in a text column).
        tag({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 140, y2: 0, lineWidth: 0.5, lineColor: '#888888' }], margin: [indentOf(state.byNumber.get(refs[0]!)!.node), 0, 0, SEPARATOR - 4] }, { type: 'Artifact' }),
        ...refs.map((n) => state.byNumber.get(n)!.node),
      ],
      // Moved by relativePosition, the block keeps the footer's full page width: the right margin takes both.
      margin: [0, 0, left! + right!, 0],
      relativePosition: { x: left!, y: -height },
    };
    return { stack: [block, ...(base ? [base] : [])] };
  };
  return { ...definition, footer };
}
