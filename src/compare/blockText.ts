// The text of model blocks and cells, as compared and shown in the endringsoversikt.
import type { Block, Cell, Inline } from '../model/types.js';

/** The plain text of inline content; a footnote mark shows as [n], a fact reference as written. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'fact' ? `[fakta: ${i.name}]` : `[${i.number}]`)).join('');
}

/** A table cell as text. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return inlineText(cell.content);
    case 'list':
      return cell.items.map(inlineText).join('; ');
    case 'number':
      return String(cell.value);
    case 'empty':
      return '';
  }
}

/** The text of a block: its words for text blocks, its caption (or title) for the others. */
export function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
    case 'note':
      return inlineText(b.content);
    case 'quote':
      return inlineText(b.content) + (b.source ? ` (${b.source})` : '');
    case 'heading':
      return b.text;
    case 'list':
      return b.items.map(inlineText).join('\n');
    case 'satsing':
      return b.title ?? b.id;
    case 'fakta':
      return b.caption ?? b.rows.map((r) => r.label).join(', ');
    case 'malskjema':
      return b.malskjema.hovudmal ? inlineText(b.malskjema.hovudmal.tekst) : '';
    case 'planliste':
    case 'statusforklaring':
    case 'kjelder':
      return '';
    default:
      return b.caption;
  }
}

/** Whether a block is compared word by word (its text is what it is). */
export function isTextBlock(b: Block): boolean {
  return b.kind === 'paragraph' || b.kind === 'note' || b.kind === 'quote' || b.kind === 'heading' || b.kind === 'list';
}

/** The id a block is matched by across versions, when it has one. */
export function blockId(b: Block): string | undefined {
  if ('id' in b && typeof b.id === 'string') return b.id;
  if (b.kind === 'malskjema') return `malskjema-${b.malskjema.hovudmal?.nummer ?? b.malskjema.span.file}`;
  if (b.kind === 'planliste' || b.kind === 'statusforklaring' || b.kind === 'kjelder') return b.kind;
  return undefined;
}

/** Everything a block holds apart from its place in the source, for telling whether it changed. */
export function blockContent(b: Block): string {
  return JSON.stringify(b, (key, value: unknown) => {
    // Places in the source (spans, file paths) differ between two folders of the same text.
    if (key === 'span' || key.endsWith('Span') || key.endsWith('Spans') || key === 'written' || key === 'absPath') return undefined;
    if (value instanceof Map) return [...(value as Map<unknown, unknown>).entries()];
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    return value;
  });
}
