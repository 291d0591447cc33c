// A table laid out in parts, one per page (layout/nodes.ts PartedTable: the målskjema). Input: a parted
// table node where the main flow has reached it. Output: its parts laid out, each on a page of its own.
// The parts this page could hold are measured as drawn (partHeights.ts), and the split rule (nodes.ts)
// chooses where this page's part ends: a table of up to KEEP_WHOLE_TABLE_ROWS printed lines that fits
// an empty page (below the heading and lead-ins that move on with it) is kept whole; any other leaves
// at least MIN_TABLE_ROWS_PER_PAGE lines on every page it runs over; it breaks between rows where the
// next row fits a page whole, and splits a row only where it must (the row is taller than a page, or
// too few lines stand before it), keeping ROW_PART_LINES of it on each side; the rest goes on at the
// top of the next page. The same rule gives the room a heading needs below it (firstPartNeed), so a
// heading and its lead-ins move on with the table's first part.
import { KEEP_WHOLE_TABLE_ROWS, MIN_TABLE_ROWS_PER_PAGE, type PdfTag } from '../layout/nodes.js';
import { contextOf } from './engine/documentContext.js';
import { oneElement } from './tagging.js';
import { Parts, prepared, type Lines, type PartedNode, type PartsBuilder, type ScratchWriter } from './partHeights.js';

export type { PartedNode, PartsBuilder } from './partHeights.js';

/** What a measured part may lack of the room it is given, against rounding. */
const ROOM_SLACK = 0.5;
/** Lines a row split over two pages keeps at least on each (besides the table's own minimum per page). */
const ROW_PART_LINES = 2;

/** Where a page's part ends, as a line index; 'none': nothing of the table on this page. */
type Choice = number | 'none';

/** What the choice of one page's part depends on. */
interface Page {
  /** Room left on the page. */
  readonly room: number;
  /** Room on an empty page. */
  readonly body: number;
  /** Room the table's first part has on an empty page, below what moves on with it (a heading and its lead-ins). */
  readonly fresh: number;
  /** The part must begin here: at the top of a page, or below a heading that stays on this page. */
  readonly mustStart: boolean;
}

/** Lines of a row that each of its two parts keeps at least, where it is split: two (one of a row of two or three). */
const rowMinimum = (lines: number): number => Math.min(ROW_PART_LINES, Math.floor(lines / 2));

/** The largest line index in (from, to] whose part fits `room` (heights grow with the part), or undefined. */
function largestFitting(h: Parts, from: number, to: number, room: number): number | undefined {
  const { starts } = h.lines;
  const fits = (a: number): boolean => h.of(from, a) <= room - ROOM_SLACK;
  // Whole rows first (measured together), then the lines of the row where the room runs out.
  let lo = from;
  for (let r = h.lines.rowOf(from) + 1; r < starts.length && starts[r]! <= to && fits(starts[r]!); r++) lo = starts[r]!;
  let hi = Math.min(to, starts[h.lines.rowOf(lo) + 1] ?? to);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo > from ? lo : undefined;
}

/** Whether this page's part may end at line `a` (from `from`): it leaves enough lines here and on the next page, and enough of a row it splits on each. */
function allowed(lines: Lines, from: number, a: number): boolean {
  const end = lines.total;
  if (a - from < MIN_TABLE_ROWS_PER_PAGE || end - a < MIN_TABLE_ROWS_PER_PAGE) return false;
  if (lines.isRowStart(a)) return true;
  const r = lines.rowOf(a);
  const min = rowMinimum(lines.perRow[r]!);
  return min > 0 && a - Math.max(from, lines.starts[r]!) >= min && lines.starts[r + 1]! - a >= min;
}

/** Whether the part from line `from` is a short table that moves on whole: it fits an empty page (with what moves on with it). */
function keptWhole(h: Parts, from: number, page: Page): boolean {
  const end = h.lines.total;
  return end - from <= KEEP_WHOLE_TABLE_ROWS && h.of(from, end) <= (from === 0 ? page.fresh : page.body) - ROOM_SLACK;
}

