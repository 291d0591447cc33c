// HTML text for the web edition: escaping, and the plan's inline runs as HTML. Plan text only ever
// enters HTML through `esc` (here) or a handlebars {{…}} (escaped by handlebars): never as markup.
import type { Inline } from '../model/types.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Where the footnote marks of a page point: each number's note, and a unique id per mark. */
export class FootnoteMarks {
  /** Footnote numbers in the order first met on this page. */
  readonly order: number[] = [];
  private readonly marks = new Map<number, number>();

  /** The id of the next mark of footnote `n` (the first is `fnref-n`, later ones `fnref-n-2` …). */
  mark(n: number): string {
    const count = (this.marks.get(n) ?? 0) + 1;
    this.marks.set(n, count);
    if (count === 1) this.order.push(n);
    return count === 1 ? `fnref-${n}` : `fnref-${n}-${count}`;
  }
}

/** Only web and e-mail links are ever written as links (the checks allow nothing else). */
const safeHref = (href: string): boolean => /^(https?:|mailto:)/i.test(href);

/**
 * The one place inline runs become HTML: emphasis, links and footnote marks (a link to the note,
 * which links back). Kept in one function so new inline kinds have one place to go.
 */
export function inlineHtml(content: readonly Inline[], notes: FootnoteMarks | undefined, footnoteLabel: string): string {
  return content
    .map((r) => {
      if (r.kind === 'footnote') {
        if (!notes) return `<sup>${r.number}</sup>`;
        const id = notes.mark(r.number);
        return `<sup><a href="#fn-${r.number}" id="${id}" class="fnref" aria-label="${esc(`${footnoteLabel} ${r.number}`)}">${r.number}</a></sup>`;
      }
      // Fact references are printed as text before the pages are written (buildSite → resolveFacts).
      if (r.kind === 'fact') throw new Error(`fact reference [fakta: ${r.name}] reached the web edition unresolved`);
      let html = esc(r.text);
      if (r.bold) html = `<strong>${html}</strong>`;
      if (r.italics) html = `<em>${html}</em>`;
      if (r.link && safeHref(r.link)) html = `<a href="${esc(r.link)}">${html}</a>`;
      return html;
    })
    .join('');
}

/** The plain text of inline runs (footnote marks left out): for captions, labels and alt texts. */
export function inlinePlain(content: readonly Inline[]): string {
  return content.map((r) => (r.kind === 'text' ? r.text : '')).join('');
}
