// The placeholder word: what `plantrykk new` (scaffold/newPlan.ts) writes in every value and text the
// author must replace, and what the checks look for in plan text (check/exampleRules.ts). Text that
// still holds it is treated like an example value: a høyring or vedtak with it is refused or stamped.
import type { Span } from '../core/span.js';
import { walkStrings } from '../core/values.js';
import type { PathSegment, SourceFile } from '../load/yamlFile.js';
import { locate } from '../load/yamlFile.js';
import { VARIANTS, type ExampleMark, type Language, type PlaceholderText, type VariantName } from './types.js';

/** The word that marks what the author must replace, per language form (in a value, or in its comment). */
export const PLACEHOLDER_WORD: Readonly<Record<Language, string>> = { nn: 'PLASSHALDAR', nb: 'PLASSHOLDER' };

/** Which variants print a value at `at` of `file`: a value under `variants.<v>` only that one, an internal note only the utkast. */
function scopeOf(file: SourceFile, at: readonly PathSegment[]): VariantName | 'all' {
  if (file.kind === 'plan' && at[0] === 'variants') return VARIANTS.find((v) => v === at[1]) ?? 'all';
  if (file.kind === 'chapter' && at.includes('note')) return 'utkast';
  return 'all';
}

/** `word` as a whole word, not the start of a longer one. */
const wholeWord = (word: string, flags = ''): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, `u${flags}`);

/** Either form's word: a plan may switch its language form after `new`. */
const ANY_WORD = wholeWord(`(?:${Object.values(PLACEHOLDER_WORD).join('|')})`);

/** Where `word` is written in the source of the string at `at`: its own line and column when found, else the string's start. */
function wordSpan(file: SourceFile, at: readonly PathSegment[], word: string): Span {
  const start = locate(file, at);
  const find = wholeWord(word, 'g');
  find.lastIndex = (file.lineCounter.lineStarts[start.line - 1] ?? 0) + start.col - 1;
  const found = find.exec(file.text);
  if (!found) return start;
  const pos = file.lineCounter.linePos(found.index);
  return { file: start.file, line: pos.line, col: pos.col };
}

/**
 * Every string value of `files` that still holds the placeholder word, once per string, at the word.
 * Comments are not values (the scaffold's comments name the word); a value an `eksempel` entry marks
 * already (a scaffold title) is reported by its mark, not twice.
 */
export function placeholderTexts(files: readonly SourceFile[], marks: readonly ExampleMark[]): PlaceholderText[] {
  const out: PlaceholderText[] = [];
  for (const file of files) {
    const marked = marks.filter((m) => m.span.file === file.display).map((m) => m.path);
    walkStrings(file.value, [], (v, at) => {
      const m = ANY_WORD.exec(v);
      if (!m || at[0] === 'eksempel') return;
      const dotted = at.join('.');
      if (!marked.some((p) => dotted === p || dotted.startsWith(`${p}.`))) out.push({ word: m[0], span: wordSpan(file, at, m[0]), scope: scopeOf(file, at) });
    });
  }
  return out;
}
