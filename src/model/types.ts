// The typed document model: what a plan says, independent of variant and page layout.
// Every node that a user wrote keeps its source span (and the spans of the values the checks point
// at); numbering is already assigned. Spans are plain data, so the model crosses worker threads.
import type { Span } from '../core/span.js';

/** A value with the place it is written. */
export interface Spanned<T> {
  readonly value: T;
  readonly span: Span;
}

export type Language = 'nn' | 'nb';
export type VariantName = 'utkast' | 'hoyring' | 'vedtak';
export const VARIANTS: readonly VariantName[] = ['utkast', 'hoyring', 'vedtak'];
/** A plan kind's id: one of templates/kinds/, or defined in a kinds/<id>.yaml of the plan or its kommune. */
export type PlanKind = string;

/** What a kind declares (templates/kinds/<id>.yaml): its names, the variants it has, its front pages. */
export interface KindDefinition {
  readonly id: PlanKind;
  /** The name on the cover and the document page, per language form. */
  readonly name: Readonly<Record<Language, string>>;
  /** The document type in arkivmetadata.json (the id unless the kind says otherwise). */
  readonly dokumenttype: string;
  /** The variants a plan of this kind may have, in the canonical order. */
  readonly variants: readonly VariantName[];
  /** Front pages (templates/<name>.hbs) per variant, in place of the variant's own. */
  readonly front: Readonly<Partial<Record<VariantName, readonly string[]>>>;
}

/** A run of inline text, a footnote mark, or a reference to one of the plan's own facts (model/facts.ts). */
export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly bold: boolean; readonly italics: boolean; readonly link?: string }
  | { readonly kind: 'footnote'; readonly number: number }
  | FactRef;

/**
 * `[fakta: hoyring.frist]` in plan text: printed from the plan's data for each variant (layout/facts.ts);
 * `name` as written (trimmed), `span` where the reference is written.
 */
export interface FactRef {
  readonly kind: 'fact';
  readonly name: string;
  readonly span: Span;
  readonly bold: boolean;
  readonly italics: boolean;
  readonly link?: string;
}

export interface Footnote {
  readonly number: number;
  readonly content: readonly Inline[];
}

export interface Sak {
  readonly organ: string;
  readonly nummer: string;
  readonly date: string;
}

export interface Variants {
  readonly utkast?: { readonly date?: string };
  readonly hoyring?: {
    readonly date?: string;
    readonly frist?: string;
    readonly sak?: Sak;
    readonly innspel?: { readonly epost?: string; readonly adresse?: string; readonly merking?: string; readonly nettside?: string };
  };
  readonly vedtak?: {
    readonly date?: string;
    readonly sak?: Sak;
    /** Append «Endringar etter høyring»: the changes since this built høyring version (its kept source). */
    readonly endringar?: { readonly hoyringVersion: Spanned<string> };
  };
}

/** The kommune: from its shared profile (plan-data/kommunar/) or written in plan.yaml. */
export interface Kommune {
  readonly name: string;
  readonly nummer: string;
  /** Main colour (#rrggbb) for the cover band, headings and table headers. */
  readonly colour?: string;
  /** Checked SVG logo (paths and shapes only). */
  readonly logo?: string;
  readonly hoyring?: { readonly epost?: string; readonly adresse?: string; readonly nettside?: string };
}

export interface Period {
  readonly from: number;
  readonly to: number;
}

/** A photo (or illustration) at the top of the cover, with its alt text and credit. */
export interface CoverPhoto {
  readonly image: { readonly mime: 'image/png' | 'image/jpeg'; readonly bytes: Uint8Array; readonly width: number; readonly height: number };
  readonly alt: string;
  /** Who took or made it. */
  readonly credit: string;
  /** A drawn or generated picture, credited as an illustration rather than a photo. */
  readonly illustration: boolean;
}

