// Small parts every block writer uses: inline text of the page, the source line, the scrolling table region.
import { label } from '../layout/labels.js';
import { esc, inlineHtml } from './html.js';
import { pageId, type WebContext } from './context.js';

/** Inline runs of the page (footnote marks numbered and linked). */
export function inl(content: Parameters<typeof inlineHtml>[0], ctx: WebContext): string {
  return inlineHtml(content, ctx.notes, label(ctx.labels, 'web_footnote_ref'));
}

/** The source line under a figure or table. */
export function sourceLine(source: string | undefined, ctx: WebContext): string {
  return source ? `<p class="source">${esc(`${label(ctx.labels, 'source')}: ${source}`)}</p>` : '';
}

/** A wide table in a region that scrolls sideways on a narrow screen (reachable by keyboard). */
export function wrap(table: string, ctx: WebContext, extraClass?: string): string {
  const id = pageId(ctx, 'tabell');
  return `<div class="table-wrap${extraClass ? ` ${extraClass}` : ''}" role="region" tabindex="0" aria-labelledby="${id}">${table.replace('<caption>', `<caption id="${id}">`)}</div>`;
}

