// The målskjema part of the model: its configuration (levels, columns, status vocabulary) and the
// rows a målskjema file holds. The configuration is resolved once per plan (plan.yaml over the
// kommune profile over the neutral defaults); words are already in the plan's language form.
import type { Span } from '../core/span.js';
import type { Inline, PlanRef, Spanned } from './types.js';

/** The levels a målskjema may have, outermost first; a plan declares one to four of them, in this order. */
export const LEVEL_IDS = ['hovudmal', 'mal', 'delmal', 'tiltak'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

/** One declared level. `label` undefined: the label file's word for the level. */
export interface MalskjemaLevel {
  readonly id: LevelId;
  readonly label?: string;
  /** Tiltak only: the header of the grouping column (the file writes tiltak under `oppna:` groups). */
  readonly group?: string;
}

/** `mark-or-amount`: a year holds x or kroner (a time plan and an økonomiplan in one column; not summed). */
export type ColumnKind = 'text' | 'mark' | 'amount' | 'mark-or-amount';

/** One declared column of the innermost level: text, a mark per year, or kroner per year. */
export interface MalskjemaColumn {
  /** The key the file writes the column's value under. */
  readonly id: string;
  readonly kind: ColumnKind;
  /** The header as the configuration writes it (undefined: the label file's word for `ansvar`/years). */
  readonly header?: string;
}

/** One status of the vocabulary. */
export interface MalskjemaStatus {
  readonly id: string;
  readonly label: string;
  /** Fill colour (#rrggbb) behind the status; undefined: plain text in the body colour. */
  readonly colour?: string;
  /** Rows with this status are left out of the adopted plan (vedtak). */
  readonly leftOutOfVedtak: boolean;
}

/** A plan's målskjema configuration; `span` is where it is declared (plan.yaml or the profile). */
export interface MalskjemaConfig {
  readonly levels: readonly MalskjemaLevel[];
  readonly columns: readonly MalskjemaColumn[];
  readonly status: readonly MalskjemaStatus[];
  /** Where the configuration is written (undefined: the defaults). */
  readonly span?: Span;
  /** A configuration was written but failed its schema (reported there): the målskjema is not checked against it. */
  readonly broken?: boolean;
}

/** One value of a column as written: a text, or one year of a mark/amount column. */
export interface MalskjemaCell {
  readonly column: string;
  /** The year key as written (per-year columns). */
  readonly year?: string;
  /** The value as written: a text, `x`, or a number. */
  readonly raw: string | number;
  /** The amount in kroner, when `raw` reads as one (see amountOf). */
  readonly amount?: number;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

/** A key the file writes on an entry that is neither a known field nor a declared column or level. */
export interface MalskjemaStrayKey {
  readonly key: string;
  /** What the key would be: a level this målskjema does not declare, or an unknown column. */
  readonly as: 'level' | 'column';
  /** The key the configuration expects for the next level here, if any. */
  readonly expected?: string;
  readonly span: Span;
}

/** An entry of any level below the hovudmål. */
export interface MalskjemaEntry {
  readonly level: LevelId;
  readonly id?: string;
  readonly idSpan?: Span;
  readonly nummer?: string;
  readonly tekst: readonly Inline[];
  readonly status?: Spanned<string>;
  readonly plan?: PlanRef;
  /** The `plan:` id as written (whether or not the register has it). */
  readonly planId?: Spanned<string>;
  readonly cells: readonly MalskjemaCell[];
  /** The entries of the next level, in groups (one group without text when the file writes none). */
  readonly groups: readonly MalskjemaGroup[];
  readonly stray: readonly MalskjemaStrayKey[];
  readonly span: Span;
}

/** Entries of one level under one `oppna:`-style group (or all of them, with no group text). */
export interface MalskjemaGroup {
  readonly tekst?: readonly Inline[];
  readonly entries: readonly MalskjemaEntry[];
  readonly span: Span;
}

/** A written sum of one amount column for one year. */
export interface WrittenSum {
  readonly column: string;
  readonly year: string;
  readonly value: number;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

/** One målskjema file. */
export interface Malskjema {
  readonly config: MalskjemaConfig;
  readonly hovudmal?: { readonly nummer?: number; readonly tekst: readonly Inline[] };
  /** The entries of the outermost level below the hovudmål. */
  readonly entries: readonly MalskjemaEntry[];
  /** Keys on the file's root that name an undeclared level. */
  readonly stray: readonly MalskjemaStrayKey[];
  readonly sums: readonly WrittenSum[];
  /** The handlingsdel's years: the per-year columns. */
  readonly years: readonly number[];
  /** The målskjema file's root. */
  readonly span: Span;
}
