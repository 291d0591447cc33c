// The text column: running text (paragraphs, lists, quotes, notes, run-in headings, footnotes) is set
// right of the side column at a readable measure; headings hang into the side column; tables,
// målskjema, charts and figures keep the full width. On a landscape page the column keeps its portrait
// width, so a line never grows longer there.
import type { Block } from '../model/types.js';
import { LANDSCAPE_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH, SIDE_COLUMN, styleMargin } from './styles.js';

/** The block kinds set in the text column; every other kind uses the full text width. */
const RUNNING_TEXT: ReadonlySet<Block['kind']> = new Set(['paragraph', 'heading', 'list', 'quote', 'note', 'planliste', 'statusforklaring', 'kjelder', 'satsing']);

/** Whether a block of this kind is running text, set in the text column. */
export function inTextColumn(kind: Block['kind']): boolean {
  return RUNNING_TEXT.has(kind);
}

type Margin = readonly [number, number, number, number];

function marginOf(node: Record<string, unknown>): Margin {
  const m = node.margin;
  if (Array.isArray(m) && m.length === 4) return m as unknown as Margin;
  if (Array.isArray(m) && m.length === 2) return [m[0], m[1], m[0], m[1]] as Margin;
  if (typeof m === 'number') return [m, m, m, m];
  return typeof node.style === 'string' ? styleMargin(node.style) : [0, 0, 0, 0];
}

/**
 * Move `node` into the text column (its own margin, or its style's, kept on top). Returns the node.
 * A stack passes the side margin on to its items: pdfmake forgets a stack's side margin when columns
 * inside it break over a page (it restores the column group's width from the page), so the margin
 * must sit on the columns node itself.
 */
export function toTextColumn<T extends object>(node: T, landscape: boolean): T {
  const n = node as Record<string, unknown>;
  const [l, t, r, b] = marginOf(n);
  if (Array.isArray(n.stack) && n.text === undefined) {
    n.margin = [l, t, r, b];
    n.stack = (n.stack as object[]).map((child) => toTextColumn(child, landscape));
    return node;
  }
  const right = landscape ? LANDSCAPE_TEXT_WIDTH - PORTRAIT_TEXT_WIDTH : 0;
  n.margin = [l + SIDE_COLUMN, t, r + right, b];
  return node;
}
