// Mutation operators for the fuzz test: each mutation is plain data (so fast-check can print and
// shrink it, and a seed replays it exactly) and is applied to a copy of a fixture plan.
//
// Two families:
//  - tree mutations parse one YAML file of the plan with `yaml`'s parseDocument, change the syntax
//    tree at a chosen place (delete, replace by a value of another type, duplicate, rename a key,
//    add a key or item) and write the file back;
//  - raw mutations change the file's bytes (truncate, insert a byte or a YAML-significant snippet,
//    swap two lines, remove the file).
// Places are chosen by an integer `pick` taken modulo the number of candidate places, so every
// choice comes from fast-check's random source: there is no Math.random anywhere.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import { copyPlan } from '../helpers/planCopy.js';

// ---------------------------------------------------------------------------------------------
// Values that replace or are inserted into the tree.

/** A value as data: JSON-like, plus compact forms for maps (any keys) and very long strings. */
export type Val =
  | null
  | boolean
  | number
  | string
  | Val[]
  | { readonly map: ReadonlyArray<readonly [string, Val]> }
  | { readonly long: number; readonly unit: string };

/** Characters and strings that have broken text tools before. */
export const ODD_STRINGS: readonly string[] = [
  '\u0000', // NUL
  '\u0007', // BEL
  '\u001b[31m', // ANSI escape
  '\u202E', // RIGHT-TO-LEFT OVERRIDE
  '\u200B', // ZERO WIDTH SPACE
  '\u2028', // LINE SEPARATOR
  '\uFEFF', // BOM inside text
  '\u00AD', // soft hyphen
  '\u00A0', // no-break space
  'e\u0301', // combining accent
  '\uD800', // lone surrogate (written as U+FFFD by Buffer)
  '😀',
  '👩‍👩‍👧',
  '中文',
  'العربية',
  '{{x}}',
  '{{#each a}}b{{/each}}',
  '{{{raw}}}',
  '../../etc/passwd',
  '/etc/passwd',
  'https://example.com',
  'file:///etc/passwd',
  '<b>html</b>',
  '*a',
  '&a',
  '!tag',
  '**',
  '^[',
  '^[]',
  '[x](',
  '[x](javascript:alert(1))',
  '\\',
  '"',
  "'",
  '#',
  ': ',
  '- ',
  '---',
  '...',
  '%',
  '\t',
  '\r',
  '\r\n',
  '\n\n',
  ' ',
  '',
];

/** Strings shaped like the plan's own values, so references and formats are hit, not only types. */
export const PLAN_LIKE_STRINGS: readonly string[] = [
  '2024-03-01',
  '2024-02-30',
  '2024-13-01',
  '2024-00-10',
  '0000-01-01',
  '9999-12-31',
  '2024-03-01T10:00:00Z',
  '01.03.2024',
  '1. mars 2024',
  '2024',
  '1.0',
  '0301',
  '031/24',
  'minimal',
  'bustadplan',
  'vegplan',
  'ssb',
  'k1',
  'k3',
  'd-1-1-a',
  'folketal',
  'trapp',
  'x',
  'X',
  'auto',
  '*',
  'nn',
  'nb',
  'en',
  'line',
  'bar',
  'pie',
  'omtalast',
  'samarbeid',
  'ikkje',
  'handlingsplan',
  'kommunedelplan',
  'data/folketal.yaml',
  'data/trapp.yaml',
  'malskjema/hovudmal-1.yaml',
  'kapittel/01-alt.yaml',
  'kapittel/02-mal.yaml',
  'plan.yaml',
  'registers/planar.yaml',
  'bilete/organisasjon.png',
  '.',
  'kapittel',
  'post@testvik.kommune.no',
  'not an email',
  'NaN',
  '.inf',
  '-1',
  '1e400',
];

