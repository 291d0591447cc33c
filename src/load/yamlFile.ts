// YAML text → a syntax tree that keeps every node's source position, and its plain JS value.
// Never throws on bad input: syntax problems become diagnostics and the file's value is undefined.
import { parseAllDocuments, LineCounter, visit, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';
import type { FileRead } from '../core/host.js';
import { reportUnread } from './planPaths.js';

/** The kinds of file a plan folder holds; each has its own JSON Schema. */
export type FileKind = 'plan' | 'chapter' | 'malskjema' | 'chart' | 'trapp' | 'planar' | 'kjelder' | 'kommune' | 'framdrift' | 'budsjett' | 'kind';

/** A loaded YAML file: its text, tree and value, and how to find a place in it. */
export interface SourceFile {
  readonly kind: FileKind;
  /** Path as shown in diagnostics. */
  readonly display: string;
  readonly absPath: string;
  readonly text: string;
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  /** Plain data; undefined when the file could not be parsed. */
  readonly value: unknown;
}

export type PathSegment = string | number;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

function spanAt(display: string, lc: LineCounter, offset: number): Span {
  const pos = lc.linePos(offset);
  return { file: display, line: pos.line, col: pos.col };
}

/** Decode bytes as strict UTF-8; a leading BOM is dropped. */
function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** Line and column of the first byte that is not valid UTF-8 (binary search on decodable prefixes). */
function firstBadByte(display: string, bytes: Buffer): Span {
  const ok = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  // bytes[0..lo) decode; the bad sequence starts within the few bytes after the last complete character.
  const prefix = bytes.subarray(0, lo);
  const line = prefix.filter((b) => b === 0x0a).length + 1;
  const lastNl = prefix.lastIndexOf(0x0a);
  const col = new TextDecoder('utf-8').decode(prefix.subarray(lastNl + 1)).replace(/\uFFFD+$/, '').length + 1;
  return { file: display, line, col };
}

/**
 * Text as people paste it: letters in decomposed form (a + U+030A from macOS) become composed
 * letters (NFC), and the narrow no-break space U+202F, which the document font lacks, becomes the
 * no-break space U+00A0 (it keeps words together just the same). Line breaks never change, so
 * lines stay where they were; `changed` holds the 1-based line and column of each recomposed line.
 */
function composeText(text: string): { text: string; changed: { line: number; col: number }[] } {
  const changed: { line: number; col: number }[] = [];
  if (!/[^\u0000-\u02ff]/.test(text)) return { text, changed };
  const lines = text.split('\n').map((line, i) => {
    const nfc = line.normalize('NFC');
    if (nfc !== line) {
      let col = 0;
      while (col < nfc.length && nfc[col] === line[col]) col++;
      changed.push({ line: i + 1, col: col + 1 });
    }
    return nfc.replace(/\u202F/g, '\u00A0');
  });
  return { text: lines.join('\n'), changed };
}

/** Offsets of keys that repeat a key of their map: one pass with a set per map (the parser's own check is quadratic). */
function duplicateKeys(doc: Document.Parsed): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_k, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        // The same test as the parser's: scalars with equal values (a complex key is reported apart).
        if (key !== null && !isScalar(key)) continue;
        const value: unknown = key === null ? null : key.value;
        const id = `${typeof value}:${String(value)}`;
        if (seen.has(id)) offsets.push(isScalar(key) ? (key.range?.[0] ?? 0) : 0);
        else seen.add(id);
      }
      return undefined;
    },
  });
  return offsets.sort((a, b) => a - b);
}

/** The result for a file over the size limit: reported, never read. */
export function tooLarge(kind: FileKind, display: string, absPath: string, size: number, sink: DiagnosticSink): SourceFile {
  sink.report('limit/file-size', { file: display, line: 1, col: 1 }, { size, limit: MAX_FILE_BYTES });
  return { kind, display, absPath, text: '', doc: undefined, lineCounter: new LineCounter(), value: undefined };
}

/** The result for a file the host did not read (too large, or changed into something else): reported at the file. */
export function unreadFile(kind: FileKind, display: string, absPath: string, got: Exclude<FileRead, { ok: true }>, sink: DiagnosticSink): SourceFile {
  reportUnread(sink, { file: display, line: 1, col: 1 }, display, got, MAX_FILE_BYTES);
  return { kind, display, absPath, text: '', doc: undefined, lineCounter: new LineCounter(), value: undefined };
}

