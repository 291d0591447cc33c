// Faster versions of five pdfmake and pdfkit internals that dominate the layout of a long plan
// (installed through engine/registry.ts). Each gives the results of the original
// (test/unit/pdfmakeExtensions.test.ts compares them with pdfmake's own); they only skip repeated work:
// - TextInlines.measure looks up ~25 style properties for every word, and pdfmake resolves each one
//   by pushing the word on the style stack and walking the stack. The stack is the same for every
//   word of one call, so its answers are looked up once per call; a word's own properties and
//   named styles still come first, as in pdfmake.
// - SVGMeasure parses a whole SVG (charts are hundreds of kilobytes) to read and write the root's
//   size, again on every layout pass. Results are remembered per document.
// - pdfkit shapes every word with fontkit once per document and font (its layout cache lives on the
//   document's font object). A worker that renders a second variant shares the cache across its
//   documents: same font file, same shaping. The width of each string is remembered beside it
//   (pdfkit measures a string by walking its characters on every call), and a text is put together
//   from its shaped words by appending (pdfkit copies the glyphs so far for every word).
// - Renderer.renderLine draws every word with its own pdfkit text() call (pdfmake's TODO: «lines
//   without differently styled inlines should be written to pdf as one stream»). Words that sit
//   edge to edge with the same style are drawn as one run: the same glyphs at the same places (pdfkit
//   shapes text word by word either way), a fifth of the calls, and one link annotation per linked
//   run instead of one per word.
// - LayoutBuilder.buildNextLine copies the rest of the paragraph's words for every word it places
//   (to look ahead past words that must not be broken apart), which makes a paragraph's line breaking
//   grow with the square of its length. The copy is made only for such a word, the only one whose
//   look-ahead reads it.
import { fromNamedStyle, isValue, type Style } from './namedStyles.js';
import { createRequire } from 'node:module';
import { contextOf } from './engine/documentContext.js';
import { FACE } from './measuredText.js';
import { shapingKey } from './shapeAhead.js';
import { shapeWithOwnText } from './ownCodePoints.js';
import { faceNumber, shapeThroughStore } from './shapedWordStore.js';
import { FONT_FAMILY } from '../core/fonts.js';
import type { Method } from './engine/method.js';
import { whileSet } from './patching.js';


interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  getProperty(property: string): unknown;
}

interface Inline extends Record<string, unknown> {
  text: string;
  style?: string | string[];
  font?: { lineHeight(size: number): number };
  fontSize?: number;
  leadingCut?: number;
  leadingIndent?: number;
  trailingCut?: number;
  width?: number;
  height?: number;
}

interface TextInlinesLike {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): Inline['font'] };
  widthOfText(text: string, inline: Inline): number;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;


/**
 * Property lookup for the words of one measure call, for a property the word does not set itself:
 * its named styles, then the (unchanging) stack, then `fallback`. Both are looked up once per call:
 * the stack per property, the named styles per style value (the words of one text share theirs).
 */
function propertyLookup(stack: StyleStack | undefined): (item: Inline, property: string, fallback: unknown) => unknown {
  const stackValues = new Map<string, unknown>();
  const styleValues = new Map<unknown, Map<string, unknown>>();
  return (item, property, fallback) => {
    if (!stack) return fallback;
    const style = item.style;
    if (style) {
      let values = styleValues.get(style);
      if (!values) styleValues.set(style, (values = new Map()));
      let v: unknown;
      if (values.has(property)) v = values.get(property);
      else {
        const names = Array.isArray(style) ? style : [style];
        for (let i = names.length - 1; i >= 0 && !isValue(v); i--) v = fromNamedStyle(stack.styleDictionary, names[i]!, property);
        values.set(property, v);
      }
      if (isValue(v)) return v;
    }
    let v: unknown;
    if (stackValues.has(property)) v = stackValues.get(property);
    else stackValues.set(property, (v = stack.getProperty(property)));
    return isValue(v) ? v : fallback;
  };
}

/**
 * TextInlines.measure, replaced: the same answers with the style stack looked up once per call. A
 * word's own value comes first (`??`: pdfmake takes it unless undefined or null), in pdfmake's order.
 */
