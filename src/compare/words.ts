// Word-level diff of two texts with the `diff` library's array diff, over tokens that keep Norwegian
// words whole: letters of any script (æ, ø, å …), digits, and compounds joined by hyphens or
// apostrophes («helse- og omsorgstenester» keeps «helse-»; «Nordhordland-regionen» is one word);
// every punctuation mark is a token of its own, and whitespace runs are tokens kept with the text.
import { diffArrays } from 'diff';
import type { WordPart } from './types.js';

const TOKEN = /[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*-?|\s+|[^\p{L}\p{N}\s]/gu;

/** The tokens of `text`, whose concatenation is `text`. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The word diff of `a` → `b`: runs of kept, deleted and inserted text, deletions before insertions. */
export function diffWords(a: string, b: string): WordPart[] {
  const runs = diffArrays(wordTokens(a), wordTokens(b)).map((c): WordPart => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value.join('') }));
  const out: WordPart[] = [];
  // Changed runs separated only by spaces read as one change: «a b» → «c d», not a→c, b→d.
  for (let i = 0; i < runs.length; ) {
    if (runs[i]!.op === 'same') {
      out.push(runs[i++]!);
      continue;
    }
    let del = '';
    let ins = '';
    for (;;) {
      const r = runs[i];
      if (r && r.op === 'del') del += r.text;
      else if (r && r.op === 'ins') ins += r.text;
      else if (r && /^\s+$/.test(r.text) && runs[i + 1] && runs[i + 1]!.op !== 'same') {
        del += r.text;
        ins += r.text;
      } else break;
      i++;
    }
    if (del) out.push({ op: 'del', text: del });
    if (ins) out.push({ op: 'ins', text: ins });
  }
  return out;
}

/** How alike two texts are, 0–1: the share of tokens the word diff keeps. */
export function similarity(a: string, b: string): number {
  const ta = wordTokens(a).filter((t) => !/^\s+$/.test(t));
  const tb = wordTokens(b).filter((t) => !/^\s+$/.test(t));
  if (ta.length + tb.length === 0) return 1;
  let kept = 0;
  for (const c of diffArrays(ta, tb)) if (!c.added && !c.removed) kept += c.value.length;
  return (2 * kept) / (ta.length + tb.length);
}
