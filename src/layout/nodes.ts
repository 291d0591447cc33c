// The contract between layout and the PDF engine (emit/): the node fields that carry meaning the
// engine acts on, the document definition layout hands over, and the keep rule both sides use.
// Layout writes these fields; the engine reads only these — no id prefixes, style names or
// borrowed pdfmake properties. pdfmake's own node properties pass through loosely typed.

/** The structure role of a layout node in the tagged PDF (read by emit/tagging.ts). */
export interface PdfTag {
  readonly type: string;
  readonly alt?: string;
  readonly scope?: 'Column' | 'Row';
  /** For table cells: the row, so cells are grouped into TR elements. */
  readonly row?: number;
  /** The element grouping cells of one row: TR (default) or TOCI (a table of contents entry). */
  readonly rowType?: 'TR' | 'TOCI';
  /** For list items: the list is numbered, so the item has a label (Lbl) before its body (LBody). */
  readonly numbered?: boolean;
  /** The plan block this element was laid out from (its id): a problem found while drawing points at it. */
  readonly blockId?: string;
}

/** A chart drawn from data: the node's SVG may be a placeholder of the chart's size until it is drawn. */
export interface ChartRef {
  readonly id: string;
}

/** What a page carries besides the text: repeated on every page, never body content. */
export type Furniture = 'header' | 'footer';

/** The fields of a layout node the engine reads. */
export interface EngineFields {
  /** Structure role (emit/tagging.ts); content of untagged nodes belongs to the nearest tagged ancestor. */
  pdfTag?: PdfTag;
  /** A heading or a lead-in ending in «:»: it stays on a page with the start of what follows (emit/keepTogether.ts, keep rule below). */
  keepWithNext?: boolean;
  /** Never split over two pages (a figure with its caption and source, a short table). */
  keepWhole?: boolean;
  /** Layout's estimate of the whole block's height where the engine cannot measure it ahead (a boxed note kept whole). */
  estimatedHeight?: number;
  /** A table the engine lays out in parts, one per page, choosing where each ends (the målskjema). */
  parts?: PartedTable;
  /** The node draws this chart (emit/lateCharts.ts). */
  chart?: ChartRef;
  /** Running header or footer. */
  furniture?: Furniture;
}

/** A place in a table laid out in parts: before printed line `line` of body row `row` (`row` = the number of rows: the end). */
export interface TableCut {
  readonly row: number;
  readonly line: number;
}

/**
 * A table the engine lays out in parts (emit/tableParts.ts): it measures the parts a page could hold,
 * chooses where this page's part ends by the split rule below — between body rows, or between the
 * printed lines of a row too tall to move on whole — and asks layout for each part. A part is a table
 * with the header rows; one that begins inside a row repeats that row's text and every entry of it
 * that goes on, marked as continued. The parts are read as one table: the engine lays them all out as
 * one structure element (the role of the first), a further part carries its caption and header rows
 * as artifacts, and layout numbers each part's rows (PdfTag.row) by where they begin in the whole
 * table. The node itself is the whole table (what pdfmake draws without the engine).
 */
export interface PartedTable {
  /** The printed lines of each body row, in order: a row is split only between them. */
  readonly lines: readonly number[];
  /** A fresh table node holding the header rows and the body from `from` up to `to`. */
  readonly part: (from: TableCut, to: TableCut) => LayoutNode;
}

/** A pdfmake node as layout builds it: the engine fields, and pdfmake's own properties. */
export interface LayoutNode extends EngineFields {
  [pdfmakeProperty: string]: unknown;
}

/** A header or footer for a page: null on pages without one. */
export type PageFurniture = (page: number, pages: number) => LayoutNode | null;

/**
 * A footnote, printed at the foot of the page whose text refers to it (emit/footnotes.ts). The
 * reference is an inline of the referring text carrying `footnote: number`.
 */
export interface Footnote {
  readonly number: number;
  /** The note as laid out (a Note paragraph). */
  readonly node: LayoutNode;
  /** Layout's estimate of its height at the body width, so the engine can keep room for it. */
  readonly height: number;
}

/** The document layout hands to the engine: pdfmake's definition with typed content and furniture. */
export interface DocumentDefinition {
  readonly content: LayoutNode[];
  readonly header?: PageFurniture;
  readonly footer?: PageFurniture;
  /** Whether the engine writes the structure tree (PDF/A-2a). */
  readonly tagged?: boolean;
  /** The footnotes the content refers to (emit/footnotes.ts prints each at the foot of its page). */
  readonly footnotes?: readonly Footnote[];
  readonly [pdfmakeProperty: string]: unknown;
}

// ——— The keep rule: what stays with what. One definition, used before layout (emit/keepTogether.ts)
// and after it (emit/keepTogether.ts pageBreakBefore fallback). ———

/** A heading kept with what follows: a text node marked keepWithNext. */
export function keepsWithNext(n: EngineFields & { text?: unknown }): boolean {
  return n.keepWithNext === true && n.text !== undefined;
}

/**
 * A table of at most this many body rows is never split over two pages (it is kept whole), unless it
 * is taller than a page. A table laid out in parts counts its printed lines as its rows.
 */
export const KEEP_WHOLE_TABLE_ROWS = 10;
/**
 * A longer table starts with at least this many body rows on its first page; one laid out in parts
 * leaves at least this many printed lines on every page it runs over.
 */
export const MIN_TABLE_ROWS_PER_PAGE = 3;

/** A block that must not be split over two pages. */
export function keepsWhole(n: EngineFields): boolean {
  return n.keepWhole === true;
}

const CONTENT_KEYS = ['text', 'table', 'svg', 'image', 'canvas', 'ul', 'ol'] as const;
/** Keys of nodes that draw on the page themselves (a table or list only holds nodes that do). */
const DRAWING_KEYS = ['text', 'svg', 'image', 'canvas'] as const;

/**
 * Body content that is drawn on the page where the node starts: a table or list that begins on a page
 * may have moved all its rows or items to the next (a row that is not split), so only what it holds counts.
 */
export function drawsBodyContent(n: EngineFields & { readonly [key: string]: unknown }): boolean {
  if (n.furniture !== undefined) return false;
  return DRAWING_KEYS.some((k) => n[k] !== undefined && n[k] !== '');
}

/** Real page content that may follow a heading on its page: not a bare container, not page furniture. */
export function isBodyContent(n: EngineFields & { readonly [key: string]: unknown }): boolean {
  if (n.furniture !== undefined) return false;
  return CONTENT_KEYS.some((k) => n[k] !== undefined && n[k] !== '');
}

/** Mark `nodes` and everything inside them as page furniture (the running header or footer). */
export function asFurniture<T>(nodes: T, kind: Furniture): T {
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!n || typeof n !== 'object') return;
    (n as EngineFields).furniture = kind;
    for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v);
  };
  visit(nodes);
  return nodes;
}