/** Keys of the plan format (and a few hostile ones), for renames and added keys. */
export const PLAN_KEYS: readonly string[] = [
  'id', 'title', 'blocks', 'sections', 'p', 'heading', 'list', 'numbered', 'lettered', 'checklist',
  'quote', 'note', 'table', 'chart', 'trapp', 'image', 'malskjema', 'planliste', 'kjelder', 'text',
  'source', 'caption', 'header', 'rows', 'totals', 'columns', 'row', 'column', 'widths', 'data',
  'file', 'alt', 'width', 'version', 'kind', 'language', 'subtitle', 'kommune', 'name', 'nummer',
  'subject', 'keywords', 'period', 'handlingsdel', 'from', 'to', 'chapters', 'registers', 'planar',
  'variants', 'utkast', 'hoyring', 'vedtak', 'date', 'frist', 'sak', 'organ', 'innspel', 'epost',
  'adresse', 'merking', 'hovudmal', 'mal', 'delmal', 'tekst', 'status', 'oppna', 'tiltak', 'plan',
  'ansvar', 'ar', '2024', '2025', '2026', '2029', 'type', 'x', 'y', 'label', 'unit', 'illustrative',
  'labels', 'series', 'values', 'dashed', 'kategoriar', 'trinn', 'kategori', 'detail', 'url',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '$schema',
];

const scalarArb: fc.Arbitrary<Val> = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: 2019, max: 2036 }),
  fc.integer(),
  fc.constantFrom(0, -0, 0.5, -1.5, 1e21, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(...PLAN_LIKE_STRINGS),
  // Odd characters alone, or inside ordinary text.
  fc.constantFrom(...ODD_STRINGS),
  fc.tuple(fc.constantFrom('', 'Tekst ', 'Ein *utheva* ', '**feit** '), fc.constantFrom(...ODD_STRINGS), fc.constantFrom('', ' slutt', '.')).map(([a, b, c]) => a + b + c),
);

const longArb: fc.Arbitrary<Val> = fc.record({
  // Around each limit (word 200, målskjema text 5 000, title 500, paragraph 20 000) and the
  // 2 MiB file limit.
  long: fc.constantFrom(199, 201, 499, 501, 4_999, 5_001, 19_999, 20_001, 60_000, 2_200_000),
  unit: fc.constantFrom('x', 'ord ', 'æ', '😀', '*', '[', '^[', '\u200B', 'ab\n'),
});

const valArb: fc.Arbitrary<Val> = fc.letrec<{ val: Val }>((tie) => ({
  val: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalarArb, weight: 6 },
    { arbitrary: longArb, weight: 1 },
    { arbitrary: fc.array(tie('val'), { maxLength: 3 }), weight: 1 },
    {
      arbitrary: fc.record({ map: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PLAN_KEYS), fc.string({ maxLength: 6 })), tie('val')), { maxLength: 3 }) }),
      weight: 1,
    },
  ),
})).val;

export const valueArb = valArb;

/** The value as a yaml node of `doc`. */
function toNode(doc: Document, v: Val): Node {
  if (Array.isArray(v)) {
    const seq = new YAMLSeq(doc.schema);
    for (const item of v) seq.items.push(toNode(doc, item));
    return seq;
  }
  if (v !== null && typeof v === 'object') {
    if ('map' in v) {
      const map = new YAMLMap(doc.schema);
      for (const [k, item] of v.map) map.items.push(doc.createPair(k, toNode(doc, item)) as Pair<unknown, unknown>);
      return map;
    }
    return new Scalar(v.unit.repeat(Math.ceil(v.long / v.unit.length)).slice(0, v.long));
  }
  return new Scalar(v);
}

// ---------------------------------------------------------------------------------------------
// Mutations.

