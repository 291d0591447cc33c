// The shaped-word store (src/emit/shapedWordStore.ts): a word taken from it is what fontkit and
// pdfkit would have made of it, the PDF is the same byte for byte with an empty, a filled or a
// damaged store, and a store that cannot be read or written never stops a render.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { Engine } = await import('../../src/emit/renderPdf.js');
const { ShapedWordStore, faceNumber, storeFingerprint } = await import('../../src/emit/shapedWordStore.js');
const { cacheDir } = await import('../../src/core/cacheDir.js');
const pdfmake = (await import('pdfmake')).default as unknown as { virtualfs: unknown };
new Engine(); // installs the extensions and loads the fonts into pdfmake's file system

type Run = { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: Record<string, number>[]; advanceWidth: number };

/** A fresh pdfkit font of `face` with pdfkit's own layoutRun (no cache, no store). */
function pdfkitFont(bold: boolean, italics: boolean): { scale: number; layoutRun(text: string): Run } {
  const PdfDocument = require('pdfmake/js/PDFDocument.js').default;
  const doc = new PdfDocument({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } }, {}, {}, {}, { autoFirstPage: false }, pdfmake.virtualfs);
  return doc.provideFont('Roboto', bold, italics);
}

/** What pdfkit reads of a run. */
const seen = (r: Run) => ({
  glyphs: r.glyphs.map((g) => ({ id: g.id, codePoints: [...g.codePoints], advanceWidth: g.advanceWidth })),
  positions: r.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth: p.advanceWidth })),
  advanceWidth: r.advanceWidth,
});

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-store-'));
const storeFile = (dir: string) => path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.bin'))!);

// Words as plans write them: Norwegian letters, ligatures, kerning pairs, punctuation, digits, a
// combining mark, characters outside the BMP and ones the font lacks.
const piece = fc.constantFrom('ord', 'Q\u0303', 'j\u0301', 'x\u0323', 'fi', 'ffl', 'AV', 'To', 'Å', 'æøå', 'ÆØÅ', '–', '«', '»', '2026', '%', 'e\u0301', '\uFB01', 'Δ', '∆', '𝔸', '😀', '\u00AD', 'ŋ', 'ǩ', '.', ',', ' ', 'kr', 'ÿ', '\u200B');
const word = fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));

describe('a stored word', () => {
  it('comes back as fontkit and pdfkit shaped it: glyph ids, characters, widths and positions, in every face', () => {
    const dir = tmpDir();
    const fingerprint = storeFingerprint(['test']);
    const faces = [[false, false], [true, false], [false, true], [true, true]] as const;
    const fonts = faces.map(([b, i]) => pdfkitFont(b, i));
    const words = fc.sample(fc.uniqueArray(word, { minLength: 400, maxLength: 400 }), 1)[0]!;
    const writer = ShapedWordStore.open(dir, fingerprint);
    const shaped = new Map<string, Run>();
    faces.forEach(([b, i], f) => {
      for (const w of words) {
        const run = fonts[f]!.layoutRun(w);
        shaped.set(`${f}|${w}`, run);
        writer.remember(faceNumber(b, i), w, run, fonts[f]!.scale);
      }
    });
    writer.flush();
    const reader = ShapedWordStore.open(dir, fingerprint);
    let stored = 0;
    faces.forEach(([b, i], f) => {
      for (const w of words) {
        const back = reader.take(faceNumber(b, i), w, fonts[f]!.scale);
        if (!back) continue;
        stored++;
        expect(seen(back as Run), `${f} ${JSON.stringify(w)}`).toEqual(seen(shaped.get(`${f}|${w}`)!));
        expect(Object.keys(back.positions[0] ?? {})).toEqual(Object.keys(shaped.get(`${f}|${w}`)!.positions[0] ?? {}));
      }
    });
    // Nearly every word is kept (one whose values do not fit a record is shaped each time instead).
    expect(stored).toBeGreaterThan(words.length * 2);
    expect(reader.take(0, 'ikkje lagra', fonts[0]!.scale)).toBeUndefined();
  });

  it('is left out when a value does not fit the record exactly, and is never taken for another face or fingerprint', () => {
    const dir = tmpDir();
    const font = pdfkitFont(false, false);
    const store = ShapedWordStore.open(dir, storeFingerprint(['a']));
    const run = font.layoutRun('tekst');
    store.remember(0, 'tekst', run, font.scale);
    const odd = { ...run, positions: run.positions.map((p, i) => (i === 0 ? { ...p, xAdvance: p.xAdvance + 0.1 } : p)) };
    store.remember(0, 'skeiv', { ...odd, glyphs: font.layoutRun('skeiv').glyphs }, font.scale);
    store.remember(0, 'annan', run, font.scale); // glyphs that do not spell the word
    store.flush();
    const back = ShapedWordStore.open(dir, storeFingerprint(['a']));
    expect(back.take(0, 'tekst', font.scale)).toBeDefined();
    expect(back.take(0, 'skeiv', font.scale)).toBeUndefined();
    expect(back.take(0, 'annan', font.scale)).toBeUndefined();
    expect(back.take(1, 'tekst', font.scale)).toBeUndefined();
    expect(ShapedWordStore.open(dir, storeFingerprint(['b'])).take(0, 'tekst', font.scale)).toBeUndefined();
  });
});

