// Headings kept with what follows and figures kept whole, decided while pdfmake lays out the page.
//
// pdfmake only offers a hook (pageBreakBefore) that runs after a complete layout: every «yes» costs
// a second layout of the whole document, which for a long plan is a fifth of the build. This module
// makes the same decisions up front: before a heading (keepWithNext) or a figure that must stay
// whole (keepWhole) — the keep rule of layout/nodes.ts — is placed in a vertical stack, it estimates the height
// that must share the page — the heading, any headings right after it and the first two lines of the
// following text, or the whole figure — and starts a new page when that height does not fit but would
// fit on an empty page. Heights are measured with pdfmake's own line breaking on copies of the
// measured words. Where a height cannot be estimated ahead (tables), a heading is given room for a
// few lines after it and a figure is left alone; the same rule, given to pdfmake's pageBreakBefore
// hook (keepRuleAfterLayout below), still catches what this misses, after the layout. Before a
// heading it also looks ahead to the end of the run of pages (the next forced page break): when that
// would leave only a few lines on a last page of their own, the heading starts the next page instead.
// A table laid out in parts (layout/nodes.ts PartedTable) is placed by tableParts.ts, which also
// measures the first part a heading before it must keep room for.
import { drawsBodyContent, isBodyContent, keepsWhole, keepsWithNext, type EngineFields, type PartedTable } from '../layout/nodes.js';
import { contextOf } from './engine/documentContext.js';
import type { Method } from './engine/method.js';
import { whileSet } from './patching.js';
import { firstPartNeed, layOutInParts, type PartsBuilder, type PartedNode } from './tableParts.js';

/** Lines of the following paragraph that must stay on the heading's page. */
const LINES_AFTER_HEADING = 2;
/** Height assumed for a following block whose first part cannot be measured (a table, a column group). */
const UNKNOWN_FIRST_PART = 42;
/**
 * The least a chapter (or a run of pages before the page turns) leaves on its last page: about five
 * lines of body text. Less, and the run is broken earlier, before a heading, so the last page holds more.
 */
const MIN_TAIL = 64;
/** What a page keeps at least when a heading is moved off it for a short tail: a third of it. */
const MIN_PAGE_SHARE = 1 / 3;

interface LaidNode extends EngineFields {
  stack?: LaidNode[];
  ul?: LaidNode[];
  ol?: LaidNode[];
  text?: unknown;
  svg?: unknown;
  image?: unknown;
  pageBreak?: string;
  positions: unknown[];
  _margin?: [number, number, number, number] | null;
  _inlines?: Record<string, unknown>[];
  _height?: number;
  _gapSize?: { width: number };
  estimatedHeight?: number;
  parts?: PartedTable;
}

interface Context {
  x: number;
  y: number;
  page: number;
  availableWidth: number;
  availableHeight: number;
  pageMargins: { top: number; bottom: number };
  snapshots: unknown[];
  getCurrentPage(): { pageSize: { height: number } } | null;
  addMargin(left: number, right: number): void;
}

interface Builder {
  writer: { transactionLevel: number; context(): Context; moveToNextPage(orientation?: string): void };
  nestedLevel: number;
  buildNextLine(node: { _inlines: Record<string, unknown>[] }): { getHeight(): number } | null;
  processNode(node: LaidNode): void;
}

const top = (n: LaidNode): number => n._margin?.[1] ?? 0;
const bottom = (n: LaidNode): number => n._margin?.[3] ?? 0;

/** Heights already measured, per measured word list (a new layout pass measures anew) and line width. */
const measuredHeights = new WeakMap<object, Map<string, number>>();

/**
 * Height of the first `maxLines` lines of a text node (all when undefined), broken as pdfmake will.
 * pdfmake's line breaking consumes and changes the words it is given, so it breaks copies of them:
 * for the first lines only those words that can reach those lines (copying every word of a long
 * paragraph for its first two lines was a tenth of the layout).
 */
