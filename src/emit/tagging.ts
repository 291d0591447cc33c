// Tagged PDF: pdfmake lays out and draws content but writes no logical structure. This module
// extends pdfmake's rendering so every drawn item is marked: content of a layout node that carries
// a `pdfTag` (heading, paragraph, list, table cell, figure …) becomes marked content of a structure
// element in the document's structure tree, in reading order; running headers, footers, repeated
// table header rows, decorative rules and fills, and watermarks become artifacts.
//
// pdfmake has no hooks for this, so four of its internal methods are wrapped (once per process):
// LayoutBuilder.processNode (which node is being laid out), ElementWriter.add* (remember that node
// on each drawn item), PageElementWriter.moveToNextPage (repeated header rows are pagination
// artifacts) and Renderer.render* (wrap each item in marked content while drawing). The wrappers
// change nothing unless the document is created with `tagged: true`.
import { createRequire } from 'node:module';
import type { PdfTag } from '../layout/tags.js';
import { once } from './patching.js';

const require = createRequire(import.meta.url);


interface Frame {
  readonly tag: PdfTag;
  readonly parent: Frame | undefined;
}

interface Tagged {
  _tag?: Frame;
  _artifact?: string;
  /** A numbered list's marker («1.», «a)»): the item's label. */
  _label?: boolean;
  x?: number;
}

/** Structure types that take content directly; their descendants' content goes to them. */
const CONTENT_OWNERS = new Set(['Figure', 'Formula']);

let current: Frame | undefined;
let inRepeatable = 0;

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

/** Builds the structure tree while the renderer draws, one element per laid-out tagged node. */
class TagState {
  private readonly root: StructElement;
  private readonly elements = new Map<Frame, StructElement>();
  private readonly rows = new Map<string, StructElement>();
  private readonly rowKeys = new Map<Frame, number>();
  private readonly sections = new Map<string, StructElement>();
  private readonly listParts = new Map<Frame, { lbl?: StructElement; body: StructElement }>();

  /** Why the file could not meet PDF/A-2a (empty when it does). */
  readonly problems: string[] = [];

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
      if (!fig || fig.tag.type !== 'Figure') this.problems.push('a picture or chart is not inside a Figure');
      else if (!fig.tag.alt) this.problems.push('a Figure has no alternative text');
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

/** Install the wrappers on pdfmake's classes (once per process). */
export const installTagging = once(() => {
  const LayoutBuilder = require('pdfmake/js/LayoutBuilder.js').default;
  const ElementWriter = require('pdfmake/js/ElementWriter.js').default;
  const PageElementWriter = require('pdfmake/js/PageElementWriter.js').default;
  const Renderer = require('pdfmake/js/Renderer.js').default;

  const processNode = LayoutBuilder.prototype.processNode;
  LayoutBuilder.prototype.processNode = function (this: unknown, node: { pdfTag?: PdfTag }, ...rest: unknown[]) {
    if (!node?.pdfTag) return processNode.call(this, node, ...rest);
    const prev = current;
    current = { tag: node.pdfTag, parent: prev };
    try {
      return processNode.call(this, node, ...rest);
    } finally {
      current = prev;
    }
  };

  for (const method of ['addLine', 'addImage', 'addSVG', 'addVector']) {
    const orig = ElementWriter.prototype[method];
    ElementWriter.prototype[method] = function (this: unknown, item: Tagged, ...rest: unknown[]) {
      if (item && current && item._tag === undefined) item._tag = current;
      // pdfmake places a numbered list's marker line left of the item (negative x) before adding it.
      if (method === 'addLine' && item && (item.x ?? 0) < 0) item._label = true;
      return orig.call(this, item, ...rest);
    };
  }

  // The table of contents is a table pdfmake builds itself: each row becomes a TOCI entry.
  const processToc = LayoutBuilder.prototype.processToc;
  LayoutBuilder.prototype.processToc = function (this: unknown, node: { toc: { _table?: { table: { body: Record<string, unknown>[][] } } } }, ...rest: unknown[]) {
    node.toc._table?.table.body.forEach((row, r) => {
      for (const cell of row) if (cell && typeof cell === 'object') cell.pdfTag = { type: 'P', row: r, rowType: 'TOCI' };
    });
    return processToc.call(this, node, ...rest);
  };

  const addFragment = ElementWriter.prototype.addFragment;
  ElementWriter.prototype.addFragment = function (this: { context(): { getCurrentPage(): { items: { item: Tagged }[] } } }, ...args: unknown[]) {
    const page = this.context().getCurrentPage();
    const before = page ? page.items.length : 0;
    const result = addFragment.apply(this, args);
    if (inRepeatable > 0 && page) for (const entry of page.items.slice(before)) entry.item._artifact = 'Pagination';
    return result;
  };

  const moveToNextPage = PageElementWriter.prototype.moveToNextPage;
  PageElementWriter.prototype.moveToNextPage = function (this: unknown, ...args: unknown[]) {
    // Header rows repeated on a new page are copies: artifacts, not a second header.
    inRepeatable++;
    try {
      return moveToNextPage.apply(this, args);
    } finally {
      inRepeatable--;
    }
  };

  const renderPages = Renderer.prototype.renderPages;
  Renderer.prototype.renderPages = function (this: { pdfDocument: PdfKitDoc & { tagProblems?: string[] }; _tags?: TagState }, pages: unknown) {
    if (!this.pdfDocument.options.tagged) return renderPages.call(this, pages);
    this._tags = new TagState(this.pdfDocument);
    renderPages.call(this, pages);
    this._tags.finish();
    this.pdfDocument.tagProblems = [...new Set(this._tags.problems)];
    this._tags = undefined;
  };

  const wrap = (method: string, kind: 'text' | 'vector' | 'image', itemOf: (args: unknown[]) => Tagged): void => {
    const orig = Renderer.prototype[method];
    Renderer.prototype[method] = function (this: { _tags?: TagState }, ...args: unknown[]) {
      const tags = this._tags;
      if (!tags) return orig.apply(this, args);
      tags.begin(itemOf(args), kind);
      try {
        return orig.apply(this, args);
      } finally {
        tags.end();
      }
    };
  };
  wrap('renderLine', 'text', (a) => a[0] as Tagged);
  // Links inside a line: each linked piece of text becomes a Link element holding its annotation.
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (this: { _tags?: TagState; pdfDocument: PdfKitDoc }, line: { inlines?: { link?: unknown; linkToDestination?: unknown }[] }, ...rest: unknown[]) {
    const tags = this._tags;
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
  wrap('renderVector', 'vector', (a) => a[0] as Tagged);
  wrap('renderImage', 'image', (a) => a[0] as Tagged);
  wrap('renderSVG', 'image', (a) => a[0] as Tagged);
  wrap('renderWatermark', 'vector', () => ({ _artifact: 'Pagination' }));
});
