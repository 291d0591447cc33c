// The pdfmake extensions that make layout fast: the word measurement must give pdfmake's own
// answers, and headings/figures must be kept with what follows in a single layout pass. The
// extensions are installed as in production: by the Engine, through engine/registry.ts.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countColour, pagePixels } from '../helpers/pdf.js';

const require = createRequire(import.meta.url);
const TextInlines = require('pdfmake/js/TextInlines.js').default;
const StyleContextStack = require('pdfmake/js/StyleContextStack.js').default;
const LayoutBuilder = require('pdfmake/js/LayoutBuilder.js').default;
const Renderer = require('pdfmake/js/Renderer.js').default;
// pdfmake's own measure and line drawing, kept before the Engine installs the extensions.
const pdfmakeMeasure = TextInlines.prototype.measure;
const { Engine } = await import('../../src/emit/renderPdf.js');
const { beneath, EXTENSIONS } = await import('../../src/emit/engine/registry.js');
const engine = new Engine();
const fastMeasure = TextInlines.prototype.measure;
const renderPdf = (definition: Record<string, unknown> & { content: object[] }, options = {}) => engine.render(definition as never, options);
/** The installed renderLine: every extension on it, the run-drawing one outermost (the registry's order). */
const fastRenderLine = Renderer.prototype.renderLine;

/** A stand-in PDF document: fonts are named by their face, widths depend on text and size. */
const fakeDocument = {
  provideFont: (font: string, bold: boolean, italics: boolean) => ({
    face: `${font}/${bold}/${italics}`,
    widthOfString: (t: string, size: number, features: unknown) => t.length * size * (features ? 0.6 : 0.5),
    lineHeight: (size: number) => size * 1.17,
  }),
};

const PROPS = ['font', 'bold', 'italics', 'fontSize', 'color', 'lineHeight', 'characterSpacing', 'sup', 'sub', 'decoration', 'link', 'noWrap', 'leadingIndent', 'preserveLeadingSpaces', 'preserveTrailingSpaces', 'alignment', 'opacity'] as const;
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: 1, max: 20 }), fc.constantFrom('Roboto', 'Other', 'red', 'underline', 'right'));
const props = fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 5 });
const styleNames = fc.constantFrom('a', 'b', 'c', 'missing');