export type TreeOp =
  /** Remove the map entry or list item. */
  | { readonly op: 'delete'; readonly pick: number }
  /** Replace the value (or the whole document, for the root) with another value. */
  | { readonly op: 'replace'; readonly pick: number; readonly value: Val }
  /** Put a copy of the list item (or of the map entry: a duplicate key) right after it. */
  | { readonly op: 'duplicate'; readonly pick: number }
  /** Change a key by one character: delete, insert or replace at `at`. */
  | { readonly op: 'rename'; readonly pick: number; readonly edit: 'delete' | 'insert' | 'replace'; readonly at: number; readonly char: string }
  /** Rename a key to another key of the format (or a hostile one). */
  | { readonly op: 'rekey'; readonly pick: number; readonly key: string }
  /** Add an entry to a map, or an item to a list at `at`. */
  | { readonly op: 'add'; readonly pick: number; readonly key: string; readonly at: number; readonly value: Val }
  /** Switch a collection between flow ({…}, […]) and block style, or write a scalar in `style`. */
  | { readonly op: 'restyle'; readonly pick: number; readonly style: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED' };

export type RawOp =
  /** Cut the file after byte `at` (modulo its length + 1; 0 empties it). */
  | { readonly op: 'truncate'; readonly at: number }
  /** Insert bytes at byte `at` (modulo length + 1); may split a UTF-8 sequence on purpose. */
  | { readonly op: 'insert'; readonly at: number; readonly bytes: readonly number[] }
  /** Swap lines `a` and `b` (modulo the line count). */
  | { readonly op: 'swapLines'; readonly a: number; readonly b: number }
  /** Delete the file. */
  | { readonly op: 'remove' };

export interface FileMutation {
  /** Path of the file inside the plan folder. */
  readonly file: string;
  /** Applied first, on the parsed tree. */
  readonly tree: readonly TreeOp[];
  /** Applied after the tree mutations, on the bytes. */
  readonly raw: readonly RawOp[];
}

/** One fuzz case: one or more files of the plan changed. */
export type Mutation = readonly FileMutation[];

/** The YAML files of test/fixtures/minimal (and the PNG, which only gets raw mutations). */
export const YAML_FILES: readonly string[] = [
  'plan.yaml',
  'kapittel/01-alt.yaml',
  'kapittel/02-mal.yaml',
  'malskjema/hovudmal-1.yaml',
  'data/folketal.yaml',
  'data/trapp.yaml',
  'registers/planar.yaml',
  'registers/kjelder.yaml',
];
export const BINARY_FILES: readonly string[] = ['bilete/organisasjon.png'];

const pick = fc.nat({ max: 1_000_000 });

const treeOpArb: fc.Arbitrary<TreeOp> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('delete' as const), pick }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('replace' as const), pick, value: valArb }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('duplicate' as const), pick }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('rename' as const),
      pick,
      edit: fc.constantFrom('delete' as const, 'insert' as const, 'replace' as const),
      at: fc.nat({ max: 40 }),
      char: fc.oneof(fc.constantFrom('a', 'e', 'x', '_', '-', ' ', 'Å', '.', ':', '#', '\u200B'), fc.string({ minLength: 1, maxLength: 1 })),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('rekey' as const), pick, key: fc.constantFrom(...PLAN_KEYS) }), weight: 1 },
  {
    arbitrary: fc.record({ op: fc.constant('add' as const), pick, key: fc.oneof(fc.constantFrom(...PLAN_KEYS), fc.string({ maxLength: 6 })), at: fc.nat({ max: 40 }), value: valArb }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ op: fc.constant('restyle' as const), pick, style: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const, 'BLOCK_FOLDED' as const) }),
    weight: 1,
  },
);

/** Byte snippets inserted into files: YAML syntax that changes structure, and raw bytes. */
const SNIPPETS: readonly string[] = ['\t', ': ', '- ', '&a ', '*a', '!tag ', '!!str ', '%YAML 1.1\n---\n', '%TAG ! tag:x,2000:\n', '---\n', '\n...\n', '\n', ' ', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '?', '@', '`', '\u0000', '\u202E', '\uFEFF'];

const insertBytesArb: fc.Arbitrary<readonly number[]> = fc.oneof(
  fc.constantFrom(...SNIPPETS).map((s) => [...Buffer.from(s, 'utf8')]),
  fc.integer({ min: 0, max: 255 }).map((b) => [b]),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map((a) => [...a]),
);

const rawOpArb: fc.Arbitrary<RawOp> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: pick }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: pick, bytes: insertBytesArb }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: pick, b: pick }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const) }), weight: 1 },
);

/**
 * Mostly one change, so that most cases get past the YAML and schema stages into the cross-file
 * rules and the renderer; sometimes several, and sometimes tree and byte changes together.
 */