export function measure(this: TextInlinesLike, array: Inline[], stack: StyleStack | undefined): Inline[] {
  const get = propertyLookup(stack);
  if (array.length) {
    const first = array[0]!;
    const leadingIndent = (first.leadingIndent ?? get(first, 'leadingIndent', 0)) as number;
    if (leadingIndent) {
      first.leadingCut = -leadingIndent;
      first.leadingIndent = leadingIndent;
    }
  }
  for (const item of array) {
    const font = item.font ?? get(item, 'font', 'Roboto');
    const bold = item.bold ?? get(item, 'bold', false);
    const italics = item.italics ?? get(item, 'italics', false);
    item.font = this.pdfDocument.provideFont(font, bold, italics);
    item.alignment = item.alignment ?? get(item, 'alignment', 'left');
    item.fontSize = item.fontSize ?? (get(item, 'fontSize', 12) as number);
    item.fontFeatures = item.fontFeatures ?? get(item, 'fontFeatures', null);
    item.characterSpacing = item.characterSpacing ?? get(item, 'characterSpacing', 0);
    item.color = item.color ?? get(item, 'color', 'black');
    item.decoration = item.decoration ?? get(item, 'decoration', null);
    item.decorationColor = item.decorationColor ?? get(item, 'decorationColor', null);
    item.decorationStyle = item.decorationStyle ?? get(item, 'decorationStyle', null);
    item.decorationThickness = item.decorationThickness ?? get(item, 'decorationThickness', null);
    item.background = item.background ?? get(item, 'background', null);
    item.link = item.link ?? get(item, 'link', null);
    item.linkToPage = item.linkToPage ?? get(item, 'linkToPage', null);
    item.linkToDestination = item.linkToDestination ?? get(item, 'linkToDestination', null);
    item.noWrap = item.noWrap ?? get(item, 'noWrap', null);
    item.opacity = item.opacity ?? get(item, 'opacity', 1);
    item.sup = item.sup ?? get(item, 'sup', false);
    item.sub = item.sub ?? get(item, 'sub', false);
    if (item.sup || item.sub) item.fontSize! *= 0.58;
    const lineHeight = (item.lineHeight ?? get(item, 'lineHeight', 1)) as number;
    item.width = this.widthOfText(item.text, item);
    item.height = item.font!.lineHeight(item.fontSize!) * lineHeight;
    if (!item.leadingCut) item.leadingCut = 0;
    if (!(item.preserveLeadingSpaces ?? get(item, 'preserveLeadingSpaces', false))) {
      const leading = item.text.match(LEADING);
      if (leading) item.leadingCut += this.widthOfText(leading[0], item);
    }
    item.trailingCut = 0;
    if (!(item.preserveTrailingSpaces ?? get(item, 'preserveTrailingSpaces', false))) {
      const trailing = item.text.match(TRAILING);
      if (trailing) item.trailingCut = this.widthOfText(trailing[0], item);
    }
  }
  return array;
}

interface SvgMeasureLike {
  _memo?: Map<string, Map<string, unknown>>;
}

/** SVGMeasure.`method`: its answers remembered per SVGMeasure instance (one per document), keyed by its arguments. */
export function memoize(method: string): (original: Method) => Method {
  return (original) => function (this: SvgMeasureLike, svg: unknown, ...rest: unknown[]) {
    if (typeof svg !== 'string') return original.call(this, svg, ...rest);
    const memo = (this._memo ??= new Map());
    let answers = memo.get(svg);
    if (!answers) memo.set(svg, (answers = new Map()));
    const key = `${method} ${JSON.stringify(rest)}`;
    if (!answers.has(key)) answers.set(key, original.call(this, svg, ...rest));
    const value = answers.get(key);
    return typeof value === 'object' && value !== null ? { ...value } : value;
  };
}

interface DrawnInline {
  text: string;
  x: number;
  width: number;
  [key: string]: unknown;
}