describe('fast word measurement', () => {
  it('gives pdfmake’s results for any words, named styles with extends, and style stacks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.constantFrom(' word', 'word ', 'two words', '  ', 'x'), own: props, style: fc.option(fc.oneof(styleNames, fc.array(styleNames, { maxLength: 2 }))) }), { maxLength: 6 }),
        fc.record({ a: props, b: props, c: props }),
        fc.array(fc.oneof(styleNames, props), { maxLength: 4 }),
        props,
        fc.boolean(),
        (words, styles, stackItems, defaults, withStack) => {
          const dictionary = { a: { ...styles.a, extends: 'b' }, b: { ...styles.b, extends: ['c', 'a'] }, c: styles.c };
          const make = () => {
            const stack = new StyleContextStack(dictionary, defaults);
            for (const s of stackItems) stack.push(typeof s === 'string' ? s : { ...s });
            const items = words.map((w) => ({ text: w.text, ...w.own, ...(w.style ? { style: w.style } : {}) }));
            return { stack: withStack ? stack : undefined, items };
          };
          const slow = make();
          const fast = make();
          const face = (items: Record<string, unknown>[]) => items.map((i) => ({ ...i, font: (i.font as { face: string }).face }));
          expect(face(fastMeasure.call(new TextInlines(fakeDocument), fast.items, fast.stack))).toEqual(face(pdfmakeMeasure.call(new TextInlines(fakeDocument), slow.items, slow.stack)));
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** The PDF written to a file, and the text of each of its pages. */
function pages(bytes: Buffer): { file: string; text: string[] } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-keep-')), 'k.pdf');
  fs.writeFileSync(file, bytes);
  return { file, text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f') };
}

/** Render `content` and count pdfmake's layout passes. */
async function render(content: object[]): Promise<{ file: string; pages: string[]; passes: number }> {
  const tryLayout = LayoutBuilder.prototype.tryLayoutDocument;
  let passes = 0;
  LayoutBuilder.prototype.tryLayoutDocument = function (...args: unknown[]) {
    passes++;
    return tryLayout.apply(this, args);
  };
  try {
    const pdf = await renderPdf({ content, pageSize: 'A5', defaultStyle: { font: 'Roboto', fontSize: 10 } });
    const { file, text } = pages(pdf.bytes);
    return { file, pages: text, passes };
  } finally {
    LayoutBuilder.prototype.tryLayoutDocument = tryLayout;
  }
}

const filler = (lines: number) => Array.from({ length: lines }, (_, i) => ({ text: `Fyllinje ${i + 1}` }));
// pdfmake writes into the nodes it lays out: every render gets fresh ones.
const paragraph = () => ({ text: 'Første linje i avsnittet etter overskrifta. '.repeat(12) });

describe('keep together in one layout pass', () => {
  it('moves a heading that would end a page, with no second layout', async () => {
    // Find how many filler lines leave room for the heading but not for two lines after it.
    for (let n = 30; n < 45; n++) {
      const { pages: p, passes } = await render([...filler(n), { text: 'Overskrift som må flytte', fontSize: 14, keepWithNext: true, margin: [0, 8, 0, 4] }, paragraph()]);
      expect(passes).toBe(1);
      const first = p[0]!.trim().split('\n');
      // Never the heading as the last line of a page, whatever the filler.
      expect(first[first.length - 1]).not.toBe('Overskrift som må flytte');
      if (p[0]!.includes(`Fyllinje ${n}`) && p[1]!.trim().startsWith('Overskrift som må flytte')) return;
    }
    throw new Error('no filler length put the heading at the end of the first page');
  });

  it('starts a figure that would be split on the next page, with no second layout', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#369"/></svg>';
    const figure = () => ({ keepWhole: true, stack: [{ svg, width: 200, height: 100 }, { text: 'Figur 1: Ein figur' }, { text: 'Kjelde: test' }] });
    let moved = false;
    for (let n = 20; n < 42; n++) {
      const { file, pages: p, passes } = await render([...filler(n), figure(), { text: 'Etter figuren' }]);
      expect(passes).toBe(1);
      const page = p.findIndex((t) => t.includes('Figur 1: Ein figur'));
      // The picture, its caption and its source line on one page.
      expect(p[page]).toContain('Kjelde: test');
      expect(countColour(pagePixels(file, page + 1), '#336699'), `${n} filler lines`).toBeGreaterThan(500);
      if (page === 1 && p[0]!.includes(`Fyllinje ${n}`)) moved = true;
    }
    expect(moved).toBe(true);
  });
});

describe('the keep rule after a trial layout', () => {
  it('reads, of the nodes after a heading, those pdfmake’s hook gives it, in every trial layout', async () => {
    const { LaidNodes } = await import('../../src/emit/keepTogether.js');
    const tryLayout = LayoutBuilder.prototype.tryLayoutDocument;
    let builder: { linearNodeList: never[] } | undefined;
    LayoutBuilder.prototype.tryLayoutDocument = function (this: { linearNodeList: never[] }, ...args: unknown[]) {
      builder = this;
      return tryLayout.apply(this, args);
    };
    // One reader for the whole render: a second trial gives every node a new info, and the reader must notice.
    const laid = new LaidNodes(() => builder!.linearNodeList);
    let compared = 0;
    let asked = 0;
    let moved = false;
    const pageBreakBefore = (info: { pageNumbers: number[]; text?: unknown }, nodes: { getFollowingNodesOnPage(): unknown[] }) => {
      asked++;
      const theirs = nodes.getFollowingNodesOnPage();
      expect(laid.nodeOf(info as never)?.nodeInfo).toBe(info);
      const ours = [...laid.followingOnPage(info as never)];
      expect(ours.length).toBe(theirs.length);
      ours.forEach((f, i) => expect(f).toBe(theirs[i]));
      compared += theirs.length;
      // Once: a second trial layout, with new infos for every node.
      if (!moved && info.text === 'Flytt meg') return (moved = true);
      return false;
    };
    try {
      const content = [
        ...filler(12),
        { text: '' },
        { ul: ['Eitt punkt', 'Eit anna punkt', ''] },
        { text: 'Flytt meg' },
        ...filler(30),
        { stack: [{ text: 'I ein stabel' }, { text: '' }, paragraph()] },
        ...filler(20),
      ];
      const pdf = await engine.render({ content, pageSize: 'A5', defaultStyle: { font: 'Roboto', fontSize: 10 }, pageBreakBefore } as never, {});
      expect(pages(pdf.bytes).text[1]!.trim().startsWith('Flytt meg')).toBe(true);
    } finally {
      LayoutBuilder.prototype.tryLayoutDocument = tryLayout;
    }
    expect(moved).toBe(true);
    expect(asked).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(100);
  });
});

/** Every word pdftotext finds, with its box rounded to hundredths of a point. */
function wordBoxes(file: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => `${m[5]} ${[1, 2, 3, 4].map((i) => Number(m[i]).toFixed(2)).join(' ')}`,
  );
}

describe('lines drawn in runs', () => {
  const content = () => [
    { text: 'Ein vanleg paragraf med nokre ord, som går over fleire linjer når han er lang nok. '.repeat(4) },
    { text: 'Ein blokkjustert paragraf der mellomromma mellom orda vert strekte ut til full breidd. '.repeat(4), alignment: 'justify' },
    { text: ['Blanda: ', { text: 'feit tekst ', bold: true }, { text: 'og kursiv', italics: true }, ' med fotnote', { text: '1', sup: true }, ' og ', { text: 'ei lenke over fleire ord', link: 'https://example.org/plan' }, ' til slutt.'] },
    { text: 'Med teiknavstand', characterSpacing: 1.5 },
  ];

  it('puts every word exactly where pdfmake puts it word by word', async () => {
    const merged = await renderPdf({ content: content(), pageSize: 'A5' });
    // The same renderLine without the run-drawing wrapper: the last one the registry installs on it, outermost.
    expect(EXTENSIONS.filter((e) => e.method === 'renderLine').at(-1)!.file).toBe('src/emit/pdfmakeSpeedups.ts');
    const withoutRuns = beneath(fastRenderLine)!;
    Renderer.prototype.renderLine = withoutRuns;
    let single;
    try {
      single = await renderPdf({ content: content(), pageSize: 'A5' });
    } finally {
      Renderer.prototype.renderLine = fastRenderLine;
    }
    const a = pages(merged.bytes).file;
    const b = pages(single.bytes).file;
    expect(wordBoxes(a).length).toBeGreaterThan(80);
    expect(wordBoxes(a)).toEqual(wordBoxes(b));
    // Fewer drawing operations for the same page.
    expect(merged.bytes.length).toBeLessThan(single.bytes.length);
  });

  it('gives a link over several words one annotation', async () => {
    const pdf = await renderPdf({ content: [{ text: ['Sjå ', { text: 'planen til kommunen på nett', link: 'https://example.org/plan' }, '.'] }], pageSize: 'A5' });
    const file = pages(pdf.bytes).file;
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(qdf.match(/\/Subtype \/Link/g)?.length).toBe(1);
  });
});

describe('charts that arrive while the layout runs', () => {
  it('draws the real chart where the layout placed its placeholder, exactly as if it had been there', async () => {
    const { chartPlaceholder } = await import('../../src/emit/lateCharts.js');
    const real = '<svg xmlns="http://www.w3.org/2000/svg" width="680" height="340" viewBox="0 0 680 340"><rect width="680" height="340" fill="#369"/></svg>';
    const doc = (svg: string) => ({ content: [{ text: 'Før' }, { svg, chart: { id: 'folketal' }, width: 300, height: 150 }, { text: 'Etter' }], pageSize: 'A5', info: { creationDate: new Date('2024-01-01T12:00:00Z') } });
    let asked = 0;
    const late = await renderPdf(doc(chartPlaceholder()), { charts: (id: string) => (asked++, id === 'folketal' ? real : undefined) });
    const ready = await renderPdf(doc(real));
    expect(asked).toBe(1);
    expect(late.bytes.equals(ready.bytes)).toBe(true);
    expect(countColour(pagePixels(pages(late.bytes).file, 1), '#336699')).toBeGreaterThan(500);
  });
});


describe('shaped words shared', () => {
  it('between the documents of one engine leave each document’s bytes as a fresh engine makes them', async () => {
    const doc = () => ({ content: [{ text: 'Delte ord, delt forming: same font, same glyphs. '.repeat(20) }, { text: 'Feit', bold: true }], pageSize: 'A5', info: { creationDate: new Date('2024-01-01T12:00:00Z') } });
    const first = await renderPdf(doc());
    const second = await renderPdf({ ...doc(), content: [{ text: 'Anna dokument. '.repeat(5) }, ...doc().content] });
    const fresh = await new Engine().render({ ...doc(), content: [{ text: 'Anna dokument. '.repeat(5) }, ...doc().content] } as never);
    expect(second.bytes.equals(fresh.bytes)).toBe(true);
    expect(first.bytes.equals(second.bytes)).toBe(false);
  });
});

describe('line breaking without copies', () => {
  const fastNextLine = LayoutBuilder.prototype.buildNextLine;
  const pdfmakeNextLine = beneath(fastNextLine)!;
  /** Words as pdfmake measures them: widths from the fake font, some bound to the next (noNewLine), some too wide for a line. */
  const word = fc.record({ text: fc.constantFrom('a ', 'ord ', 'langtord', 'https://example.org/a/very/long/address/without/spaces ', 'x'), noNewLine: fc.boolean(), noWrap: fc.boolean(), lineEnd: fc.boolean() });
  const measured = (words: { text: string; noNewLine: boolean; noWrap: boolean; lineEnd: boolean }[]) =>
    words.map((w) => ({ ...w, font: fakeDocument.provideFont('Roboto', false, false), fontSize: 10, characterSpacing: 0, width: w.text.length * 5, height: 11.7, leadingCut: 0, trailingCut: w.text.endsWith(' ') ? 5 : 0 }));
  const lines = (build: (node: object) => { inlines: Record<string, unknown>[]; lastLineInParagraph: boolean } | null, words: ReturnType<typeof measured>, width: number) => {
    const builder = { writer: { context: () => ({ availableWidth: width }) } };
    const node = { _inlines: words };
    const out: unknown[] = [];
    for (let line = build.call(builder, node); line; line = build.call(builder, node)) out.push({ last: line.lastLineInParagraph, words: line.inlines.map((i) => ({ text: i.text, x: i.x, width: i.width })) });
    return out;
  };
  it('breaks any words into pdfmake’s lines: the same words, places and widths, long words split alike', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 20, max: 300 }), (words, width) => {
        expect(lines(fastNextLine, measured(words), width)).toEqual(lines(pdfmakeNextLine, measured(words), width));
      }),
      { numRuns: 300 },
    );
  });
});