/** Diagnostics of one kind kept per file: one broken construct must not flood the report. */
const MAX_PER_KIND = 5;

/**
 * Where a person should look for a YAML syntax error, and what to say. The parser notices an
 * unclosed bracket or quote only where the file ends or the next key starts; people need the
 * place where it was opened.
 */
function syntaxPlace(code: string, message: string, text: string, pos: number): { offset: number; detail: string } {
  const first = message.split('\n')[0] ?? message;
  if (code === 'BAD_INDENT' && /end with a [\]}]/.test(first)) {
    const close = first.endsWith(']') ? ']' : '}';
    const open = close === ']' ? '[' : '{';
    const stack: number[] = [];
    let quote: string | null = null;
    for (let i = 0; i < pos; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote || c === '\n') quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) while (i < pos && text[i] !== '\n') i++;
      else if (c === open) stack.push(i);
      else if (c === close) stack.pop();
    }
    const at = stack.pop();
    if (at !== undefined) return { offset: at, detail: `the ${open === '[' ? 'list' : 'map'} opened here with ${open} is never closed with ${close}` };
  }
  if (code === 'MISSING_CHAR' && /quote/.test(first)) {
    const q = first.includes('"') ? '"' : "'";
    const before = text.slice(0, pos);
    let lineStart = before.length;
    while (lineStart > 0) {
      const prev = before.lastIndexOf('\n', lineStart - 2) + 1;
      const line = before.slice(prev, lineStart);
      if ((line.split(q).length - 1) % 2 === 1) return { offset: prev + line.lastIndexOf(q), detail: `the text opened here with ${q} is never closed` };
      if (prev === 0) break;
      lineStart = prev;
    }
  }
  if (code === 'TAB_AS_INDENT') return { offset: pos, detail: 'this line is indented with a tab; indent with spaces, not tabs' };
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const next = text.indexOf('\n', pos);
    const rest = text.slice(pos, next < 0 ? undefined : next);
    if (/:\s/.test(rest)) return { offset: pos, detail: "this text contains ': ', which YAML reads as a new key; put the whole text in quotes" };
    if (next >= 0) {
      const m = /^[ \t]*/.exec(text.slice(next + 1));
      return { offset: next + 1 + (m?.[0].length ?? 0), detail: 'this line is indented further than the key above it, which already has a value' };
    }
  }
  return { offset: pos, detail: first };
}