describe('the store file', () => {
  const font = pdfkitFont(false, false);
  const fill = (dir: string, words: readonly string[]) => {
    const s = ShapedWordStore.open(dir, 'fp');
    for (const w of words) s.remember(0, w, font.layoutRun(w), font.scale);
    s.flush();
  };

  it('grows by appending; a damaged record and what follows it are not read, and the next write keeps only the good part', () => {
    const dir = tmpDir();
    fill(dir, ['ein ', 'to ']);
    const afterTwo = fs.statSync(storeFile(dir)).size;
    fill(dir, ['tre ']);
    const bytes = fs.readFileSync(storeFile(dir));
    expect(bytes.length).toBeGreaterThan(afterTwo);
    // A bit flipped in the last record, then a torn record after it (a build killed while appending).
    bytes[bytes.length - 3]! ^= 0x10;
    fs.writeFileSync(storeFile(dir), Buffer.concat([bytes, Buffer.from([9, 0, 0, 0, 1])]));
    const damaged = ShapedWordStore.open(dir, 'fp');
    expect(damaged.take(0, 'ein ', font.scale)).toBeDefined();
    expect(damaged.take(0, 'to ', font.scale)).toBeDefined();
    expect(damaged.take(0, 'tre ', font.scale)).toBeUndefined();
    damaged.remember(0, 'fire ', font.layoutRun('fire '), font.scale);
    damaged.flush();
    const repaired = ShapedWordStore.open(dir, 'fp');
    for (const w of ['ein ', 'to ', 'fire ']) expect(repaired.take(0, w, font.scale), w).toBeDefined();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the words of every flush of one store, new file or repaired one', () => {
    for (const damage of [false, true]) {
      const dir = tmpDir();
      if (damage) {
        fill(dir, ['null ']);
        fs.appendFileSync(storeFile(dir), Buffer.from([200, 0, 0, 0]));
      }
      const s = ShapedWordStore.open(dir, 'fp');
      for (const words of [['ein ', 'to '], ['tre '], ['fire ']]) {
        for (const w of words) s.remember(0, w, font.layoutRun(w), font.scale);
        s.flush();
      }
      const back = ShapedWordStore.open(dir, 'fp');
      for (const w of [...(damage ? ['null '] : []), 'ein ', 'to ', 'tre ', 'fire ']) expect(back.take(0, w, font.scale), `${damage} ${w}`).toBeDefined();
    }
  });

  it('past its size limit is made again from the words the build took and shaped', () => {
    const dir = tmpDir();
    fill(dir, ['ein ', 'to ', 'tre ', 'fire ', 'fem ']);
    const size = fs.statSync(storeFile(dir)).size;
    const s = ShapedWordStore.open(dir, 'fp', size + 10);
    expect(s.take(0, 'to ', font.scale)).toBeDefined();
    s.remember(0, 'seks ', font.layoutRun('seks '), font.scale);
    s.flush();
    const back = ShapedWordStore.open(dir, 'fp');
    expect(['ein ', 'to ', 'tre ', 'fire ', 'fem ', 'seks '].filter((w) => back.take(0, w, font.scale))).toEqual(['to ', 'seks ']);
    expect(fs.statSync(storeFile(dir)).size).toBeLessThan(size);
  });

  it('gives no word whose glyph the font does not have', () => {
    const dir = tmpDir();
    fill(dir, ['ord ']);
    const back = ShapedWordStore.open(dir, 'fp');
    const ids = back.take(0, 'ord ', font.scale)!.glyphs.map((g) => g.id);
    expect(ShapedWordStore.open(dir, 'fp').take(0, 'ord ', font.scale, Math.max(...ids))).toBeUndefined();
    expect(ShapedWordStore.open(dir, 'fp').take(0, 'ord ', font.scale, Math.max(...ids) + 1)).toBeDefined();
  });

  it('is ignored when it is not a store file, and rewritten whole by the next write', () => {
    const dir = tmpDir();
    fill(dir, ['ord ']);
    fs.writeFileSync(storeFile(dir), 'not a store');
    expect(ShapedWordStore.open(dir, 'fp').take(0, 'ord ', font.scale)).toBeUndefined();
    fill(dir, ['ord ']);
    expect(ShapedWordStore.open(dir, 'fp').take(0, 'ord ', font.scale)).toBeDefined();
  });

  it('that cannot be written or read is no error: the words are shaped as before', () => {
    const dir = tmpDir();
    const blocked = path.join(dir, 'file-not-folder');
    fs.writeFileSync(blocked, '');
    const s = ShapedWordStore.open(blocked, 'fp');
    s.remember(0, 'ord ', font.layoutRun('ord '), font.scale);
    expect(() => s.flush()).not.toThrow();
    expect(ShapedWordStore.open(blocked, 'fp').take(0, 'ord ', font.scale)).toBeUndefined();
  });
});