const { MeasuredText, FACE } = await import('../../src/emit/measuredText.js');
const { EngineDocument, hold } = await import('../../src/emit/engine/documentContext.js');

describe('words measured once', () => {
  const fastBuildInlines = TextInlines.prototype.buildInlines;
  const pdfmakeBuildInlines = beneath(fastBuildInlines)!;
  /** The fake document, its fonts named by face (as shareShapingCaches names the real ones), with a context holding `memory`. */
  const documentWith = (memory: InstanceType<typeof MeasuredText>) => {
    const d = { provideFont: (font: string, bold: boolean, italics: boolean) => Object.assign(fakeDocument.provideFont(font, bold, italics), { [FACE]: [font, bold, italics] }) };
    hold(d, new EngineDocument(undefined, new Map(), memory));
    return d;
  };
  const fragment = fc.record({ text: fc.constantFrom('ord ', 'to ord', ' ', 'https://example.org/a-b', 'linje\nbrot'), own: props, style: fc.option(fc.oneof(styleNames, fc.array(styleNames, { maxLength: 2 }))) });

  it('gives pdfmake’s words for a text measured before in the same style, and measures anew where the style differs', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 5 }), fc.record({ a: props, b: props, c: props }), fc.array(fc.oneof(styleNames, props), { maxLength: 3 }), props, props, (fragments, styles, stackItems, defaults, other) => {
        const dictionary = { a: { ...styles.a, extends: 'b' }, b: { ...styles.b, extends: ['c', 'a'] }, c: styles.c };
        const text = () => fragments.map((f) => ({ text: f.text, ...f.own, ...(f.style ? { style: f.style } : {}) }));
        const stack = (top: object) => {
          const st = new StyleContextStack(dictionary, defaults);
          for (const x of stackItems) st.push(typeof x === 'string' ? x : { ...x });
          st.push({ ...top });
          return st;
        };
        const memory = new MeasuredText();
        const face = (r: { items: Record<string, unknown>[] }) => ({ ...r, items: r.items.map((i) => ({ ...i, font: (i.font as { face: string }).face })) });
        const fresh = (top: object) => face(pdfmakeBuildInlines.call(new TextInlines(fakeDocument), text(), stack(top)));
        const remembered = (top: object) => face(fastBuildInlines.call(new TextInlines(documentWith(memory)), text(), stack(top)));
        expect(remembered({})).toEqual(fresh({}));
        // The second time from memory (a fresh copy, in a new document), the same words, their keys in pdfmake's order.
        const again = remembered({});
        expect(again).toEqual(fresh({}));
        const keys = (r: { items: Record<string, unknown>[] }) => r.items.map((i) => Object.keys(i).join());
        expect(keys(again)).toEqual(keys(fresh({})));
        // Another style on top of the stack: what memory gives still follows it.
        expect(remembered(other)).toEqual(fresh(other));
      }),
      { numRuns: 300 },
    );
  });

  it('gives out copies: layout consuming one text’s words leaves the next one whole', () => {
    const memory = new MeasuredText();
    const d = documentWith(memory);
    const first = fastBuildInlines.call(new TextInlines(d), 'Same tekst to gonger.', new StyleContextStack({}, {}));
    first.items.forEach((i: Record<string, unknown>) => (i.text = 'x'));
    first.items.length = 0;
    const second = fastBuildInlines.call(new TextInlines(d), 'Same tekst to gonger.', new StyleContextStack({}, {}));
    expect(second.items.map((i: { text: string }) => i.text).join('')).toBe('Same tekst to gonger.');
  });
});

