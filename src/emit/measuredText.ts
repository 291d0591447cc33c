// Words measured once: TextInlines.buildInlines (a text broken into words, each with its resolved
// style, font and widths) remembered per Engine by what its answer depends on, so the same text in
// the same style is measured once — a målskjema table's parts and their header rows are measured
// again as each page's part is chosen (tableParts.ts), cells and labels repeat, and a second variant
// of the plan holds nearly all the words of the first. Installed through engine/registry.ts.
//
// The answer depends on the text (its fragments and their own properties), the document's named
// styles and default style, and the value the style stack gives each property the measurement
// reads (a fragment's own value and its named styles come before the stack; undefined and null are
// alike to pdfmake: both give the default). It is kept as a copy with the font named by its face,
// and given out as a fresh copy with the document's own font object: layout consumes and changes
// the words it is given. A text whose fragments carry pdfmake's internal references (`_textRef`, a
// table of contents' page numbers) is measured each time.
import { fromNamedStyle, isValue, type Style } from './namedStyles.js';
import type { Method } from './engine/method.js';

/** The properties buildInlines reads through the style stack (TextBreaker, TextInlines.measure, buildInlines). */
const STACK_PROPERTIES = [
  'wordBreak', 'noWrap', 'leadingIndent', 'font', 'bold', 'italics', 'alignment', 'fontSize', 'fontFeatures', 'characterSpacing',
  'color', 'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage',
  'linkToDestination', 'opacity', 'sup', 'sub', 'lineHeight', 'preserveLeadingSpaces', 'preserveTrailingSpaces',
] as const;

/** Words kept at most per Engine before the memory is emptied (a long plan has some 30 000). */
const MAX_KEPT_WORDS = 250_000;

/** On a font object (set where pdfmake provides it, pdfmakeSpeedups.ts): the family and face it was provided for. */
export const FACE = Symbol('plantrykk.face');

interface Stack {
  styleOverrides?: unknown[];
  styleDictionary?: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
}

interface Word extends Record<string, unknown> {
  font: { [FACE]?: readonly [string, boolean, boolean] } | null;
}

interface Measured {
  items: Word[];
  minWidth: number;
  maxWidth: number;
}

interface TextInlinesLike {
  pdfDocument: { provideFont(family: string, bold: boolean, italics: boolean): Word['font'] };
}

/** What one Engine has measured. */
export class MeasuredText {
  private readonly answers = new Map<string, { words: Word[]; faces: (readonly [string, boolean, boolean])[]; minWidth: number; maxWidth: number }>();
  private kept = 0;
  /** An id per distinct set of named and default styles, and each document's styles resolved per name. */
  private readonly styleIds = new Map<string, number>();
  private readonly styles = new WeakMap<object, { id: number; named: Map<string, Map<string, unknown>> }>();

  /** The measured words for `text` in `stack`, from memory or from `measure`. */
  get(ti: TextInlinesLike, text: unknown, stack: Stack | undefined, measure: () => Measured): Measured {
    const key = stack ? this.key(text, stack) : undefined;
    if (key === undefined) return measure();
    const known = this.answers.get(key);
    if (known) return { items: known.words.map((w, i) => copyWord(w, ti.pdfDocument.provideFont(...known.faces[i]!))), minWidth: known.minWidth, maxWidth: known.maxWidth };
    const measured = measure();
    const faces = measured.items.map((w) => w.font?.[FACE]);
    if (faces.every((f) => f !== undefined)) {
      if (this.kept > MAX_KEPT_WORDS) {
        this.answers.clear();
        this.kept = 0;
      }
      this.answers.set(key, { words: measured.items.map((w) => copyWord(w, null)), faces: faces as (readonly [string, boolean, boolean])[], minWidth: measured.minWidth, maxWidth: measured.maxWidth });
      this.kept += measured.items.length;
    }
    return measured;
  }

  /** What the answer depends on, as one string; undefined when it cannot be told (pdfmake internals in the text). */
  private key(text: unknown, stack: Stack): string | undefined {
    const overrides = stack.styleOverrides;
    const dictionary = stack.styleDictionary;
    if (!Array.isArray(overrides) || !dictionary) return undefined;
    let textKey: string | undefined;
    try {
      textKey = JSON.stringify(text);
    } catch {
      return undefined; // a fragment that is no plain data (a cycle): measured each time
    }
    if (textKey === undefined || textKey.includes('"_')) return undefined;
    const styles = this.stylesOf(dictionary, stack.defaultStyle);
    const values: unknown[] = [];
    for (const property of STACK_PROPERTIES) values.push(stackValue(overrides, styles.named, dictionary, stack.defaultStyle, property));
    return `${styles.id}\u0001${JSON.stringify(values)}\u0001${textKey}`;
  }

  private stylesOf(dictionary: object, defaults: object | undefined): { id: number; named: Map<string, Map<string, unknown>> } {
    let s = this.styles.get(dictionary);
    if (!s) {
      const content = JSON.stringify([dictionary, defaults ?? null]);
      let id = this.styleIds.get(content);
      if (id === undefined) this.styleIds.set(content, (id = this.styleIds.size));
      this.styles.set(dictionary, (s = { id, named: new Map() }));
    }
    return s;
  }
}

/** A copy of a measured word with `font` in its place (a spread: V8 copies such an object fast). */
const copyWord = (w: Word, font: Word['font']): Word => ({ ...w, font });

/** The stack's value for `property` (pdfmake's StyleContextStack.getProperty), named styles resolved once per document. */
function stackValue(overrides: unknown[], named: Map<string, Map<string, unknown>>, dictionary: Record<string, Style | undefined>, defaults: Record<string, unknown> | undefined, property: string): unknown {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const item = overrides[i];
    let v: unknown;
    if (typeof item === 'string') {
      let values = named.get(item);
      if (!values) named.set(item, (values = new Map()));
      if (values.has(property)) v = values.get(property);
      else values.set(property, (v = fromNamedStyle(dictionary, item, property)));
    } else v = (item as Record<string, unknown>)[property];
    if (isValue(v)) return v;
  }
  return defaults?.[property];
}

/**
 * TextInlines.buildInlines: answered from the Engine's measured text (`memoryOf` the pdfmake document,
 * through its context) where the same text was measured in the same style.
 */
export function rememberMeasuredText(memoryOf: (pdfDocument: unknown) => MeasuredText | undefined): (buildInlines: Method) => Method {
  return (buildInlines) => function (this: TextInlinesLike, text: unknown, stack: Stack | undefined) {
    const memory = memoryOf(this.pdfDocument);
    const measure = (): Measured => buildInlines.call(this, text, stack) as Measured;
    return memory ? memory.get(this, text, stack, measure) : measure();
  };
}