/**
 * Whether `b` continues `a` exactly: same style, no gap (justified text has gaps), nothing resolved at
 * render time. What stops a run: either word drawn with its own spacing (characterSpacing, a justified
 * line's justifyShift) or resolved at render time (linkToPage, page references). What must be equal:
 * font, size, colour, opacity, link, decoration, background, font features, sup and sub. Written out
 * property by property: this runs for every word drawn.
 */
function continues(a: DrawnInline, b: DrawnInline): boolean {
  if (Math.abs(a.x + a.width - b.x) > 1e-9) return false;
  if (a.characterSpacing || b.characterSpacing || a.justifyShift || b.justifyShift || a.linkToPage || b.linkToPage) return false;
  if (a._pageNodeRef || b._pageNodeRef || a._tocItemRef || b._tocItemRef || a._pageRef || b._pageRef) return false;
  return (
    a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && a.opacity === b.opacity && a.link === b.link && a.linkToDestination === b.linkToDestination &&
    a.decoration === b.decoration && a.decorationColor === b.decorationColor && a.decorationStyle === b.decorationStyle && a.decorationThickness === b.decorationThickness &&
    a.background === b.background && a.fontFeatures === b.fontFeatures && a.sup === b.sup && a.sub === b.sub
  );
}

/** The line's words joined into runs of one style. */
function runs(inlines: DrawnInline[]): DrawnInline[] {
  const out: DrawnInline[] = [];
  let open: DrawnInline | undefined; // a copy made for the run being extended
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (last && continues(last, inline)) {
      if (last !== open) out[out.length - 1] = open = { ...last };
      open.text += inline.text;
      open.width += inline.width;
    } else out.push(inline);
  }
  return out;
}

/** Renderer.renderLine: each line's words drawn in runs (see the top of this file). */
export function drawLinesInRuns(renderLine: Method): Method {
  return function (this: unknown, line: { inlines?: DrawnInline[] }, ...rest: unknown[]) {
    const inlines = line.inlines;
    if (!inlines || inlines.length < 2) return renderLine.call(this, line, ...rest);
    return whileSet(line, 'inlines', runs(inlines), () => renderLine.call(this, line, ...rest));
  };
}