const { wordsOf } = await import('../../src/emit/shapeAhead.js');

describe('words shaped ahead', () => {
  it('splits texts into the words pdfkit measures, with the parts of hyphenated words', () => {
    expect(wordsOf(['Helse- og omsorg\tfor alle', 'alle kommune-planar'])).toEqual(['Helse- ', 'Helse-', ' ', 'og ', 'omsorg\t', 'for ', 'alle', 'alle ', 'kommune-planar', 'kommune-', 'planar']);
  });

  it('leave the bytes as an engine without them makes them, and stop when told', async () => {
    const doc = () => ({ content: [{ text: 'Ord forma på førehand: helse, omsorg og meistring. '.repeat(10) }, { text: 'Feit overskrift', bold: true }], pageSize: 'A5', info: { creationDate: new Date('2024-01-01T12:00:00Z') } });
    const ahead = new Engine();
    await ahead.shapeAhead(['Ord forma på førehand: helse, omsorg og meistring.', 'Feit overskrift', 'Ord som aldri vert brukte'], () => false);
    expect((await ahead.render(doc() as never)).bytes.equals((await new Engine().render(doc() as never)).bytes)).toBe(true);
    let asked = 0;
    await new Engine().shapeAhead(Array.from({ length: 2000 }, (_, i) => `ord${i}`), () => ++asked > 2);
    expect(asked).toBe(3);
  });
});

