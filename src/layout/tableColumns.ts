// Which columns of a table are printed, and which hold numbers — one decision for the PDF and the web edition.
import type { Cell, TableBlock } from '../model/types.js';

const isEmptyCell = (c: Cell | undefined): boolean =>
  c === undefined || c.kind === 'empty' || (c.kind === 'text' && c.content.every((r) => r.kind === 'text' && r.text.trim() === ''));

const linesOf = (t: TableBlock): readonly (readonly Cell[])[] => [...t.rows, ...(t.totalsRow ? [t.totalsRow] : [])];

/** A column empty in every row (and the totals row) says nothing: it is left out of the printed table. */
export function shownColumns(t: TableBlock): number[] {
  const all = t.header.map((_, i) => i);
  const lines = linesOf(t);
  const shown = all.filter((i) => lines.length === 0 || !lines.every((r) => isEmptyCell(r[i])));
  return shown.length > 0 ? shown : all;
}

/** A column whose filled body cells are all numbers: its header is aligned right, over the figures. */
export function isNumberColumn(t: TableBlock, i: number): boolean {
  const filled = t.rows.map((r) => r[i]).filter((c) => !isEmptyCell(c));
  return filled.length > 0 && filled.every((c) => c!.kind === 'number');
}

/** A row's cells in the printed columns `cols` (a missing cell is empty). */
export const shownCells = (cols: readonly number[], row: readonly Cell[]): Cell[] => cols.map((i) => row[i] ?? { kind: 'empty' });
