// The typed document model: what a plan says, independent of variant and page layout.
// Every node that a user wrote keeps its source span; numbering is already assigned.
import type { Span } from '../core/span.js';

export type Language = 'nn' | 'nb';
export type VariantName = 'utkast' | 'hoyring' | 'vedtak';
export const VARIANTS: readonly VariantName[] = ['utkast', 'hoyring', 'vedtak'];
export type PlanKind = 'kommunedelplan' | 'planprogram' | 'statusrapport' | 'strategisk-plan';

/** A run of inline text, or a footnote mark. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string; readonly bold: boolean; readonly italics: boolean; readonly link?: string }
  | { readonly kind: 'footnote'; readonly number: number };

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
  readonly vedtak?: { readonly date?: string; readonly sak?: Sak };
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

export interface PlanMeta {
  readonly id: string;
  readonly version: string;
  readonly kind: PlanKind;
  readonly language: Language;
  readonly title: string;
  readonly subtitle?: string;
  readonly kommune: Kommune;
  readonly subject?: string;
  readonly keywords: readonly string[];
  readonly period: Period;
  readonly handlingsdel?: Period;
  readonly variants: Variants;
}

export type Cell =
  | { readonly kind: 'text'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'empty' };

export interface TableBlock {
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
}

export interface ChartSeries {
  readonly id: string;
  readonly name: string;
  readonly dashed: boolean;
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  readonly type: 'line' | 'bar';
  readonly title: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly unit?: string;
  readonly stacked: boolean;
  readonly illustrative: boolean;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

export interface ChartBlock {
  readonly kind: 'chart';
  readonly id: string;
  readonly number: number;
  readonly caption: string;
  readonly source?: string;
  readonly chart: ChartSpec;
  readonly span: Span;
}

export interface ImageBlock {
  readonly kind: 'image';
  readonly id: string;
  readonly number: number;
  readonly caption: string;
  readonly alt: string;
  readonly source?: string;
  readonly width?: number;
  readonly image: { readonly mime: 'image/png' | 'image/jpeg'; readonly bytes: Uint8Array; readonly width: number; readonly height: number };
  readonly span: Span;
}

/** Activities × months, grouped in phases, and milestones: one source for Gantt and milepælsplan. */
export interface Framdrift {
  readonly from: string;
  readonly to: string;
  readonly illustrative: boolean;
  readonly phases: readonly { readonly name: string; readonly activities: readonly { readonly name: string; readonly from: string; readonly to: string }[] }[];
  readonly milestones: readonly { readonly name: string; readonly date: string }[];
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
}

export interface Trapp {
  readonly kategoriar: readonly { readonly id: string; readonly nummer: number; readonly name: string }[];
  readonly trinn: readonly { readonly nummer: number; readonly kategori: string; readonly name: string; readonly detail?: string }[];
}

export interface TrappBlock {
  readonly kind: 'trapp';
  readonly id: string;
  readonly number: number;
  readonly caption: string;
  readonly source?: string;
  readonly trapp: Trapp;
  readonly span: Span;
}

export type DelmalStatus = 'omtalast' | 'samarbeid' | 'ikkje';
export type YearValue = 'x' | number;

export interface PlanRef {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly note?: string;
}

export interface Tiltak {
  readonly tekst: readonly Inline[];
  readonly plan?: PlanRef;
  readonly ansvar?: string;
  readonly ar: ReadonlyMap<number, YearValue>;
}

export interface Oppna {
  readonly tekst: readonly Inline[];
  readonly tiltak: readonly Tiltak[];
}

export interface Delmal {
  readonly id: string;
  readonly tekst: readonly Inline[];
  readonly status: DelmalStatus;
  readonly oppna: readonly Oppna[];
  readonly span: Span;
}

export interface Mal {
  readonly nummer: string;
  readonly tekst: readonly Inline[];
  readonly delmal: readonly Delmal[];
}

export interface Malskjema {
  readonly hovudmal: { readonly nummer: number; readonly tekst: readonly Inline[] };
  readonly mal: readonly Mal[];
  readonly years: readonly number[];
}

export type Block =
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'list'; readonly style: 'bullet' | 'numbered' | 'lettered' | 'check'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'quote'; readonly content: readonly Inline[]; readonly source?: string }
  | { readonly kind: 'note'; readonly content: readonly Inline[] }
  | TableBlock
  | ChartBlock
  | TrappBlock
  | ImageBlock
  | { readonly kind: 'fakta'; readonly id: string; readonly number?: number; readonly caption?: string; readonly rows: readonly { readonly label: string; readonly value: Cell }[] }
  | { readonly kind: 'framdrift'; readonly id: string; readonly number: number; readonly caption: string; readonly source?: string; readonly framdrift: Framdrift }
  | { readonly kind: 'milepelar'; readonly id: string; readonly number: number; readonly caption: string; readonly source?: string; readonly framdrift: Framdrift }
  | { readonly kind: 'budsjett'; readonly id: string; readonly number: number; readonly caption: string; readonly source?: string; readonly budget: Budget }
  | {
      readonly kind: 'satsing';
      readonly id: string;
      /** Omitted when the section around the block carries the name. */
      readonly title?: string;
      readonly berekraftsmal: readonly number[];
      readonly herErVi: readonly (readonly Inline[])[];
      readonly slikVilVi: readonly (readonly Inline[])[];
      readonly slikKjemViDit: readonly (readonly Inline[])[];
    }
  | { readonly kind: 'malskjema'; readonly malskjema: Malskjema }
  | { readonly kind: 'planliste' }
  | { readonly kind: 'kjelder' };

export interface Section {
  readonly id: string;
  /** "1", "1.2", "1.2.3" */
  readonly number: string;
  readonly level: 1 | 2 | 3;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly sections: readonly Section[];
  readonly span: Span;
}

export interface Kjelde {
  readonly id: string;
  readonly text: string;
  readonly url?: string;
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
