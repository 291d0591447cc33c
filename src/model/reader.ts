// Typed reading of YAML values that passed their JSON Schema: the one narrow layer where plain
// data becomes typed values. Each accessor checks the JavaScript type the schema guarantees and
// throws an internal error (a bug in a schema or here, never a user mistake) when it does not hold.
// A reader also knows where its value sits (for spans) and whether the schema found a fault at or
// below it, so the model can be built from the parts of a file that passed.
import { locate, type PathSegment, type SourceFile } from '../load/yamlFile.js';
import type { Span } from '../core/span.js';
import { validatorFor } from '../validate/schemaSet.js';

/** The schema's fault places in one file, as JSON pointers (ajv's instancePath). */
export interface Faults {
  readonly pointers: readonly string[];
}

const NO_FAULTS: Faults = { pointers: [] };

/** Fault places of `file`: none when it passed, else every error path its validator reports. */
export function faultsOf(file: SourceFile, passed: boolean): Faults {
  if (passed || file.value === undefined) return NO_FAULTS;
  const validate = validatorFor(file.kind);
  validate(file.value);
  return { pointers: (validate.errors ?? []).map((e) => e.instancePath) };
}

const pointerOf = (path: readonly PathSegment[]): string =>
  path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** A value the schema guaranteed to be of another type: a bug, reported as an internal error. */
export class SchemaBreach extends Error {
  constructor(file: SourceFile, path: readonly PathSegment[], expected: string) {
    super(`internal: ${file.display} at '${pointerOf(path)}' is not ${expected} although its schema passed`);
  }
}

type Kind = 'absent' | 'null' | 'string' | 'number' | 'boolean' | 'list' | 'map';

/** A view of one value in a file: its type-checked contents, its place and its soundness. */
export class Reader {
  constructor(
    readonly file: SourceFile,
    private readonly value: unknown,
    readonly path: readonly PathSegment[],
    private readonly faults: Faults,
  ) {}

  /** The root value of `file`. */
  static root(file: SourceFile, faults: Faults): Reader {
    return new Reader(file, file.value, [], faults);
  }

  /** What the value is. */
  get kind(): Kind {
    const v = this.value;
    if (v === undefined) return 'absent';
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'list';
    if (typeof v === 'string') return 'string';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    return 'map';
  }

  /** Where the value starts (its key, with `preferKey`); the nearest parent when it is absent. */
  span(preferKey = false): Span {
    return locate(this.file, this.path, preferKey);
  }

  /** True when the schema found no fault at or below this value. */
  sound(): boolean {
    const p = pointerOf(this.path);
    return !this.faults.pointers.some((f) => f === p || f.startsWith(`${p}/`));
  }

  /** True when the only faults at or below this value lie inside entries of the lists named `parts`. */
  soundExcept(...parts: string[]): boolean {
    const p = pointerOf(this.path);
    const inside = parts.map((k) => `${p}/${k}/`);
    return !this.faults.pointers.some((f) => (f === p || f.startsWith(`${p}/`)) && !inside.some((q) => f.startsWith(q)));
  }

  /** True when the only faults at or below this map lie at or below its entries named `keys`. */
  soundExceptKeys(...keys: string[]): boolean {
    const p = pointerOf(this.path);
    const inside = keys.map((k) => `${p}/${k}`);
    return !this.faults.pointers.some((f) => (f === p || f.startsWith(`${p}/`)) && !inside.some((q) => f === q || f.startsWith(`${q}/`)));
  }

  /** The value under `key` of this map (absent when there is none). */
  at(key: string | number): Reader {
    const v = this.value;
    let child: unknown;
    if (typeof key === 'number') child = Array.isArray(v) ? v[key] : undefined;
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, key)) child = (v as Record<string, unknown>)[key];
    return new Reader(this.file, child, [...this.path, key], this.faults);
  }

  /** True when this map has `key` with a value. */
  has(key: string): boolean {
    return this.at(key).kind !== 'absent';
  }

  /** The keys of this map, in file order. */
  keys(): string[] {
    const v = this.value;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
  }

  /** The entries of this list; an absent list reads as empty. */
  items(): Reader[] {
    if (this.kind === 'absent') return [];
    const v = this.value;
    if (!Array.isArray(v)) throw new SchemaBreach(this.file, this.path, 'a list');
    return v.map((_, i) => this.at(i));
  }

  /** The entries of this map as (key, reader); an absent map reads as empty. */
  entries(): [string, Reader][] {
    if (this.kind === 'absent') return [];
    if (this.kind !== 'map') throw new SchemaBreach(this.file, this.path, 'a map');
    return this.keys().map((k) => [k, this.at(k)]);
  }

  str(): string {
    if (typeof this.value !== 'string') throw new SchemaBreach(this.file, this.path, 'a string');
    return this.value;
  }

  num(): number {
    if (typeof this.value !== 'number') throw new SchemaBreach(this.file, this.path, 'a number');
    return this.value;
  }

  /** The string value, or undefined when absent. */
  optStr(): string | undefined {
    return this.kind === 'absent' ? undefined : this.str();
  }

  /** The number value, or undefined when absent. */
  optNum(): number | undefined {
    return this.kind === 'absent' ? undefined : this.num();
  }

  /** True only for a written `true`. */
  flag(): boolean {
    return this.value === true;
  }

  /** The value when it is one of `allowed` (the schema's enum). */
  oneOf<T extends string>(allowed: readonly T[]): T {
    const v = this.value;
    const hit = allowed.find((a) => a === v);
    if (hit === undefined) throw new SchemaBreach(this.file, this.path, `one of ${allowed.join(', ')}`);
    return hit;
  }

  /** A string, a number or nothing: the plain value of a scalar. */
  scalar(): string | number | null {
    const v = this.value;
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' || typeof v === 'number') return v;
    throw new SchemaBreach(this.file, this.path, 'a string or a number');
  }

  /**
   * An amount's value as written: a YAML number, or a text. A number written with full stops between
   * groups of three (`80.000`, `1.200.000`) is the text as written, not what YAML reads (80): Norwegian
   * writes thousands so, and the amount parser refuses it with its hint rather than take 80 kroner.
   */
  amountScalar(): string | number {
    const v = this.value;
    if (typeof v === 'string') return v;
    if (typeof v !== 'number') throw new SchemaBreach(this.file, this.path, 'a string or a number');
    // Digits, a full stop and three digits read as a number under 1 000: only then is the source looked up.
    if (!(Math.abs(v) < 1000)) return v;
    const at = this.span();
    const written = /[-+]?[0-9][0-9._]*/y;
    written.lastIndex = (this.file.lineCounter.lineStarts[at.line - 1] ?? 0) + at.col - 1;
    const text = written.exec(this.file.text)?.[0];
    return text !== undefined && /^[-+]?\d{1,3}(?:\.\d{3})+$/.test(text) ? text : v;
  }
}
