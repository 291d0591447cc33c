// Text rule: every string the plan prints must be printable — no invisible control, bidi or
// zero-width characters, no character the embedded font lacks (found before rendering), no word
// too long to lay out — and its links must go to web or e-mail addresses.
import type { DiagnosticSink } from '../core/diagnostics.js';
import { nodeAssets, type ToolAssets } from '../core/assets.js';
import { walkStrings } from '../core/values.js';
import { locate, type SourceFile } from '../load/yamlFile.js';
import { badLinks } from './linkCheck.js';
import { documentGlyphs } from './glyphCoverage.js';

const FORBIDDEN = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u2028\u2029\uFEFF]/u;

/** Longest run of characters without a break opportunity that layout handles in reasonable time. */
export const MAX_WORD_LENGTH = 200;
// No-break spaces (U+00A0, U+2007, U+202F) join words: layout cannot break there either.
const WORD_CHAR = '(?:[^\\s\\-/]|[\u00A0\u2007\u202F])';
// Tried only where a word begins (after no word character): a scan of the text, not of every word from each of its characters.
const LONG_WORD = new RegExp(`(?<!${WORD_CHAR})${WORD_CHAR}{${MAX_WORD_LENGTH + 1},}`, 'u');

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Check every string value in `files`: one diagnostic per string at most, and one per bad link. */
export function checkText(files: Iterable<SourceFile>, sink: DiagnosticSink, assets: ToolAssets = nodeAssets): void {
  const g = documentGlyphs(assets);
  for (const file of files) {
    walkStrings(file.value, [], (s, at) => {
      for (const link of badLinks(s)) sink.report('validate/link', locate(file, at), link);
      const bad = FORBIDDEN.exec(s);
      if (bad) {
        sink.report('validate/control-char', locate(file, at), { codepoint: hex(bad[0].codePointAt(0) ?? 0) });
        return;
      }
      const word = s.length > MAX_WORD_LENGTH ? LONG_WORD.exec(s.replace(/\]\([^)]*\)/g, ']')) : null;
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
