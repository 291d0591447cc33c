// The heights of a table's parts (layout/nodes.ts PartedTable), measured as drawn: a part is laid out on
// a scratch page of unlimited height by pdfmake's own table layout, and nothing of it stays in the
// document. A part's height is that of its header rows and of each row (or run of a row's lines) in it,
// one under the other — pdfmake lays a table's rows out one after the other, each as tall as its cells —
// so each is measured once: the whole rows of a table together, a run of a row's lines in a part of its own.
import type { EngineFields, LayoutNode, PartedTable, TableCut } from '../layout/nodes.js';
import { contextOf } from './engine/documentContext.js';

/** Height of the scratch page a part is measured on: no part is this tall. */
const SCRATCH_HEIGHT = 1e7;

export interface ScratchWriter {
  transactionLevel: number;
  context(): { y: number; availableWidth: number };
  pushContext(width: number, height: number): void;
  popContext(): void;
}

/** The part of pdfmake's LayoutBuilder a parted table is laid out with. */
export interface PartsBuilder {
  writer: ScratchWriter;
  nestedLevel: number;
  processRow(row: { rowIndex: number }): unknown;
  linearNodeList: unknown[];
  docPreprocessor: { preprocessBlock(node: object): object };
  docMeasure: { measureBlock(node: object): LaidPart };
  processNode(node: object): void;
}

export interface LaidPart {
  positions: unknown[];
  _margin?: [number, number, number, number] | null;
}

type Margin = [number, number, number, number];

/** A parted table node, as pdfmake measured it. */
export type PartedNode = EngineFields & { parts: PartedTable; _margin?: Margin | null };

/** Line indexes over the whole table: line a of the table is line a − start(r) of row r. */
export class Lines {
  /** Index of the first line of each row, and the total at the end. */
  readonly starts: number[] = [0];

  constructor(readonly perRow: readonly number[]) {
    for (const n of perRow) this.starts.push(this.starts[this.starts.length - 1]! + n);
  }

  get total(): number {
    return this.starts[this.starts.length - 1]!;
  }

  /** The row that line `a` belongs to. */
  rowOf(a: number): number {
    let r = 0;
    while (r + 1 < this.perRow.length && this.starts[r + 1]! <= a) r++;
    return r;
  }

  cut(a: number): TableCut {
    if (a >= this.total) return { row: this.perRow.length, line: 0 };
    const r = this.rowOf(a);
    return { row: r, line: a - this.starts[r]! };
  }

  isRowStart(a: number): boolean {
    return this.starts.includes(a);
  }
}

/** The parts of one table: each built with the table's own space around it (above the first, below the last), and their heights. */
export class Parts {
  private readonly rows = new Map<number, Measured>();
  private readonly runs = new Map<string, Measured>();
  private header: number | undefined;
  private headerNotes: readonly number[] = [];
  readonly lines: Lines;
  private readonly margin: Margin;

  constructor(
    private readonly b: PartsBuilder,
    private readonly table: PartedNode,
  ) {
    this.lines = new Lines(table.parts.lines);
    this.margin = table._margin ?? [0, 0, 0, 0];
  }

  /** A fresh node of the part holding lines `from` up to `to`. */
  build(from: number, to: number): LayoutNode {
    const [l, t, r, bottom] = this.margin;
    return { ...this.table.parts.part(this.lines.cut(from), this.lines.cut(to)), margin: [l, from === 0 ? t : 0, r, to === this.lines.total ? bottom : 0] };
  }

  /**
   * Height of the part holding lines `from` up to `to` (header rows included, its space below left
   * out), with the room the footnotes it refers to take at the foot of its page.
   */
  of(from: number, to: number): number {
    const { starts } = this.lines;
    let h = (from === 0 ? this.margin[1] : 0) + this.headerHeight();
    const notes = new Set<number>(from === 0 ? this.headerNotes : []);
    for (let r = this.lines.rowOf(from); r < this.lines.perRow.length && starts[r]! < to; r++) {
      const a = Math.max(from, starts[r]!);
      const z = Math.min(to, starts[r + 1]!);
      const piece = a === starts[r] && z === starts[r + 1] ? this.row(r) : this.run(a, z);
      h += piece.height;
      for (const n of piece.notes) notes.add(n);
    }
    // As if they were the page's first notes (with the rule above them): never less room than they take.
    return h + (notes.size > 0 ? (contextOf(this.b)?.footnotes?.need(-1, [...notes]) ?? 0) : 0);
  }