describe('rendering through the store', () => {
  const definition = () => ({
    content: [
      { text: 'Hovudmål 1: Gode og trygge tenester – «fire» fine ord, Δ og ∆, \uFB01 og fi.', style: 'h' },
      { text: [{ text: 'Ansvar: ', bold: true }, { text: 'kommunalsjef helse og omsorg', italics: true }, ' 2026–2030: 1 250 000 kr.'] },
      { text: 'Éin e\u0301 til slutt, med 𝔸 og ŋ.', bold: true, italics: true },
    ],
    styles: { h: { fontSize: 14, bold: true } },
    pageSize: 'A5',
    info: { creationDate: new Date('2024-01-01T12:00:00Z') },
  });

  it('gives the same bytes with no store, an empty one, a filled one and a damaged one', async () => {
    const plain = (await new Engine().render(definition() as never)).bytes;
    const dir = tmpDir();
    const first = await new Engine({ storeDir: dir }).render(definition() as never);
    expect(first.bytes.equals(plain)).toBe(true);
    const file = storeFile(dir);
    expect(fs.statSync(file).size).toBeGreaterThan(100);
    const size = fs.statSync(file).size;
    expect((await new Engine({ storeDir: dir }).render(definition() as never)).bytes.equals(plain)).toBe(true);
    // Every word was taken from the store: the file did not grow.
    expect(fs.statSync(file).size).toBe(size);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect((await new Engine({ storeDir: dir }).render(definition() as never)).bytes.equals(plain)).toBe(true);
    expect(fs.statSync(file).size).toBe(size);
  });

  it('takes the words from the store instead of shaping them', async () => {
    const dir = tmpDir();
    await new Engine({ storeDir: dir }).render(definition() as never);
    const TTFFont = Object.getPrototypeOf(require('fontkit').create(fs.readFileSync(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'))));
    const fontkitLayout = TTFFont.layout;
    let shaped = 0;
    TTFFont.layout = function (this: unknown, ...args: unknown[]) {
      shaped++;
      return fontkitLayout.apply(this, args);
    };
    try {
      await new Engine({ storeDir: dir }).render(definition() as never);
      const inStore = shaped;
      await new Engine().render(definition() as never);
      expect(inStore).toBe(0);
      expect(shaped).toBeGreaterThan(10);
    } finally {
      TTFFont.layout = fontkitLayout;
    }
  });
});

describe('the cache folder', () => {
  it('is PLANTRYKK_CACHE_DIR, off, or the user cache folder', () => {
    expect(cacheDir({ PLANTRYKK_CACHE_DIR: 'off' })).toBeUndefined();
    expect(cacheDir({ PLANTRYKK_CACHE_DIR: 'rel/dir' })).toBe(path.resolve('rel/dir'));
    expect(cacheDir({ XDG_CACHE_HOME: '/var/cache/u' })).toBe('/var/cache/u/plantrykk');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(path.join(os.homedir(), '.cache', 'plantrykk'));
    expect(cacheDir({})).toBe(path.join(os.homedir(), '.cache', 'plantrykk'));
  });
});