const yamlFileMutationArb: fc.Arbitrary<FileMutation> = fc.record({
  file: fc.constantFrom(...YAML_FILES),
  ops: fc.oneof(
    { arbitrary: fc.record({ tree: fc.array(treeOpArb, { minLength: 1, maxLength: 1 }), raw: fc.constant([] as RawOp[]) }), weight: 6 },
    { arbitrary: fc.record({ tree: fc.array(treeOpArb, { minLength: 2, maxLength: 3 }), raw: fc.constant([] as RawOp[]) }), weight: 2 },
    { arbitrary: fc.record({ tree: fc.constant([] as TreeOp[]), raw: fc.array(rawOpArb, { minLength: 1, maxLength: 1 }) }), weight: 3 },
    { arbitrary: fc.record({ tree: fc.array(treeOpArb, { minLength: 1, maxLength: 2 }), raw: fc.array(rawOpArb, { minLength: 1, maxLength: 2 }) }), weight: 1 },
  ),
}).map(({ file, ops }) => ({ file, tree: ops.tree, raw: ops.raw }));

const binaryFileMutationArb: fc.Arbitrary<FileMutation> = fc.record({
  file: fc.constantFrom(...BINARY_FILES),
  tree: fc.constant([] as TreeOp[]),
  raw: fc.array(rawOpArb, { minLength: 1, maxLength: 2 }),
});

/** A fuzz case: usually one file, sometimes two; tree mutations are the most common. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.array(
  fc.oneof({ arbitrary: yamlFileMutationArb, weight: 12 }, { arbitrary: binaryFileMutationArb, weight: 1 }),
  { minLength: 1, maxLength: 2 },
);

// ---------------------------------------------------------------------------------------------
// Applying mutations.

/** A place in the tree: the root, a map entry or a list item. */
type Place =
  | { kind: 'root' }
  | { kind: 'pair'; coll: YAMLMap; index: number }
  | { kind: 'item'; coll: YAMLSeq; index: number };

function places(doc: Document): Place[] {
  const out: Place[] = [{ kind: 'root' }];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      node.items.forEach((p, index) => {
        out.push({ kind: 'pair', coll: node, index });
        walk(p.value);
      });
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        out.push({ kind: 'item', coll: node, index });
        walk(item);
      });
    }
  };
  walk(doc.contents);
  return out;
}

function nodeAtPlace(doc: Document, p: Place): unknown {
  if (p.kind === 'root') return doc.contents;
  if (p.kind === 'pair') return p.coll.items[p.index]?.value;
  return p.coll.items[p.index];
}

function setAtPlace(doc: Document, p: Place, node: Node | null): void {
  if (p.kind === 'root') doc.contents = node as never;
  else if (p.kind === 'pair') (p.coll.items[p.index] as Pair<unknown, unknown>).value = node;
  else p.coll.items[p.index] = node as never;
}

function editKey(key: string, op: Extract<TreeOp, { op: 'rename' }>): string {
  const at = op.at % (key.length + 1);
  switch (op.edit) {
    case 'delete':
      return key.slice(0, Math.min(at, key.length - 1)) + key.slice(Math.min(at, key.length - 1) + 1);
    case 'insert':
      return key.slice(0, at) + op.char + key.slice(at);
    case 'replace':
      return key.slice(0, Math.min(at, key.length - 1)) + op.char + key.slice(Math.min(at, key.length - 1) + 1);
  }
}

