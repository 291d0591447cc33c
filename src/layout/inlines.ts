// Inline runs from the model → pdfmake text fragments (bold, italics, links, footnote marks).
import type { Inline } from '../model/types.js';

/**
 * A range of numbers written with a dash («2021–2031», «1.–3.», «70–90»): one unit a line never breaks
 * inside (the line-break rules allow a break after a dash). Fragments without white space around them
 * join their neighbours, so «(2021–2031)» still breaks only where the text has a space.
 */
const RANGE = /\d[\d.]*–\d[\d.]*/g;

/** A run's text split into fragments, each range a fragment that is not wrapped. */
export function withUnbrokenRanges(text: string, style: object = {}): object[] {
  const out: object[] = [];
  let last = 0;
  for (const m of text.matchAll(RANGE)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), ...style });
    out.push({ text: m[0], noWrap: true, ...style });
    last = m.index + m[0].length;
  }
  if (last === 0) return [{ text, ...style }];
  if (last < text.length) out.push({ text: text.slice(last), ...style });
  return out;
}

/**
 * A web address short enough for one line is laid out as one unit, so it moves to the next line whole
 * rather than leaving «https://» at a line's end; a longer one breaks where the line-break rules allow.
 */
const SHORT_ADDRESS = 60;
export const addressFragment = (text: string): object => (/^(https?:\/\/|www\.)/.test(text) && text.length <= SHORT_ADDRESS ? { noWrap: true } : {});

/** pdfmake inline text fragments; `seen` collects footnote numbers in reading order. */
export function inlineText(content: readonly Inline[], seen?: number[]): object[] {
  return content.flatMap((r) => {
    if (r.kind === 'footnote') {
      seen?.push(r.number);
      // The engine finds the reference by this field and prints the note at the foot of the page (nodes.ts Footnote).
      return [{ text: String(r.number), sup: true, footnote: r.number }];
    }
    // Fact references are printed as their values before layout (layout/facts.ts); one left is shown as written.
    if (r.kind === 'fact') return [{ text: `[fakta: ${r.name}]` }];
    const style = {
      ...(r.bold ? { bold: true } : {}),
      ...(r.italics ? { italics: true } : {}),
      ...(r.link ? { link: r.link, color: '#1b5e87', decoration: 'underline' } : {}),
    };
    // A link's text stays one fragment (one link annotation and structure element per link).
    return r.link ? [{ text: r.text, ...style, ...addressFragment(r.text) }] : withUnbrokenRanges(r.text, style);
  });
}
