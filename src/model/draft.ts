// The model as built from the parts of a plan that passed their schema: what the checks read.
// Nodes whose YAML had a schema fault are left out; a block whose referenced file did not load or
// pass is kept as a `pending` stub (its id and place are known). `document` is set only when
// nothing was left out, so later stages see the complete PlanDocument alone.
import type { Span } from '../core/span.js';
import type { BlockKey } from '../load/blockKinds.js';
import type { Block, Footnote, Kjelde, KindDefinition, PlanDocument, PlanKind, PlanRef, Period, Spanned, VariantName, ExampleMark, PlaceholderText } from './types.js';

/** A block whose referenced file (data, målskjema, image) did not load or pass its schema. */
export interface PendingBlock {
  readonly kind: 'pending';
  readonly of: BlockKey;
  readonly id?: Spanned<string>;
  readonly span: Span;
  /** Where the referenced file's name is written. */
  readonly refSpan: Span;
}

export type DraftBlock = Block | PendingBlock;

/** A section as far as it passed: its own fields may be missing when they had a fault. */
export interface DraftSection {
  readonly id?: Spanned<string>;
  readonly title?: string;
  readonly number: string;
  readonly level: 1 | 2 | 3;
  readonly blocks: readonly DraftBlock[];
  readonly sections: readonly DraftSection[];
  readonly span: Span;
  /** False when the section's own fields, or any block or subsection, had a schema fault. */
  readonly whole: boolean;
}

/** One variant entry of plan.yaml with the places the checks point at. */
export interface VariantEntry {
  readonly name: VariantName;
  /** False when the entry had a schema fault: only its name and place are known. */
  readonly sound: boolean;
  readonly keySpan: Span;
  /** The keys written under the variant. */
  readonly keys: readonly string[];
  readonly date?: Spanned<string>;
  readonly frist?: Spanned<string>;
  /** Every date written under the variant (date, frist, sak.date). */
  readonly dates: readonly Spanned<string>[];
  readonly innspel?: { readonly keySpan: Span; readonly epost?: string; readonly adresse?: string };
}

/** The fields of plan.yaml the checks read; each is present when it is written and passed. */
export interface PlanHead {
  readonly id?: Spanned<string>;
  readonly kind?: Spanned<PlanKind>;
  /** The kind's definition; 'unknown' when there is no kind of that id, 'broken' when its kind file had a fault. */
  readonly kindDefinition?: KindDefinition | 'unknown' | 'broken';
  readonly period?: Spanned<Period>;
  /** 'absent' when not written; a value when written and sound; undefined when it had a fault. */
  readonly handlingsdel?: Spanned<Period> | 'absent';
  /** The variants written; `own` is false when `variants` itself had a fault (e.g. an unknown variant name). */
  readonly variants?: { readonly own: boolean; readonly entries: readonly VariantEntry[] };
  /** Where `variants` is written (its key), or the file's start. */
  readonly variantsSpan: Span;
  /** The values `eksempel` marks as not the kommune's own, and its entries that name no written value. */
  readonly examples: { readonly marks: readonly ExampleMark[]; readonly unknown: readonly Spanned<string>[] };
}

/** A register file (planar, kjelder) as the checks see it. */
export type Register<T> =
  | { readonly state: 'none' } // not named in plan.yaml
  | { readonly state: 'broken' } // named, but it did not load or pass
  | {
      readonly state: 'ok';
      /** The entries that passed. */
      readonly entries: readonly T[];
      /** Every id that passed, also of entries with a fault elsewhere. */
      readonly ids: readonly Spanned<string>[];
      /** True when the whole file passed. */
      readonly whole: boolean;
    };

/** The whole plan as far as it passed the schema. */
export interface PlanModel {
  readonly folderName: string;
  /** Undefined when plan.yaml is not a map that could be read. */
  readonly head?: PlanHead;
  readonly chapters: readonly DraftSection[];
  /** The footnotes of the text read, numbered in document order. */
  readonly footnotes: readonly Footnote[];
  /** True when every chapter and målskjema loaded and was read whole (so a register's use is fully known). */
  readonly allRead: boolean;
  readonly planar: Register<PlanRef>;
  readonly kjelder: Register<Kjelde>;
  /** The ids of every kind the plan could name (built-in, and its own kind file's). */
  readonly knownKinds: readonly string[];
  /** The plan's or kommune's own kind file: the id it writes and the file name it must equal. */
  readonly kindFile?: { readonly id: Spanned<string>; readonly name: string };
  /** Text of any file that still holds the placeholder word of `plantrykk new`. */
  readonly placeholders: readonly PlaceholderText[];
  /** True when a kommune profile that passed gives a høyring contact. */
  readonly profileContact: boolean;
  /** The complete document, when every file passed and nothing was left out. */
  readonly document?: PlanDocument;
}
