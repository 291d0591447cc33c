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

interface Answer {
  readonly words: Word[];
  /** Whether each word is plain (isPlainWord), told when the answer is first given out again. */
  plain?: boolean[];
  readonly faces: (readonly [string, boolean, boolean])[];
  readonly minWidth: number;
  readonly maxWidth: number;
}

/** What one Engine has measured. */
export class MeasuredText {
  /**
   * Answers by text, then by style: a text given as a string by the string itself, any other by its
   * JSON. Two levels, so a long text's key is not joined with the style's into one more string.
   */
  private readonly byString = new Map<string, Map<string, Answer>>();
  private readonly byJson = new Map<string, Map<string, Answer>>();
  private kept = 0;
  /** An id per distinct set of named and default styles, and each document's styles resolved per name. */
  private readonly styleIds = new Map<string, number>();
  private readonly styles = new WeakMap<object, { id: number; named: Map<string, readonly (readonly [number, unknown])[]> }>();

  /** The measured words for `text` in `stack`, from memory or from `measure`. */
  get(ti: TextInlinesLike, text: unknown, stack: Stack | undefined, measure: () => Measured): Measured {
    if (!stack) return measure();
    const textKey = this.textKey(text);
    const styleKey = textKey === undefined ? undefined : this.styleKey(stack);
    if (textKey === undefined || styleKey === undefined) return measure();
    const texts = typeof text === 'string' ? this.byString : this.byJson;
    const known = texts.get(textKey)?.get(styleKey);
    if (known) {
      // The words of a text share a face or two: each face's font is asked for once (the same object each time).
      let face: readonly [string, boolean, boolean] | undefined;
      let font: Word['font'] = null;
      const plain = (known.plain ??= known.words.map(isPlainWord));
      const items = known.words.map((w, i) => {
        if (known.faces[i] !== face) font = ti.pdfDocument.provideFont(...(face = known.faces[i]!));
        return plain[i] ? copyPlainWord(w, font) : copyWord(w, font);
      });
      return { items, minWidth: known.minWidth, maxWidth: known.maxWidth };
    }
    const measured = measure();
    const faces = measured.items.map((w) => w.font?.[FACE]);
    if (faces.every((f) => f !== undefined)) {
      if (this.kept > MAX_KEPT_WORDS) {
        this.byString.clear();
        this.byJson.clear();
        this.kept = 0;
      }
      let styled = texts.get(textKey);
      if (!styled) texts.set(textKey, (styled = new Map()));
      styled.set(styleKey, { words: measured.items.map((w) => copyWord(w, null)), faces: faces as (readonly [string, boolean, boolean])[], minWidth: measured.minWidth, maxWidth: measured.maxWidth });
      this.kept += measured.items.length;
    }
    return measured;
  }

  /** The text's part of the key; undefined when it cannot be told (pdfmake internals in the text). */
  private textKey(text: unknown): string | undefined {
    if (typeof text === 'string') return text;
    let textKey: string | undefined;
    try {
      textKey = JSON.stringify(text);
    } catch {
      return undefined; // a fragment that is no plain data (a cycle): measured each time
    }
    return textKey === undefined || textKey.includes('"_') ? undefined : textKey;
  }

  /** The style's part of the key: the document's styles and the stack's value of every property read; undefined when the stack cannot be read. */
  private styleKey(stack: Stack): string | undefined {
    const overrides = stack.styleOverrides;
    const dictionary = stack.styleDictionary;
    if (!Array.isArray(overrides) || !dictionary) return undefined;
    const styles = this.stylesOf(dictionary, stack.defaultStyle);
    return `${styles.id}\u0001${JSON.stringify(stackValues(overrides, styles.named, dictionary, stack.defaultStyle))}`;
  }