export interface PlanMeta {
  readonly id: string;
  readonly version: string;
  readonly kind: PlanKind;
  /** The kind's definition (from templates/kinds/, or the plan's or kommune's own kinds/ file). */
  readonly kindDefinition: KindDefinition;
  readonly language: Language;
  readonly title: string;
  readonly subtitle?: string;
  /** The cover photo from the plan folder (`cover:` in plan.yaml). */
  readonly cover?: CoverPhoto;
  readonly kommune: Kommune;
  readonly subject?: string;
  readonly keywords: readonly string[];
  readonly period: Period;
  readonly handlingsdel?: Period;
  readonly variants: Variants;
  /** The values plan.yaml marks as not the kommune's own (`eksempel`), that name a written value. */
  readonly examples: readonly ExampleMark[];
  /** Text that still holds the placeholder word `plantrykk new` wrote (model/placeholder.ts). */
  readonly placeholders: readonly PlaceholderText[];
}

/**
 * A value marked as an example (not the kommune's own): `path` as written in `eksempel`, `span` where
 * the value is, `scope` the variant it belongs to (a path under `variants.<v>`) or every variant.
 */
export interface ExampleMark {
  readonly path: string;
  readonly span: Span;
  readonly scope: VariantName | 'all';
}

/** A string of the plan that still holds the placeholder word (`word`, at `span`); `scope` as an ExampleMark's. */
export interface PlaceholderText {
  readonly word: string;
  readonly span: Span;
  readonly scope: VariantName | 'all';
}

