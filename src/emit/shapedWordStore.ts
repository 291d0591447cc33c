// The shaped-word store: the words fontkit has shaped, kept on disk between builds. Shaping a word
// (fontkit's GSUB/GPOS lookups, in a process whose JIT is still cold) is a fifth of a render from
// process start; a plan is built again and again while it is written, and a kommune's plans share
// most of their words. A word found in the store is taken from it instead of being shaped: the same
// glyph ids, advances and offsets fontkit gave, so the PDF is the same byte for byte (the tests build
// with an empty, a filled and a damaged store and compare).
//
// One file per fingerprint — the font files, the fontkit and pdfkit versions and this format — so a
// changed font or engine never reads another's words: <dir>/shaped-words-<fingerprint>.bin. The file
// is a header and records appended one write at a time; each record carries its length and CRC-32.
// Opening reads the records as far as their lengths hold together (a build killed while appending
// leaves a torn tail); a word's CRC-32 is checked when it is taken, and a record that fails is shaped
// again. A file with a damaged part is written again whole with the records that check out; one that
// would grow past MAX_BYTES, with only the words of the build that writes it (the words in use stay).
// A word is stored only when its values fit the record exactly (integers in font units, its glyphs
// spelling the word's own characters: ownCodePoints.ts); any other word is shaped as before.
// The store is a cache: a file that cannot be read or written is ignored, never a build's failure.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { spellsOwnText } from './ownCodePoints.js';

const FORMAT = 'plantrykk shaped words 1';
/** Past this size (some 50 000 words) the file is made again from the words of the build that writes it. */
const MAX_BYTES = 8 * 1024 * 1024;
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

/** The bytes of a record that starts at `at`: its length and CRC-32, and its body. */
const recordEnd = (bytes: Buffer, at: number): number => at + 8 + bytes.readUInt32LE(at);

/** Whether the record at `at` (whole, inside `bytes`) has the CRC-32 it carries. */
const crcHolds = (bytes: Buffer, at: number): boolean => zlib.crc32(bytes.subarray(at + 8, recordEnd(bytes, at))) === bytes.readUInt32LE(at + 4);

/**
 * The records of `bytes` after `head`, as far as their lengths and shapes hold together: each one's
 * start, face and word, and the end of the last. The CRC-32 is checked when a word is taken (only the
 * words a build uses pay for it) and for every record before the file is rewritten.
 */
function readRecords(bytes: Buffer, head: Buffer): { records: { at: number; face: number; word: string }[]; end: number } {
  const records: { at: number; face: number; word: string }[] = [];
  if (bytes.length < head.length || !bytes.subarray(0, head.length).equals(head)) return { records, end: 0 };
  let at = head.length;
  while (at + 8 + 5 <= bytes.length) {
    const end = recordEnd(bytes, at);
    const face = bytes.readUInt8(at + 8);
    const wordEnd = at + 11 + 2 * bytes.readUInt16LE(at + 9);
    if (end > bytes.length || face > 3 || wordEnd + 2 > end || wordEnd + 2 + GLYPH_BYTES * bytes.readUInt16LE(wordEnd) !== end) break;
    records.push({ at, face, word: bytes.toString('utf16le', at + 11, wordEnd) });
    at = end;
  }
  return { records, end: at };
}

