// Words shaped ahead: while a render worker waits for its first job (the main thread still
// validates the plan), it shapes the words of the plan's texts with the document fonts, into the
// shaped-word caches its Engine's documents share (pdfmakeSpeedups.ts shareShapingCaches). Shaping
// a word with fontkit is most of what measuring text costs in a fresh process; done ahead, it runs on
// a core that would otherwise wait, and the layout then finds the words shaped. The cache holds what
// pdfkit itself would have computed for the same word (its layoutRun), so the PDF is the same; a word
// shaped ahead and never used costs only the time it took. Input: the plan's strings (their words
// split as pdfkit splits a text it measures: after each space or tab). Work is done in small batches
// and stops as soon as `stop()` says a job has come.
import { createRequire } from 'node:module';
import { FONT_FAMILY } from '../core/fonts.js';
import { faceNumber, shapeThroughStore, type ShapedWordStore } from './shapedWordStore.js';

const require = createRequire(import.meta.url);

/** Words shaped between two looks at `stop()`. */
const BATCH = 200;
/** The faces shaped, in order: body text first, then headings and emphasis. */
const FACES: readonly (readonly [boolean, boolean])[] = [
  [false, false],
  [true, false],
  [false, true],
];

interface ShapingFont {
  layoutCache?: Record<string, unknown>;
  layoutCached(text: string): unknown;
}

interface FontSource {
  provideFont(family: string, bold: boolean, italics: boolean): ShapingFont;
}

/** The key of a face's cache in the Engine's shaping caches (as shareShapingCaches keys it). */
export const shapingKey = (family: string, bold: boolean, italics: boolean): string => `${family}\u0000${bold}\u0000${italics}`;

/**
 * The words of `texts` as pdfkit measures them: each run of characters up to and with a space or tab,
 * and the rest; a word that holds a hyphen or slash also in the parts a line may break it into.
 */
export function wordsOf(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      for (const word of line.match(/[^ \t]+[ \t]?|[ \t]/g) ?? []) {
        words.add(word);
        if (/[-/–]./.test(word)) for (const part of word.match(/[^-/–]*[-/–]|[^-/–]+/g) ?? []) words.add(part);
      }
    }
  }
  return [...words];
}

/** A throwaway pdfmake document with the fonts pdfmake was given (renderPdf.ts), to provide the font objects. */
function fontSource(fontNames: Readonly<Record<string, string>>, virtualfs: unknown): FontSource {
  const PdfDocument = (require('pdfmake/js/PDFDocument.js') as { default: new (...args: unknown[]) => FontSource }).default;
  return new PdfDocument({ [FONT_FAMILY]: fontNames }, {}, {}, {}, { autoFirstPage: false }, virtualfs);
}

/**
 * Shape `words` in each face into `shaping` (the Engine's caches), a batch at a time, until done or
 * `stop()`. Resolves when it has stopped.
 */
export async function shapeAhead(
  shaping: Map<string, Record<string, unknown>>,
  fontNames: Readonly<Record<string, string>>,
  virtualfs: unknown,
  words: readonly string[],
  stop: () => boolean,
  /** Words shaped in earlier builds (taken from here, not shaped again); undefined: none. */
  store?: ShapedWordStore,
): Promise<void> {
  const source = fontSource(fontNames, virtualfs);
  for (const [bold, italics] of FACES) {
    const font = source.provideFont(FONT_FAMILY, bold, italics);
    if (!font.layoutCache) return;
    if (store) shapeThroughStore(font, store, faceNumber(bold, italics));
    const key = shapingKey(FONT_FAMILY, bold, italics);
    const shared = shaping.get(key);
    if (shared) font.layoutCache = shared;
    else shaping.set(key, font.layoutCache);
    for (let i = 0; i < words.length; i += BATCH) {
      if (stop()) return;
      for (const word of words.slice(i, i + BATCH)) font.layoutCached(word);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