export type Cell =
  | { readonly kind: 'text'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  /** A number, written as a YAML number or as Norwegian text («1 200 000 kr»); printed in the house format. */
  | { readonly kind: 'number'; readonly value: number; readonly unit?: 'kr' | '%' }
  | { readonly kind: 'empty' };

/** The fact references a caption holds (`caption` keeps them as written; layout/facts.ts prints them). */
export interface CaptionFacts {
  readonly captionFacts?: readonly FactRef[];
}

export interface TableBlock extends CaptionFacts {
  readonly kind: 'table';
  readonly id: string;
  readonly number: number;
  readonly caption: string;
  readonly source?: string;
  readonly widths?: readonly (number | 'auto' | '*')[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** The computed totals row (label first), when the table asks for one. */
  readonly totalsRow?: readonly Cell[];
  readonly span: Span;
  readonly idSpan: Span;
  readonly widthsSpan?: Span;
  /** `totals:` as written: the summed columns (counted from 0) and whether the last column is the row sum. */
  readonly totals?: { readonly columns: readonly number[]; readonly column: boolean; readonly columnsSpan: Span };
  /** The rows as written (before a row-sum column is filled in), with the place of each row and cell. */
  readonly written: readonly TableRow[];
}

/** One table row as written. */
export interface TableRow {
  readonly cells: readonly Cell[];
  /** A cell's text as written, for messages (undefined for numbers and empty cells). */
  readonly texts: readonly (string | undefined)[];
  readonly span: Span;
  readonly cellSpans: readonly Span[];
}

export interface ChartSeries {
  readonly id: string;
  readonly name: string;
  readonly dashed: boolean;
  readonly values: readonly (number | null)[];
  /** Where the values are written (none for series computed from a budget). */
  readonly valuesSpan?: Span;
  /** Where each value is written, in order (none for series computed from a budget). */
  readonly valueSpans?: readonly Span[];
}

/** The kinds of chart a data file can ask for (chart.schema.json `type`). */
export const CHART_TYPES = ['line', 'bar', 'stacked-bar', 'horizontal-bar', 'stacked-horizontal-bar', 'pie', 'doughnut', 'pyramid'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartSpec {
  readonly type: ChartType;
  readonly title: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly unit?: string;
  /** Series stacked: a stacked-* type, or `stacked: true` as written. */
  readonly stacked: boolean;
  /** `valueLabels` as written; unset: the renderer decides by the number of bars. */
  readonly valueLabels?: boolean;
  readonly illustrative: boolean;
  /** Where `illustrative: true` is written (the chart form of the example marker). */
  readonly illustrativeSpan?: Span;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  /** How many series the file writes (series with a schema fault are left out of `series`). */
  readonly writtenSeries?: number;
  /** The data file's root (a chart computed from a budget has none). */
  readonly span?: Span;
  /** Where `labels` is written (none for a chart computed from a budget). */
  readonly labelsSpan?: Span;
  /** Where `series` is written (none for a chart computed from a budget). */
  readonly seriesSpan?: Span;
}

export interface ChartBlock extends CaptionFacts {
  readonly kind: 'chart';
  readonly id: string;
  readonly number: number;
  readonly caption: string;
  readonly source?: string;
  readonly chart: ChartSpec;
  /** The budget a `budsjettgraf` draws. */
  readonly budget?: Budget;
  readonly span: Span;
  readonly idSpan: Span;
}

export interface ImageBlock extends CaptionFacts {
  readonly kind: 'image';
  readonly id: string;
  readonly number: number;
  readonly caption: string;
  readonly alt: string;
  readonly source?: string;
  readonly width?: number;
  readonly image: { readonly mime: 'image/png' | 'image/jpeg'; readonly bytes: Uint8Array; readonly width: number; readonly height: number };
  readonly span: Span;
  readonly idSpan: Span;
}

/** Activities × months, grouped in phases, and milestones: one source for Gantt and milepælsplan. */
export interface Framdrift {
  readonly from: string;
  readonly to: string;
  readonly illustrative: boolean;
  /** Where `illustrative: true` is written (the framdrift form of the example marker). */
  readonly illustrativeSpan?: Span;
  readonly phases: readonly { readonly name: string; readonly activities: readonly Activity[] }[];
  readonly milestones: readonly Milestone[];
  /** The data file's root, and where its `to` month is written. */
  readonly span: Span;
  readonly toSpan: Span;
}

/**
 * A milestone at one month or date (`date:`, then `from` = `to`) or over a period (`from:`–`to:`).
 * `when` is 'unclear' when the data gives neither, both, or half a period (the checks report it).
 */
export interface Milestone {
  readonly name: string;
  readonly when: 'point' | 'period' | 'unclear';
  readonly from: string;
  readonly to: string;
  readonly fromSpan: Span;
  readonly toSpan: Span;
  readonly span: Span;
}

export interface Activity {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly fromSpan: Span;
  readonly toSpan: Span;
}

export interface BudgetLine {
  readonly label: string;
  readonly values: readonly number[];
}

/** A budget with every sum computed (written sums were checked against these). */
export interface Budget {
  readonly unit?: string;
  readonly columns: readonly string[];
  readonly start?: BudgetLine;
  readonly groups: readonly { readonly name?: string; readonly rows: readonly BudgetLine[]; readonly sum?: BudgetLine }[];
  readonly total?: BudgetLine;
  readonly result?: BudgetLine;
  /** The data file's root. */
  readonly span: Span;
  /** Allowed difference between a written sum and the computed one. */
  readonly rounding: number;
  /** The computed sums: per group, the total, and start + total. */
  readonly sums: { readonly groups: readonly (readonly number[])[]; readonly total: readonly number[]; readonly result?: readonly number[] };
  /** Every line with written values, in file order, with their places (what the checks read). */
  readonly written: readonly WrittenBudgetLine[];
}

/** A budget line as written: which line it is, its values and where each one stands. */
export interface WrittenBudgetLine {
  readonly role: 'start' | 'row' | 'sum' | 'total' | 'result';
  /** The group of a row or sum line. */
  readonly group?: number;
  readonly label: string;
  readonly values: readonly number[];
  readonly valuesSpan: Span;
  readonly valueSpans: readonly Span[];
  /** Amounts written as text that are not numbers (their index and what to write); counted as 0 in the sums. */
  readonly refused: readonly { readonly index: number; readonly hint: string }[];
}

export interface Trapp {
  readonly kategoriar: readonly { readonly id: string; readonly nummer: number; readonly name: string; readonly idSpan: Span }[];
  readonly trinn: readonly Trinn[];
  /** Where `illustrative: true` is written (the trapp form of the example marker). */
  readonly illustrativeSpan?: Span;
  /** The data file's root. */
  readonly span: Span;
}

export interface Trinn {
  readonly nummer: number;
  readonly kategori: string;
  readonly name: string;
  readonly detail?: string;
  readonly nummerSpan: Span;
  readonly kategoriSpan: Span;
}

export interface TrappBlock extends CaptionFacts {
  readonly kind: 'trapp';
  readonly id: string;
  readonly number: number;
  readonly caption: string;
  readonly source?: string;
  readonly trapp: Trapp;
  readonly span: Span;
  readonly idSpan: Span;
}

export interface PlanRef {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly note?: string;
  readonly idSpan: Span;
}

/** Where a block is written and where its id stands (blocks with an id). */
interface Placed {
  readonly span: Span;
}
interface Identified extends Placed {
  readonly id: string;
  readonly idSpan: Span;
}

export type Block =
  | ({ readonly kind: 'paragraph'; readonly content: readonly Inline[] } & Placed)
  | ({ readonly kind: 'heading'; readonly text: string } & Placed)
  | ({ readonly kind: 'list'; readonly style: 'bullet' | 'numbered' | 'lettered' | 'check'; readonly items: readonly (readonly Inline[])[] } & Placed)
  | ({ readonly kind: 'quote'; readonly content: readonly Inline[]; readonly source?: string } & Placed)
  | ({ readonly kind: 'note'; readonly content: readonly Inline[] } & Placed)
  | TableBlock
  | ChartBlock
  | TrappBlock
  | ImageBlock
  | ({ readonly kind: 'fakta'; readonly number?: number; readonly caption?: string; readonly rows: readonly { readonly label: string; readonly value: Cell; readonly span: Span }[] } & Identified & CaptionFacts)
  | ({ readonly kind: 'framdrift'; readonly number: number; readonly caption: string; readonly source?: string; readonly framdrift: Framdrift } & Identified & CaptionFacts)
  | ({ readonly kind: 'milepelar'; readonly number: number; readonly caption: string; readonly source?: string; readonly framdrift: Framdrift } & Identified & CaptionFacts)
  | ({ readonly kind: 'budsjett'; readonly number: number; readonly caption: string; readonly source?: string; readonly budget: Budget } & Identified & CaptionFacts)
  | ({
      readonly kind: 'satsing';
      /** Omitted when the section around the block carries the name. */
      readonly title?: string;
      readonly berekraftsmal: readonly number[];
      readonly berekraftsmalSpans: readonly Span[];
      readonly herErVi: readonly (readonly Inline[])[];
      readonly slikVilVi: readonly (readonly Inline[])[];
      readonly slikKjemViDit: readonly (readonly Inline[])[];
    } & Identified)
  | ({ readonly kind: 'malskjema'; readonly malskjema: Malskjema; /** Where the file name is written. */ readonly refSpan: Span } & Placed)
  | ({ readonly kind: 'planliste' } & Placed)
  /** The målskjema statuses the variant shows, with what each means (generated). */
  | ({ readonly kind: 'statusforklaring' } & Placed)
  | ({ readonly kind: 'kjelder' } & Placed);

export interface Section {
  readonly id: string;
  /** "1", "1.2", "1.2.3" */
  readonly number: string;
  readonly level: 1 | 2 | 3;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly sections: readonly Section[];
  readonly span: Span;
  readonly idSpan: Span;
}

export interface Kjelde {
  readonly id: string;
  readonly text: string;
  readonly url?: string;
  readonly idSpan: Span;
}

/** The whole plan as one typed value. */
export interface PlanDocument {
  readonly meta: PlanMeta;
  readonly chapters: readonly Section[];
  readonly footnotes: readonly Footnote[];
  readonly planar: readonly PlanRef[];
  readonly kjelder: readonly Kjelde[];
  /** Content hash of every source file, for the manifest. */
  readonly sourceHash: string;
}

// The målskjema part of the model: its configuration (levels, columns, status vocabulary) and the
// rows a målskjema file holds. The configuration is resolved once per plan (plan.yaml over the
// kommune profile over the neutral defaults); words are already in the plan's language form.

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
  /** What the status means, in the plan's language form (printed by the `statusforklaring` block). */
  readonly description?: string;
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
  /** The amount in kroner, when `raw` reads as one (see readAmount). */
  readonly amount?: number;
  /** When `raw` looks like an amount written wrongly (`1.200.000`): what to write instead. */
  readonly amountHint?: string;
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
  /** The sum as written: a number, or a text read as kroner. */
  readonly raw: string | number;
  /** The sum in kroner; undefined when `raw` is no amount. */
  readonly value?: number;
  /** When `raw` looks like an amount written wrongly: what to write instead. */
  readonly hint?: string;
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
  /** Where `illustrative: true` is written (the målskjema form of the example marker). */
  readonly illustrativeSpan?: Span;
  /** The målskjema file's root. */
  readonly span: Span;
}