interface ShapingFont {
  layoutCache?: Record<string, unknown>;
  widthCache?: Record<string, number>;
  layout(text: string, features: unknown, onlyWidth: boolean): { advanceWidth: number };
  layoutCached(text: string): { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
  widthOfString(text: string, size: number, features: unknown): number;
}

/**
 * EmbeddedFont.widthOfString with the unscaled width of each string remembered (per font, shared
 * like the shaping cache): pdfkit's own computation (its layout's advance width times size / 1000),
 * done once per string instead of walking the string's characters on every call.
 */
function cachedWidthOfString(this: ShapingFont, text: string, size: number, features: unknown): number {
  if (features || !this.widthCache) return Object.getPrototypeOf(this).widthOfString.call(this, text, size, features) as number;
  let width = this.widthCache[text];
  if (width === undefined) this.widthCache[text] = width = this.layout(text, features, true).advanceWidth;
  return width * (size / 1000);
}

/**
 * EmbeddedFont.layout without font features: pdfkit's own, the text split after each space or tab and
 * each piece taken from the shaped-word cache, with the pieces' glyphs and positions appended in
 * place (pdfkit concatenates a new array for every piece, and tests each character with a new array).
 */
function appendingLayout(this: ShapingFont, text: string, features: unknown, onlyWidth: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number } {
  if (features) return Object.getPrototypeOf(this).layout.call(this, text, features, onlyWidth) as never;
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let last = 0;
  let index = 0;
  while (index <= text.length) {
    const c = text.charCodeAt(index);
    if ((index === text.length && last < index) || c === 32 || c === 9) {
      const run = this.layoutCached(text.slice(last, ++index));
      if (glyphs && positions) {
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
      }
      advanceWidth += run.advanceWidth;
      last = index;
    } else index++;
  }
  return { glyphs, positions, advanceWidth };
}

/** PDFDocument.provideFont: pdfkit's per-document word cache, shared by the documents of one Engine that use the same font, and the words' widths remembered with it. */
export function shareShapingCaches(provideFont: Method): Method {
  return function (this: unknown, family: string, bold: boolean, italics: boolean) {
    const font = provideFont.call(this, family, bold, italics) as ShapingFont;
    const caches = contextOf(this)?.shaping;
    // Asked for every word pdfmake measures: a font set up already (below; a font belongs to one document, so to one Engine's caches) is returned as it is.
    if (caches && font.widthOfString === cachedWidthOfString) return font;
    shapeWithOwnText(font);
    if (caches && font.layoutCache) {
      // The fonts are set once per process (renderPdf.ts), so family and face name one font file.
      const key = shapingKey(family, bold, italics);
      const shared = caches.get(key);
      if (!shared) caches.set(key, font.layoutCache);
      else if (font.layoutCache !== shared) font.layoutCache = shared;
      if (!(FACE in font)) Object.defineProperty(font, FACE, { value: [family, bold, italics] });
      if (!font.widthCache) {
        const widths = `${key}\u0000width`;
        font.widthCache = (caches.get(widths) ?? caches.set(widths, Object.create(null) as Record<string, number>).get(widths)) as Record<string, number>;
        font.widthOfString = cachedWidthOfString;
        font.layout = appendingLayout as ShapingFont['layout'];
      }
      const store = contextOf(this)?.store;
      // The store's fingerprint is that of the document font's files (renderPdf.ts).
      if (store && family === FONT_FAMILY) shapeThroughStore(font, store, faceNumber(bold, italics));
    }
    return font;
  };
}

interface LineLike {
  hasEnoughSpaceForInline(inline: LineInline, nextInlines?: LineInline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: LineInline): void;
  lastLineInParagraph?: boolean;
}

interface LineInline extends Record<string, unknown> {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
}

interface LineBuilder {
  writer: { context(): { availableWidth: number } };
}

const require = createRequire(import.meta.url);
const Line = (require('pdfmake/js/Line.js') as { default: new (maxWidth: number) => LineLike }).default;
const TextInlines = (require('pdfmake/js/TextInlines.js') as { default: new (pdfDocument: null) => { widthOfText(text: string, inline: LineInline): number } }).default;
const NO_INLINES: LineInline[] = [];

/** The longest start of `text` (at least one character) whose width fits `maxWidth` (pdfmake's findMaxFitLength). */
function maxFitLength(text: string, maxWidth: number, width: (part: string) => number): number {
  let low = 1;
  let high = text.length;
  let best = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (width(text.substring(0, mid)) <= maxWidth) {
      best = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}

/**
 * LayoutBuilder.buildNextLine, replaced: a hand copy of pdfmake 0.3.11's, the same lines from the same
 * words, with the look-ahead list copied only for a word that reads it (see the top of this file).
 */
export function buildNextLine(this: LineBuilder, textNode: { _inlines?: LineInline[] }): LineLike | null {
  const inlines = textNode._inlines;
  if (!inlines || inlines.length === 0) return null;
  const line = new Line(this.writer.context().availableWidth);
  const textInlines = new TextInlines(null);
  let isForceContinue = false;
  while (inlines.length > 0 && (isForceContinue || line.hasEnoughSpaceForInline(inlines[0]!, inlines[0]!.noNewLine ? inlines.slice(1) : NO_INLINES))) {
    let isHardWrap = false;
    const inline = inlines.shift()!;
    if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
      const maxChars = maxFitLength(inline.text, line.getAvailableWidth(), (part) => textInlines.widthOfText(part, inline));
      if (maxChars < inline.text.length) {
        const rest = {} as LineInline;
        for (const key in inline) rest[key] = inline[key];
        rest.text = inline.text.substr(maxChars);
        inline.text = inline.text.substr(0, maxChars);
        rest.width = textInlines.widthOfText(rest.text, rest);
        inline.width = textInlines.widthOfText(inline.text, inline);
        inlines.unshift(rest);
        isHardWrap = true;
      }
    }
    line.addInline(inline);
    isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
  }
  line.lastLineInParagraph = inlines.length === 0;
  return line;
}
