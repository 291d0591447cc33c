// Faster versions of four pdfmake and pdfkit internals that dominate the layout of a long plan
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
//   documents: same font file, same shaping.
// - Renderer.renderLine draws every word with its own pdfkit text() call (pdfmake's TODO: «lines
//   without differently styled inlines should be written to pdf as one stream»). Words that sit
//   edge to edge with the same style are drawn as one run: the same glyphs at the same places (pdfkit
//   shapes text word by word either way), a fifth of the calls, and one link annotation per linked
//   run instead of one per word.
import { contextOf } from './engine/documentContext.js';
import type { Method } from './engine/method.js';
import { whileSet } from './patching.js';

type Style = Record<string, unknown> & { extends?: string | string[] };

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

const isValue = (v: unknown): boolean => v !== undefined && v !== null;
const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** A named style's value for `property`, following `extends` as pdfmake does. */
function fromNamedStyle(dictionary: StyleStack['styleDictionary'], name: string, property: string, visited: Set<string>): unknown {
  if (visited.has(name)) return undefined;
  visited.add(name);
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const v = fromNamedStyle(dictionary, parents[i]!, property, visited);
      if (isValue(v)) return v;
    }
  }
  return undefined;
}

/** Property lookup for the words of one measure call: the word, its named styles, then the (unchanging) stack. */
function propertyLookup(stack: StyleStack | undefined): (item: Inline, property: string, fallback: unknown) => unknown {
  const stackValues = new Map<string, unknown>();
  return (item, property, fallback) => {
    if (isValue(item[property])) return item[property];
    if (!stack) return fallback;
    if (item.style) {
      const names = Array.isArray(item.style) ? item.style : [item.style];
      for (let i = names.length - 1; i >= 0; i--) {
        const v = fromNamedStyle(stack.styleDictionary, names[i]!, property, new Set());
        if (isValue(v)) return v;
      }
    }
    let v: unknown;
    if (stackValues.has(property)) v = stackValues.get(property);
    else stackValues.set(property, (v = stack.getProperty(property)));
    return isValue(v) ? v : fallback;
  };
}

/** The inline properties pdfmake resolves for every word, with its defaults (TextInlines.measure). */
const INLINE_PROPERTIES: readonly (readonly [string, unknown])[] = [
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
];

/** TextInlines.measure, replaced: the same answers with the style stack looked up once per call. */
export function measure(this: TextInlinesLike, array: Inline[], stack: StyleStack | undefined): Inline[] {
  const get = propertyLookup(stack);
  if (array.length) {
    const leadingIndent = get(array[0]!, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      array[0]!.leadingCut = -leadingIndent;
      array[0]!.leadingIndent = leadingIndent;
    }
  }
  for (const item of array) {
    const font = get(item, 'font', 'Roboto');
    const bold = get(item, 'bold', false);
    const italics = get(item, 'italics', false);
    item.font = this.pdfDocument.provideFont(font, bold, italics);
    for (const [property, fallback] of INLINE_PROPERTIES) item[property] = get(item, property, fallback);
    if (item.sup || item.sub) item.fontSize! *= 0.58;
    const lineHeight = get(item, 'lineHeight', 1) as number;
    item.width = this.widthOfText(item.text, item);
    item.height = item.font!.lineHeight(item.fontSize!) * lineHeight;
    if (!item.leadingCut) item.leadingCut = 0;
    if (!get(item, 'preserveLeadingSpaces', false)) {
      const leading = item.text.match(LEADING);
      if (leading) item.leadingCut += this.widthOfText(leading[0], item);
    }
    item.trailingCut = 0;
    if (!get(item, 'preserveTrailingSpaces', false)) {
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

/** What must be equal for two words to be drawn as one run. */
const RUN_KEYS = ['font', 'fontSize', 'color', 'opacity', 'link', 'linkToDestination', 'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'fontFeatures', 'sup', 'sub'] as const;

/** What stops two words from being one run: the first of them is drawn with its own spacing or resolved at render time. */
const BREAKS_RUN = ['characterSpacing', 'justifyShift', 'linkToPage', '_pageNodeRef', '_tocItemRef', '_pageRef'] as const;

/** Whether `b` continues `a` exactly: same style, no gap (justified text has gaps), nothing resolved at render time. */
function continues(a: DrawnInline, b: DrawnInline): boolean {
  if (Math.abs(a.x + a.width - b.x) > 1e-9) return false;
  for (const k of BREAKS_RUN) if (a[k] || b[k]) return false;
  for (const k of RUN_KEYS) if (a[k] !== b[k]) return false;
  return true;
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
}

/** PDFDocument.provideFont: pdfkit's per-document word cache, shared by the documents of one Engine that use the same font. */
export function shareShapingCaches(provideFont: Method): Method {
  return function (this: unknown, family: string, bold: boolean, italics: boolean) {
    const font = provideFont.call(this, family, bold, italics) as ShapingFont;
    const caches = contextOf(this)?.shaping;
    if (caches && font.layoutCache) {
      // The fonts are set once per process (renderPdf.ts), so family and face name one font file.
      const key = `${family}\u0000${bold}\u0000${italics}`;
      const shared = caches.get(key);
      if (!shared) caches.set(key, font.layoutCache);
      else if (font.layoutCache !== shared) font.layoutCache = shared;
    }
    return font;
  };
}