function textHeight(b: Builder, n: LaidNode, maxLines?: number): number {
  const ctx = b.writer.context();
  const [left, , right] = n._margin ?? [0, 0, 0, 0];
  const inlines = n._inlines ?? [];
  const key = `${ctx.availableWidth - left - right} ${maxLines}`;
  let known = measuredHeights.get(inlines);
  const h = known?.get(key);
  if (h !== undefined) return h;
  ctx.addMargin(left, right);
  try {
    const width = ctx.availableWidth;
    let count = maxLines === undefined ? inlines.length : wordsWithin(inlines, maxLines * width);
    let measured = linesHeight(b, inlines, count, maxLines);
    // The copied words ran out before the lines did: the lines may have gone on with the rest.
    if (measured === undefined) measured = linesHeight(b, inlines, (count = inlines.length), maxLines)!;
    if (!known) measuredHeights.set(inlines, (known = new Map()));
    known.set(key, measured);
    return measured;
  } finally {
    ctx.addMargin(-left, -right);
  }
}

/**
 * How many of the first words can fill `width` of line length, with room to spare: twice the width,
 * four words more, and on to the end of a run of words that must not be broken apart (noNewLine).
 */
function wordsWithin(inlines: readonly Record<string, unknown>[], width: number): number {
  let sum = 0;
  let k = 0;
  while (k < inlines.length && sum <= 2 * width) sum += (inlines[k++]!.width as number | undefined) ?? 0;
  k = Math.min(inlines.length, k + 4);
  while (k < inlines.length && inlines[k - 1]!.noNewLine) k++;
  return k;
}

/**
 * Height of the first `maxLines` lines (all when undefined) broken from copies of the first `count`
 * words; undefined when `count` is short of the words and the copies ran out (the result could differ).
 */
function linesHeight(b: Builder, inlines: readonly Record<string, unknown>[], count: number, maxLines: number | undefined): number | undefined {
  const copy = { _inlines: inlines.slice(0, count).map((i) => ({ ...i })) };
  let h = 0;
  let lines = 0;
  for (let line = b.buildNextLine(copy); line && (maxLines === undefined || lines < maxLines); line = b.buildNextLine(copy)) {
    h += line.getHeight();
    lines++;
  }
  return count < inlines.length && copy._inlines.length === 0 ? undefined : h;
}

/**
 * Height of a whole block, or undefined where it cannot be estimated before layout. At the end of
 * what must fit (`atEnd`), the last bottom margin is left out: pdfmake lets it run past the page.
 */
function wholeHeight(b: Builder, n: LaidNode, atEnd = true): number | undefined {
  let inner: number | undefined;
  if (n.stack) {
    inner = 0;
    for (let i = 0; i < n.stack.length; i++) {
      const h = wholeHeight(b, n.stack[i]!, atEnd && i === n.stack.length - 1);
      if (h === undefined) return undefined;
      inner += h;
    }
  } else if (n.text !== undefined) inner = textHeight(b, n);
  else if (n.svg !== undefined || n.image !== undefined) inner = n._height;
  else if (n.estimatedHeight !== undefined) inner = n.estimatedHeight;
  else if (n.ul || n.ol) inner = listHeight(b, n);
  return inner === undefined ? undefined : top(n) + inner + (atEnd ? 0 : bottom(n));
}

/** Height of a list of text items, each broken beside its marker; undefined when an item is no plain text. */
function listHeight(b: Builder, n: LaidNode): number | undefined {
  const items = n.ul ?? n.ol ?? [];
  // The list's own side margins (a text column) and the room of its markers.
  const [left, , right] = n._margin ?? [0, 0, 0, 0];
  const gap = (n._gapSize?.width ?? 0) + left;
  const ctx = b.writer.context();
  ctx.addMargin(gap, right);
  try {
    let h = 0;
    for (const item of items) {
      if (item.text === undefined || item._inlines === undefined) return undefined;
      h += top(item) + textHeight(b, item) + bottom(item);
    }
    return h;
  } finally {
    ctx.addMargin(-gap, -right);
  }
}

/**
 * Break before the heading at `stack[i]` when the run it belongs to (up to the next forced page break)
 * would spill a few lines onto a page of their own: then the heading and the rest of the run go on
 * together. Measures ahead only as far as the page's remaining room plus MIN_TAIL.
 */