/** The words of one build: read from the store's file, and the new ones appended to it (flush). */
export class ShapedWordStore {
  /** Where each stored word's record starts in `bytes`, by face. */
  private readonly index = new Map<number, Map<string, number>>();
  /** The records taken by this build (kept when the file is made smaller). */
  private readonly taken: number[] = [];
  private readonly pending: Buffer[] = [];
  private readonly pendingWords = new Set<string>();
  /** One glyph object per face, glyph and character, shared by the words taken (as fontkit shares its glyphs). */
  private readonly singleGlyphs = new Map<number, StoredGlyph>();
  /** A record whose CRC-32 failed was met: the next write keeps only the records that check out. */
  private damaged = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly bytes: Buffer,
    /** The end of the last whole record; the file is rewritten when it holds more (a damaged tail). */
    private goodEnd: number,
    /** The file's size as last read or written. */
    private fileSize: number,
    records: readonly { at: number; face: number; word: string }[],
    private readonly maxBytes: number,
  ) {
    for (const { at, face, word } of records) {
      let words = this.index.get(face);
      if (!words) this.index.set(face, (words = new Map()));
      if (!words.has(word)) words.set(word, at);
    }
  }

  /** The store of fingerprint `fingerprint` in `dir`; with `dir` undefined, a store that keeps nothing. */
  static open(dir: string | undefined, fingerprint: string, maxBytes = MAX_BYTES): ShapedWordStore {
    if (dir === undefined) return new ShapedWordStore(undefined, Buffer.alloc(0), 0, 0, [], maxBytes);
    const file = path.join(dir, `shaped-words-${fingerprint}.bin`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = Buffer.alloc(0);
    }
    const { records, end } = readRecords(bytes, header(file));
    return new ShapedWordStore(file, bytes, end, bytes.length, records, maxBytes);
  }

  /** `word` in `face` as it was shaped before, or undefined when it is not stored (or its record is damaged, or names a glyph beyond `glyphCount`). */
  take(face: number, word: string, scale: number, glyphCount = 0x10000): ShapedWord | undefined {
    const start = this.index.get(face)?.get(word);
    if (start === undefined) return undefined;
    const bytes = this.bytes;
    if (!crcHolds(bytes, start)) {
      this.index.get(face)!.delete(word);
      this.damaged = true;
      return undefined;
    }
    let at = start + 11 + 2 * word.length;
    const count = bytes.readUInt16LE(at);
    at += 2;
    const glyphs: StoredGlyph[] = [];
    const positions: StoredPosition[] = [];
    let char = 0;
    let advanceWidth = 0;
    for (let i = 0; i < count; i++, at += GLYPH_BYTES) {
      const id = bytes.readUInt16LE(at);
      const chars = bytes.readUInt8(at + 2);
      if (id >= glyphCount) return undefined;
      const codePoints: number[] = [];
      for (let c = 0; c < chars; c++) {
        const cp = word.codePointAt(char);
        if (cp === undefined) return undefined;
        codePoints.push(cp);
        char += cp > 0xffff ? 2 : 1;
      }
      const width = bytes.readInt16LE(at + 3);
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
    this.taken.push(start);
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

  /**
   * Append the words remembered since the last flush to the file. The file is written whole instead
   * (to a temporary file, then renamed) when it is new or damaged — with the records that check out —
   * or would grow past its limit (MAX_BYTES) — with only the words this build took and shaped. Never throws.
   */
  flush(): void {
    const file = this.file;
    if (file === undefined || this.pending.length === 0) return;
    const fresh = Buffer.concat(this.pending.splice(0));
    let tmp: string | undefined;
    try {
      let kept: Buffer[] | undefined;
      if (this.fileSize + fresh.length > this.maxBytes) kept = this.taken.map((at) => this.bytes.subarray(at, recordEnd(this.bytes, at)));
      else if (this.damaged || this.goodEnd !== this.fileSize || this.fileSize === 0) kept = this.checkedRecords();
      if (!kept) fs.appendFileSync(file, fresh);
      else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const whole = Buffer.concat([header(file), ...kept, fresh]);
        tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
        fs.writeFileSync(tmp, whole);
        fs.renameSync(tmp, file);
        tmp = undefined;
        this.fileSize = whole.length - fresh.length;
        this.damaged = false;
        this.taken.length = 0;
      }
      this.fileSize += fresh.length;
      this.goodEnd = this.fileSize;
    } catch {
      // A cache that cannot be written is no build's problem: the words are shaped again next time.
      if (tmp !== undefined) removeQuietly(tmp);
    }
  }

  /** Every record of the file read whose CRC-32 holds, in order (the file's good part). */
  private checkedRecords(): Buffer[] {
    const out: Buffer[] = [];
    for (const words of this.index.values()) for (const at of words.values()) if (crcHolds(this.bytes, at)) out.push(this.bytes.subarray(at, recordEnd(this.bytes, at)));
    return out;
  }
}

/** Remove `file` if it can be removed (a temporary file left by a write that failed). */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left for the folder's owner: a cache folder holds nothing a build reads but its store files.
  }
}

/** The header of `file`: the format and the file's own name (which holds the fingerprint). */
function header(file: string | undefined): Buffer {
  return Buffer.from(`${FORMAT}\n${file === undefined ? '' : path.basename(file)}\n`, 'utf8');
}

/** A pdfkit font as the store reads and wraps it. */
interface StoreFont {
  scale: number;
  font?: { numGlyphs?: number };
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
    const stored = store.take(face, text, this.scale, this.font?.numGlyphs);
    if (stored) return stored;
    const run = shape.call(this, text);
    store.remember(face, text, run, this.scale);
    return run;
  };
  Object.defineProperty(f, THROUGH, { value: store });
}