  private stylesOf(dictionary: object, defaults: object | undefined): { id: number; named: Map<string, readonly (readonly [number, unknown])[]> } {
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

/** A copy of a measured word with `font` in its place. */
const copyWord = (w: Word, font: Word['font']): Word => ({ ...w, font });

/**
 * The keys of a plain word as buildInlines makes it (TextInlines.measure, replaced by
 * pdfmakeSpeedups.ts measure with pdfmake's order of assignments kept), in that order:
 * nine words in ten of a plan. Such a word is copied property by property into one literal — one
 * object layout for all of them, a third of the memory and time of a spread (which, given words of
 * some twenty layouts, takes V8's slow path). A word with other keys is copied by spread.
 */
const PLAIN_WORD_KEYS: readonly string[] = [
  'text', 'font', 'alignment', 'fontSize', 'fontFeatures', 'characterSpacing', 'color', 'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage', 'linkToDestination', 'noWrap', 'opacity', 'sup', 'sub', 'width', 'height', 'leadingCut', 'trailingCut',
];

/** Whether `w` has exactly the keys of a plain word, in their order (symbols too: a spread would copy them). */
function isPlainWord(w: Word): boolean {
  const keys = Reflect.ownKeys(w);
  if (keys.length !== PLAIN_WORD_KEYS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== PLAIN_WORD_KEYS[i]) return false;
  return true;
}

/** copyWord for a plain word. */
const copyPlainWord = (w: Word, font: Word['font']): Word => ({
  text: w.text,
  font,
  alignment: w.alignment,
  fontSize: w.fontSize,
  fontFeatures: w.fontFeatures,
  characterSpacing: w.characterSpacing,
  color: w.color,
  decoration: w.decoration,
  decorationColor: w.decorationColor,
  decorationStyle: w.decorationStyle,
  decorationThickness: w.decorationThickness,
  background: w.background,
  link: w.link,
  linkToPage: w.linkToPage,
  linkToDestination: w.linkToDestination,
  noWrap: w.noWrap,
  opacity: w.opacity,
  sup: w.sup,
  sub: w.sub,
  width: w.width,
  height: w.height,
  leadingCut: w.leadingCut,
  trailingCut: w.trailingCut,
});

/** Each property's place in the key. */
const PLACE = new Map<string, number>(STACK_PROPERTIES.map((property, i) => [property, i]));

/**
 * The stack's value for every property of STACK_PROPERTIES (pdfmake's StyleContextStack.getProperty
 * for each), read from the top of the stack down once: a named style's values are resolved once per
 * document, and a plain object (a node pushed as its own override) is read by its own keys, which are
 * few, rather than asked for each property.
 */
function stackValues(overrides: unknown[], named: Map<string, readonly (readonly [number, unknown])[]>, dictionary: Record<string, Style | undefined>, defaults: Record<string, unknown> | undefined): unknown[] {
  const values: unknown[] = new Array(STACK_PROPERTIES.length);
  let found = 0;
  for (let i = overrides.length - 1; i >= 0 && found < STACK_PROPERTIES.length; i--) {
    const item = overrides[i];
    if (typeof item === 'string') {
      let set = named.get(item);
      if (!set) named.set(item, (set = namedValues(dictionary, item)));
      for (const [place, v] of set) if (values[place] === undefined) (values[place] = v), found++;
    } else if (item !== null && typeof item === 'object' && isPlainObject(item)) {
      for (const property in item) {
        const place = PLACE.get(property);
        if (place === undefined || values[place] !== undefined) continue;
        const v = (item as Record<string, unknown>)[property];
        if (isValue(v)) (values[place] = v), found++;
      }
    } else if (item !== null && item !== undefined) {
      for (let place = 0; place < STACK_PROPERTIES.length; place++) {
        if (values[place] !== undefined) continue;
        const v = (item as Record<string, unknown>)[STACK_PROPERTIES[place]!];
        if (isValue(v)) (values[place] = v), found++;
      }
    }
  }
  for (let place = 0; place < STACK_PROPERTIES.length; place++) if (values[place] === undefined) values[place] = defaults?.[STACK_PROPERTIES[place]!];
  return values;
}

/** The properties a named style sets, with their places and values. */
function namedValues(dictionary: Record<string, Style | undefined>, name: string): (readonly [number, unknown])[] {
  const set: (readonly [number, unknown])[] = [];
  STACK_PROPERTIES.forEach((property, place) => {
    const v = fromNamedStyle(dictionary, name, property);
    if (isValue(v)) set.push([place, v]);
  });
  return set;
}

/** An object whose every property is its own or Object's: its keys say all it holds. */
const isPlainObject = (item: object): boolean => {
  const proto = Object.getPrototypeOf(item) as unknown;
  return proto === Object.prototype || proto === null;
};

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