describe('a glyph’s text', () => {
  // The «fi» ligature is made from «f» «i» and from U+FB01; Roboto draws Δ and ∆ with one glyph.
  const doc = () => ({ content: [{ text: 'Tre fine ord, Δ og ∆.' }, { text: 'Ein \uFB01 og ∆x her' }], pageSize: 'A5', info: { creationDate: new Date('2024-01-01T12:00:00Z') } });

  it('does not depend on the words shaped before: the same bytes whatever was shaped ahead, and in what order', async () => {
    const plain = (await new Engine().render(doc() as never)).bytes;
    for (const words of [['\uFB01 ', 'fine '], ['∆x ', 'Δ '], ['fine ', '\uFB01 ', 'Δ ', '∆x ']]) {
      const ahead = new Engine();
      await ahead.shapeAhead(words, () => false);
      expect((await ahead.render(doc() as never)).bytes.equals(plain), words.join('|')).toBe(true);
    }
  });

  it('is taken from the first word drawn with the glyph, in that word’s own characters', async () => {
    const ahead = new Engine();
    await ahead.shapeAhead(['\uFB01 ', 'fine '], () => false);
    const first = pages((await ahead.render(doc() as never)).bytes).text[0]!.split('\n')[0]!;
    expect(first).toContain('fine');
    expect(first).not.toContain('\uFB01');
  });
});

