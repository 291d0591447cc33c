// The shaped-word store: the words fontkit has shaped, kept on disk between builds. Shaping a word
// (fontkit's GSUB/GPOS lookups, in a process whose JIT is still cold) is a fifth of a render from
// process start; a plan is built again and again while it is written, and a kommune's plans share
// most of their words. A word found in the store is taken from it instead of being shaped: the same
// glyph ids, advances and offsets fontkit gave, so the PDF is the same byte for byte (the tests build
// with an empty, a filled and a damaged store and compare).
//
// One file per fingerprint — the font files, the fontkit and pdfkit versions and this format — so a
// changed font or engine never reads another's words: <dir>/shaped-words-<fingerprint>.bin. The file
// is a header and records appended one write at a time; each record carries its length and CRC-32,
// and reading stops at the first record that does not check out (a build killed while appending, a
// damaged disk): what comes before it is used, and the next write replaces the file with the good part.
// A word is stored only when its values fit the record exactly (integers in font units, its glyphs
// spelling the word's own characters: ownCodePoints.ts); any other word is shaped as before.
// The store is a cache: a file that cannot be read or written is ignored, never a build's failure.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { spellsOwnText } from './ownCodePoints.js';

const FORMAT = 'plantrykk shaped words 1';
/** The file stops growing beyond this size (a lifetime of a secretariat's words is far less). */
const MAX_BYTES = 32 * 1024 * 1024;
/** Bytes of a glyph in a record: id u16, characters u8, advance width i16, x/y advance and x/y offset i16. */
const GLYPH_BYTES = 13;

/** A glyph of a shaped word, as pdfkit reads it (id for the subset, width and characters for the font's tables). */
export interface StoredGlyph {
  readonly id: number;
  readonly codePoints: number[];
  readonly advanceWidth: number;
}

/** A glyph's position, as pdfkit's layoutRun leaves it (scaled to 1000 units per em). */
export interface StoredPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** A shaped word, as pdfkit's EmbeddedFont.layoutRun returns it, as far as pdfkit and the engine read it. */
export interface ShapedWord {
  readonly glyphs: readonly StoredGlyph[];
  readonly positions: readonly StoredPosition[];
  readonly advanceWidth: number;
}

/** The fingerprint of what shaping depends on: `parts` (font bytes, versions) and this format. */
export function storeFingerprint(parts: readonly (string | Uint8Array)[]): string {
  const h = crypto.createHash('sha256').update(FORMAT);
  for (const p of parts) h.update(typeof p === 'string' ? `\u0000${p}` : p);
  return h.digest('hex').slice(0, 24);
}

const fitsI16 = (v: number): boolean => Number.isInteger(v) && v >= -32768 && v <= 32767;

/** The font units of `scaled` (a value times `scale`), if it is exactly that; undefined otherwise. */
function units(scaled: number, scale: number): number | undefined {
  const u = Math.round(scaled / scale);
  return fitsI16(u) && u * scale === scaled ? u : undefined;
}

/** The body of `word`'s record (face, word, glyphs), or undefined when the word cannot be stored exactly. */
function encodeWord(face: number, word: string, run: ShapedWord, scale: number): Buffer | undefined {
  const { glyphs, positions } = run;
  if (glyphs.length !== positions.length || glyphs.length > 0xffff || word.length > 0xffff || !spellsOwnText(run, word)) return undefined;
  const body = Buffer.alloc(1 + 2 + 2 * word.length + 2 + GLYPH_BYTES * glyphs.length);
  let at = body.writeUInt8(face, 0);
  at = body.writeUInt16LE(word.length, at);
  for (let i = 0; i < word.length; i++) at = body.writeUInt16LE(word.charCodeAt(i), at);
  at = body.writeUInt16LE(glyphs.length, at);
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    const p = positions[i]!;
    const values = [g.advanceWidth, units(p.xAdvance, scale), units(p.yAdvance, scale), units(p.xOffset, scale), units(p.yOffset, scale)];
    if (!Number.isInteger(g.id) || g.id < 0 || g.id > 0xffff || g.codePoints.length > 0xff || !fitsI16(g.advanceWidth) || p.advanceWidth !== g.advanceWidth * scale) return undefined;
    if (Object.keys(p).length !== 5) return undefined;
    at = body.writeUInt16LE(g.id, at);
    at = body.writeUInt8(g.codePoints.length, at);
    for (const v of values) {
      if (v === undefined) return undefined;
      at = body.writeInt16LE(v, at);
    }
  }
  return body;
}