/** The key text at a duplicate-key error: a plain or quoted scalar up to its colon. */
function keyAt(text: string, offset: number): string {
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#\n]+?)\s*:/.exec(text.slice(offset, offset + 300));
  return m ? m[1]!.replace(/^["']|["']$/g, '') : '?';
}

/** Parse one file's bytes; every problem is reported to `sink`. */
export function parseYamlFile(
  kind: FileKind,
  display: string,
  absPath: string,
  bytes: Buffer,
  sink: DiagnosticSink,
): SourceFile {
  const lineCounter = new LineCounter();
  const failed = (text: string, doc?: Document.Parsed): SourceFile => ({
    kind, display, absPath, text, doc, lineCounter, value: undefined,
  });
  const start: Span = { file: display, line: 1, col: 1 };
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(kind, display, absPath, bytes.length, sink);
  const decoded = decodeUtf8(bytes);
  if (decoded === undefined) {
    sink.report('load/not-utf8', firstBadByte(display, bytes), {});
    return failed('');
  }
  const { text, changed } = composeText(decoded);
  sink.rememberSource(display, text);
  for (const place of changed.slice(0, MAX_PER_KIND)) sink.report('load/not-nfc', { file: display, ...place }, {});
  const docs = parseAllDocuments(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: false, // checked below in one pass
    prettyErrors: false,
    strict: true,
  });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0 || list.every((d) => d.contents === null)) {
    if (list.length <= 1) {
      sink.report('load/empty-file', start, {});
      return failed(text);
    }
  }
  if (list.length > 1) {
    const second = list[1];
    sink.report('load/multiple-documents', second ? spanAt(display, lineCounter, second.range[0]) : start, {});
    return failed(text);
  }
  const doc = list[0] as Document.Parsed;
  let ok = true;
  const counts = new Map<string, number>();
  // After the first syntax error the parser's view of the rest is unreliable (its recovery builds
  // keys and nodes nobody wrote): report that error, and of the tree only what lies before it.
  const firstSyntax = doc.errors[0];
  const report = (code: 'load/alias' | 'load/tag' | 'load/reserved-key' | 'load/duplicate-key' | 'load/complex-key', offset: number, args: never): void => {
    ok = false;
    if (firstSyntax !== undefined && offset >= firstSyntax.pos[0]) return;
    const n = (counts.get(code) ?? 0) + 1;
    counts.set(code, n);
    if (n <= MAX_PER_KIND) sink.report(code, spanAt(display, lineCounter, offset), args);
  };
  for (const at of duplicateKeys(doc)) report('load/duplicate-key', at, { key: keyAt(text, at) } as never);
  for (const err of doc.errors) {
    ok = false;
    if (err === firstSyntax) {
      const place = syntaxPlace(err.code, err.message, text, err.pos[0]);
      sink.report('load/yaml-syntax', spanAt(display, lineCounter, place.offset), { detail: place.detail });
    }
  }
  if (doc.directives?.yaml?.explicit) {
    ok = false;
    const at = text.search(/^%YAML/m);
    sink.report('load/directive', spanAt(display, lineCounter, Math.max(0, at)), { directive: `%YAML ${doc.directives.yaml.version}` });
  }
  const tagAt = text.search(/^%TAG/m);
  if (tagAt >= 0) {
    ok = false;
    sink.report('load/directive', spanAt(display, lineCounter, tagAt), { directive: '%TAG' });
  }
  visit(doc, {
    Alias(_k, n) {
      report('load/alias', n.range?.[0] ?? 0, {} as never);
      return visit.SKIP;
    },
    Node(_k, n) {
      if (n.anchor) {
        const at = n.range?.[0] ?? 0;
        const amp = text.lastIndexOf(`&${n.anchor}`, at);
        report('load/alias', amp >= 0 ? amp : at, {} as never);
      }
      const tag = n.tag as string | undefined;
      if (tag && tag !== 'tag:yaml.org,2002:map' && tag !== 'tag:yaml.org,2002:seq') {
        const at = n.range?.[0] ?? 0;
        const bang = text.lastIndexOf('!', at);
        report('load/tag', bang >= 0 && at - bang < 200 ? bang : at, { tag } as never);
      }
      return undefined;
    },
    Pair(_k, p) {
      if (p.key !== null && !isScalar(p.key)) {
        report('load/complex-key', (p.key as Node).range?.[0] ?? 0, {} as never);
      }
      if (isScalar(p.key) && RESERVED_KEYS.has(String(p.key.value))) {
        report('load/reserved-key', p.key.range?.[0] ?? 0, { key: String(p.key.value) } as never);
      }
      return undefined;
    },
  });
  if (!ok) return failed(text, doc);
  if (doc.contents === null) {
    sink.report('load/empty-file', start, {});
    return failed(text, doc);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 0 });
  return { kind, display, absPath, text, doc, lineCounter, value };
}

/** The node at `path` (and the key node of its pair, for errors about the key itself). */
function nodeAt(doc: Document.Parsed, path: readonly PathSegment[]): { node: Node | null; key: Node | null } {
  let node: unknown = doc.contents;
  let key: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { node: node as Node, key: null };
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return { node: node as Node, key: null };
      key = null;
      node = item;
    } else {
      return { node: (node as Node) ?? null, key };
    }
  }
  return { node: (node as Node) ?? null, key };
}

/** Where the value at `path` starts (or its key, with `preferKey`); falls back to the nearest parent. */
export function locate(file: SourceFile, path: readonly PathSegment[], preferKey = false): Span {
  if (!file.doc) return { file: file.display, line: 1, col: 1 };
  const { node, key } = nodeAt(file.doc, path);
  const target = preferKey && key ? key : node ?? key;
  const offset = target?.range?.[0] ?? 0;
  return spanAt(file.display, file.lineCounter, offset);
}
