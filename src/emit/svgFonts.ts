// Text inside an SVG (the charts' texts, charts/chartText.ts) in the document's own embedded fonts.
// pdfmake hands svg-to-pdfkit a font callback that answers with the font's file name, which pdfkit
// then tries to open from disk — with fonts served from memory (renderPdf.ts) that fails, and the
// text would be lost. While an SVG is drawn, pdfkit's `font(name)` for one of the document's font
// files selects that face as pdfmake's own text does (provideFont): the same embedded font, subset
// and ToUnicode map as the body text, so chart text is real text — searchable and tagged.
import type { Method } from './engine/method.js';

interface FontDoc {
  /** pdfmake's font table: family → face → file name (as given to setFonts). */
  fonts?: Record<string, Partial<Record<'normal' | 'bold' | 'italics' | 'bolditalics', unknown>>>;
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
  font(src: unknown, ...rest: unknown[]): unknown;
  _font: unknown;
}

const FACES = { normal: [false, false], bold: [true, false], italics: [false, true], bolditalics: [true, true] } as const;

/** The document's font files by name, each with its family and face. */
function facesByFile(doc: FontDoc): Map<string, [string, boolean, boolean]> {
  const out = new Map<string, [string, boolean, boolean]>();
  for (const [family, faces] of Object.entries(doc.fonts ?? {})) {
    for (const [face, [bold, italics]] of Object.entries(FACES)) {
      const file = faces[face as keyof typeof FACES];
      if (typeof file === 'string') out.set(file, [family, bold, italics]);
    }
  }
  return out;
}

/** Renderer.renderSVG: while the SVG is drawn, a font file name selects the document's own face. */
export function svgTextInDocumentFonts(renderSVG: Method): Method {
  return function (this: { pdfDocument: FontDoc }, ...args: unknown[]) {
    const doc = this.pdfDocument;
    const faces = facesByFile(doc);
    const own = Object.prototype.hasOwnProperty.call(doc, 'font');
    const font = doc.font;
    doc.font = function (this: FontDoc, src: unknown, ...rest: unknown[]) {
      const face = typeof src === 'string' && rest.length === 0 ? faces.get(src) : undefined;
      if (!face) return font.call(this, src, ...rest);
      // As pdfmake's Renderer selects the font of a text run.
      this._font = this.provideFont(...face);
      return this;
    };
    try {
      return renderSVG.apply(this, args);
    } finally {
      if (own) doc.font = font;
      else delete (doc as Partial<FontDoc>).font;
    }
  };
}