/** A record: its body's length and CRC-32, then the body. */
function record(body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(body.length, 0);
  head.writeUInt32LE(zlib.crc32(body), 4);
  return Buffer.concat([head, body]);
}

/** The word a record body holds, and where its glyphs start. */
function wordOf(bytes: Buffer, start: number): { face: number; word: string; glyphsAt: number } {
  const face = bytes.readUInt8(start);
  const length = bytes.readUInt16LE(start + 1);
  let word = '';
  for (let i = 0; i < length; i++) word += String.fromCharCode(bytes.readUInt16LE(start + 3 + 2 * i));
  return { face, word, glyphsAt: start + 3 + 2 * length };
}

/** The words of one build: read from the store's file, and the new ones appended to it (flush). */
export class ShapedWordStore {
  /** Where each stored word's glyphs start in `bytes`, by face. */
  private readonly index = new Map<number, Map<string, number>>();
  private readonly pending: Buffer[] = [];
  /** One glyph object per face, glyph and character, shared by the words taken (as fontkit shares its glyphs). */
  private readonly singleGlyphs = new Map<number, StoredGlyph>();
  private readonly pendingWords = new Set<string>();

  private constructor(
    private readonly file: string | undefined,
    private readonly bytes: Buffer,
    /** The end of the last good record; the file is rewritten from here on when it holds more (a damaged tail). */
    private goodEnd: number,
    /** The file's size as last read or written. */
    private fileSize: number,
  ) {
    let at = header(file).length;
    while (at < goodEnd) {
      const length = bytes.readUInt32LE(at);
      const { face, word, glyphsAt } = wordOf(bytes, at + 8);
      let words = this.index.get(face);
      if (!words) this.index.set(face, (words = new Map()));
      if (!words.has(word)) words.set(word, glyphsAt);
      at += 8 + length;
    }
  }

  /** The store of fingerprint `fingerprint` in `dir`; with `dir` undefined, a store that keeps nothing. */
  static open(dir: string | undefined, fingerprint: string): ShapedWordStore {
    if (dir === undefined) return new ShapedWordStore(undefined, Buffer.alloc(0), 0, 0);
    const file = path.join(dir, `shaped-words-${fingerprint}.bin`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = Buffer.alloc(0);
    }
    return new ShapedWordStore(file, bytes, goodRecordsEnd(bytes, header(file)), bytes.length);
  }

  /** `word` in `face` as it was shaped before, or undefined when it is not stored. */
  take(face: number, word: string, scale: number): ShapedWord | undefined {
    let at = this.index.get(face)?.get(word);
    if (at === undefined) return undefined;
    const bytes = this.bytes;
    const count = bytes.readUInt16LE(at);
    at += 2;
    const glyphs: StoredGlyph[] = [];
    const positions: StoredPosition[] = [];
    let char = 0;
    let advanceWidth = 0;
    for (let i = 0; i < count; i++, at += GLYPH_BYTES) {
      const chars = bytes.readUInt8(at + 2);
      const codePoints: number[] = [];
      for (let c = 0; c < chars; c++) {
        const cp = word.codePointAt(char);
        if (cp === undefined) return undefined;
        codePoints.push(cp);
        char += cp > 0xffff ? 2 : 1;
      }
      const width = bytes.readInt16LE(at + 3);
      const id = bytes.readUInt16LE(at);
      if (chars === 1) {
        // Keyed by face, glyph and character: the width is the glyph's own, the same for each.
        const key = (face * 0x10000 + id) * 0x110000 + codePoints[0]!;
        let glyph = this.singleGlyphs.get(key);
        if (!glyph) this.singleGlyphs.set(key, (glyph = { id, codePoints, advanceWidth: width }));
        glyphs.push(glyph);
      } else glyphs.push({ id, codePoints, advanceWidth: width });
      // The order and arithmetic of pdfkit's layoutRun: each fontkit value times the scale, then the glyph's width.
      const position: StoredPosition = {
        xAdvance: bytes.readInt16LE(at + 5) * scale,
        yAdvance: bytes.readInt16LE(at + 7) * scale,
        xOffset: bytes.readInt16LE(at + 9) * scale,
        yOffset: bytes.readInt16LE(at + 11) * scale,
        advanceWidth: width * scale,
      };
      positions.push(position);
      advanceWidth += position.xAdvance;
    }
    if (char !== word.length) return undefined;
    return { glyphs, positions, advanceWidth };
  }

