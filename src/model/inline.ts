// Inline text: the Markdown subset of plan strings (emphasis, strong, links, ^[footnotes]) → runs.
// Parsed with markdown-it with HTML off: plan text is data and never becomes markup or a template.
// A fact reference `[fakta: name]` is one more inline rule (model/facts.ts): a token, never a template.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Span } from '../core/span.js';
import { factRule } from './factSyntax.js';
import type { Inline } from './types.js';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parseInline']>[number];

const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
  .enable(['emphasis', 'link', 'escape', 'newline'])
  .use(footnote);
// Before `link`, so `[fakta: …]` is a reference and never the start of a link label.
md.inline.ruler.before('link', 'fakta', factRule);

/** Collects footnote texts in document order, numbering them 1, 2, 3 … */
export class FootnoteCounter {
  readonly notes: { number: number; content: Inline[] }[] = [];
}

/** Where the n-th fact reference (0-based, in source order) of a string is written. */
export type FactPlace = (index: number) => Span;

const NOWHERE: FactPlace = () => ({ file: '', line: 1, col: 1 });

/** Parse one plan string into inline runs; footnotes are appended to `counter`; `place` locates fact references. */
export function parseInline(text: string, counter: FootnoteCounter, place: FactPlace = NOWHERE): Inline[] {
  const env: { footnotes?: { list?: { tokens?: Token[] }[] } } = {};
  const tokens = md.parseInline(text, env)[0]?.children ?? [];
  const list = env.footnotes?.list ?? [];
  return runs(tokens, place, (id) => {
    const number = counter.notes.length + 1;
    const content = runs(list[id]?.tokens ?? [], place, () => undefined);
    counter.notes.push({ number, content });
    return number;
  });
}

function runs(tokens: readonly Token[], place: FactPlace, onFootnote: (id: number) => number | undefined): Inline[] {
  const out: Inline[] = [];
  let bold = 0;
  let italics = 0;
  let link: string | undefined;
  for (const t of tokens) {
    switch (t.type) {
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italics++; break;
      case 'em_close': italics--; break;
      case 'link_open': { const href = t.attrGet('href'); link = href === null ? undefined : String(href); break; }
      case 'link_close': link = undefined; break;
      case 'softbreak':
      case 'hardbreak':
        push(out, '\n', bold > 0, italics > 0, link);
        break;
      case 'fakta_ref': {
        const { name, index } = t.meta as { name: string; index: number };
        out.push({ kind: 'fact', name, span: place(index), bold: bold > 0, italics: italics > 0, ...(link !== undefined ? { link } : {}) });
        break;
      }
      case 'footnote_ref': {
        const n = onFootnote((t.meta as { id: number }).id);
        if (n !== undefined) out.push({ kind: 'footnote', number: n });
        break;
      }
      default:
        if (t.content) push(out, t.content, bold > 0, italics > 0, link);
    }
  }
  return out;
}

function push(out: Inline[], text: string, bold: boolean, italics: boolean, link: string | undefined): void {
  const last = out[out.length - 1];
  if (last && last.kind === 'text' && last.bold === bold && last.italics === italics && last.link === link) {
    out[out.length - 1] = { ...last, text: last.text + text };
  } else {
    out.push({ kind: 'text', text, bold, italics, ...(link !== undefined ? { link } : {}) });
  }
}

/** The plain text of inline runs (for alt text, bookmarks and checks); a fact reference as written. */
export function plainText(content: readonly Inline[]): string {
  return content.map((r) => (r.kind === 'text' ? r.text : r.kind === 'fact' ? `[fakta: ${r.name}]` : '')).join('');
}
