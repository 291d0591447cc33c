// The syntax of a fact reference in plan text: `[fakta: hoyring.frist]`. Square brackets with the word
// «fakta» and a colon: no Markdown construct (a link needs «](…)» after it), nothing handlebars reads
// (no braces), and rare enough in prose that an accidental one is loud — an unknown name is an error.
// `\[fakta: …]` prints as written. One reader for both Markdown text (a markdown-it rule) and plain strings.
import type { StateInline } from 'markdown-it';

const OPEN = '[fakta:';
/** The longest reference read as one; a longer bracket is ordinary text. */
const MAX_LENGTH = 80;

/** The name inside a reference starting at `pos` of `src`, and where it ends; undefined when none starts there. */
export function readFactAt(src: string, pos: number): { name: string; end: number } | undefined {
  if (!src.startsWith(OPEN, pos)) return undefined;
  const close = src.indexOf(']', pos + OPEN.length);
  if (close < 0 || close - pos > MAX_LENGTH) return undefined;
  const inner = src.slice(pos + OPEN.length, close);
  if (inner.includes('\n') || inner.includes('[')) return undefined;
  return { name: inner.trim(), end: close + 1 };
}

/** A plain string (a caption) as text and fact references, in order; `\[fakta:` is text (without the backslash). */
export function splitFacts(text: string): (string | { readonly name: string })[] {
  const out: (string | { name: string })[] = [];
  let from = 0;
  let at = text.indexOf(OPEN);
  while (at >= 0) {
    const escaped = text[at - 1] === '\\';
    const ref = escaped ? undefined : readFactAt(text, at);
    if (escaped) {
      // `\[fakta:` prints the bracket without its backslash.
      out.push(text.slice(from, at - 1));
      from = at;
    }
    if (ref) {
      if (at > from) out.push(text.slice(from, at));
      out.push({ name: ref.name });
      from = ref.end;
    }
    at = text.indexOf(OPEN, ref ? ref.end : at + 1);
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

/** Offsets of the references in a YAML scalar's source text from `start` on (the first `count`). */
export function factOffsets(source: string, start: number, count: number): number[] {
  const out: number[] = [];
  let at = source.indexOf(OPEN, start);
  while (at >= 0 && out.length < count) {
    if (source[at - 1] !== '\\') out.push(at);
    at = source.indexOf(OPEN, at + 1);
  }
  return out;
}

/** markdown-it inline rule: a `fakta_ref` token with the name and the reference's index in its string. */
export function factRule(state: StateInline, silent: boolean): boolean {
  const ref = readFactAt(state.src, state.pos);
  if (!ref) return false;
  if (!silent) {
    // Counted only when the token is made (link labels are scanned silently first).
    const env = state.env as { factIndex?: number };
    const index = env.factIndex ?? 0;
    env.factIndex = index + 1;
    const token = state.push('fakta_ref', '', 0);
    token.meta = { name: ref.name, index };
  }
  state.pos = ref.end;
  return true;
}