function tailTooShort(b: Builder, stack: LaidNode[], i: number, body: number): boolean {
  const ctx = b.writer.context();
  // The page left behind must not become the near-empty one.
  if (body - ctx.availableHeight < MIN_PAGE_SHARE * body) return false;
  const limit = Math.min(ctx.availableHeight + MIN_TAIL, body);
  let rest = 0;
  // The height of the run before each later heading that starts a chain (a possible break point).
  const before: number[] = [];
  for (let j = i; j < stack.length && !(j > i && stack[j]!.pageBreak === 'before'); j++) {
    if (j > i && keepsWithNext(stack[j]!) && !keepsWithNext(stack[j - 1]!)) before.push(rest);
    const h = wholeHeight(b, stack[j]!, false);
    if (h === undefined) return false;
    rest += h;
    if (rest > limit) return false;
  }
  if (!(rest > ctx.availableHeight && rest >= MIN_TAIL)) return false;
  // A later heading of the run that can take the tail (what precedes it fits here, what follows it is
  // no short tail) breaks instead, so this page keeps more of the run.
  return !before.some((h) => h <= ctx.availableHeight && rest - h >= MIN_TAIL);
}

/** Height of the part of a block that must follow a heading on its page, `before` below the heading already. */
function firstPartHeight(b: Builder, n: LaidNode, before = 0): number | undefined {
  if (n.parts) return firstPartNeed(b as unknown as PartsBuilder, n as PartedNode, before);
  if (keepsWhole(n)) return wholeHeight(b, n);
  if (n.text !== undefined) return top(n) + textHeight(b, n, LINES_AFTER_HEADING);
  if (n.svg !== undefined || n.image !== undefined) return wholeHeight(b, n);
  const first = n.stack?.[0] ?? n.ul?.[0] ?? n.ol?.[0];
  if (!first) return undefined;
  const h = firstPartHeight(b, first);
  return h === undefined ? undefined : top(n) + h;
}

/**
 * Height that must share the page with the heading at `stack[i]`: it, the headings after it, and the
 * start of what follows; `above` is the height of the headings of the same chain already on the page.
 */
function headingChainHeight(b: Builder, stack: LaidNode[], i: number, above: number): number {
  let h = 0;
  let j = i;
  for (; j < stack.length && keepsWithNext(stack[j]!); j++) h += wholeHeight(b, stack[j]!, false)!;
  const next = stack[j];
  return next ? h + (firstPartHeight(b, next, above + h) ?? UNKNOWN_FIRST_PART) : h;
}

/** Whether `b` lays out the main flow: not inside tables, column groups or unbreakable blocks. */
function inMainFlow(b: Builder): boolean {
  return b.writer.transactionLevel === 0 && b.nestedLevel === 0 && b.writer.context().snapshots.length === 0;
}

/**
 * Start a new page before `stack[i]` when it is a heading or whole figure that would not fit; true when
 * it did. A heading counts the headings right before it on this page (its chain, chainAbove).
 */
function breakIfNeeded(b: Builder, stack: LaidNode[], i: number): boolean {
  const node = stack[i]!;
  if (node.pageBreak) return false;
  const ctx = b.writer.context();
  if (!inMainFlow(b)) return false;
  const page = ctx.getCurrentPage();
  if (!page || ctx.y <= ctx.pageMargins.top) return false;
  const need = keepsWithNext(node) ? headingChainHeight(b, stack, i, chainAbove(b, stack, i)) : keepsWhole(node) ? wholeHeight(b, node) : undefined;
  const body = page.pageSize.height - ctx.pageMargins.top - ctx.pageMargins.bottom;
  const doesNotFit = need !== undefined && need > ctx.availableHeight && need <= body;
  // A heading that starts the run's last few lines takes them onto the next page with more of the run.
  if (!doesNotFit && !(keepsWithNext(node) && (i === 0 || !keepsWithNext(stack[i - 1]!)) && tailTooShort(b, stack, i, body))) return false;
  b.writer.moveToNextPage();
  return true;
}

/** Lay out `node` at the top of a fresh page: like a block pushed over by the flow, without its space above. */
function processAtPageTop(b: Builder, node: LaidNode): void {
  const margin = node._margin;
  if (!margin) return b.processNode(node);
  whileSet(node, '_margin', [margin[0], 0, margin[2], margin[3]], () => b.processNode(node));
}

/**
 * LayoutBuilder.processVerticalContainer, replaced: pdfmake's loop with the break decision before each
 * item, and tables laid out in parts placed part by part.
 */
export function keepTogether(processVerticalContainer: Method): Method {
  return function (this: Builder, node: LaidNode) {
    if (!contextOf(this)) return processVerticalContainer.call(this, node);
    const stack = node.stack!;
    for (let i = 0; i < stack.length; i++) {
      const item = stack[i]!;
      if (item.parts && inMainFlow(this)) {
        for (const p of layOutInParts(this as unknown as PartsBuilder, item as PartedNode, chainAbove(this, stack, i))) node.positions.push(p);
        continue;
      }
      const moved = breakIfNeeded(this, stack, i);
      if (moved) processAtPageTop(this, item);
      else this.processNode(item);
      for (const p of item.positions) node.positions.push(p);
    }
  };
}

