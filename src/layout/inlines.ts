// Inline runs from the model → pdfmake text fragments (bold, italics, links, footnote marks).
import type { Inline } from '../model/types.js';

/** pdfmake inline text fragments; `seen` collects footnote numbers in reading order. */
export function inlineText(content: readonly Inline[], seen?: number[]): object[] {
  return content.map((r) => {
    if (r.kind === 'footnote') {
      seen?.push(r.number);
      return { text: String(r.number), sup: true };
    }
    // Fact references are printed as their values before layout (layout/facts.ts); one left is shown as written.
    if (r.kind === 'fact') return { text: `[fakta: ${r.name}]` };
    return {
      text: r.text,
      ...(r.bold ? { bold: true } : {}),
      ...(r.italics ? { italics: true } : {}),
      ...(r.link ? { link: r.link, color: '#1b5e87', decoration: 'underline' } : {}),
    };
  });
}