/** The split rule: where this page's part of the table, from line `from` on, ends. */
function choose(h: Parts, from: number, page: Page): Choice {
  const { lines } = h;
  const end = lines.total;
  const roomFrom = (a: number): number => (a === 0 ? page.fresh : page.body);
  if (h.of(from, end) <= page.room - ROOM_SLACK) return end;
  if (!page.mustStart && keptWhole(h, from, page)) return 'none';
  const fits = largestFitting(h, from, end - 1, page.room);
  if (fits === undefined) return page.mustStart ? from + 1 : 'none';
  let between: number | undefined;
  let inside: number | undefined;
  for (let a = fits; a > from && (between === undefined || inside === undefined); a--) {
    if (!allowed(lines, from, a)) continue;
    if (lines.isRowStart(a)) between ??= a;
    else inside ??= a;
  }
  // A whole row moves on rather than being split, where it fits a page whole.
  const fitsWhole = (r: number): boolean => h.of(lines.starts[r]!, lines.starts[r + 1]!) <= roomFrom(lines.starts[r]!) - ROOM_SLACK;
  if (between !== undefined) {
    const next = lines.rowOf(between);
    return inside !== undefined && inside > between && !fitsWhole(next) ? inside : between;
  }
  if (inside !== undefined) {
    // Too few lines before the row to leave here: the table moves on, where the row then need not be split.
    const r = lines.rowOf(inside);
    const next = lines.starts[r + 1]!;
    return !page.mustStart && lines.starts[r]! >= from && h.of(from, next) <= roomFrom(from) - ROOM_SLACK ? 'none' : inside;
  }
  return page.mustStart ? fits : 'none';
}

/** The table's parts, measured once per document (a heading before it asks for them too): kept in the document's context. */
function partsOf(b: PartsBuilder, node: PartedNode): Parts {
  const kept = contextOf(b)?.tableParts;
  let parts = kept?.get(node) as Parts | undefined;
  if (!parts) {
    parts = new Parts(b, node);
    kept?.set(node, parts);
  }
  return parts;
}

interface Writer extends ScratchWriter {
  context(): { y: number; availableWidth: number; availableHeight: number; page: number; pageMargins: { top: number; bottom: number }; getCurrentPage(): { pageSize: { height: number } } | null };
  moveToNextPage(orientation?: string): void;
}

/** Room on an empty page of the current page's size. */
function bodyHeight(w: Writer): number {
  const c = w.context();
  const page = c.getCurrentPage();
  return page ? page.pageSize.height - c.pageMargins.top - c.pageMargins.bottom : c.availableHeight;
}

/**
 * The height a heading needs below it for the table's first part to begin on its page, `before`
 * being what already stands between them (lead-ins kept with the table): the least first part the
 * split rule would place.
 */
export function firstPartNeed(b: PartsBuilder, node: PartedNode, before: number): number {
  const h = partsOf(b, node);
  const body = bodyHeight(b.writer as Writer);
  const page = (room: number): Page => ({ room, body, fresh: body - before, mustStart: false });
  const end = h.lines.total;
  if (keptWhole(h, 0, page(0))) return h.of(0, end) + ROOM_SLACK;
  // The least room the rule places a part in: that of the shortest part it may end with.
  for (let a = 1; a < end; a++) {
    if (!allowed(h.lines, 0, a)) continue;
    const need = h.of(0, a) + ROOM_SLACK;
    if (choose(h, 0, page(need)) !== 'none') return need;
  }
  return h.of(0, end) + ROOM_SLACK;
}

/**
 * Lay the table out in parts: each page's part as the split rule chooses, the rest at the top of the
 * next page. `chain` is the height of what stands above the table on this page and moves on with it
 * (a heading and its lead-ins), 0 when nothing does. Returns the parts' positions.
 */
export function layOutInParts(b: PartsBuilder, node: PartedNode, chain: number): unknown[] {
  const w = b.writer as Writer;
  const h = partsOf(b, node);
  const end = h.lines.total;
  const positions: unknown[] = [];
  // The parts are read as one table (layout/nodes.ts PartedTable).
  const asOne = oneElement(b);
  let from = 0;
  while (from < end) {
    const body = bodyHeight(w);
    const c = w.context();
    const atTop = c.y <= c.pageMargins.top + 0.01;
    const choice = choose(h, from, { room: c.availableHeight, body, fresh: body - chain, mustStart: atTop || (from === 0 && chain > 0) });
    if (choice === 'none') {
      w.moveToNextPage();
      chain = 0;
      continue;
    }
    const part = prepared(b, h.build(from, choice));
    const page = c.page;
    asOne(part as { pdfTag?: PdfTag }, () => b.processNode(part));
    positions.push(...part.positions);
    from = choice;
    chain = 0;
    // The rest starts the next page (unless the space below the part took it there already).
    if (from < end && w.context().page === page) w.moveToNextPage();
  }
  return positions;
}
