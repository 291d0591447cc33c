// Each shaped word's glyphs carry the word's own characters. fontkit keeps one glyph object per glyph
// id in a font, with the characters of the first word that made it; pdfkit writes a glyph's text (the
// ToUnicode map that copying, search and screen readers read) from the glyph object it encodes first.
// A glyph that more than one character sequence can make — the «fi» ligature, made from «f» «i» and
// from the character U+FB01; Δ and ∆, Ω and Ω, which share one glyph in Roboto — then took its text
// from whichever word the font happened to shape first. With the shaped words shared between documents
// and shaped ahead while the worker waits (shapeAhead.ts, stopped when its job comes), «first» would
// depend on timing: the same plan could give different bytes. So a word whose glyphs do not spell
// exactly its own characters is shaped again with the font's glyph objects set aside (fresh ones, as a
// font that never saw another word would make), and pdfkit writes each glyph's text from the first
// word drawn with it: the same for every run. Rare: only a word with such a glyph takes the second shaping.
import { EngineShapeError } from './engine/method.js';

/** pdfkit's EmbeddedFont, as far as this reads it. */
interface EmbeddedFontLike {
  font: { _glyphs?: Record<number, unknown> };
  layoutRun?(text: string, features?: unknown): ShapedRun;
}

interface ShapedRun {
  readonly glyphs: readonly { readonly codePoints: readonly number[] }[];
}

/** Whether the glyphs of `run`, in order, carry exactly the characters of `text`. */
export function spellsOwnText(run: ShapedRun, text: string): boolean {
  let i = 0;
  for (const glyph of run.glyphs) {
    for (const cp of glyph.codePoints) {
      const own = text.codePointAt(i);
      if (own !== cp) return false;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return i === text.length;
}

/** EmbeddedFont.layoutRun, with each word's glyphs carrying the word's own characters (see the top of this file). */
function layoutRunWithOwnText(this: EmbeddedFontLike, text: string, features?: unknown): ShapedRun {
  const layoutRun = (Object.getPrototypeOf(this) as EmbeddedFontLike).layoutRun!;
  const run = layoutRun.call(this, text, features);
  if (spellsOwnText(run, text)) return run;
  const font = this.font;
  const kept = font._glyphs;
  if (typeof kept !== 'object' || kept === null) throw new EngineShapeError('fontkit TTFFont._glyphs: not the glyph cache any more (see docs/engine.md, entry 25)');
  font._glyphs = {};
  try {
    return layoutRun.call(this, text, features);
  } finally {
    font._glyphs = kept;
  }
}

/** Make `font` (a font pdfmake provided) shape every word with the word's own characters; a font without shaping (a standard PDF font) is left as it is. */
export function shapeWithOwnText(font: object): void {
  const f = font as EmbeddedFontLike;
  // Set up already (and maybe wrapped since: shapedWordStore.ts): an own layoutRun is left as it is.
  if (Object.hasOwn(f, 'layoutRun')) return;
  if (typeof (Object.getPrototypeOf(f) as EmbeddedFontLike).layoutRun === 'function') f.layoutRun = layoutRunWithOwnText;
}