/** Apply one tree operation; returns a short description of what changed (for failure reports). */
function applyTreeOp(doc: Document, op: TreeOp): string {
  const all = places(doc);
  const pairs = all.filter((p): p is Extract<Place, { kind: 'pair' }> => p.kind === 'pair');
  const colls = [doc.contents, ...all.map((p) => nodeAtPlace(doc, p))].filter((n): n is YAMLMap | YAMLSeq => isMap(n) || isSeq(n));
  const describe = (p: Place): string => (p.kind === 'root' ? 'root' : p.kind === 'pair' ? `key '${String((p.coll.items[p.index]?.key as Scalar | undefined)?.value)}'` : `item ${p.index}`);
  switch (op.op) {
    case 'delete': {
      const p = all[op.pick % all.length]!;
      if (p.kind === 'root') doc.contents = null;
      else p.coll.items.splice(p.index, 1);
      return `delete ${describe(p)}`;
    }
    case 'replace': {
      const p = all[op.pick % all.length]!;
      setAtPlace(doc, p, toNode(doc, op.value));
      return `replace ${describe(p)}`;
    }
    case 'duplicate': {
      const p = all[op.pick % all.length]!;
      if (p.kind === 'root') return 'duplicate root (no-op)';
      const item = p.coll.items[p.index] as { clone?: () => unknown } | null;
      const copy = item && typeof item.clone === 'function' ? item.clone() : item;
      (p.coll.items as unknown[]).splice(p.index + 1, 0, copy);
      return `duplicate ${describe(p)}`;
    }
    case 'rename':
    case 'rekey': {
      if (pairs.length === 0) return `${op.op} (no keys)`;
      const p = pairs[op.pick % pairs.length]!;
      const pair = p.coll.items[p.index]!;
      const old = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const next = op.op === 'rename' ? editKey(old, op) : op.key;
      pair.key = new Scalar(next);
      return `${op.op} key '${old}' → '${next}'`;
    }
    case 'add': {
      if (colls.length === 0) {
        doc.contents = toNode(doc, { map: [[op.key, op.value]] }) as never;
        return `add root map with '${op.key}'`;
      }
      const coll = colls[op.pick % colls.length]!;
      if (isMap(coll)) {
        coll.items.splice(op.at % (coll.items.length + 1), 0, doc.createPair(op.key, toNode(doc, op.value)) as Pair<unknown, unknown>);
        return `add key '${op.key}'`;
      }
      coll.items.splice(op.at % (coll.items.length + 1), 0, toNode(doc, op.value));
      return `add item at ${op.at % coll.items.length}`;
    }
    case 'restyle': {
      const p = all[op.pick % all.length]!;
      const node = nodeAtPlace(doc, p);
      if (isMap(node) || isSeq(node)) {
        node.flow = !node.flow;
        return `restyle ${describe(p)} → ${node.flow ? 'flow' : 'block'}`;
      }
      if (isScalar(node)) node.type = op.style;
      return `restyle ${describe(p)} → ${op.style}`;
    }
  }
}

/** Apply one raw operation to the bytes; undefined means the file is removed. */
function applyRawOp(bytes: Buffer, op: RawOp): Buffer | undefined {
  switch (op.op) {
    case 'truncate':
      return bytes.subarray(0, op.at % (bytes.length + 1));
    case 'insert': {
      const at = op.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(op.bytes), bytes.subarray(at)]);
    }
    case 'swapLines': {
      const lines = bytes.toString('latin1').split('\n');
      const a = op.a % lines.length;
      const b = op.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 'remove':
      return undefined;
  }
}

/** Apply a file mutation inside `planDir`; returns what was done, step by step. */
export function applyFileMutation(planDir: string, m: FileMutation): string[] {
  const abs = path.join(planDir, m.file);
  const log: string[] = [];
  if (!fs.existsSync(abs)) return [`${m.file}: already removed`];
  let bytes: Buffer | undefined = fs.readFileSync(abs);
  if (m.tree.length > 0) {
    // A tree mutation on a file an earlier step broke leaves it as it is.
    const doc = parseDocument(bytes.toString('utf8'), { keepSourceTokens: false });
    if (doc.errors.length === 0) {
      for (const op of m.tree) log.push(`${m.file}: ${applyTreeOp(doc, op)}`);
      try {
        bytes = Buffer.from(doc.toString({ lineWidth: 0 }), 'utf8');
      } catch (e) {
        // Some trees cannot be written back (e.g. a key the stringifier refuses): keep the file.
        log.push(`${m.file}: tree not writable (${(e as Error).message}); file unchanged`);
      }
    } else {
      log.push(`${m.file}: not parseable, tree ops skipped`);
    }
  }
  for (const op of m.raw) {
    if (bytes === undefined) break;
    bytes = applyRawOp(bytes, op);
    log.push(`${m.file}: ${op.op}${'at' in op ? ` at ${op.at}` : ''}`);
  }
  if (bytes === undefined) fs.rmSync(abs);
  else fs.writeFileSync(abs, bytes);
  return log;
}

/** Copy the fixture plan at `srcDir` to a temp folder and apply `mutation` there. */
export function mutatedCopy(srcDir: string, mutation: Mutation): { dir: string; root: string; log: string[] } {
  const dir = copyPlan(srcDir);
  const log = mutation.flatMap((m) => applyFileMutation(dir, m));
  return { dir, root: path.dirname(dir), log };
}
