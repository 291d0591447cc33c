// Text rule: every string the plan prints must be printable — no invisible control, bidi or
// zero-width characters, and no character the embedded font lacks (found before rendering).
import * as fs from 'node:fs';
import * as fontkit from 'fontkit';
import type { DiagnosticSink } from '../core/diagnostics.js';
import { fontFiles } from '../core/fonts.js';
import { locate, type SourceFile, type PathSegment } from '../load/yamlFile.js';

const FORBIDDEN = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u2028\u2029\uFEFF]/u;

interface GlyphSet {
  has(cp: number): boolean;
}

let glyphs: GlyphSet | undefined;

/** The code points the regular document face can print (bold/italic faces share Roboto's coverage). */
function documentGlyphs(): GlyphSet {
  if (!glyphs) {
    const font = fontkit.create(fs.readFileSync(fontFiles().normal)) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
    const cache = new Map<number, boolean>();
    glyphs = {
      has(cp) {
        let v = cache.get(cp);
        if (v === undefined) {
          v = cp === 0x0a || font.hasGlyphForCodePoint(cp);
          cache.set(cp, v);
        }
        return v;
      },
    };
  }
  return glyphs;
}

/** Longest run of characters without a break opportunity that layout handles in reasonable time. */
export const MAX_WORD_LENGTH = 200;
const LONG_WORD = new RegExp(`[^\\s\\-/]{${MAX_WORD_LENGTH + 1},}`, 'u');

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Check every string value in `files`; one diagnostic per string at most. */
export function checkText(files: Iterable<SourceFile>, sink: DiagnosticSink): void {
  const g = documentGlyphs();
  for (const file of files) {
    walk(file.value, [], (s, at) => {
      const bad = FORBIDDEN.exec(s);
      if (bad) {
        sink.report('validate/control-char', locate(file, at), { codepoint: hex(bad[0].codePointAt(0) ?? 0) });
        return;
      }
      const word = LONG_WORD.exec(s.replace(/\]\([^)]*\)/g, ']'));
      if (word) {
        sink.report('limit/word-length', locate(file, at), { length: word[0].length, limit: MAX_WORD_LENGTH });
        return;
      }
      for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        if (!g.has(cp)) {
          sink.report('validate/glyph-missing', locate(file, at), { char: ch, codepoint: hex(cp) });
          return;
        }
      }
    });
  }
}

function walk(v: unknown, at: PathSegment[], visit: (s: string, at: PathSegment[]) => void): void {
  if (typeof v === 'string') visit(v, at);
  else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i], visit));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k], visit);
}
