// Tagged PDF: pdfmake lays out and draws content but writes no logical structure. This module
// extends pdfmake's rendering so every drawn item is marked: content of a layout node that carries
// a `pdfTag` (heading, paragraph, list, table cell, figure …) becomes marked content of a structure
// element in the document's structure tree, in reading order; running headers, footers, repeated
// table header rows, decorative rules and fills, and watermarks become artifacts.
//
// pdfmake has no hooks for this, so some of its internal methods are wrapped — each listed in
// engine/registry.ts: LayoutBuilder.processNode (which node is being laid out), ElementWriter.add*
// (remember that node on each drawn item), PageElementWriter.moveToNextPage (repeated header rows
// are pagination artifacts) and Renderer.render* (wrap each item in marked content while drawing).
// What they remember lives in the document's context (engine/documentContext.ts); the wrappers
// change nothing for a document without one, and draw no structure unless it is `tagged: true`.
import { contextOf, hold, type EngineDocument, type Frame, type PdfaProblem } from './engine/documentContext.js';
import type { Method } from './engine/method.js';

interface Tagged {
  _tag?: Frame;
  _artifact?: string;
  /** A numbered list's marker («1.», «a)»): the item's label. */
  _label?: boolean;
  x?: number;
}

/** Structure types that take content directly; their descendants' content goes to them. */
const CONTENT_OWNERS = new Set(['Figure', 'Formula']);

interface StructElement {
  add(child: unknown): void;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}

interface PdfKitDoc {
  options: { tagged?: boolean };
  _currentStructureElement?: StructElement;
  text(...args: unknown[]): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): unknown;
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(el: StructElement): void;
  markContent(tag: string, options?: Record<string, unknown> | null): void;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): void;
}

/** The id of the plan block the innermost node around `frame` was laid out from, if any. */
function blockOf(frame: Frame | undefined): string | undefined {
  for (let f = frame; f; f = f.parent) if (f.tag.blockId !== undefined) return f.tag.blockId;
  return undefined;
}

/** Builds the structure tree while the renderer draws, one element per laid-out tagged node. */
class TagState {
  private readonly root: StructElement;
  private readonly elements = new Map<Frame, StructElement>();
  private readonly rows = new Map<string, StructElement>();
  private readonly rowKeys = new Map<Frame, number>();
  private readonly sections = new Map<string, StructElement>();
  private readonly listParts = new Map<Frame, { lbl?: StructElement; body: StructElement }>();

  /** Why the file could not meet PDF/A-2a (empty when it does). */
  readonly problems: PdfaProblem[] = [];

