// YAML text → a syntax tree that keeps every node's source position, and its plain JS value.
// Never throws on bad input: syntax problems become diagnostics and the file's value is undefined.
import { parseAllDocuments, LineCounter, visit, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';

/** The kinds of file a plan folder holds; each has its own JSON Schema. */
export type FileKind = 'plan' | 'chapter' | 'malskjema' | 'chart' | 'trapp' | 'planar' | 'kjelder';

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
  if (bytes.length > MAX_FILE_BYTES) {
    sink.report('load/file-too-large', start, { size: bytes.length, limit: MAX_FILE_BYTES });
    return failed('');
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    sink.report('load/not-utf8', start, {});
    return failed('');
  }
  const docs = parseAllDocuments(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
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
  for (const err of doc.errors) {
    ok = false;
    const span = spanAt(display, lineCounter, err.pos[0]);
    if (err.code === 'DUPLICATE_KEY') {
      const key = text.slice(err.pos[0], err.pos[1]).trim() || '?';
      sink.report('load/duplicate-key', span, { key });
    } else {
      sink.report('load/yaml-syntax', span, { detail: err.message.split('\n')[0] ?? err.message });
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
      ok = false;
      sink.report('load/alias', spanAt(display, lineCounter, n.range?.[0] ?? 0), {});
      return visit.SKIP;
    },
    Node(_k, n) {
      if (n.anchor) {
        ok = false;
        sink.report('load/alias', spanAt(display, lineCounter, n.range?.[0] ?? 0), {});
      }
      if (n.tag && !isMap(n) && !isSeq(n)) {
        ok = false;
        sink.report('load/tag', spanAt(display, lineCounter, n.range?.[0] ?? 0), { tag: n.tag });
      } else if (n.tag && (n.tag as string) !== 'tag:yaml.org,2002:map' && (n.tag as string) !== 'tag:yaml.org,2002:seq') {
        ok = false;
        sink.report('load/tag', spanAt(display, lineCounter, n.range?.[0] ?? 0), { tag: n.tag });
      }
      return undefined;
    },
    Pair(_k, p) {
      if (isScalar(p.key) && RESERVED_KEYS.has(String(p.key.value))) {
        ok = false;
        sink.report('load/reserved-key', spanAt(display, lineCounter, p.key.range?.[0] ?? 0), { key: String(p.key.value) });
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