describe('shaped words put together', () => {
  it('give pdfkit’s glyphs, positions and widths for any text, with the widths remembered', async () => {
    const pdfmake = (await import('pdfmake')).default as unknown as { virtualfs: unknown };
    const PdfDocument = require('pdfmake/js/PDFDocument.js').default;
    const doc = new PdfDocument({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } }, {}, {}, {}, { autoFirstPage: false }, pdfmake.virtualfs);
    hold(doc, new EngineDocument(undefined, new Map(), new MeasuredText()));
    const font = doc.provideFont('Roboto', false, false);
    const pdfkitLayout = Object.getPrototypeOf(font).layout;
    const pdfkitWidth = Object.getPrototypeOf(font).widthOfString;
    expect(font.layout).not.toBe(pdfkitLayout);
    const glyphs = (r: { glyphs: { id: number }[] | null; positions: unknown[] | null; advanceWidth: number }) => ({ ids: r.glyphs?.map((g) => g.id) ?? null, positions: r.positions, advanceWidth: r.advanceWidth });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ord', ' ', '\t', 'fi', 'Å', 'AV', '–', '  ', 'tekst.'), { maxLength: 12 }).map((a) => a.join('')), fc.boolean(), fc.integer({ min: 6, max: 30 }), (text, onlyWidth, size) => {
        expect(glyphs(font.layout(text, undefined, onlyWidth))).toEqual(glyphs(pdfkitLayout.call(font, text, undefined, onlyWidth)));
        expect(font.widthOfString(text, size)).toBe(pdfkitWidth.call(font, text, size));
        expect(font.widthOfString(text, size)).toBe(pdfkitWidth.call(font, text, size));
      }),
      { numRuns: 300 },
    );
  });
});

describe('document info in the XMP', () => {
  it('is escaped, so a title with «&» and «<» keeps the XMP well-formed; the Info dictionary keeps the text', async () => {
    const pdf = await renderPdf({ content: [{ text: 'x' }], subset: 'PDF/A-2a', version: '1.7', info: { title: 'Helse & omsorg <2030>', creationDate: new Date('2024-01-01T12:00:00Z') } });
    const text = pdf.bytes.toString('latin1');
    expect(text).toContain('Helse &amp; omsorg &lt;2030&gt;');
    expect(text).not.toMatch(/<rdf:li[^>]*>Helse & omsorg/);
    const file = pages(pdf.bytes).file;
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Title:\s+Helse & omsorg <2030>/);
  });
});