  constructor(private readonly doc: PdfKitDoc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private element(frame: Frame): StructElement {
    const known = this.elements.get(frame);
    if (known) return known;
    const parent = frame.parent ? this.element(frame.parent) : this.root;
    const el = this.doc.struct(frame.tag.type, {
      ...(frame.tag.alt ? { alt: frame.tag.alt } : {}),
      ...(frame.tag.scope ? { scope: frame.tag.scope } : {}),
    });
    let container = parent;
    if (frame.tag.row !== undefined && frame.parent) {
      // Cells of one row share a TR element under their table.
      const tableKey = this.rowKeys.get(frame.parent) ?? this.rowKeys.set(frame.parent, this.rowKeys.size).get(frame.parent)!;
      const key = `${tableKey}:${frame.tag.row}`;
      let tr = this.rows.get(key);
      if (!tr && frame.tag.rowType === 'TOCI') {
        tr = this.doc.struct('TOCI');
        parent.add(tr);
        this.rows.set(key, tr);
      }
      if (!tr) {
        // Header rows (column headers) go in THead, the rest in TBody.
        const section = frame.tag.type === 'TH' && frame.tag.scope === 'Column' ? 'THead' : 'TBody';
        const sectionKey = `${tableKey}:${section}`;
        let group = this.sections.get(sectionKey);
        if (!group) {
          group = this.doc.struct(section);
          parent.add(group);
          this.sections.set(sectionKey, group);
        }
        tr = this.doc.struct('TR');
        group.add(tr);
        this.rows.set(key, tr);
      }
      container = tr;
    }
    container.add(el);
    this.elements.set(frame, el);
    return el;
  }

  /** The frame whose element owns content drawn inside `frame` (a figure owns all inside it). */
  private owner(frame: Frame): Frame {
    let owner = frame;
    for (let f: Frame | undefined = frame; f; f = f.parent) if (CONTENT_OWNERS.has(f.tag.type)) owner = f;
    return owner;
  }

  private isArtifact(frame: Frame | undefined): boolean {
    for (let f = frame; f; f = f.parent) if (f.tag.type === 'Artifact') return true;
    return false;
  }

  private inFigure(frame: Frame | undefined): boolean {
    for (let f = frame; f; f = f.parent) if (CONTENT_OWNERS.has(f.tag.type)) return true;
    return false;
  }

  /** The element whose content is open now (undefined inside an artifact). */
  private open: StructElement | undefined;
  private lastLink: { owner: StructElement; target: unknown; link: StructElement } | undefined;

  /**
   * Inside open text content: close it, open a Link element's content (annotations made now are
   * attached to it by pdfkit), and return a function that closes the link and reopens the text.
   */
  beginLink(target: unknown): (() => void) | undefined {
    const owner = this.open;
    if (!owner) return undefined;
    this.doc.endMarkedContent();
    // pdfmake draws a link word by word: consecutive pieces with the same target share one Link.
    const same = this.lastLink && this.lastLink.owner === owner && this.lastLink.target === target;
    const link = same ? this.lastLink!.link : this.doc.struct('Link');
    if (!same) owner.add(link);
    this.lastLink = { owner, target, link };
    link.add(this.doc.markStructureContent('Link'));
    const prev = this.doc._currentStructureElement;
    this.doc._currentStructureElement = link;
    return () => {
      this.doc._currentStructureElement = prev;
      this.doc.endMarkedContent();
      owner.add(this.doc.markStructureContent(String(owner.dictionary.data.S)));
    };
  }

  /** Open marked content for one drawn item. */
  begin(item: Tagged, kind: 'text' | 'vector' | 'image'): void {
    this.open = undefined;
    if (kind === 'text') this.lastLink = undefined;
    const frame = item._tag;
    const decorative = kind === 'vector' && !this.inFigure(frame);
    if (item._artifact || decorative || this.isArtifact(frame) || (!frame && kind !== 'text')) {
      this.doc.markContent('Artifact', { type: item._artifact ?? 'Layout' });
      return;
    }
    if (kind === 'image') {
      const fig = frame ? this.owner(frame) : undefined;
      const blockId = blockOf(frame);
      const at = blockId === undefined ? {} : { blockId };
      if (!fig || fig.tag.type !== 'Figure') this.problems.push({ reason: 'a picture or chart is not inside a Figure', ...at });
      else if (!fig.tag.alt?.trim()) this.problems.push({ reason: 'a Figure has no alternative text', ...at });
    }
    // Text outside any tagged node (rare: generated lines) is a paragraph of its own.
    let el = frame ? this.element(this.owner(frame)) : this.paragraph();
    if (frame && this.owner(frame) === frame && frame.tag.type === 'LI') el = this.listPart(frame, el, item._label === true);
    const type = String(el.dictionary.data.S);
    el.add(this.doc.markStructureContent(type));
    this.open = el;
  }

  end(): void {
    this.doc.endMarkedContent();
  }

  /** A list item's label (numbered lists) and body, created in reading order: Lbl, then LBody. */
  private listPart(frame: Frame, li: StructElement, label: boolean): StructElement {
    let parts = this.listParts.get(frame);
    if (!parts) {
      const lbl = frame.tag.numbered ? this.doc.struct('Lbl') : undefined;
      if (lbl) li.add(lbl);
      const body = this.doc.struct('LBody');
      li.add(body);
      parts = { ...(lbl ? { lbl } : {}), body };
      this.listParts.set(frame, parts);
    }
    return label && parts.lbl ? parts.lbl : parts.body;
  }

  private paragraph(): StructElement {
    const p = this.doc.struct('P');
    this.root.add(p);
    return p;
  }

  finish(): void {
    this.root.end();
  }
}


interface BuilderLike {
  writer?: unknown;
}

/** LayoutBuilder.processNode: the tagged node being laid out is the frame of what it adds. */
export function trackTaggedNode(processNode: Method): Method {
  return function (this: BuilderLike, node: { pdfTag?: import('../layout/nodes.js').PdfTag }, ...rest: unknown[]) {
    const ctx = contextOf(this);
    if (!ctx) return processNode.call(this, node, ...rest);
    hold(this.writer, ctx);
    if (!node?.pdfTag) return processNode.call(this, node, ...rest);
    const prev = ctx.frame;
    ctx.frame = { tag: node.pdfTag, parent: prev };
    try {
      return processNode.call(this, node, ...rest);
    } finally {
      ctx.frame = prev;
    }
  };
}

/**
 * Lay out several nodes as one structure element (a table laid out in parts, tableParts.ts): the first
 * node's role opens one frame, and every node laid out through the returned function draws into it.
 */
export function oneElement(holder: unknown): (node: { pdfTag?: import('../layout/nodes.js').PdfTag }, layOut: () => void) => void {
  const ctx = contextOf(holder);
  let frame: Frame | undefined;
  return (node, layOut) => {
    const tag = node.pdfTag;
    if (!ctx || !tag) return layOut();
    frame ??= { tag, parent: ctx.frame };
    const prev = ctx.frame;
    // processNode would open a frame of its own for the node's role.
    delete node.pdfTag;
    ctx.frame = frame;
    try {
      layOut();
    } finally {
      ctx.frame = prev;
      node.pdfTag = tag;
    }
  };
}

/** ElementWriter.addLine/addImage/addSVG/addVector: each drawn item remembers its node's frame. */
export function rememberFrame(method: string): (orig: Method) => Method {
  return (orig) =>
    function (this: unknown, item: Tagged, ...rest: unknown[]) {
      const ctx = contextOf(this);
      if (!ctx) return orig.call(this, item, ...rest);
      // An image or SVG item is the layout node itself, laid out again on every layout pass: its frame is
      // the one of this pass (a frame kept from an earlier pass would give it a structure parent of its own).
      if (item && ctx.frame && (item._tag === undefined || method === 'addImage' || method === 'addSVG')) item._tag = ctx.frame;
      // pdfmake places a numbered list's marker line left of the item (negative x) before adding it.
      if (method === 'addLine' && item && (item.x ?? 0) < 0) item._label = true;
      return orig.call(this, item, ...rest);
    };
}

/** LayoutBuilder.processToc: the table of contents is a table pdfmake builds itself; each row becomes a TOCI entry. */
export function tagTocRows(processToc: Method): Method {
  return function (this: unknown, node: { toc: { _table?: { table: { body: Record<string, unknown>[][] } } } }, ...rest: unknown[]) {
    if (contextOf(this)) {
      node.toc._table?.table.body.forEach((row, r) => {
        for (const cell of row) if (cell && typeof cell === 'object') cell.pdfTag = { type: 'P', row: r, rowType: 'TOCI' };
      });
    }
    return processToc.call(this, node, ...rest);
  };
}

/** ElementWriter.addFragment: fragments added while moving to a new page are repeated header rows. */
export function markRepeatedRows(addFragment: Method): Method {
  return function (this: { context(): { getCurrentPage(): { items: { item: Tagged }[] } } }, ...args: unknown[]) {
    const ctx = contextOf(this);
    if (!ctx) return addFragment.apply(this, args);
    const page = this.context().getCurrentPage();
    const before = page ? page.items.length : 0;
    const result = addFragment.apply(this, args);
    if (ctx.repeating > 0 && page) for (const entry of page.items.slice(before)) entry.item._artifact = 'Pagination';
    return result;
  };
}

/** PageElementWriter.moveToNextPage: header rows repeated on a new page are copies, artifacts, not a second header. */
export function countPageMoves(moveToNextPage: Method): Method {
  return function (this: unknown, ...args: unknown[]) {
    const ctx = contextOf(this);
    if (!ctx) return moveToNextPage.apply(this, args);
    ctx.repeating++;
    try {
      return moveToNextPage.apply(this, args);
    } finally {
      ctx.repeating--;
    }
  };
}

interface RendererLike {
  pdfDocument: PdfKitDoc;
}

const tagsOf = (r: RendererLike): TagState | undefined => contextOf(r.pdfDocument)?.tags as TagState | undefined;

/** Renderer.renderPages: build the structure tree while the pages are drawn. */
export function buildStructureTree(renderPages: Method): Method {
  return function (this: RendererLike, pages: unknown) {
    const ctx: EngineDocument | undefined = contextOf(this.pdfDocument);
    if (!ctx || !this.pdfDocument.options.tagged) return renderPages.call(this, pages);
    const tags = new TagState(this.pdfDocument);
    ctx.tags = tags;
    try {
      renderPages.call(this, pages);
      tags.finish();
      ctx.problems = [...new Map(tags.problems.map((p) => [`${p.blockId ?? ''}\n${p.reason}`, p])).values()];
    } finally {
      ctx.tags = undefined;
    }
  };
}

/** Renderer.render*: wrap the drawn item in marked content of its element, or in an artifact. */
export function markDrawnItem(kind: 'text' | 'vector' | 'image', itemOf: (args: unknown[]) => Tagged): (orig: Method) => Method {
  return (orig) =>
    function (this: RendererLike, ...args: unknown[]) {
      const tags = tagsOf(this);
      if (!tags) return orig.apply(this, args);
      tags.begin(itemOf(args), kind);
      try {
        return orig.apply(this, args);
      } finally {
        tags.end();
      }
    };
}

/** Renderer.renderLine: each linked piece of text becomes a Link element holding its annotation. */
export function tagLinks(renderLine: Method): Method {
  return function (this: RendererLike, line: { inlines?: { link?: unknown; linkToDestination?: unknown }[] }, ...rest: unknown[]) {
    const tags = tagsOf(this);
    if (!tags || !line.inlines?.some((i) => i.link || i.linkToDestination)) return renderLine.call(this, line, ...rest);
    const doc = this.pdfDocument;
    doc.text = function (this: PdfKitDoc, ...args: unknown[]) {
      const options = args[3] as { link?: unknown; goTo?: unknown } | undefined;
      const target = options?.link ?? options?.goTo;
      const close = target ? tags.beginLink(target) : undefined;
      try {
        return Object.getPrototypeOf(doc).text.apply(this, args);
      } finally {
        close?.();
      }
    };
    doc.goTo = function (this: PdfKitDoc, x: number, y: number, w: number, h: number, name: string, options: Record<string, unknown> = {}) {
      const el = doc._currentStructureElement;
      const structParent = el && el.dictionary.data.S === 'Link' ? { structParent: el } : {};
      return Object.getPrototypeOf(doc).goTo.call(this, x, y, w, h, name, { ...options, ...structParent });
    };
    try {
      return renderLine.call(this, line, ...rest);
    } finally {
      delete (doc as Partial<PdfKitDoc>).text;
      delete (doc as Partial<PdfKitDoc>).goTo;
    }
  };
}

/** Arguments → the drawn item, for markDrawnItem. */
export const firstArgument = (a: unknown[]): Tagged => a[0] as Tagged;
/** The watermark is drawn once per page, a pagination artifact. */
export const watermarkItem = (): Tagged => ({ _artifact: 'Pagination' });