  private headerHeight(): number {
    if (this.header === undefined) this.measureAll();
    return this.header!;
  }

  /** Body row `r` whole (measured with the header, before any row is asked for). */
  private row(r: number): Measured {
    this.headerHeight();
    return this.rows.get(r)!;
  }

  /** Measure the header rows and every whole row, in one part of the whole table. */
  private measureAll(): void {
    const node = this.bare(0, this.lines.total);
    const headerRows = (node.table as { headerRows?: number }).headerRows ?? 0;
    const { height, rowTops, rowNotes } = measure(this.b, node);
    this.header = rowTops[headerRows] ?? height;
    // The first part's caption may refer to a footnote (a further part's does not: layout leaves it out).
    this.headerNotes = rowNotes.slice(0, headerRows).flat();
    for (let k = 0; k < this.lines.perRow.length; k++) {
      const i = headerRows + k;
      this.rows.set(k, { height: (rowTops[i + 1] ?? height) - rowTops[i]!, notes: rowNotes[i] ?? [] });
    }
  }

  /** The lines `from` up to `to` of one row, as a body row of a part. */
  private run(from: number, to: number): Measured {
    const key = `${from}:${to}`;
    let m = this.runs.get(key);
    if (m === undefined) {
      const { height, rowNotes } = measure(this.b, this.bare(from, to));
      m = { height: height - this.headerHeight(), notes: rowNotes.flat() };
      this.runs.set(key, m);
    }
    return m;
  }

  /** A part without the space around it. */
  private bare(from: number, to: number): LayoutNode {
    return { ...this.table.parts.part(this.lines.cut(from), this.lines.cut(to)), margin: [0, 0, 0, 0] };
  }
}

/** A row or run of a row's lines as measured: its height and the footnotes it refers to. */
interface Measured {
  readonly height: number;
  readonly notes: readonly number[];
}

/** Prepare a node the engine made while laying out, as pdfmake prepares the document's nodes before. */
export function prepared(b: PartsBuilder, node: LayoutNode): LaidPart {
  return b.docMeasure.measureBlock(b.docPreprocessor.preprocessBlock(node));
}

/**
 * Lay the table `node` out on a scratch page: its height (its space below left out), the height at
 * which each of its rows began (pdfmake lays each row out by processRow, after the lines and space
 * above it), and the footnotes each row refers to. Nothing of it stays in the document.
 */
function measure(b: PartsBuilder, node: LayoutNode): { height: number; rowTops: number[]; rowNotes: number[][] } {
  const w = b.writer;
  const laid = prepared(b, node);
  const listed = b.linearNodeList.length;
  const ctx = contextOf(b);
  const rowTops: number[] = [];
  const rowNotes: number[][] = [];
  const processRow = b.processRow;
  // Only the rows of the table itself (nested tables lay out theirs one level deeper).
  b.processRow = function (this: PartsBuilder, row: { rowIndex: number }) {
    if (this.nestedLevel !== 1) return processRow.call(this, row);
    rowTops[row.rowIndex] = this.writer.context().y;
    const noted = ctx?.measuredNotes.length ?? 0;
    try {
      return processRow.call(this, row);
    } finally {
      rowNotes[row.rowIndex] = ctx?.measuredNotes.splice(noted) ?? [];
    }
  };
  // Inside a transaction nothing breaks a page, and the footnotes keep no room (footnotes.ts).
  w.transactionLevel++;
  if (ctx) ctx.measuring++;
  w.pushContext(w.context().availableWidth, SCRATCH_HEIGHT);
  try {
    b.processNode(laid);
    return { height: w.context().y - (laid._margin?.[3] ?? 0), rowTops, rowNotes };
  } finally {
    w.popContext();
    w.transactionLevel--;
    if (ctx) {
      ctx.measuring--;
      ctx.measuredNotes.length = 0;
    }
    b.linearNodeList.length = listed;
    delete (b as Partial<PartsBuilder>).processRow;
  }
}