/** Height of the headings and lead-ins right before `stack[i]` that stand on the current page, from their first line (0: none). */
function chainAbove(b: Builder, stack: LaidNode[], i: number): number {
  let j = i;
  while (j > 0 && keepsWithNext(stack[j - 1]!)) j--;
  if (j === i) return 0;
  const first = stack[j]!.positions[0] as { pageNumber: number; top: number } | undefined;
  const c = b.writer.context();
  if (!first || first.pageNumber !== c.page + 1) return 0;
  return c.y - first.top;
}

/** What pdfmake's pageBreakBefore hook is told about a laid-out node (a copy of some of its keys). */
export interface NodeInfo {
  readonly pageNumbers: number[];
}

/** A node of pdfmake's linear node list, as its hook reads it. */
export interface ListedNode extends Record<string, unknown> {
  nodeInfo?: NodeInfo;
  positions?: unknown[];
}

/**
 * The nodes of one trial layout as pdfmake's pageBreakBefore hook sees them: those with something
 * drawn (pdfmake's own filter, hasRenderableContent), each found by the info the hook was given. A
 * new trial gives every node a new info: the list is read again when an info is not known.
 */
export class LaidNodes {
  private index = new WeakMap<NodeInfo, number>();
  private nodes: ListedNode[] = [];

  constructor(private readonly list: () => readonly ListedNode[]) {}

  private place(info: NodeInfo): number | undefined {
    let i = this.index.get(info);
    if (i === undefined) {
      this.index = new WeakMap();
      this.nodes = this.list().filter((n) => (n.positions?.length ?? 0) > 0 && !(n.text === '' && !n.listMarker));
      this.nodes.forEach((n, k) => n.nodeInfo && this.index.set(n.nodeInfo, k));
      i = this.index.get(info);
    }
    return i;
  }

  /** The node the hook was told about. */
  nodeOf(info: NodeInfo): ListedNode | undefined {
    const i = this.place(info);
    return i === undefined ? undefined : this.nodes[i];
  }

  /**
   * pdfmake's getFollowingNodesOnPage read as far as the reader goes: the nodes after this one, to the
   * end of the document, that touch its first page (pdfmake builds the whole list for every heading).
   */
  followingOnPage(info: NodeInfo): Iterable<NodeInfo> {
    const i = this.place(info);
    const page = info.pageNumbers[0]!;
    const nodes = this.nodes;
    return {
      *[Symbol.iterator]() {
        if (i === undefined) return;
        for (let k = i + 1; k < nodes.length; k++) {
          const f = nodes[k]!.nodeInfo;
          if (f && f.pageNumbers.includes(page)) yield f;
        }
      },
    };
  }
}

/**
 * The keep rule after a trial layout, for pdfmake's pageBreakBefore hook: a heading that would end
 * a page moves to the next one, and a figure that would be split starts on a new page. The hook is
 * told only a copy of some keys of each node; `laid` finds the node itself, whose fields the rule reads.
 */
export function keepRuleAfterLayout(laid: LaidNodes): (info: NodeInfo) => boolean {
  const nodeOf = (info: NodeInfo): (EngineFields & Record<string, unknown>) | undefined => laid.nodeOf(info);
  return (info) => {
    const node = nodeOf(info);
    if (!node) return false;
    if (keepsWhole(node)) return info.pageNumbers.length > 1;
    if (!keepsWithNext(node)) return false;
    // Every node after the heading that touches its page, to the end of the document: read only as far as needed.
    const following = laid.followingOnPage(info);
    // The block after the heading must stay whole but runs over the page: it moves on, and the heading with it.
    for (const f of following) {
      const n = nodeOf(f);
      if (n === undefined || keepsWithNext(n) || !(isBodyContent(n) || keepsWhole(n))) continue;
      if (keepsWhole(n) && f.pageNumbers.length > 1) return true;
      break;
    }
    for (const f of following) {
      const n = nodeOf(f);
      // What the page really shows after the heading: a table whose rows all moved on shows nothing here.
      if (n !== undefined && drawsBodyContent(n) && f.pageNumbers[0] === info.pageNumbers[0]) return false;
    }
    return true;
  };
}