  /** Keep `word`, shaped in `face` as `run` by fontkit, for the next flush (a word that cannot be stored exactly is left out). */
  remember(face: number, word: string, run: ShapedWord, scale: number): void {
    if (this.file === undefined || this.index.get(face)?.has(word)) return;
    const key = `${face}\u0000${word}`;
    if (this.pendingWords.has(key)) return;
    const body = encodeWord(face, word, run, scale);
    if (!body) return;
    this.pendingWords.add(key);
    this.pending.push(record(body));
  }

  /** Append the words remembered since the last flush to the file (the whole file rewritten when its tail was damaged). Never throws. */
  flush(): void {
    const file = this.file;
    if (file === undefined || this.pending.length === 0) return;
    const fresh = Buffer.concat(this.pending.splice(0));
    try {
      if (this.fileSize + fresh.length > MAX_BYTES) return;
      if (this.goodEnd === this.fileSize && this.fileSize > 0) {
        fs.appendFileSync(file, fresh);
      } else {
        // A new file, or one whose tail is damaged: header, the good records and the new ones, put in place whole.
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const kept = this.goodEnd > 0 ? this.bytes.subarray(0, this.goodEnd) : header(file);
        const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
        fs.writeFileSync(tmp, Buffer.concat([kept, fresh]));
        fs.renameSync(tmp, file);
        this.fileSize = kept.length;
      }
      this.fileSize += fresh.length;
      this.goodEnd = this.fileSize;
    } catch {
      // A cache that cannot be written is no build's problem: the words are shaped again next time.
    }
  }
}

/** The header of `file`: the format and the file's own name (which holds the fingerprint). */
function header(file: string | undefined): Buffer {
  return Buffer.from(`${FORMAT}\n${file === undefined ? '' : path.basename(file)}\n`, 'utf8');
}

/** The end of the last record of `bytes` whose length and CRC-32 check out (0: no usable header). */
function goodRecordsEnd(bytes: Buffer, head: Buffer): number {
  if (bytes.length < head.length || !bytes.subarray(0, head.length).equals(head)) return 0;
  let at = head.length;
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32LE(at);
    const end = at + 8 + length;
    if (length < 5 || end > bytes.length || zlib.crc32(bytes.subarray(at + 8, end)) !== bytes.readUInt32LE(at + 4)) break;
    const wordLength = bytes.readUInt16LE(at + 9);
    const glyphsAt = at + 8 + 3 + 2 * wordLength;
    if (glyphsAt + 2 > end || glyphsAt + 2 + GLYPH_BYTES * bytes.readUInt16LE(glyphsAt) !== end) break;
    at = end;
  }
  return at;
}

/** A pdfkit font as the store reads and wraps it. */
interface StoreFont {
  scale: number;
  layoutRun(text: string, features?: unknown): ShapedWord;
}

const THROUGH = Symbol('plantrykk.shapedWordStore');

/** The face number of a face in the store. */
export const faceNumber = (bold: boolean, italics: boolean): number => (bold ? 1 : 0) + (italics ? 2 : 0);

/**
 * Make `font` (a pdfkit EmbeddedFont, after ownCodePoints.ts shapeWithOwnText) take the words of
 * `face` from `store`, and remember the words it shapes itself. Text with font features is shaped as before.
 */
export function shapeThroughStore(font: object, store: ShapedWordStore, face: number): void {
  const f = font as StoreFont & { [THROUGH]?: ShapedWordStore };
  if (f[THROUGH] === store || typeof f.layoutRun !== 'function') return;
  const shape = f.layoutRun;
  f.layoutRun = function (this: StoreFont, text: string, features?: unknown): ShapedWord {
    if (features !== undefined) return shape.call(this, text, features);
    const stored = store.take(face, text, this.scale);
    if (stored) return stored;
    const run = shape.call(this, text);
    store.remember(face, text, run, this.scale);
    return run;
  };
  Object.defineProperty(f, THROUGH, { value: store });
}
