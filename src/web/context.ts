// What every part of a web page needs besides the block it writes.
import type { Labels } from '../layout/labels.js';
import type { PlanDocument, VariantName } from '../model/types.js';
import type { FootnoteMarks } from './html.js';

export interface WebContext {
  readonly doc: PlanDocument;
  readonly labels: Labels;
  readonly variant: VariantName;
  /** The footnote marks of the page being written. */
  readonly notes: FootnoteMarks;
  /** Images the page refers to, written beside it: file name → bytes. */
  readonly images: Map<string, Uint8Array>;
  /** A counter for ids unique within the page (figure descriptions, captions). */
  readonly ids: { next: number };
}

/** A fresh id of the page, with a readable prefix. */
export function pageId(ctx: WebContext, prefix: string): string {
  ctx.ids.next += 1;
  return `${prefix}-${ctx.ids.next}`;
}
