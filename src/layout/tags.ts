// Structure roles for the tagged PDF: the layout stage marks each pdfmake node with a `pdfTag`
// (the contract is layout/nodes.ts; emit/tagging.ts reads it), so the PDF's structure tree follows
// the document's logic.
import type { PdfTag } from './nodes.js';

export type { PdfTag } from './nodes.js';

type Node = Record<string, unknown>;

/** Mark `node` with a structure role and return it. */
export function tag<T extends object>(node: T, t: PdfTag): T {
  (node as Node).pdfTag = t;
  return node;
}

/**
 * Tag a pdfmake table: the table, its cells (TH in header rows, scoped to their column; TH in the
 * first column when `rowHeaders`), and a caption row (first row with one spanning cell) as Caption.
 * Nested tables inside cells are tagged too.
 */
export function tagTable<T extends { table: { body: unknown[][]; headerRows?: number } }>(node: T, opts: { caption?: boolean; rowHeaders?: boolean } = {}): T {
  const headerRows = node.table.headerRows ?? 0;
  tag(node, { type: 'Table' });
  node.table.body.forEach((row, r) => {
    cellsAsNodes(row);
    row.forEach((cell, c) => {
      if (cell === null || typeof cell !== 'object' || Object.keys(cell).length === 0) return; // colSpan filler
      const isCaption = opts.caption === true && r === 0;
      const t: PdfTag = isCaption
        ? { type: 'Caption' }
        : r < headerRows
          ? { type: 'TH', scope: 'Column', row: r }
          : opts.rowHeaders && c === 0
            ? { type: 'TH', scope: 'Row', row: r }
            : { type: 'TD', row: r };
      const inner = (cell as Node).table as { body: unknown[][]; headerRows?: number } | undefined;
      if (inner && Array.isArray(inner.body)) {
        // The cell is a table: wrap it, so the cell (TD) and the nested layout (Div) each carry a role.
        const { colSpan, rowSpan, fillColor, border, ...rest } = cell as Node;
        tagNestedLayout(rest as { table: { body: unknown[][] } });
        row[c] = tag({ stack: [rest], ...(colSpan !== undefined ? { colSpan } : {}), ...(rowSpan !== undefined ? { rowSpan } : {}), ...(fillColor !== undefined ? { fillColor } : {}), ...(border !== undefined ? { border } : {}) }, t);
        return;
      }
      tag(cell as object, t);
      const ul = (cell as Node).ul ?? (cell as Node).ol;
      if (Array.isArray(ul)) tagList(cell as Node);
    });
  });
  return node;
}

/**
 * A table nested in a cell only lays out the cell's parts (the målskjema's oppnå → tiltak → ansvar →
 * years): its rows read in order as divisions of the cell, not as a second data table.
 */
function tagNestedLayout(node: { table: { body: unknown[][] } }): void {
  tag(node, { type: 'Div' });
  for (const row of node.table.body) {
    cellsAsNodes(row);
    for (const cell of row) if (cell && typeof cell === 'object' && Object.keys(cell).length > 0) tag(cell, { type: 'P' });
  }
}

/** A bare string or number cell cannot carry a role: make each one a text node. */
function cellsAsNodes(row: unknown[]): void {
  row.forEach((cell, c) => {
    if (typeof cell === 'string' || typeof cell === 'number') row[c] = { text: String(cell) };
  });
}

/** Tag a pdfmake list: L with one LI per item. */
export function tagList<T extends object>(node: T): T {
  tag(node, { type: 'L' });
  const numbered = Array.isArray((node as Node).ol);
  const items = ((node as Node).ul ?? (node as Node).ol) as unknown[] | undefined;
  for (const item of items ?? []) if (item && typeof item === 'object') tag(item, { type: 'LI', numbered });
  return node;
}

/** Tag template output: text as paragraphs, tables with their cells, layout boxes as Div. */
export function tagFrame(nodes: object[]): object[] {
  for (const n of nodes as Node[]) {
    if (n.pdfTag) continue;
    if (n.table) {
      const t = n.table as { body: unknown[][]; widths?: unknown[] };
      // A one-column table is a box around content, not data.
      if ((t.widths?.length ?? t.body[0]?.length ?? 0) <= 1) {
        tag(n, { type: 'Div' });
        for (const row of t.body) for (const cell of row) if (cell && typeof cell === 'object') tagFrame([cell as object]);
      } else {
        tagTable(n as { table: { body: unknown[][] } }, { rowHeaders: true });
      }
    } else if (Array.isArray(n.stack)) {
      tag(n, { type: 'Div' });
      tagFrame(n.stack as object[]);
    } else if (Array.isArray(n.columns)) {
      tag(n, { type: 'Div' });
      tagFrame(n.columns as object[]);
    } else if (n.svg !== undefined || n.image !== undefined) {
      tag(n, { type: 'Figure', ...(typeof n.alt === 'string' ? { alt: n.alt } : {}) });
    } else if (n.text !== undefined) {
      tag(n, { type: 'P' });
    } else if (n.canvas) {
      tag(n, { type: 'Artifact' });
    }
  }
  return nodes;
}
